/**
 * Browser side of the scenario token endpoints (see wtr-sandbox.ts): script what the token
 * endpoint answers, read what it was asked. Real HTTP on the test page's origin.
 */
import { fixture, html } from '@open-wc/testing';
import sinon from 'sinon/pkg/sinon-esm.js';
import type { IpFaceScan } from '../../src/entries/index.js';
import type { LoggedRequest, ScriptedAnswer } from './wtr-sandbox.js';
import { sandboxEnv } from './env.js';
import { WAIT_MS } from './patience.js';

export interface ScenarioHandle {
  endpoint: string;
  log(): Promise<LoggedRequest[]>;
}

export async function scenario(...answers: ScriptedAnswer[]): Promise<ScenarioHandle> {
  const created = await fetch('/__ip/scenarios', {
    method: 'POST',
    body: JSON.stringify({ answers }),
  });
  const { id, endpoint } = (await created.json()) as { id: string; endpoint: string };
  return {
    endpoint,
    log: async () => (await fetch(`/__ip/scenarios/${id}/log`)).json() as Promise<LoggedRequest[]>,
  };
}

/** An API base that answers as scripted, in front of the real sandbox engine, logging each request. */
export async function apiScenario(
  ...answers: ScriptedAnswer[]
): Promise<{ apiBase: string; log(): Promise<LoggedRequest[]> }> {
  const created = await fetch('/__ip/api-scenarios', {
    method: 'POST',
    body: JSON.stringify({ answers }),
  });
  const { id, apiBase } = (await created.json()) as { id: string; apiBase: string };
  return {
    apiBase,
    log: async () => (await fetch(`/__ip/scenarios/${id}/log`)).json() as Promise<LoggedRequest[]>,
  };
}

/** A real plug-in URL from the sandbox, as the token endpoint would hand it out. */
export async function realPluginUrl(
  purpose: 'face-scan' | 'dashboard' = 'face-scan',
): Promise<string> {
  const env = await sandboxEnv();
  const answer = await fetch(env.tokenEndpoint, {
    method: 'POST',
    body: JSON.stringify({ purpose }),
  });
  return ((await answer.json()) as { url: string }).url;
}

/** The relay page on the plug-in origin: it posts back whatever its parent posts to it. */
export async function relayUrl(tag = ''): Promise<string> {
  return `${(await sandboxEnv()).plugins}/relay/${tag ? `?tag=${tag}` : ''}`;
}

/** The page's own setTimeout, taken before a test can fake it (`fakeTimers`). */
const realTimeout = globalThis.setTimeout.bind(globalThis);

/**
 * Polls `predicate` until it is truthy: on the page's real timers, which a fake clock does not
 * move, every few milliseconds at first, then every 50. (Not on animation frames: asking for one
 * makes the page render a frame, sixty times a second for as long as a test waits.)
 */
export async function until<T>(
  predicate: () => T | Promise<T>,
  message = 'condition',
  timeoutMs = WAIT_MS,
): Promise<NonNullable<T>> {
  const start = performance.now();
  for (let pause = 5; ; pause = Math.min(pause * 2, 50)) {
    const value = await predicate();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => realTimeout(resolve, pause));
  }
}

/** Collects the kit events an element fires. */
export function record(el: EventTarget, ...types: string[]): CustomEvent[] {
  const events: CustomEvent[] = [];
  for (const type of types) el.addEventListener(type, (event) => events.push(event as CustomEvent));
  return events;
}

/** The next task: what the page queued before it (a message, a timer of 0 ms) has run. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * The `status` values `el` takes from now on, in order, read when called. A reload or a new
 * session shows `loading` in the very update that starts it, so an empty trail after
 * `await el.updateComplete` proves that nothing started.
 */
export function statusTrail(el: Element): () => string[] {
  const trail: string[] = [];
  const take = (records: MutationRecord[]) => {
    for (const record of records) trail.push((record.target as Element).getAttribute('status')!);
  };
  const observer = new MutationObserver(take);
  observer.observe(el, { attributes: true, attributeFilter: ['status'] });
  return () => {
    take(observer.takeRecords());
    return [...trail];
  };
}

/**
 * Waits until the `index`th request in `log` is over on the wire (answered or aborted) and, if
 * it was answered, until the page has its response and has had a task to act on it.
 */
export async function overOnTheWire(
  log: () => Promise<LoggedRequest[]>,
  index = 0,
): Promise<LoggedRequest> {
  const entries = await until(async () => {
    const entries = await log();
    return entries[index]?.outcome ? entries : undefined;
  }, `request ${index} over`);
  const entry = entries[index]!;
  if (entry.outcome === 'answered') {
    // As many answers to its URL in the page as the server gave, up to this one.
    const answered = entries
      .slice(0, index + 1)
      .filter((e) => e.url === entry.url && e.outcome === 'answered').length;
    await until(
      () =>
        performance
          .getEntriesByType('resource')
          .filter(
            (e) => e.name.endsWith(entry.url) && (e as PerformanceResourceTiming).responseEnd > 0,
          ).length >= answered,
      `the answer to ${entry.url} in the page`,
    );
    await nextTask();
  }
  return entry;
}

/** Resolves with the next message that `source()` posts to this window. */
export function messageFrom(source: () => MessageEventSource | null | undefined): Promise<unknown> {
  return new Promise((resolve) => {
    const listen = (event: MessageEvent) => {
      if (event.source !== source()) return;
      window.removeEventListener('message', listen);
      resolve(event.data);
    };
    window.addEventListener('message', listen);
  });
}

/**
 * Fake timeouts and Date from now on (animation frames, which `until` waits on, stay real). An
 * element's first update waits for a task: install them once it has rendered. A real timer set
 * before is still cleared by clearTimeout, as on a page without fakes.
 */
export const fakeTimers = (options: { now?: number; shouldAdvanceTime?: boolean } = {}) =>
  sinon.useFakeTimers({
    now: Date.now(),
    ...options,
    toFake: ['setTimeout', 'clearTimeout', 'Date'],
    shouldClearNativeTimers: true,
  });

/**
 * A token endpoint that answers the relay plug-in's URL tagged `tags[n]` to its nth request
 * (the last one again after that); the first `expiring` of them expire in 20 minutes.
 */
export async function relayScenario(tags: string[], expiring = 0): Promise<ScenarioHandle> {
  const soon = new Date(Date.now() + 20 * 60_000).toISOString();
  const answers = await Promise.all(
    tags.map(async (tag, n) => ({
      json: { url: await relayUrl(tag), ...(n < expiring ? { expires_at: soon } : {}) },
    })),
  );
  return scenario(...answers);
}

/** Renders a face scan on the token endpoint `endpoint`, trusting the sandbox plug-ins. */
export async function faceScanOn(endpoint: string): Promise<IpFaceScan> {
  const plugins = (await sandboxEnv()).plugins;
  return fixture<IpFaceScan>(
    html`<ip-face-scan token-endpoint=${endpoint} allowed-origins=${plugins}></ip-face-scan>`,
  );
}
