/**
 * What the kit loads on a page, each with the CSP directive that must allow it and the source to
 * add when it does not: the kit's script and chunks, the token endpoints, the providers' APIs,
 * the recommendations' images and the plug-in frames.
 */
import { INTELLIPROVE_IMAGES, isIntelliProveHost, type ProviderId } from '../protocol/origins.js';
import { apiOrigins, type CspOptions } from '../server/csp.js';
import { sourceFor, type Need } from './page-checks.js';

/** Where IntelliProve serves recommendations' images (a folder of its CDN). */
const RECOMMENDATION_IMAGES = 'https://cdn.intelliprove.com/';

export interface PageLoads {
  page: URL;
  /** The kit's script, when the page has its tag. */
  kit: URL | undefined;
  endpoints: readonly { url: URL }[];
  providers: readonly ProviderId[];
  apiBase: CspOptions['apiBase'];
  /** The page has `<ip-recommendations>`. */
  recommendations: boolean;
  /** The plug-ins it frames. */
  frames: readonly { purpose: string; url: URL }[];
}

export function needsOf({
  page,
  kit,
  endpoints,
  providers,
  apiBase,
  recommendations,
  frames,
}: PageLoads): Need[] {
  const needs: Need[] = [];
  if (kit)
    needs.push({
      directive: 'script-src',
      urls: [kit, new URL('chunks/', kit)],
      what: "the kit's code and its chunks",
      source: sourceFor(kit, page, true),
    });
  for (const { url } of endpoints)
    needs.push({
      directive: 'connect-src',
      urls: [url],
      what: 'the token endpoint',
      source: sourceFor(url, page),
    });
  for (const provider of providers) {
    const url = new URL(apiOrigins([provider], apiBase)[0]!);
    const what = provider === 'sahha' ? "Sahha's API" : "IntelliProve's API";
    needs.push({ directive: 'connect-src', urls: [url], what, source: sourceFor(url, page) });
  }
  // From IntelliProve's CDN, or from the API itself (a sandbox's).
  if (recommendations) {
    const images = "the recommendations' images";
    needs.push({
      directive: 'img-src',
      urls: [new URL(RECOMMENDATION_IMAGES)],
      what: `${images} (IntelliProve's CDN)`,
      source: INTELLIPROVE_IMAGES,
    });
    const api = new URL(apiOrigins(['intelliprove'], apiBase)[0]!);
    if (!isIntelliProveHost(api.hostname))
      needs.push({
        directive: 'img-src',
        urls: [api],
        what: `${images} (IntelliProve's API)`,
        source: sourceFor(api, page),
      });
  }
  // One frame-src check per plug-in origin.
  for (const { purpose, url } of frames)
    if (
      !needs.some((need) => need.directive === 'frame-src' && need.urls[0]!.origin === url.origin)
    )
      needs.push({
        directive: 'frame-src',
        urls: [url],
        what: `the ${purpose} plug-in`,
        source: sourceFor(url, page),
      });
  return needs;
}
