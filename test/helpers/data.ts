/** Browser side: what the sandbox engine holds for a user, read the way the kit reads it. */
import { fixture } from '@open-wc/testing';
import { sandboxEnv } from './env.js';
import { apiScenario, scenario } from './scenario.js';

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
  tokenLog(): Promise<unknown[]>;
  apiLog(): Promise<{ path?: string }[]>;
}

/** A fresh token endpoint (real tokens for `user`) and API base (the real engine), both logged. */
export async function setup(user = 'demo@example.com'): Promise<Setup> {
  const token = await scenario({ proxy: true, user });
  const api = await apiScenario({ proxy: true });
  return { endpoint: token.endpoint, apiBase: api.apiBase, tokenLog: token.log, apiLog: api.log };
}

/** Renders `tag` with `attributes` (plus the setup's endpoint and API base). */
export async function render<T extends HTMLElement>(
  tag: string,
  attributes: Record<string, string>,
  where?: Setup,
): Promise<T> {
  const attrs = {
    ...(where ? { 'token-endpoint': where.endpoint, 'api-base': where.apiBase } : {}),
    ...attributes,
  };
  const text = Object.entries(attrs)
    .map(([name, value]) => `${name}="${value.replace(/"/g, '&quot;')}"`)
    .join(' ');
  return fixture<T>(`<${tag} ${text}></${tag}>`);
}

export const textOf = (el: Element) =>
  (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
