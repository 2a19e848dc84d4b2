/**
 * A stand-in vendor API over real HTTP for the server-half tests: it records every call, lets a
 * test answer any of them itself (late, huge, broken, echoing secrets), and hands the rest to a
 * sandbox engine. Also: the token handler mounted on a real Node server, and a clock.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { listen, type Handler, type Running } from '../../demo/sandbox/http-util.js';
import type { TokenHandler } from '../../src/server/index.js';

export interface Call {
  method: string;
  /** The path without its query. */
  path: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** True once the caller hung up before the answer was complete (an aborted fetch). */
  aborted: boolean;
}

/** Answers a call itself (returns true) or leaves it to the engine. */
export type Route = (call: Call, res: ServerResponse) => boolean | Promise<boolean>;

export interface FakeUpstream extends Running {
  calls: Call[];
  /** The test's own answers; reset it in `beforeEach`. */
  route: Route | undefined;
  count(method: string, path: string): number;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function json(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
  return true;
}

/** Starts a fake upstream in front of `engine` (a sandbox engine's handler). */
export async function fakeUpstream(engine: Handler): Promise<FakeUpstream> {
  const fake: FakeUpstream = Object.assign(
    await listen(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const call: Call = {
        method: req.method!,
        path: req.url!.split('?')[0]!,
        url: req.url!,
        headers: req.headers,
        body,
        aborted: false,
      };
      fake.calls.push(call);
      res.on('close', () => (call.aborted = !res.writableFinished));
      if (await fake.route?.(call, res)) return;
      if (res.destroyed) return;
      // The engine reads the body again.
      const replay = Object.assign(Readable.from([Buffer.from(body)]), {
        method: req.method,
        url: req.url,
        headers: req.headers,
      });
      await engine(replay as never, res);
    }),
    {
      calls: [] as Call[],
      route: undefined as Route | undefined,
      count: (method: string, path: string) =>
        fake.calls.filter((c) => c.method === method && c.path === path).length,
    },
  );
  return fake;
}

/** A token handler's `.node` adapter on a real HTTP server, as a host would mount it. */
export function host(tokens: TokenHandler): Promise<Running> {
  return listen((req, res) => tokens.node(req, res));
}

export interface Answer {
  status: number;
  text: string;
  body: any;
  ms: number;
}

/**
 * POSTs `body` to the handler: through `.fetch` in process, or through `.node` over real HTTP.
 * `headers` reach `getUser` either way.
 */
export async function post(
  tokens: TokenHandler,
  via: 'fetch' | 'node',
  body: unknown = { purpose: 'api' },
  headers: Record<string, string> = {},
): Promise<Answer> {
  const started = Date.now();
  const init = { method: 'POST', body: JSON.stringify(body), headers };
  const server = via === 'node' ? await host(tokens) : undefined;
  try {
    const response = server
      ? await fetch(`${server.url}/api/token`, init)
      : await tokens.fetch(new Request('http://host.test/api/token', init));
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text), ms: Date.now() - started };
  } finally {
    await server?.close();
  }
}

/** Waits until `check` holds (polling), failing after `ms`. */
export async function eventually(check: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(20);
  }
}
