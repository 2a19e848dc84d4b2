/**
 * Calls from a token handler to its vendor's API: a timeout, no redirects (credentials never
 * follow one elsewhere), JSON answers, and failures as 502 errors whose messages never contain
 * a secret.
 */
import { HttpError, redact } from './http.js';

/** What an upstream call returned: status and parsed JSON (or null). */
export interface Upstream {
  status: number;
  body: unknown;
}

export interface UpstreamOptions {
  /** The vendor's name in messages ("IntelliProve", "Sahha"). */
  name: string;
  base: string;
  timeoutMs: number;
  fetch: typeof fetch;
  /** Redacted from every message. */
  secrets: string[];
  onError: (error: Error) => void;
}

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
      redact(`${options.name} ${what}: ${message}`, options.secrets),
    );
    options.onError(error);
    return error;
  }

  /** A 502 for an unexpected upstream status. */
  function fail(what: string, upstream: Upstream, credential = 'the API key'): HttpError {
    const hint = upstream.status === 401 || upstream.status === 403 ? ` (check ${credential})` : '';
    const detail = detailOf(upstream.body);
    return failure(what, `answered ${upstream.status}${detail ? `: ${detail}` : ''}${hint}`);
  }

  async function call(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<Upstream> {
    const what = `${method} ${path.split('?')[0]}`;
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
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${options.timeoutMs} ms`
          : `unreachable (${error instanceof Error ? error.message : String(error)})`;
      throw failure(what, reason);
    }
    const text = await response.text().catch(() => '');
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

  return { call, fail, failure };
}
