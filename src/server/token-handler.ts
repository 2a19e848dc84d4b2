import { DEFAULT_API_BASES } from '../protocol/origins.js';
import {
  isLanguage,
  isUnitSystem,
  type TokenRequest,
  type TokenResponse,
} from '../protocol/contract.js';
import { handlerBase, serveTokens, type HandlerOptions, type TokenHandler } from './handler.js';
import { singleFlight, type Deadline } from './deadline.js';
import { detailOf, type Upstream } from './upstream.js';

export type { GetUser, HandlerOptions, HostRequest, TokenHandler } from './handler.js';

export interface TokenHandlerOptions extends HandlerOptions {
  /** IntelliProve API key. Sent only to `apiBase`, never to the browser. */
  apiKey: string;
  /** IntelliProve API origin. Default `https://engine.intelliprove.com`. */
  apiBase?: string;
}

export const DEFAULT_API_BASE = DEFAULT_API_BASES.intelliprove;
/** IntelliProve plug-in URLs are valid for six hours. */
const PLUGIN_URL_LIFETIME_MS = 6 * 60 * 60 * 1000;
/** Used when an action token carries no `exp`. */
const FALLBACK_TOKEN_LIFETIME_MS = 60 * 60 * 1000;
const PROFILE_TTL_MS = 5 * 60 * 1000;
const PROFILE_CACHE_SIZE = 500;

interface UserProfile {
  language?: string | null;
  preferred_unit_system?: string | null;
}

/**
 * The token endpoint of CONTRACT.md §6. The user is whatever `getUser` returns; the browser
 * chooses only the purpose, the language and (for the dashboard) the hidden sections.
 */
