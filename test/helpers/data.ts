/** Browser side: what the sandbox engine holds for a user, read the way the kit reads it. */
import { fixture } from '@open-wc/testing';
import sinon from 'sinon/pkg/sinon-esm.js';
import { sandboxEnv } from './env.js';
import { apiScenario, scenario, until } from './scenario.js';
import type { LoggedRequest, ScriptedAnswer } from './wtr-sandbox.js';

export async function tokenFor(user = 'demo@example.com'): Promise<string> {
  const env = await sandboxEnv();
  const answer = await fetch(env.tokenEndpoint, {
    method: 'POST',
    headers: { 'x-test-user': user },
    body: JSON.stringify({ purpose: 'api' }),
  });
  return ((await answer.json()) as { token: string }).token;
}

/** GETs `path` from the sandbox engine as `user`. */
export async function engineGet<T = any>(path: string, user = 'demo@example.com'): Promise<T> {
  const env = await sandboxEnv();
  const answer = await fetch(`${env.engine}${path}`, {
    headers: { authorization: `Token ${await tokenFor(user)}` },
  });
  return (await answer.json()) as T;
}

export interface Setup {
  endpoint: string;
  apiBase: string;
  tokenLog(): Promise<LoggedRequest[]>;
  apiLog(): Promise<LoggedRequest[]>;
}

/**
 * A fresh token endpoint and API base, both logged, that answer as scripted: by default with
 * real tokens and the real engine.
 */
export async function scripted(
  token: ScriptedAnswer[] = [{ proxy: true }],
  api: ScriptedAnswer[] = [{ proxy: true }],
): Promise<Setup> {
  const tokens = await scenario(...token);
  const reads = await apiScenario(...api);
  return {
    endpoint: tokens.endpoint,
    apiBase: reads.apiBase,
    tokenLog: tokens.log,
    apiLog: reads.log,
  };
}

/** A fresh token endpoint (real tokens for `user`) and API base (the real engine), both logged. */
export const setup = (user = 'demo@example.com'): Promise<Setup> =>
  scripted([{ proxy: true, user }]);

/** `attributes` (plus the setup's endpoint and API base) as HTML. */
function attributeText(attributes: Record<string, string>, where?: Setup): string {
  const attrs = {
    ...(where ? { 'token-endpoint': where.endpoint, 'api-base': where.apiBase } : {}),
    ...attributes,
  };
  return Object.entries(attrs)
    .map(([name, value]) => `${name}="${value.replace(/"/g, '&quot;')}"`)
    .join(' ');
}

/** Renders `tag` with `attributes` (plus the setup's endpoint and API base). */
export function render<T extends HTMLElement>(
  tag: string,
  attributes: Record<string, string>,
  where?: Setup,
): Promise<T> {
  return fixture<T>(`<${tag} ${attributeText(attributes, where)}></${tag}>`);
}

/** Renders one `tag` for each of `attributeSets`, side by side, as `render` does one. */
export async function renderAll<T extends HTMLElement>(
  tag: string,
  attributeSets: Record<string, string>[],
  where?: Setup,
): Promise<T[]> {
  const html = attributeSets.map((attrs) => `<${tag} ${attributeText(attrs, where)}></${tag}>`);
  const root = await fixture<HTMLElement>(`<div>${html.join('')}</div>`);
  return [...root.children] as T[];
}

/** Waits until a card or gauge shows what it read (or why it could not). */
export const settled = (el: { status: string }, timeoutMs?: number) =>
  until(() => el.status !== 'loading' && el.status !== 'idle', 'settled', timeoutMs);

export const textOf = (el: Element) =>
  (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Every text an element showed, from now on: what a user could have seen, render by render. */
export function filmed(el: Element): string[] {
  const frames = [textOf(el)];
  new MutationObserver(() => frames.push(textOf(el))).observe(el.shadowRoot!, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  return frames;
}

/**
 * Stubs `console.error` (where the kit explains what it shows) around each test of the
 * `describe` block it is called in; returns a function that gives the current test's stub.
 */
export function consoleErrors(): () => sinon.SinonStub {
  let stub: sinon.SinonStub;
  beforeEach(() => (stub = sinon.stub(console, 'error')));
  afterEach(() => stub.restore());
  return () => stub;
}

/**
 * Appends a `tag` with `attributes` to `parent`, its token endpoint and API base (`where`) set
 * as properties, the way a framework binds them.
 */
export function mount<T extends HTMLElement>(
  parent: Element,
  tag: string,
  attributes: Record<string, string>,
  where?: Pick<Setup, 'endpoint' | 'apiBase'>,
): T {
  const el = document.createElement(tag) as T & { tokenEndpoint?: string; apiBase?: string };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (where) {
    el.tokenEndpoint = where.endpoint;
    el.apiBase = where.apiBase;
  }
  parent.append(el);
  return el;
}
