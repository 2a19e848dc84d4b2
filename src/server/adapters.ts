/**
 * The two ways a host mounts a handler — Node's `(req, res)` and the Fetch API's
 * `(Request) => Response` — around one framework-free core: one deadline per request, the body
 * read within it, and JSON answers that are never cached and never hold a secret.
 */
import type { ServerResponse } from 'node:http';
import { readFetchBody, readNodeBody, type NodeRequest } from './body.js';
import type { Clock } from './clock.js';
import { Deadline } from './deadline.js';
import { HttpError } from './http-error.js';
import type { Secrets } from './secrets.js';

/** An answer the handler gives: status and JSON body. */
export interface HandlerAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The framework-free core of a handler: method, parsed JSON body, the original request. */
export type CoreHandler<R> = (input: {
  method: string;
  body: unknown;
  request: R;
  /** The request's deadline: pass `deadline` to upstream calls, `deadline.signal` to waits. */
  deadline: Deadline;
}) => Promise<HandlerAnswer>;

/** How the adapters run a core handler. */
export interface AdapterSettings {
  maxBodyBytes: number;
  /** The whole request's deadline: body, `getUser` and every upstream call together. */
  timeoutMs: number;
  /** What the deadline goes by. */
  clock: Clock;
  /** Never echoed in an answer. */
  secrets: Secrets;
  /** Receives 504s and unexpected failures (see `reporter`). */
  report: (error: Error) => void;
  /** Names the handler in reports of unexpected failures ("The Sahha token handler"). */
  label: string;
}

type Sealed = HandlerAnswer & { text: string };

function answerHeaders(extra?: Record<string, string>): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  };
}

function errorAnswer(error: unknown, settings: AdapterSettings): HandlerAnswer {
  if (error instanceof HttpError) {
    // 502s were reported where they arose; a 504 is reported here, once per request.
    if (error.status === 504) settings.report(error);
    const headers: Record<string, string> = error.status === 405 ? { allow: 'POST' } : {};
    return { status: error.status, body: { error: error.code, message: error.message }, headers };
  }
  const message = error instanceof Error ? error.message : String(error);
  settings.report(new Error(`${settings.label} failed: ${message}`));
  return {
    status: 500,
    body: { error: 'internal-error', message: 'The token handler failed unexpectedly.' },
  };
}

/** The answer as sent: errors redacted, and no secret handed out even as a "token". */
function seal(answer: HandlerAnswer, settings: AdapterSettings): Sealed {
  const text = JSON.stringify(answer.body);
  if (answer.status >= 400) return { ...answer, text: settings.secrets.redact(text) };
  if (!settings.secrets.foundIn(text)) return { ...answer, text };
  const error = new HttpError(502, 'upstream-failed', 'The upstream answer held a credential.');
  settings.report(error);
  return seal(errorAnswer(error, settings), settings);
}

/** Runs the core under one deadline that covers reading the body as well. */
async function run<R>(
  core: CoreHandler<R>,
  request: R,
  method: string,
  readBody: (signal: AbortSignal) => Promise<unknown>,
  settings: AdapterSettings,
): Promise<Sealed> {
  const deadline = new Deadline(settings.timeoutMs, settings.clock);
  let answer: HandlerAnswer;
  try {
    if (method !== 'POST') throw new HttpError(405, 'method-not-allowed', 'Use POST.');
    deadline.waitingFor = 'the request body';
    const work = readBody(deadline.signal).then((body) =>
      core({ method, body, request, deadline }),
    );
    answer = await deadline.race(work);
  } catch (error) {
    answer = errorAnswer(error, settings);
  } finally {
    deadline.clear();
  }
  return seal(answer, settings);
}

/** Adapts a core handler to the Fetch API: `(Request) => Promise<Response>`. */
export function toFetchHandler<R extends Request>(core: CoreHandler<R>, settings: AdapterSettings) {
  return async (request: R): Promise<Response> => {
    const answer = await run(
      core,
      request,
      request.method,
      (signal) => readFetchBody(request, settings.maxBodyBytes, signal),
      settings,
    );
    return new Response(answer.text, {
      status: answer.status,
      headers: answerHeaders(answer.headers),
    });
  };
}

/** Adapts a core handler to Node `http`, Express and Connect: `(req, res, next?)`. */
export function toNodeHandler<R extends NodeRequest>(
  core: CoreHandler<R>,
  settings: AdapterSettings,
) {
  return async (req: R, res: ServerResponse, _next?: (error?: unknown) => void): Promise<void> => {
    const answer = await run(
      core,
      req,
      req.method ?? '',
      () => readNodeBody(req, settings.maxBodyBytes),
      settings,
    );
    if (res.headersSent) return;
    // A body not yet received (cut off by the deadline, say) is not worth keeping the
    // connection for: Node would otherwise go on reading what a slow client trickles in.
    const close: Record<string, string> = req.complete ? {} : { connection: 'close' };
    res.writeHead(answer.status, answerHeaders({ ...answer.headers, ...close }));
    res.end(answer.text);
  };
}
