import { watchConnect } from './connect-policy.js';
import type { TokenRequest } from '../protocol/contract.js';
import { IpError } from './errors.js';
import { isTimeout, waitFor } from './abort.js';
import { takeHandedOver } from './handover.js';
import { clockSkew, describe, parseGrant, type TokenGrant } from './token-grant.js';

export type { TokenGrant } from './token-grant.js';

/** A token request (all its attempts together) that has no answer by then gives up. */
export const TOKEN_TIMEOUT_MS = 8_000;

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
        watchConnect(endpoint);
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
