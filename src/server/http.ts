/**
 * Transport glue shared by the token handlers: one framework-free request model, adapters
 * for Node's `(req, res)` and the Fetch API's `(Request) => Response`, one deadline per request,
 * bounded body reading, redaction of secrets, and JSON answers that are never cached.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An answer the handler gives: status and JSON body. */
export interface HandlerAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Thrown inside a handler to answer with a given status and message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The one deadline of a request, or of a call several requests share. Its `signal` aborts when
 * the time is up, with a 504 `HttpError` naming what was awaited as the reason, so that every
 * pending fetch stops; `race` makes any other wait (a hanging `getUser`) give up at that moment.
 */
export class Deadline {
  readonly signal: AbortSignal;
  readonly #timer: ReturnType<typeof setTimeout>;
  #waitingFor = 'the request';
  #joined: Deadline | undefined;

  constructor(ms: number) {
    const controller = new AbortController();
    this.signal = controller.signal;
    this.#timer = setTimeout(() => {
      const message = `No answer within ${ms} ms (waiting for ${this.waitingFor}).`;
      controller.abort(new HttpError(504, 'timeout', message));
    }, ms);
  }

  /** What the request is waiting for now, named in the 504 ("getUser", "Sahha POST …"). */
  get waitingFor(): string {
    return this.#joined?.waitingFor ?? this.#waitingFor;
  }
  set waitingFor(what: string) {
    this.#waitingFor = what;
    this.#joined = undefined;
  }

  /** Waits on a call shared under `other` (see `singleFlight`): names what that one awaits. */
  join(other: Deadline): void {
    this.#joined = other;
  }

  /** Settles as `work` does, or rejects with the 504 once the deadline passes. */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.signal.aborted) {
      work.catch(() => {}); // given up on: its own failure no longer matters
      return Promise.reject(this.signal.reason);
    }
    return new Promise<T>((resolve, reject) => {
      const expire = () => reject(this.signal.reason);
      this.signal.addEventListener('abort', expire, { once: true });
      void work.then(resolve, reject).finally(() => {
        this.signal.removeEventListener('abort', expire);
      });
    });
  }

  /** Stops the clock once the work is done. */
  clear(): void {
    clearTimeout(this.#timer);
  }
}

/** Runtime secrets kept for redaction: a renewed token's predecessors may still be echoed. */
const LEARNED_SECRETS = 8;

/**
 * The secrets a handler must never echo: fixed ones (API key, client secret) and those it
 * learns at run time (the Sahha account token). Each is matched verbatim, URL-encoded
 * (`encodeURIComponent`, `encodeURI`, form-encoded with `+`), JSON-escaped, and in any letter
 * case, because an upstream error text may quote a credential in any of these shapes.
 */
export class Secrets {
  readonly #fixed: string[];
  #learned: string[] = [];
  #pattern: RegExp | null | undefined;

  constructor(fixed: readonly string[]) {
    this.#fixed = fixed.filter(Boolean);
  }

