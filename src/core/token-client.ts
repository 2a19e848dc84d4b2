import { isUnitSystem, type TokenRequest, type UnitSystem } from '../contract.js';
import { IpError } from './errors.js';

/** A token-endpoint answer, checked and normalised. */
export interface TokenGrant {
  token?: string;
  url?: string;
  /** When the token or URL stops working; undefined when the endpoint did not say. */
  expiresAt?: Date;
  unitSystem?: UnitSystem;
  language?: string;
}

export interface TokenRequestOptions {
  credentials?: RequestCredentials;
  signal?: AbortSignal;
  /** Extra attempts after a network error or 5xx. Default 2. */
  retries?: number;
  /** First backoff in ms; doubles each attempt, with ±50 % jitter. Default 300. */
  backoffMs?: number;
}

const describe = (endpoint: string) => `token endpoint ${endpoint}`;

/** Waits `ms`; rejects with the abort reason, as `fetch` does, when `signal` aborts first. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Checks a 2xx body against CONTRACT §5: a bare URL string, or the documented object. */
export function parseGrant(body: unknown, request: TokenRequest, endpoint: string): TokenGrant {
  const invalid = (why: string) =>
    new IpError(
      'invalid-response',
      `The ${describe(endpoint)} answered 200 but ${why}. See CONTRACT §5.`,
    );
  if (typeof body === 'string') {
    if (request.purpose === 'api')
      throw invalid('with a bare string; purpose "api" needs {"token": …}');
    return { url: body };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('not with a JSON object or string');
  }
  const {
    token,
    url,
    expires_at: expires,
    unit_system: unit,
    language,
  } = body as Record<string, unknown>;
  for (const [name, value] of Object.entries({ token, url, expires_at: expires, language })) {
    if (value !== undefined && value !== null && typeof value !== 'string')
      throw invalid(`"${name}" is not a string`);
  }
  if (unit !== undefined && unit !== null && !isUnitSystem(unit))
    throw invalid('"unit_system" is not metric or imperial');
  const grant: TokenGrant = {};
  if (typeof token === 'string' && token) grant.token = token;
  if (typeof url === 'string' && url) grant.url = url;
  if (typeof expires === 'string') {
    const time = Date.parse(expires);
    if (Number.isNaN(time)) throw invalid('"expires_at" is not an ISO-8601 date');
    grant.expiresAt = new Date(time);
  }
  if (isUnitSystem(unit)) grant.unitSystem = unit;
  if (typeof language === 'string' && language) grant.language = language;
  if (request.purpose === 'api' && !grant.token) throw invalid('without "token"');
  if (request.purpose !== 'api' && !grant.url) throw invalid('without "url"');
  return grant;
}

/**
 * POSTs `request` to the host's token endpoint (CONTRACT §5). Retries network errors and 5xx
 * a bounded number of times with exponential backoff and jitter; never retries 4xx. Rejects
 * with an `IpError` (`token-endpoint-failed`, `invalid-response`), or the abort reason (an
 * `AbortError`) when `signal` aborts.
 */
export async function requestToken(
  endpoint: string,
  request: TokenRequest,
  options: TokenRequestOptions = {},
): Promise<TokenGrant> {
  const retries = options.retries ?? 2;
  const backoff = options.backoffMs ?? 300;
  for (let attempt = 0; ; attempt++) {
    let response: Response | undefined;
    let unreachable: unknown;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
        credentials: options.credentials ?? 'same-origin',
        signal: options.signal,
      });
    } catch (error) {
      options.signal?.throwIfAborted();
      unreachable = error;
    }
    if ((!response || response.status >= 500) && attempt < retries) {
      await sleep(backoff * 2 ** attempt * (0.5 + Math.random()), options.signal);
      continue;
    }
    if (!response) {
      throw new IpError(
        'token-endpoint-failed',
        `The ${describe(endpoint)} could not be reached (${unreachable instanceof Error ? unreachable.message : unreachable}). ` +
          'Check the token-endpoint attribute and that the route is served from this page (or allows CORS).',
      );
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      throw new IpError(
        'token-endpoint-failed',
        `The ${describe(endpoint)} answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}.`,
        response.status,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      const kind = (response.headers.get('content-type') ?? 'unknown type').split(';')[0];
      throw new IpError(
        'invalid-response',
        `The ${describe(endpoint)} answered ${response.status} with ${kind}, not JSON. Is the route right?`,
        response.status,
      );
    }
    return parseGrant(body, request, endpoint);
  }
}
