/**
 * Page-wide API tokens: every element that shares a token endpoint shares one token, so N
 * elements make one token request. A token is renewed on first use after it comes within
 * `RENEW_BEFORE_MS` of its expiry: `expires_at`, else the JWT's `exp`, else five minutes.
 */
import type { Language } from '../contract.js';
import { requestToken, type TokenGrant } from './token-client.js';

const RENEW_BEFORE_MS = 30 * 1000;
const FALLBACK_LIFETIME_MS = 5 * 60 * 1000;

interface Entry {
  grant?: TokenGrant;
  expiresAt: number;
  pending?: Promise<TokenGrant>;
}

// Shared through a global symbol so that two copies of the kit on one page share tokens too.
const KEY = Symbol.for('intelliprove-widgets.tokens');
function entries(): Map<string, Entry> {
  const holder = globalThis as unknown as Record<symbol, Map<string, Entry> | undefined>;
  return (holder[KEY] ??= new Map());
}

export interface TokenSource {
  tokenEndpoint: string;
  credentials?: RequestCredentials;
  language?: Language;
}

/** A token endpoint as one key, however the page wrote it (relative or absolute). */
export const endpointKey = (endpoint: string) => new URL(endpoint, document.baseURI).href;

function keyOf(source: TokenSource): string {
  return `${endpointKey(source.tokenEndpoint)}|${source.credentials ?? 'same-origin'}`;
}

/** The `exp` claim of a JWT, in ms, or undefined. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** The API token for `source`: cached, shared, renewed shortly before it expires. */
export function apiToken(source: TokenSource): Promise<TokenGrant> {
  const key = keyOf(source);
  const map = entries();
  const entry = map.get(key);
  if (entry?.grant && Date.now() < entry.expiresAt - RENEW_BEFORE_MS)
    return Promise.resolve(entry.grant);
  if (entry?.pending) return entry.pending;
  const next: Entry = { expiresAt: 0 };
  next.pending = requestToken(
    source.tokenEndpoint,
    { purpose: 'api', ...(source.language ? { language: source.language } : {}) },
    { credentials: source.credentials },
  ).then(
    (grant) => {
      next.grant = grant;
      next.expiresAt =
        grant.expiresAt?.getTime() ?? jwtExpiry(grant.token!) ?? Date.now() + FALLBACK_LIFETIME_MS;
      next.pending = undefined;
      return grant;
    },
    (error: unknown) => {
      if (map.get(key) === next) map.delete(key);
      throw error;
    },
  );
  map.set(key, next);
  return next.pending;
}

/**
 * Forgets `token` after the API refused it (401), so the next `apiToken()` asks for a new one.
 * A token that was already replaced is left alone: concurrent 401s cause one renewal.
 */
export function dropToken(source: TokenSource, token: string): void {
  const map = entries();
  const key = keyOf(source);
  if (map.get(key)?.grant?.token === token) map.delete(key);
}
