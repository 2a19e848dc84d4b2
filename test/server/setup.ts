/**
 * The set-up the server-half tests share: a token handler on a fake upstream in front of a
 * sandbox engine, on a fake clock, reporting into a list; and how to ask it, in process
 * (`.fetch`) or over real HTTP (`.node`).
 */
import assert from 'node:assert/strict';
import { beforeEach } from 'node:test';
import { createEngine, SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { listen, type Running } from '../../demo/sandbox/http-util.js';
import {
  createSahhaEngine,
  SAHHA_CLIENT_ID,
  SAHHA_CLIENT_SECRET,
} from '../../demo/sandbox/sahha.js';
import {
  createSahhaTokenHandler,
  createTokenHandler,
  type SahhaTokenHandlerOptions,
  type TokenHandler,
  type TokenHandlerOptions,
} from '../../src/server/index.js';
import { fakeClock } from './fake-clock.js';
import { useUpstream } from './fake-upstream.js';

export const ADAPTERS = ['fetch', 'node'] as const;

let fresh = 0;
/** An external user id nobody has used yet: its first request creates the user. */
export const newUser = () => `new-${Date.now()}-${fresh++}@example.com`;

/** What every suite gets: its upstream, the handler's reports and clock (both fresh per test). */
function useCommon() {
  const reports: Error[] = [];
  const clock = fakeClock();
  beforeEach(() => {
    reports.length = 0;
    clock.reset();
  });
  return { reports, clock, common: { onError: (error: Error) => void reports.push(error), clock } };
}

/** An IntelliProve token handler on the sandbox engine, signed in as demo@example.com. */
export function useIntelliProve() {
  const engine = createEngine({ pluginOrigin: 'http://plugins.test' });
  const upstream = useUpstream(engine.handler);
  const { reports, clock, common } = useCommon();
  const handler = (extra: Partial<TokenHandlerOptions> = {}) =>
    createTokenHandler({
      apiKey: SANDBOX_API_KEY,
      apiBase: upstream.url,
      getUser: () => 'demo@example.com',
      ...common,
      ...extra,
    });
  return { engine, upstream, reports, clock, handler };
}

/** A Sahha token handler on the Sahha sandbox, signed in as demo@example.com. */
export function useSahha() {
  const engine = createSahhaEngine();
  const upstream = useUpstream(engine.handler);
  const { reports, clock, common } = useCommon();
  const handler = (extra: Partial<SahhaTokenHandlerOptions> = {}) =>
    createSahhaTokenHandler({
      clientId: SAHHA_CLIENT_ID,
      clientSecret: SAHHA_CLIENT_SECRET,
      apiBase: upstream.url,
      getUser: () => 'demo@example.com',
      ...common,
      ...extra,
    });
  return { engine, upstream, reports, clock, handler };
}

/** A token handler's `.node` adapter on a real HTTP server, as a host would mount it. */
export function host(tokens: TokenHandler): Promise<Running> {
  return listen((req, res) => tokens.node(req, res));
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/**
 * POSTs `body` (JSON; a string is sent as it is) to the handler: through `.fetch` in process, or
 * through `.node` over real HTTP. `headers` reach `getUser` either way.
 */
export async function post(
  tokens: TokenHandler,
  via: 'fetch' | 'node' = 'fetch',
  body: unknown = { purpose: 'api' },
  headers: Record<string, string> = {},
): Promise<Answer> {
  const init = {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers,
  };
  const server = via === 'node' ? await host(tokens) : undefined;
  try {
    const response = server
      ? await fetch(`${server.url}/api/token`, init)
      : await tokens.fetch(new Request('http://host.test/api/token', init));
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
  } finally {
    await server?.close();
  }
}

/** Asserts that every one of `answers` has `status`. */
export function assertAll(answers: Answer[], status: number): void {
  assert.deepEqual(
    answers.map((a) => a.status),
    Array(answers.length).fill(status),
  );
}
