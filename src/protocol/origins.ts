/**
 * Where the kit's requests and frames go (CONTRACT §3, §4, §8): the providers' default API
 * origins, and which plug-in URLs the kit will load — `https:` on `intelliprove.com` or one of its
 * subdomains, or an origin the host listed in `allowed-origins`. Shared by the elements, the
 * server half (its defaults, `cspFor`) and the `doctor`. No DOM, no Node.
 */

/** Each provider's API origin when the page sets no `api-base`. */
export const DEFAULT_API_BASES = {
  intelliprove: 'https://engine.intelliprove.com',
  sahha: 'https://api.sahha.ai',
} as const;
export type ProviderId = keyof typeof DEFAULT_API_BASES;

/** IntelliProve's plug-ins, as a CSP source (the hosts `isIntelliProveHost` accepts). */
export const INTELLIPROVE_PLUGINS = 'https://*.intelliprove.com';

/** Where IntelliProve serves recommendations' images (`cdn.intelliprove.com`), as a CSP source. */
export const INTELLIPROVE_IMAGES = 'https://*.intelliprove.com';

export function isIntelliProveHost(hostname: string): boolean {
  return hostname === 'intelliprove.com' || hostname.endsWith('.intelliprove.com');
}

/** The origin of `url` resolved against `base` (as fetch resolves it); null when it is no URL. */
export function originOf(url: string, base?: string): string | null {
  try {
    return new URL(url, base).origin;
  } catch {
    return null;
  }
}

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

/** Whitespace, control characters and backslashes: read differently by different parsers. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const AMBIGUOUS = /[\s\\\u0000-\u001f\u007f]/;

/**
 * `raw` parsed, when it is an absolute URL that means the same with and without the page as
 * base (an iframe, an image or a link resolves it against the page): `https:host/x` (relative
 * on an https page), `//host/x`, backslash forms and URLs with credentials are refused.
 */
function unambiguousUrl(raw: unknown): URL | null {
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
  return url;
}

/** The longest URL a browser loads (Chromium's limit; a frame with a longer one stays blank). */
export const MAX_URL_LENGTH = 2 * 1024 * 1024;

/** The parsed URL when the kit may load it as a plug-in, else null. */
export function checkPluginUrl(raw: string, allowedOrigins: readonly string[]): URL | null {
  const url = unambiguousUrl(raw);
  if (!url) return null;
  if (url.protocol === 'https:' && isIntelliProveHost(url.hostname)) return url;
  if (url.origin !== 'null' && allowedOrigins.includes(url.origin)) return url;
  return null;
}

/**
 * The URL of an image or link the API sent (a recommendation's), when the kit may show it:
 * `https:` on any host, or exactly the origin of the API it came from (IntelliProve's own
 * tracking links are; a local sandbox API is plain `http:`). `javascript:`, `data:`, `http:`
 * anywhere else and ambiguous forms are refused: null.
 */
export function checkContentUrl(raw: unknown, apiOrigin: string): string | null {
  const url = unambiguousUrl(raw);
  if (!url) return null;
  if (url.protocol === 'https:') return url.href;
  if (url.origin !== 'null' && url.origin === apiOrigin) return url.href;
  return null;
}

/** Query parameters whose names say they carry a credential. */
export const CREDENTIAL_NAME = /token|key|secret|auth|session/i;

/** The URL without its token, for events and logs: query values named like credentials are dropped. */
export function redactUrl(url: URL): string {
  const copy = new URL(url.href);
  for (const key of [...copy.searchParams.keys()]) {
    if (CREDENTIAL_NAME.test(key)) copy.searchParams.delete(key);
  }
  copy.hash = '';
  return copy.href;
}
