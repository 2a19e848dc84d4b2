/**
 * Reading HTTP bodies, bounded: the browser's request (from Node's `req`, already parsed by a
 * body-parser or not, or from a Fetch `Request`) and an upstream's answer (a Fetch `Response`).
 * Past the limit, or when the deadline's signal aborts, the rest is not read.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/** Largest request body a handler reads unless told otherwise (`maxBodyBytes`). */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** Node `http` / Express / Connect request: Express may already have parsed the body. */
export type NodeRequest = IncomingMessage & { body?: unknown };

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
async function readText(
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

/**
 * The body of a Fetch `Request` or `Response` as text, at most `limit` bytes: a declared
 * `content-length` past it fails at once, a stream past it as soon as it gets there.
 */
export async function readBodyText(
  message: Request | Response,
  limit: number,
  signal: AbortSignal,
  tooLarge: () => Error,
): Promise<string> {
  if (Number(message.headers.get('content-length') ?? NaN) > limit) {
    void message.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  return message.body ? readText(message.body, limit, signal, tooLarge) : '';
}

/** The JSON body of a Fetch API request, at most `limit` bytes (else 413; not JSON → 400). */
export async function readFetchBody(
  request: Request,
  limit: number,
  signal: AbortSignal,
): Promise<unknown> {
  return parseJson(await readBodyText(request, limit, signal, () => tooLarge(limit)));
}

/**
 * The JSON body of a Node request, at most `limit` bytes: what a body-parser already read, else
 * the stream. A body still trickling in at the deadline is left to the `connection: close` answer.
 */
export async function readNodeBody(
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
