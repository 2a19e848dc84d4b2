/**
 * What the doctor learns from a host's page without running it: its policies (headers and
 * `<meta http-equiv>`), the kit's `<script>` tag and the kit elements in its HTML.
 */
import { parsePolicies, type Policy } from './policy.js';

export interface Tag {
  name: string;
  attributes: Map<string, string>;
}

export interface PageFacts {
  url: URL;
  policies: Policy[];
  /** The `Permissions-Policy` header, if any. */
  permissions: string | null;
  /** The kit's script tag (`…/intelliprove-widgets(.min).js`), resolved against the page. */
  kit?: { src: URL; tag: Tag };
  /** The kit's elements in the page's HTML (`<ip-…>`). */
  elements: Tag[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

/** The start tags named `names` (a RegExp source) in `html`, with their attributes. */
export function startTags(html: string, names: string): Tag[] {
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  const tags: Tag[] = [];
  const tag = new RegExp(`<(${names})(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'gi');
  for (const [, name, rest] of text.matchAll(tag)) {
    const attributes = new Map<string, string>();
    const attribute = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
    for (const [, key, double, single, bare] of rest!.matchAll(attribute)) {
      const lower = key!.toLowerCase();
      if (!attributes.has(lower)) attributes.set(lower, decode(double ?? single ?? bare ?? ''));
    }
    tags.push({ name: name!.toLowerCase(), attributes });
  }
  return tags;
}

const KIT_SCRIPT = /(^|\/)intelliprove-widgets(\.min)?\.js$/;

/** Reads `html`, served at `url` with `headers`. */
export function readPage(url: URL, headers: Headers, html: string): PageFacts {
  const policies = [
    ...parsePolicies(headers.get('content-security-policy') ?? '', 'header'),
    ...parsePolicies(
      headers.get('content-security-policy-report-only') ?? '',
      'header (report-only)',
      false,
    ),
  ];
  for (const meta of startTags(html, 'meta')) {
    if (meta.attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy')
      policies.push(...parsePolicies(meta.attributes.get('content') ?? '', '<meta>'));
  }
  let kit: PageFacts['kit'];
  for (const tag of startTags(html, 'script')) {
    const src = tag.attributes.get('src');
    if (!src) continue;
    const resolved = URL.canParse(src, url) ? new URL(src, url) : undefined;
    if (resolved && KIT_SCRIPT.test(resolved.pathname)) kit = { src: resolved, tag };
  }
  return {
    url,
    policies,
    permissions: headers.get('permissions-policy'),
    kit,
    elements: startTags(html, 'ip-[a-z-]+'),
  };
}
