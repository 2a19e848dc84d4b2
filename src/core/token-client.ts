import { isUnitSystem, type TokenRequest, type UnitSystem } from '../protocol/contract.js';
import { jwtExpiry } from '../protocol/jwt.js';
import { endpointKey } from './endpoint-key.js';
import { IpError } from './errors.js';
import { isTimeout, waitFor } from './abort.js';

/** A token request (all its attempts together) that has no answer by then gives up. */
export const TOKEN_TIMEOUT_MS = 8_000;

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
  /** How long all attempts together may take. Default `TOKEN_TIMEOUT_MS`. */
  timeoutMs?: number;
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

/** An ISO-8601 date-time without a UTC offset is read as UTC (not as the user's local time). */
const withOffset = (time: string) => (/[T ][\d:.]+$/i.test(time.trim()) ? `${time.trim()}Z` : time);

/**
 * Checks a 2xx body against CONTRACT §5: a bare URL string, or the documented object.
 * `skewMs` is how far the endpoint's clock is ahead of the user's (its `Date` header): expiry
 * is judged against the endpoint's clock.
 */
export function parseGrant(
  body: unknown,
  request: TokenRequest,
  endpoint: string,
  skewMs = 0,
): TokenGrant {
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
    const time = Date.parse(withOffset(expires));
    if (Number.isNaN(time)) throw invalid('"expires_at" is not an ISO-8601 date');
    grant.expiresAt = new Date(time - skewMs);
  } else if (grant.token) {
    // Without `expires_at`, the token's own `exp`: on the endpoint's clock too.
    const exp = jwtExpiry(grant.token);
    if (exp !== undefined && Number.isFinite(exp)) grant.expiresAt = new Date(exp - skewMs);
  }
  if (isUnitSystem(unit)) grant.unitSystem = unit;
  if (typeof language === 'string' && language) grant.language = language;
  if (request.purpose === 'api' && !grant.token) throw invalid('without "token"');
  if (request.purpose !== 'api' && !grant.url) throw invalid('without "url"');
  return grant;
}

/** A token request the script-tag loader started before the elements' code was here. */
export interface HandedOver {
  /** The token endpoint, as an absolute URL. */
  endpoint: string;
  credentials: RequestCredentials;
  /** The request body, as JSON. */
  body: string;
  response: Promise<Response>;
  /** Aborts it: nobody took it in time, its session ended, or its element gave up on it. */
  controller: AbortController;
}

/** Token requests started by the loader, until an element takes them (or the session ends). */
let handedOver: HandedOver[] = [];

/** How long a token request the loader started waits for its element. */
const HANDED_OVER_MS = 10_000;

/** Keeps the loader's token requests for the elements that will ask the same. */
export function handOver(requests: readonly HandedOver[]): void {
  handedOver.push(...requests);
  setTimeout(() => {
    for (const request of requests) if (handedOver.includes(request)) request.controller.abort();
    handedOver = handedOver.filter((request) => !requests.includes(request));
  }, HANDED_OVER_MS);
}

/**
 * The loader's request for what an element is about to ask `endpoint`, taken (once) if there
 * is one. An API token is the same whatever language the asking element speaks.
 */
export function takeHandedOver(
  endpoint: string,
  credentials: RequestCredentials,
  body: { purpose: string },
): HandedOver | undefined {
  const href = endpointKey(endpoint);
  const json = JSON.stringify(body);
  const index = handedOver.findIndex(
    (request) =>
      request.endpoint === href &&
      request.credentials === credentials &&
      (body.purpose === 'api' ? JSON.parse(request.body).purpose === 'api' : request.body === json),
  );
  return index < 0 ? undefined : handedOver.splice(index, 1)[0];
}

/** Drops the loader's requests that no element took: they belong to the session that ended. */
export function forgetHandedOver(): void {
  for (const request of handedOver) request.controller.abort();
  handedOver = [];
}

/**
 * How the kit POSTs to a token endpoint (the script-tag loader asks the same way). A redirect
 * (a login page) is no token: the kit sees it rather than follow it.
 */
export const tokenFetchInit = (request: TokenRequest, credentials: RequestCredentials) =>
  ({
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
    credentials,
    redirect: 'manual',
  }) satisfies RequestInit;

/** How far the clock of the server that sent `response` is ahead of the user's (0 if unknown). */
function clockSkew(response: Response): number {
  const date = Date.parse(response.headers.get('date') ?? '');
  return Number.isNaN(date) ? 0 : date - Date.now();
}

/**
 * POSTs `request` to the host's token endpoint (CONTRACT §5). Retries network errors and 5xx
 * a bounded number of times with exponential backoff and jitter, all within `timeoutMs`; never
 * retries 4xx. A redirect (to a sign-in page, say) counts as signed out. Rejects with an
 * `IpError` (`token-endpoint-failed`, `invalid-response`), or the abort reason (an
 * `AbortError`) when `signal` aborts.
 */
export async function requestToken(
  endpoint: string,
  request: TokenRequest,
  options: TokenRequestOptions = {},
): Promise<TokenGrant> {
  const timeout = options.timeoutMs ?? TOKEN_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeout);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  try {
    return await attempt(endpoint, request, { ...options, signal });
  } catch (error) {
    if (!isTimeout(error) || options.signal?.aborted) throw error;
    throw new IpError(
      'token-endpoint-failed',
      `The ${describe(endpoint)} did not answer within ${timeout / 1000} s. Check that the route answers quickly.`,
    );
  }
}

async function attempt(
  endpoint: string,
  request: TokenRequest,
  options: TokenRequestOptions & { signal: AbortSignal },
): Promise<TokenGrant> {
  const retries = options.retries ?? 2;
  const backoff = options.backoffMs ?? 300;
  for (let attempt = 0; ; attempt++) {
    let response: Response | undefined;
    let unreachable: unknown;
    const credentials = options.credentials ?? 'same-origin';
    // The script-tag loader may have asked already, while the element's code was on its way.
    const started = attempt === 0 ? takeHandedOver(endpoint, credentials, request) : undefined;
    try {
      if (started) {
        // Taken over: it ends with the element's wait (removed, timed out) like its own would.
        const stop = () => started.controller.abort();
        options.signal.addEventListener('abort', stop, { once: true });
        response = await waitFor(started.response, options.signal).finally(() =>
          options.signal.removeEventListener('abort', stop),
        );
      } else {
        response = await fetch(endpoint, {
          ...tokenFetchInit(request, credentials),
          signal: options.signal,
        });
      }
    } catch (error) {
      options.signal.throwIfAborted();
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
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      throw new IpError(
        'token-endpoint-failed',
        `The ${describe(endpoint)} redirected (to a sign-in page?), so the user counts as signed out. ` +
          'Answer 401 when nobody is signed in.',
        401,
      );
    }
    const text = await response.text().catch((error: unknown) => {
      options.signal.throwIfAborted();
      throw new IpError(
        'token-endpoint-failed',
        `The ${describe(endpoint)} broke off its answer (${error instanceof Error ? error.message : error}).`,
      );
    });
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
    return parseGrant(body, request, endpoint, clockSkew(response));
  }
}
