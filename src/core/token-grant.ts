import { isUnitSystem, type TokenRequest, type UnitSystem } from '../protocol/contract.js';
import { jwtExpiry } from '../protocol/jwt.js';
import { IpError } from './errors.js';

export const describe = (endpoint: string) => `token endpoint ${endpoint}`;

/** A token-endpoint answer, checked and normalised. */
export interface TokenGrant {
  token?: string;
  url?: string;
  /** When the token or URL stops working; undefined when the endpoint did not say. */
  expiresAt?: Date;
  unitSystem?: UnitSystem;
  language?: string;
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

/** How far the clock of the server that sent `response` is ahead of the user's (0 if unknown). */
export function clockSkew(response: Response): number {
  const date = Date.parse(response.headers.get('date') ?? '');
  return Number.isNaN(date) ? 0 : date - Date.now();
}
