/**
 * The page's policies against what the kit loads there: its script and chunks (script-src), the
 * token endpoint and the APIs (connect-src), the plug-in frames (frame-src), the
 * recommendations' images (img-src), Lit's Trusted Types policy, and the camera for the
 * face-scan frame (Permissions-Policy). The directives and their fallbacks are the server
 * half's (`cspFor`), the README's source too.
 */
import { DECIDES, sourceOf } from '../server/csp.js';
import { INTELLIPROVE_PLUGINS, isIntelliProveHost, redactUrl } from '../protocol/origins.js';
import type { PageFacts } from './page.js';
import { deciding, listAllows, type Policy } from './policy.js';
import { fail, pass, type Check } from './report.js';

/** A load the kit makes on the page, and the CSP source that allows it. */
export interface Need {
  directive: 'script-src' | 'connect-src' | 'frame-src' | 'img-src';
  /** The URLs it loads (all must be allowed). */
  urls: URL[];
  /** "the kit's code", "the token endpoint", … */
  what: string;
  /** The source to add. */
  source: string;
}

const GROUP = 'Page policies';

/** The source for `url` on a page at `page`: `'self'`, an IntelliProve wildcard, or its origin. */
export function sourceFor(url: URL, page: URL, folder = false): string {
  if (url.origin === page.origin) return "'self'";
  if (url.protocol === 'https:' && isIntelliProveHost(url.hostname)) return INTELLIPROVE_PLUGINS;
  return folder ? sourceOf(url.href) : url.origin;
}

function checkNeed(policy: Policy, need: Need, page: URL, kitNonce: string | undefined): Check {
  const chain = DECIDES[need.directive]!;
  const name = deciding(policy, chain);
  const where = policy.from === 'header' ? '' : ` (${policy.from} policy)`;
  const first = need.urls[0]!;
  const target = need.directive === 'frame-src' ? first.origin : redactUrl(first);
  if (!name) return pass(GROUP, `Nothing in the policy${where} limits ${need.what}.`);
  const sources = policy.directives.get(name)!;
  if (need.directive === 'script-src' && sources.includes("'strict-dynamic'")) {
    // Host sources do not count: the kit's tag needs the page's nonce; its chunks follow from it.
    if (kitNonce && sources.includes(`'nonce-${kitNonce}'`))
      return pass(
        GROUP,
        `${name} uses 'strict-dynamic' and the kit's script tag has the page's nonce${where}.`,
      );
    return fail(
      GROUP,
      `${name} uses 'strict-dynamic', and the kit's script tag has no nonce of the policy${where}: the kit will not run.`,
      'Give the kit\'s <script> the nonce the page\'s policy names (nonce="…"), as your other scripts have; its chunks are then allowed.',
    );
  }
  if (need.urls.every((url) => listAllows(sources, url, page)))
    return pass(GROUP, `${name} allows ${need.what} (${target})${where}.`);
  // A fallback decides: a directive of its own keeps what the fallback allowed (as cspFor merges).
  const own = [...new Set([...sources.filter((source) => source !== "'none'"), need.source])];
  const fix =
    name === need.directive || name === 'script-src-elem'
      ? `Add ${need.source} to ${name}.`
      : `Add the directive "${need.directive} ${own.join(' ')}" (the policy has no ${need.directive}, so ${name} decides).`;
  return fail(GROUP, `${name} does not allow ${need.what} (${target})${where}.`, fix);
}

function checkTrustedTypes(policy: Policy): Check | undefined {
  const names = policy.directives.get('trusted-types');
  const where = policy.from === 'header' ? '' : ` (${policy.from} policy)`;
  if (!names) {
    if (policy.directives.has('require-trusted-types-for'))
      return pass(
        GROUP,
        `Trusted Types are required, and any policy name is allowed: Lit's "lit-html" too${where}.`,
      );
    return undefined;
  }
  if (names.includes('*') || names.includes('lit-html'))
    return pass(GROUP, `trusted-types allows Lit's policy "lit-html"${where}.`);
  return fail(
    GROUP,
    `trusted-types does not allow Lit's policy "lit-html"${where}: the kit cannot render.`,
    `Add lit-html to trusted-types${names.includes("'none'") ? " (in place of 'none')" : ''}.`,
  );
}

/** The allowlist of `feature` in a Permissions-Policy header, or undefined when not listed. */
function allowlist(header: string, feature: string): string[] | undefined {
  const member = new RegExp(`(?:^|,)\\s*${feature}\\s*=\\s*(\\([^)]*\\)|[^,]*)`, 'i').exec(header);
  if (!member) return undefined;
  return member[1]!
    .replace(/^\(|\)$/g, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((item) => item.replace(/^"|"$/g, ''));
}

/** Whether the page lets the face-scan plug-in at `plugin` use the camera. */
export function checkCamera(facts: PageFacts, plugin: URL): Check {
  const group = 'Page policies';
  const list = facts.permissions ? allowlist(facts.permissions, 'camera') : undefined;
  if (!list)
    return pass(
      group,
      `Permissions-Policy does not limit the camera: the kit's frame asks for it (allow="camera") for ${plugin.origin}.`,
    );
  const allowed = list.some(
    (item) =>
      item === '*' ||
      item === plugin.origin ||
      (item.includes('*.') && listAllows([item], plugin, facts.url)),
  );
  if (allowed)
    return pass(
      group,
      `Permissions-Policy lets the face-scan plug-in (${plugin.origin}) use the camera.`,
    );
  const kept = list
    .filter((item) => item !== '*')
    .map((item) => (item === 'self' ? 'self' : `"${item}"`));
  return fail(
    group,
    `Permissions-Policy does not let the face-scan plug-in (${plugin.origin}) use the camera (camera=(${kept.join(' ')})).`,
    `Set camera=(${[...new Set([...kept, 'self'])].join(' ')} "${plugin.origin}").`,
  );
}

/** One check per need and enforced policy, plus Trusted Types; one line when there is no policy. */
export function checkPolicies(facts: PageFacts, needs: readonly Need[]): Check[] {
  const enforced = facts.policies.filter((policy) => policy.enforced);
  if (!enforced.length)
    return [
      pass(
        GROUP,
        'The page has no Content-Security-Policy: nothing stops the kit’s code, requests or frames.',
      ),
    ];
  const nonce = facts.kit?.tag.attributes.get('nonce');
  return enforced.flatMap((policy) => [
    ...needs.map((need) => checkNeed(policy, need, facts.url, nonce)),
    ...[checkTrustedTypes(policy)].filter((check) => check !== undefined),
  ]);
}