  /** Adds a secret obtained at run time. */
  learn(secret: string): void {
    if (!secret || this.#learned.includes(secret)) return;
    this.#learned = [...this.#learned, secret].slice(-LEARNED_SECRETS);
    this.#pattern = undefined;
  }

  /** `text` with every shape of every secret replaced by `[redacted]`. */
  redact(text: string): string {
    const pattern = this.#compile();
    return pattern ? text.replace(pattern, '[redacted]') : text;
  }

  /** Whether any shape of any secret appears in `text`. */
  foundIn(text: string): boolean {
    const pattern = this.#compile();
    return pattern ? text.search(pattern) !== -1 : false;
  }

  #compile(): RegExp | null {
    if (this.#pattern !== undefined) return this.#pattern;
    const secrets = [...new Set([...this.#fixed, ...this.#learned])];
    // Longest first, so that a secret is not cut short by a shorter one it starts with.
    const alternatives = secrets.sort((a, b) => b.length - a.length).map(anyShapeOf);
    this.#pattern = alternatives.length ? new RegExp(alternatives.join('|'), 'gi') : null;
    return this.#pattern;
  }
}

/**
 * A pattern for `secret` however an upstream may have written it: each character as itself,
 * percent-encoded (any encoder: `encodeURIComponent`, `encodeURI`, Python's `quote`), as `+`
 * for a space (form encoding), or JSON-escaped; and, with the `i` flag, in any letter case.
 */
function anyShapeOf(secret: string): string {
  return [...secret]
    .map((char) => {
      const bytes = [...new TextEncoder().encode(char)];
      const percent = bytes.map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
      const json = JSON.stringify(char).slice(1, -1);
      const unicode = `\\\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
      const shapes = new Set([escapeRegExp(char), percent, escapeRegExp(json), unicode]);
      if (char === ' ') shapes.add('\\+');
      return `(?:${[...shapes].join('|')})`;
    })
    .join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A handler's `onError` (default `console.error`), fed only redacted errors. */
export function reporter(
  onError: ((error: Error) => void) | undefined,
  secrets: Secrets,
): (error: Error) => void {
  const sink =
    onError ?? ((error: Error) => console.error(`[intelliprove-widgets/server] ${error.message}`));
  return (error) => {
    // A fresh error, so that neither its message nor its stack holds the original text.
    const message = secrets.redact(error.message);
    sink(
      error instanceof HttpError
        ? new HttpError(error.status, error.code, message)
        : new Error(message),
    );
  };
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
  /** Never echoed in an answer. */
  secrets: Secrets;
  /** Receives 504s and unexpected failures (see `reporter`). */
  report: (error: Error) => void;
  /** Names the handler in reports of unexpected failures ("The Sahha token handler"). */
  label: string;
}

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** Node `http` / Express / Connect request: Express may already have parsed the body. */
export type NodeRequest = IncomingMessage & { body?: unknown };

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
function seal(answer: HandlerAnswer, settings: AdapterSettings): HandlerAnswer & { text: string } {
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
): Promise<HandlerAnswer & { text: string }> {
  const deadline = new Deadline(settings.timeoutMs);
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

function parseJson(text: string): unknown {
  if (text.trim() === '')
    throw new HttpError(400, 'invalid-body', 'The request body is empty; send JSON.');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid-body', 'The request body is not valid JSON.');
  }
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'body-too-large', `The request body is larger than ${limit} bytes.`);
}

/**
 * Reads a byte stream as UTF-8, at most `limit` bytes. Past the limit it cancels the rest and
 * throws `tooLarge()`; when `signal` aborts it cancels the rest and throws the signal's reason.
 */
export async function readText(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  signal: AbortSignal,
  tooLarge: () => Error,
): Promise<string> {
  signal.throwIfAborted();
  const reader = stream.getReader();
  const stop = () => void reader.cancel(signal.reason).catch(() => {});
  signal.addEventListener('abort', stop, { once: true });
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal.throwIfAborted();
      if (done) return text + decoder.decode();
      size += value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => {});
        throw tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    signal.throwIfAborted();
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

async function readNodeBody(
  req: NodeRequest & { _body?: boolean },
  limit: number,
): Promise<unknown> {
  // A body-parser ran before us: use what it read. (body-parser 1.x also sets `req.body = {}`
  // for requests it skipped, leaving the stream unread; `_body` tells the two apart.)
  if (req._body === true || req.readableEnded) {
    if (Buffer.isBuffer(req.body)) return parseJson(req.body.toString('utf8'));
    if (typeof req.body === 'string') return parseJson(req.body);
    if (req.body !== undefined && req.body !== null) return req.body;
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  // A body still trickling in at the deadline is left to the `connection: close` answer.
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return parseJson(Buffer.concat(chunks).toString('utf8'));
}

async function readFetchBody(request: Request, limit: number, signal: AbortSignal) {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return parseJson('');
  return parseJson(await readText(request.body, limit, signal, () => tooLarge(limit)));
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
