/**
 * Which plug-in URLs the kit will load (CONTRACT §4): `https:` on `intelliprove.com` or one of
 * its subdomains, or an origin the host listed in `allowed-origins`. Everything else is refused.
 */
import { IpError } from '../core/errors.js';

/** Parses `allowed-origins` (space/comma separated, or a list) into exact origins. */
export function parseOrigins(value: string | readonly string[] | undefined): string[] {
  const items = typeof value === 'string' ? value.split(/[\s,]+/) : (value ?? []);
  const origins: string[] = [];
  for (const item of items) {
    if (!item) continue;
    try {
      const { origin } = new URL(item);
      if (origin !== 'null') origins.push(origin);
    } catch {
      console.warn(
        `[intelliprove-widgets] allowed-origins: "${item}" is not an origin such as https://example.com.`,
      );
    }
  }
  return origins;
}

export function isIntelliProveHost(hostname: string): boolean {
  return hostname === 'intelliprove.com' || hostname.endsWith('.intelliprove.com');
}

/** Whitespace, control characters and backslashes: read differently by different parsers. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const AMBIGUOUS = /[\s\\\u0000-\u001f\u007f]/;

/**
 * The parsed URL when the kit may load it, else null. The iframe resolves its `src` against
 * the page, so a URL must mean the same with and without the page as base: `https:host/x`
 * (relative on an https page), `//host/x` and backslash forms are refused.
 */
export function checkPluginUrl(raw: string, allowedOrigins: readonly string[]): URL | null {
  if (typeof raw !== 'string' || AMBIGUOUS.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw); // absolute URLs only: no base
  } catch {
    return null;
  }
  if (!raw.toLowerCase().startsWith(`${url.protocol}//`)) return null;
  if (typeof document !== 'undefined' && new URL(raw, document.baseURI).href !== url.href)
    return null;
  if (url.username || url.password) return null; // https://intelliprove.com@evil.test and friends
  if (url.protocol === 'https:' && isIntelliProveHost(url.hostname)) return url;
  if (url.origin !== 'null' && allowedOrigins.includes(url.origin)) return url;
  return null;
}

/** The URL without its token, for events and logs: query values named like credentials are dropped. */
export function redactUrl(url: URL): string {
  const copy = new URL(url.href);
  for (const key of [...copy.searchParams.keys()]) {
    if (/token|key|secret|auth|session/i.test(key)) copy.searchParams.delete(key);
  }
  copy.hash = '';
  return copy.href;
}

/** The `invalid-url` error for a plug-in URL from `endpoint` that is not on a trusted origin. */
export function refusedUrl(tag: string, endpoint: string, origins: readonly string[]): IpError {
  return new IpError(
    'invalid-url',
    `<${tag}> refused the plug-in URL from ${endpoint}: only https://intelliprove.com, its ` +
      `subdomains and allowed-origins (${origins.join(' ') || 'none set'}) are loaded. Return the ` +
      `URL IntelliProve gave, unaltered, or add its origin to allowed-origins.`,
  );
}
