/**
 * `intelliprove-widgets doctor`: checks a host's integration from outside, whatever its backend
 * is written in (CONTRACT §6) — the page's policies and the token endpoint's answers.
 */
import { parseOrigins, type ProviderId } from '../protocol/origins.js';
import { readPage, type PageFacts } from './page.js';
import { needsOf } from './needs.js';
import { checkCamera, checkPolicies } from './page-checks.js';
import { DoctorError, pass, type Report } from './report.js';
import { checkEndpoint, type Endpoint } from './token-checks.js';

export interface DoctorOptions {
  /** The page that has the kit on it. */
  page: string;
  /** Token endpoints (relative to the page) and their providers; default: the page's own. */
  endpoints?: ReadonlyArray<{ url: string; provider: ProviderId }>;
  /** Headers that make a signed-in session (`Cookie: …`), sent to the page and the endpoints. */
  headers?: ReadonlyArray<readonly [string, string]>;
  /** Plug-in origins the page allows besides IntelliProve's, when not on its script tag. */
  allowedOrigins?: readonly string[];
  /** IntelliProve's API origin, when not on the script tag (a bundled app's `configure`). */
  apiBase?: string;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
}

const PROVIDERS: readonly ProviderId[] = ['intelliprove', 'sahha'];
const isProvider = (value: string | undefined): value is ProviderId =>
  PROVIDERS.includes(value as ProviderId);

async function fetchPage(options: DoctorOptions, timeoutMs: number): Promise<PageFacts> {
  let url: URL;
  try {
    url = new URL(options.page);
  } catch {
    throw new DoctorError(
      `"${options.page}" is not a URL: give the page's full address (https://…).`,
    );
  }
  let response: Response;
  try {
    response = await fetch(url, {
      headers: new Headers([...(options.headers ?? [])] as [string, string][]),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new DoctorError(`Could not fetch ${url.href}: ${(error as Error).cause ?? error}.`);
  }
  if (!response.ok)
    throw new DoctorError(
      `${url.href} answered ${response.status}: give the URL of a page that has the kit on it.`,
    );
  return readPage(new URL(response.url || url.href), response.headers, await response.text());
}

/** What the page's elements and script tag say, as `name → values` (the tag's data-* first). */
function settings(facts: PageFacts) {
  const data = facts.kit?.tag.attributes ?? new Map<string, string>();
  const pageProvider = data.get('data-provider');
  const elements = facts.elements.map((tag) => ({
    tag,
    provider:
      tag.attributes.get('provider') ?? (isProvider(pageProvider) ? pageProvider : 'intelliprove'),
  }));
  return { data, elements };
}

export async function runDoctor(options: DoctorOptions): Promise<Report> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const facts = await fetchPage(options, timeoutMs);
  const page = facts.url;
  const { data, elements } = settings(facts);

  // The endpoints: those given, else the script tag's and the elements' own.
  const given = options.endpoints ?? [];
  const found = [
    ...(data.has('data-token-endpoint')
      ? [
          {
            url: data.get('data-token-endpoint')!,
            provider: isProvider(data.get('data-provider'))
              ? data.get('data-provider')!
              : 'intelliprove',
          },
        ]
      : []),
    ...elements
      .filter(({ tag }) => tag.attributes.has('token-endpoint'))
      .map(({ tag, provider }) => ({ url: tag.attributes.get('token-endpoint')!, provider })),
  ];
  const listed = (given.length ? given : found) as ReadonlyArray<{ url: string; provider: string }>;
  const endpoints: Endpoint[] = [];
  for (const { url, provider } of listed) {
    if (!isProvider(provider))
      throw new DoctorError(`Unknown provider "${provider}": use intelliprove or sahha.`);
    const resolved = new URL(url, page);
    if (!endpoints.some((e) => e.url.href === resolved.href && e.provider === provider))
      endpoints.push({ url: resolved, provider });
  }
  if (!endpoints.length)
    throw new DoctorError(
      'No token endpoint: the page has no data-token-endpoint; pass --token-endpoint /your/route.',
    );

  const allowedOrigins = [
    ...parseOrigins(data.get('data-allowed-origins')),
    ...elements.flatMap(({ tag }) => parseOrigins(tag.attributes.get('allowed-origins'))),
    ...parseOrigins(options.allowedOrigins),
  ];
  const ask = { page, headers: options.headers ?? [], allowedOrigins, timeoutMs };
  const findings = [];
  for (const endpoint of endpoints) findings.push(await checkEndpoint(endpoint, ask));
  const pluginUrls = findings.flatMap((f) => f.pluginUrls);

  // What the kit loads on this page.
  const providers = [
    ...new Set([
      ...endpoints.map((e) => e.provider),
      ...elements.map((e) => e.provider).filter(isProvider),
    ]),
  ];
  const apiBase = {
    intelliprove:
      options.apiBase ??
      elements
        .find((e) => e.provider === 'intelliprove' && e.tag.attributes.get('api-base'))
        ?.tag.attributes.get('api-base') ??
      data.get('data-api-base'),
    sahha: elements
      .find((e) => e.provider === 'sahha' && e.tag.attributes.get('api-base'))
      ?.tag.attributes.get('api-base'),
  };
  // The plug-ins the endpoint gave, else where IntelliProve's are.
  const frames = pluginUrls.length
    ? pluginUrls
    : providers.includes('intelliprove')
      ? [
          { purpose: 'face-scan', url: new URL('https://plugin.intelliprove.com/') },
          { purpose: 'dashboard', url: new URL('https://dashboard.intelliprove.com/') },
        ]
      : [];
  const needs = needsOf({
    page,
    kit: facts.kit?.src,
    endpoints,
    providers,
    apiBase,
    recommendations: elements.some(({ tag }) => tag.name === 'ip-recommendations'),
    frames,
  });
  const checks = [
    ...(facts.kit
      ? []
      : [
          pass(
            'Page policies',
            `No kit <script> tag in the page's HTML (a bundled app?): its code is the page's own.`,
          ),
        ]),
    ...checkPolicies(facts, needs),
    ...frames
      .filter((f) => f.purpose === 'face-scan')
      .slice(0, 1)
      .map((f) => checkCamera(facts, f.url)),
    ...findings.flatMap((f) => f.checks),
  ];
  return { page: page.href, ok: checks.every((check) => check.ok), checks };
}
