/**
 * Calls from a token handler to its vendor's API: under the request's deadline, no redirects
 * (credentials never follow one elsewhere), bodies of at most 1 MiB, JSON answers, expiries
 * checked before they reach the browser, and failures as 502 errors whose messages never
 * contain a secret.
 */
import { jwtExpiry } from '../protocol/jwt.js';
import { readBodyText } from './body.js';
import type { Clock } from './clock.js';
import type { Deadline } from './deadline.js';
import { HttpError } from './http-error.js';
import type { Secrets } from './secrets.js';

/** What an upstream call returned: status and parsed JSON (or null). */
export interface Upstream {
  status: number;
  body: unknown;
}

export interface UpstreamOptions {
  /** The vendor's name in messages ("IntelliProve", "Sahha"). */
  name: string;
  base: string;
  fetch: typeof fetch;
  /** Redacted from every message. */
  secrets: Secrets;
  /** Receives each 502 (see `reporter` in secrets.ts). */
  report: (error: Error) => void;
  /** What expiries are checked against. */
  clock: Clock;
}

/** Larger upstream answers are cut off: no token or URL answer comes anywhere near this. */
export const MAX_UPSTREAM_BYTES = 1024 * 1024;
/**
 * The furthest ahead an upstream expiry may lie. No IntelliProve or Sahha credential lives a
 * year; a later expiry is garbage (a unit mix-up such as `exp` in milliseconds: 1e15 s is
 * past the largest date JavaScript can form) and the browser would keep a dead token for it.
 */
const MAX_LIFETIME_MS = 366 * 24 * 60 * 60 * 1000;
/** The shortest lifetime worth handing out: anything less has passed when the browser reads it. */
const MIN_LIFETIME_MS = 1000;

/** The vendor's own error text in an answer (`detail`, else `title`), or ''. */
export function detailOf(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const { detail, title } = body as { detail?: unknown; title?: unknown };
  if (typeof detail === 'string') return detail;
  if (detail !== undefined) return JSON.stringify(detail);
  return typeof title === 'string' ? title : '';
}

export function upstreamClient(options: UpstreamOptions) {
  const base = options.base.replace(/\/+$/, '');

  /** A 502 for the browser, reported (redacted) to `onError`. */
  function failure(what: string, message: string): HttpError {
    const error = new HttpError(
      502,
      'upstream-failed',
      options.secrets.redact(`${options.name} ${what}: ${message}`),
    );
    options.report(error);
    return error;
  }

  /** A 502 for an unexpected upstream status. */
  function fail(what: string, upstream: Upstream, credential = 'the API key'): HttpError {
    const hint = upstream.status === 401 || upstream.status === 403 ? ` (check ${credential})` : '';
    const detail = detailOf(upstream.body);
    return failure(what, `answered ${upstream.status}${detail ? `: ${detail}` : ''}${hint}`);
  }

  /** The answer's text: past 1 MiB, or cut off, a 502 (at the deadline, the 504). */
  async function readBody(what: string, response: Response, signal: AbortSignal) {
    const tooLarge = () => failure(what, `answered more than 1 MiB`);
    try {
      return await readBodyText(response, MAX_UPSTREAM_BYTES, signal, tooLarge);
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw failure(what, 'the answer broke off');
    }
  }

  /** One call, abandoned (with its body) when `deadline` passes. */
  async function call(
    deadline: Deadline,
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<Upstream> {
    const what = `${method} ${path.split('?')[0]}`;
    deadline.signal.throwIfAborted();
    deadline.waitingFor = `${options.name} ${what}`;
    let response: Response;
    try {
      response = await options.fetch(`${base}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: deadline.signal,
        redirect: 'error',
      });
    } catch (error) {
      deadline.signal.throwIfAborted();
      const reason = error instanceof Error ? error.message : String(error);
      throw failure(what, `unreachable (${reason})`);
    }
    const text = await readBody(what, response, deadline.signal);
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
    }
    return { status: response.status, body: parsed };
  }

  /**
   * An upstream expiry (ms since 1970) checked before it reaches the browser: not a finite
   * number, already passed, or more than `MAX_LIFETIME_MS` ahead → 502, because an
   * `expires_at` we cannot form or stand behind is worse than no answer.
   */
  function expiresAt(what: string, at: number): Date {
    const ahead = at - options.clock.now();
    const problem = !Number.isFinite(ahead)
      ? 'is not a time'
      : ahead < MIN_LIFETIME_MS
        ? 'has passed, or will within a second'
        : ahead > MAX_LIFETIME_MS
          ? 'is more than a year ahead'
          : '';
    if (problem) throw failure(what, `the expiry it gave ${problem}`);
    return new Date(at);
  }

  /** A lifetime in seconds (Sahha's `expiresIn`), checked as above; absent → `fallbackMs`. */
  function expiresIn(what: string, seconds: unknown, fallbackMs: number): Date {
    const now = options.clock.now();
    if (seconds === undefined || seconds === null) return new Date(now + fallbackMs);
    return expiresAt(what, typeof seconds === 'number' ? now + seconds * 1000 : NaN);
  }

  /** A JWT's `exp`, checked as above; a token without one → `fallback`. */
  function jwtExpiresAt(what: string, token: string, fallback: Date): Date {
    const exp = jwtExpiry(token);
    return exp === undefined ? fallback : expiresAt(what, exp);
  }

  return { call, fail, failure, expiresIn, jwtExpiresAt };
}
