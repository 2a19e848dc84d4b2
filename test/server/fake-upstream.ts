/**
 * A stand-in vendor API over real HTTP for the server-half tests: it records every call, lets a
 * test answer any of them itself (late, huge, broken, echoing secrets), and hands the rest to a
 * sandbox engine.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before, beforeEach } from 'node:test';
import { Readable } from 'node:stream';
import { listen, type Handler, type Running } from '../../demo/sandbox/http-util.js';

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

export interface FakeUpstream {
  /** Its origin, once the suite has started. */
  url: string;
  /** The calls of the current test. */
  calls: Call[];
  /** The current test's own answers. */
  route: Route | undefined;
  count(method: string, path: string): number;
}

/** Answers `body` as JSON, with its content-length. */
export function json(res: ServerResponse, status: number, body: unknown): true {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
  return true;
}

/**
 * A fake upstream in front of `engine` (a sandbox engine's handler) for the current suite: it
 * starts before the suite's tests, closes after them, and forgets calls and routes before each.
 */
export function useUpstream(engine: Handler): FakeUpstream {
  const fake: FakeUpstream = {
    url: '',
    calls: [],
    route: undefined,
    count: (method, path) =>
      fake.calls.filter((c) => c.method === method && c.path === path).length,
  };
  const record: Handler = async (req, res) => {
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
  };
  let server: Running | undefined;
  before(async () => {
    server = await listen(record);
    fake.url = server.url;
  });
  after(() => server?.close());
  beforeEach(() => {
    fake.calls = [];
    fake.route = undefined;
  });
  return fake;
}
