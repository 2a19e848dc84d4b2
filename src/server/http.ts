/**
 * Transport glue shared by the token handlers: one framework-free request model, adapters
 * for Node's `(req, res)` and the Fetch API's `(Request) => Response`, bounded body reading,
 * and JSON answers that are never cached.
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

/** The framework-free core of a handler: method, parsed JSON body and the original request. */
export type CoreHandler<R> = (input: {
  method: string;
  body: unknown;
  request: R;
}) => Promise<HandlerAnswer>;

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

function errorAnswer(error: unknown, onUnexpected?: (error: Error) => void): HandlerAnswer {
  if (error instanceof HttpError) {
    const headers: Record<string, string> = error.status === 405 ? { allow: 'POST' } : {};
    return { status: error.status, body: { error: error.code, message: error.message }, headers };
  }
  onUnexpected?.(error instanceof Error ? error : new Error(String(error)));
  return {
    status: 500,
    body: { error: 'internal-error', message: 'The token handler failed unexpectedly.' },
  };
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
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return parseJson(Buffer.concat(chunks).toString('utf8'));
}

async function readFetchBody(request: Request, limit: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return parseJson('');
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    text += decoder.decode(value, { stream: true });
  }
  return parseJson(text + decoder.decode());
}

/** Adapts a core handler to the Fetch API: `(Request) => Promise<Response>`. */
export function toFetchHandler<R extends Request>(
  core: CoreHandler<R>,
  limit: number,
  onUnexpected?: (error: Error) => void,
) {
  return async (request: R): Promise<Response> => {
    let answer: HandlerAnswer;
    try {
      if (request.method !== 'POST') throw new HttpError(405, 'method-not-allowed', 'Use POST.');
      const body = await readFetchBody(request, limit);
      answer = await core({ method: request.method, body, request });
    } catch (error) {
      answer = errorAnswer(error, onUnexpected);
    }
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: answerHeaders(answer.headers),
    });
  };
}

/** Adapts a core handler to Node `http`, Express and Connect: `(req, res, next?)`. */
export function toNodeHandler<R extends NodeRequest>(
  core: CoreHandler<R>,
  limit: number,
  onUnexpected?: (error: Error) => void,
) {
  return async (req: R, res: ServerResponse, _next?: (error?: unknown) => void): Promise<void> => {
    let answer: HandlerAnswer;
    try {
      if (req.method !== 'POST') throw new HttpError(405, 'method-not-allowed', 'Use POST.');
      const body = await readNodeBody(req, limit);
      answer = await core({ method: req.method, body, request: req });
    } catch (error) {
      answer = errorAnswer(error, onUnexpected);
    }
    if (res.headersSent) return;
    res.writeHead(answer.status, answerHeaders(answer.headers));
    res.end(JSON.stringify(answer.body));
  };
}

/** Removes every occurrence of each secret from a text meant for a response or a log. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** Reads the `exp` claim of a JWT without verifying it (only to know when to renew). */
export function jwtExpiry(token: string): Date | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null;
  } catch {
    return null;
  }
}
