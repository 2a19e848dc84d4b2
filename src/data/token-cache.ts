/**
 * The API token of a session: every element that shares a token endpoint shares one token, so
 * N elements make one token request. It is asked for again on first use after it comes within
 * `RENEW_BEFORE_MS` of its expiry (`expires_at`, else the JWT's `exp`, else five minutes), and
 * goes with its session (session.ts). A request that fails or times out is never handed on.
 */
import { IpError } from '../core/errors.js';
import {
  sessionOf,
  type EndpointSession,
  type TokenEntry,
  type TokenSource,
} from '../core/session.js';
import { isTimeout, waitFor } from '../core/abort.js';
import { requestToken, type TokenGrant } from '../core/token-client.js';

const RENEW_BEFORE_MS = 30 * 1000;
const FALLBACK_LIFETIME_MS = 5 * 60 * 1000;
/**
 * A token is used for at least this long after it arrives, whatever its expiry says: one that
 * the API refuses is renewed once on the 401 anyway, and an `expires_at` in the past must not
 * turn every read into a token request.
 */
const MIN_USE_MS = 30 * 1000;

export type { TokenSource };

function ask(session: EndpointSession, source: TokenSource): Promise<TokenGrant> {
  const controller = new AbortController();
  const promise = requestToken(
    source.tokenEndpoint,
    { purpose: 'api', ...(source.language ? { language: source.language } : {}) },
    { credentials: source.credentials, signal: controller.signal },
  );
  const entry: TokenEntry = { promise, controller, expiresAt: 0, renewAt: 0 };
  session.token = entry;
  promise.then(
    (grant) => {
      const now = Date.now();
      entry.grant = grant;
      entry.expiresAt = grant.expiresAt?.getTime() ?? now + FALLBACK_LIFETIME_MS;
      entry.renewAt = Math.max(entry.expiresAt - RENEW_BEFORE_MS, now + MIN_USE_MS);
    },
    () => {
      if (session.token === entry) session.token = undefined;
    },
  );
  return promise;
}

/**
 * The API token for `source`: cached in its session, shared, renewed shortly before it
 * expires. `signal` stops this caller's wait (a hanging endpoint gives up by itself, after
 * `TOKEN_TIMEOUT_MS`, token-client.ts).
 */
export async function apiToken(source: TokenSource, signal?: AbortSignal): Promise<TokenGrant> {
  const session = sessionOf(source);
  const entry = session.token;
  if (entry?.grant && Date.now() < entry.renewAt) return entry.grant;
  try {
    return await waitFor(entry && !entry.grant ? entry.promise : ask(session, source), signal);
  } catch (error) {
    if (!isTimeout(error)) throw error;
    throw new IpError(
      'token-endpoint-failed',
      `The token endpoint ${source.tokenEndpoint} did not answer in time. Check that the route answers quickly.`,
    );
  }
}

/** When the token `token` stops working (ms), if it is the session's current one. */
export function tokenExpiry(source: TokenSource, token: string): number {
  const entry = sessionOf(source).token;
  return entry?.grant?.token === token ? entry.expiresAt : 0;
}

/**
 * Forgets `token` after the API refused it (401), so the next `apiToken()` asks for a new one.
 * A token that was already replaced is left alone: concurrent 401s cause one renewal.
 */
export function dropToken(source: TokenSource, token: string): void {
  const session = sessionOf(source);
  if (session.token?.grant?.token === token) session.token = undefined;
}
