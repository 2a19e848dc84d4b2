/**
 * Browser side of the scenario token endpoints (see wtr-sandbox.ts): script what the token
 * endpoint answers, read what it was asked. Real HTTP on the test page's origin.
 */
import type { LoggedRequest, ScriptedAnswer } from './wtr-sandbox.js';
import { sandboxEnv } from './env.js';

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

/** Polls `predicate` on animation frames (unaffected by fake timers) until it is truthy. */
export async function until<T>(
  predicate: () => T | Promise<T>,
  message = 'condition',
  timeoutMs = 8000,
): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = await predicate();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Collects the kit events an element fires. */
export function record(el: EventTarget, ...types: string[]): CustomEvent[] {
  const events: CustomEvent[] = [];
  for (const type of types) el.addEventListener(type, (event) => events.push(event as CustomEvent));
  return events;
}
