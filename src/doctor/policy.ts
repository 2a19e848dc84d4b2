/**
 * Reading a page's Content-Security-Policy the way a browser does (CSP 3): its policies, the
 * directive that decides each kind of load, and whether a source list allows a URL.
 */

export interface Policy {
  /** Where it came from: "header", "meta" or "header (report-only)". */
  from: string;
  /** A report-only policy blocks nothing. */
  enforced: boolean;
  /** Directive name → sources; the first of a repeated name wins. */
  directives: Map<string, string[]>;
}

/** The policies of one header value or meta tag (a comma separates policies). */
export function parsePolicies(value: string, from: string, enforced = true): Policy[] {
  return value
    .split(',')
    .map((text) => {
      const directives = new Map<string, string[]>();
      for (const part of text.split(';')) {
        const [name, ...sources] = part.trim().split(/\s+/);
        if (name && !directives.has(name.toLowerCase()))
          directives.set(name.toLowerCase(), sources);
      }
      return { from, enforced, directives };
    })
    .filter((policy) => policy.directives.size > 0);
}

/** The directive of `chain` that decides (the first the policy has), if any. */
export function deciding(policy: Policy, chain: readonly string[]): string | undefined {
  return chain.find((name) => policy.directives.has(name));
}

const DEFAULT_PORT: Record<string, string> = {
  'http:': '80',
  'https:': '443',
  'ws:': '80',
  'wss:': '443',
};
const portOf = (url: URL) => url.port || DEFAULT_PORT[url.protocol] || '';

/** `http:` may load `https:` (and `ws:` `wss:`): CSP's secure upgrade. */
function schemeMatches(source: string, url: string): boolean {
  return (
    source === url ||
    (source === 'http:' && url === 'https:') ||
    (source === 'ws:' && url === 'wss:')
  );
}

const HOST_SOURCE =
  /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\*|\d+))?(\/[^?#]*)?$/i;

/** Whether the source expression `source` allows `url` on a page at `self`. */
export function sourceAllows(source: string, url: URL, self: URL): boolean {
  const lower = source.toLowerCase();
  if (lower === '*') return /^(https?|wss?):$/.test(url.protocol) || url.protocol === self.protocol;
  if (lower === "'self'")
    return (
      url.origin === self.origin ||
      (self.protocol === 'http:' &&
        url.protocol === 'https:' &&
        url.hostname === self.hostname &&
        !url.port)
    );
  if (/^[a-z][a-z0-9+.-]*:$/.test(lower)) return schemeMatches(lower, url.protocol);
  if (lower.startsWith("'")) return false; // nonces, hashes, 'none', 'unsafe-…': not URLs
  const match = HOST_SOURCE.exec(source);
  if (!match) return false;
  const [, scheme, host, port, path] = match;
  if (
    scheme
      ? !schemeMatches(`${scheme.toLowerCase()}:`, url.protocol)
      : !schemeMatches(self.protocol, url.protocol)
  )
    return false;
  const hostname = url.hostname.toLowerCase();
  const wanted = host!.toLowerCase();
  if (
    wanted.startsWith('*.')
      ? !hostname.endsWith(wanted.slice(1))
      : wanted !== '*' && hostname !== wanted
  )
    return false;
  if (port !== '*') {
    const sourcePort = port ?? DEFAULT_PORT[scheme ? `${scheme.toLowerCase()}:` : url.protocol];
    const upgraded = sourcePort === '80' && url.protocol === 'https:' && portOf(url) === '443';
    if (portOf(url) !== sourcePort && !upgraded) return false;
  }
  if (path && path !== '/') {
    const target = decodeURIComponent(url.pathname);
    return path.endsWith('/') ? target.startsWith(path) : target === path;
  }
  return true;
}

/** Whether any of `sources` allows `url` (an empty list or `'none'` allows nothing). */
export const listAllows = (sources: readonly string[], url: URL, self: URL) =>
  sources.some((source) => sourceAllows(source, url, self));