export function createTokenHandler(options: TokenHandlerOptions): TokenHandler {
  if (!options || typeof options.apiKey !== 'string' || options.apiKey === '') {
    throw new TypeError(
      'createTokenHandler: `apiKey` is required (e.g. process.env.INTELLIPROVE_API_KEY).',
    );
  }
  const apiKey = options.apiKey;
  const shared = handlerBase('createTokenHandler', options, [apiKey], {
    name: 'IntelliProve',
    base: options.apiBase ?? DEFAULT_API_BASE,
  });
  const { upstream, clock } = shared;
  const profiles = new Map<string, { profile: UserProfile; at: number }>();
  // Racing first requests for one user share one lookup (and creation) of that user.
  const userFlights = singleFlight<UserProfile>(shared.timeoutMs, clock);
  const call = (deadline: Deadline, method: string, path: string, body?: unknown) =>
    upstream.call(deadline, method, path, { 'x-api-key': apiKey }, body);
  const fail = (what: string, answer: Upstream) => upstream.fail(what, answer);
  const upstreamFailure = upstream.failure;

  /** The user's profile, creating the user on first use; shared by racing requests. */
  function ensureUser(deadline: Deadline, externalId: string, language?: string) {
    const cached = profiles.get(externalId);
    if (cached && clock.now() - cached.at < PROFILE_TTL_MS) return Promise.resolve(cached.profile);
    return userFlights(externalId, deadline, (own) => findOrCreateUser(own, externalId, language));
  }

  async function findOrCreateUser(
    deadline: Deadline,
    externalId: string,
    language?: string,
  ): Promise<UserProfile> {
    const query = `/v2/users?external_user_id=${encodeURIComponent(externalId)}`;
    let answer = await call(deadline, 'GET', query);
    if (answer.status === 404) {
      const created = await call(deadline, 'POST', '/v2/users', {
        external_user_id: externalId,
        ...(language ? { language } : {}),
      });
      const exists =
        (created.status === 400 || created.status === 409) && /exist/i.test(detailOf(created.body));
      if (created.status === 200 || created.status === 201) answer = created;
      else if (exists) answer = await call(deadline, 'GET', query);
      else throw fail('POST /v2/users', created);
    }
    if (answer.status !== 200 && answer.status !== 201) throw fail('GET /v2/users', answer);
    const profile = (
      answer.body && typeof answer.body === 'object' ? answer.body : {}
    ) as UserProfile;
    if (profiles.size >= PROFILE_CACHE_SIZE)
      profiles.delete(profiles.keys().next().value as string);
    profiles.set(externalId, { profile, at: clock.now() });
    return profile;
  }

  function pluginUrl(what: string, upstream: Upstream): string {
    if (upstream.status !== 200 && upstream.status !== 201) throw fail(what, upstream);
    const url = upstream.body;
    if (typeof url !== 'string' || !URL.canParse(url)) {
      throw upstreamFailure(what, 'did not answer with a URL');
    }
    return url;
  }

  /** The URL's expiry: its action token's `exp` (checked), at most `latest`. */
  function expiryOfUrl(what: string, url: string, latest: Date): string {
    const token = new URL(url).searchParams.get('action_token');
    const exp = token ? upstream.jwtExpiresAt(what, token, latest) : latest;
    return (exp < latest ? exp : latest).toISOString();
  }

  async function apiToken(deadline: Deadline, externalId: string): Promise<TokenResponse> {
    const what = 'POST /v2/users/authenticate';
    const answer = await call(deadline, 'POST', '/v2/users/authenticate', {
      external_user_id: externalId,
    });
    if (answer.status !== 200 && answer.status !== 201) throw fail(what, answer);
    const token = (answer.body as { token?: unknown } | null)?.token;
    if (typeof token !== 'string' || token === '') {
      throw upstreamFailure(what, 'did not answer with a token');
    }
    const fallback = new Date(clock.now() + FALLBACK_TOKEN_LIFETIME_MS);
    return { token, expires_at: upstream.jwtExpiresAt(what, token, fallback).toISOString() };
  }

  async function faceScan(deadline: Deadline, externalId: string, language?: string) {
    const what = 'GET /v2/userjourneys/scan';
    const expires = new Date(Math.floor((clock.now() + PLUGIN_URL_LIFETIME_MS) / 1000) * 1000);
    const query = new URLSearchParams({
      external_user_id: externalId,
      expire_at: expires.toISOString(),
    });
    if (language) query.set('language', language);
    const url = pluginUrl(what, await call(deadline, 'GET', `/v2/userjourneys/scan?${query}`));
    return { url, expires_at: expiryOfUrl(what, url, expires) };
  }

  async function dashboard(
    deadline: Deadline,
    externalId: string,
    request: TokenRequest,
    language?: string,
  ) {
    const what = 'POST /v2/dashboards/health';
    const answer = await call(deadline, 'POST', '/v2/dashboards/health', {
      external_user_id: externalId,
      ...(language ? { language } : {}),
      disabled_sections: request.disabled_sections ?? [],
    });
    const url = pluginUrl(what, answer);
    return {
      url,
      expires_at: expiryOfUrl(what, url, new Date(clock.now() + PLUGIN_URL_LIFETIME_MS)),
    };
  }

  async function issue(
    externalId: string,
    request: TokenRequest,
    deadline: Deadline,
  ): Promise<TokenResponse> {
    const profile = await ensureUser(deadline, externalId, request.language);
    const language =
      request.language ?? (isLanguage(profile.language) ? profile.language : undefined);
    const answer: TokenResponse =
      request.purpose === 'api'
        ? await apiToken(deadline, externalId)
        : request.purpose === 'face-scan'
          ? await faceScan(deadline, externalId, language)
          : await dashboard(deadline, externalId, request, language);
    if (isUnitSystem(profile.preferred_unit_system))
      answer.unit_system = profile.preferred_unit_system;
    if (typeof profile.language === 'string' && profile.language)
      answer.language = profile.language;
    return answer;
  }

  return serveTokens({ options, shared, label: 'The token handler', issue });
}
