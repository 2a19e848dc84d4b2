/**
 * What a page's Content-Security-Policy must allow for the kit (README "Content-Security-Policy"):
 * its script and chunks, the token endpoint and API requests, the plug-in frames, and Lit's
 * Trusted Types policy. One source for the README's block, the demo host and the `doctor`.
 */
import {
  DEFAULT_API_BASES,
  INTELLIPROVE_IMAGES,
  INTELLIPROVE_PLUGINS,
  parseOrigins,
  type ProviderId,
} from '../protocol/origins.js';

/** A policy as directive name → sources, e.g. `{ 'script-src': ["'self'"] }`. */
export type CspDirectives = Record<string, string[]>;

export interface CspOptions {
  /**
   * Where the kit is served from: `'self'` (the default), an origin, or the URL of the folder
   * (or of `intelliprove-widgets.js`) on a CDN — its chunks load from beside it.
   */
  kitOrigin?: string;
  /** The `api-base` of the page's elements: one origin (IntelliProve's), or one per provider. */
  apiBase?: string | Partial<Record<ProviderId, string>>;
  /** Plug-in origins besides IntelliProve's, as in `allowed-origins`. */
  allowedOrigins?: string | readonly string[];
  /** The providers the page's elements use. Default `['intelliprove']`. */
  providers?: readonly ProviderId[];
  /** Token endpoints on another origin than the page's (a same-origin one is `'self'`). */
  tokenEndpoints?: readonly string[];
  /**
   * The page shows `<ip-recommendations>`: their images, from IntelliProve's CDN
   * (`https://*.intelliprove.com`) or the IntelliProve API itself (a sandbox's), in `img-src`.
   */
  recommendations?: boolean;
  /**
   * Turn Trusted Types on (`require-trusted-types-for 'script'`). Lit's policy name,
   * `lit-html`, is added to the `trusted-types` list of a `base` that has one.
   */
  requireTrustedTypes?: boolean;
}

export interface KitCsp {
  directives: CspDirectives;
  /** The same as a `Content-Security-Policy` header value. */
  header: string;
}

/**
 * Which directive decides each kind of the kit's loads: the first of its list that the policy
 * has (CSP 3's fallbacks; the kit's chunks are script elements to CSP).
 */
export const DECIDES: Record<string, readonly string[]> = {
  'script-src': ['script-src-elem', 'script-src', 'default-src'],
  'connect-src': ['connect-src', 'default-src'],
  'frame-src': ['frame-src', 'child-src', 'default-src'],
  'img-src': ['img-src', 'default-src'],
};

/** A CSP source for `value`: `'self'` as is, an origin, or a folder URL (ending in `/`). */
export function sourceOf(value: string): string {
  if (value.startsWith("'")) return value;
  const url = new URL(value);
  if (url.pathname === '/') return url.origin;
  return url.origin + url.pathname.replace(/[^/]*$/, '');
}

/** The API origins of `providers`, from `apiBase` or each provider's default. */
export function apiOrigins(
  providers: readonly ProviderId[],
  apiBase?: CspOptions['apiBase'],
): string[] {
  return providers.map((provider) => {
    const given =
      typeof apiBase === 'string'
        ? provider === 'intelliprove'
          ? apiBase
          : undefined
        : apiBase?.[provider];
    return new URL(given ?? DEFAULT_API_BASES[provider]).origin;
  });
}

/**
 * The directives the kit needs, added to the page's own `base` directives (a directive the page
 * does not have starts from the one it falls back to, so nothing it allowed before is lost).
 */
export function cspFor(options: CspOptions = {}, base: CspDirectives = {}): KitCsp {
  const providers = options.providers ?? ['intelliprove'];
  // The host's list of policy names, if it keeps one, gets Lit's; the kit never starts a list
  // (that would refuse the page's own policies: Vue's, DOMPurify's).
  const trustedTypes = 'trusted-types' in base;
  const needs: CspDirectives = {
    'script-src': [sourceOf(options.kitOrigin ?? "'self'")],
    'connect-src': [
      "'self'",
      ...(options.tokenEndpoints ?? []).map((url) => new URL(url).origin),
      ...apiOrigins(providers, options.apiBase),
    ],
    // The face scan and the dashboard are IntelliProve's plug-ins.
    ...(providers.includes('intelliprove') && {
      'frame-src': [INTELLIPROVE_PLUGINS, ...parseOrigins(options.allowedOrigins)],
    }),
    ...(options.recommendations && {
      'img-src': [INTELLIPROVE_IMAGES, ...apiOrigins(['intelliprove'], options.apiBase)],
    }),
    ...(trustedTypes && { 'trusted-types': ['lit-html'] }),
    ...(options.requireTrustedTypes && { 'require-trusted-types-for': ["'script'"] }),
  };
  const directives: CspDirectives = { ...base };
  for (const [name, sources] of Object.entries(needs)) {
    const chain = DECIDES[name] ?? [name];
    // A more specific directive the page has (script-src-elem) gets the sources too.
    const targets = [...chain.slice(0, chain.indexOf(name)).filter((each) => base[each]), name];
    for (const target of targets) {
      const from = chain.slice(chain.indexOf(target)).find((each) => base[each]);
      const start = (from ? base[from]! : []).filter((source) => source !== "'none'");
      directives[target] = [...new Set([...start, ...sources])];
    }
  }
  const header = Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
  return { directives, header };
}
