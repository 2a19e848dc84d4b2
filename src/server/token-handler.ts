import { isLanguage, isUnitSystem, type TokenRequest, type TokenResponse } from '../contract.js';
import {
  DEFAULT_MAX_BODY_BYTES,
  HttpError,
  jwtExpiry,
  redact,
  toFetchHandler,
  toNodeHandler,
  type CoreHandler,
  type NodeRequest,
} from './http.js';
import { parseTokenRequest } from './token-request.js';
import { detailOf, upstreamClient, type Upstream } from './upstream.js';

/** The request a framework hands to the handler: a Fetch `Request` or a Node/Express `req`. */
export type HostRequest = Request | NodeRequest;

/** Returns the host's own id for the signed-in user, or null when nobody is signed in. */
export type GetUser<R extends HostRequest = HostRequest> = (
  request: R,
) => string | null | undefined | Promise<string | null | undefined>;

/** Options every token handler takes. */
export interface HandlerOptions {
  /** The external user id of the signed-in user, from the host's own session. */
  getUser: GetUser;
  /** Milliseconds before an upstream call is abandoned. Default 10 000. */
  timeoutMs?: number;
  /** Largest accepted request body in bytes. Default 16 KiB. */
  maxBodyBytes?: number;
  /** Receives upstream failures (already redacted). Default `console.error`. */
  onError?: (error: Error) => void;
  /** Fetch implementation for upstream calls (tests, proxies). Default global `fetch`. */
  fetch?: typeof fetch;
}

export interface TokenHandlerOptions extends HandlerOptions {
  /** IntelliProve API key. Sent only to `apiBase`, never to the browser. */
  apiKey: string;
  /** IntelliProve API origin. Default `https://engine.intelliprove.com`. */
  apiBase?: string;
}

export interface TokenHandler {
  /** Fetch API runtimes (Next.js route handlers, Deno, Bun, workers): `(Request) => Response`. */
  fetch: (request: Request) => Promise<Response>;
  /** Node `http`, Express and Connect: `(req, res)`. */
  node: (
    req: NodeRequest,
    res: import('node:http').ServerResponse,
    next?: (error?: unknown) => void,
  ) => Promise<void>;
}

export const DEFAULT_API_BASE = 'https://engine.intelliprove.com';
/** IntelliProve plug-in URLs are valid for six hours. */
const PLUGIN_URL_LIFETIME_MS = 6 * 60 * 60 * 1000;
/** Used when an action token carries no readable `exp`. */
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
  if (typeof options.getUser !== 'function') {
    throw new TypeError(
      'createTokenHandler: `getUser(request)` is required and must return the signed-in user id.',
    );
  }
  const apiKey = options.apiKey;
  const apiBase = options.apiBase ?? DEFAULT_API_BASE;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const fetchImpl = options.fetch ?? fetch;
  const onError =
    options.onError ??
    ((error: Error) => console.error(`[intelliprove-widgets/server] ${error.message}`));
  const profiles = new Map<string, { profile: UserProfile; at: number }>();

  const upstream = upstreamClient({
    name: 'IntelliProve',
    base: apiBase,
    timeoutMs,
    fetch: fetchImpl,
    secrets: [apiKey],
    onError,
  });
  const call = (method: string, path: string, body?: unknown) =>
    upstream.call(method, path, { 'x-api-key': apiKey }, body);
  const fail = (what: string, answer: Upstream) => upstream.fail(what, answer);
  const upstreamFailure = upstream.failure;

  async function ensureUser(externalId: string, language?: string): Promise<UserProfile> {
    const cached = profiles.get(externalId);
    if (cached && Date.now() - cached.at < PROFILE_TTL_MS) return cached.profile;
    const query = `/v2/users?external_user_id=${encodeURIComponent(externalId)}`;
    let answer = await call('GET', query);
    if (answer.status === 404) {
      const created = await call('POST', '/v2/users', {
        external_user_id: externalId,
        ...(language ? { language } : {}),
      });
      const exists =
        (created.status === 400 || created.status === 409) && /exist/i.test(detailOf(created.body));
      if (created.status === 200 || created.status === 201) answer = created;
      else if (exists) answer = await call('GET', query);
      else throw fail('POST /v2/users', created);
    }
    if (answer.status !== 200 && answer.status !== 201) throw fail('GET /v2/users', answer);
    const profile = (
      answer.body && typeof answer.body === 'object' ? answer.body : {}
    ) as UserProfile;
    if (profiles.size >= PROFILE_CACHE_SIZE)
      profiles.delete(profiles.keys().next().value as string);
    profiles.set(externalId, { profile, at: Date.now() });
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

  function expiryOfUrl(url: string, fallback: Date): Date {
    const token = new URL(url).searchParams.get('action_token');
    const exp = token ? jwtExpiry(token) : null;
    return exp && exp < fallback ? exp : fallback;
  }

  async function issue(externalId: string, request: TokenRequest): Promise<TokenResponse> {
    const profile = await ensureUser(externalId, request.language);
    const language =
      request.language ?? (isLanguage(profile.language) ? profile.language : undefined);
    let answer: TokenResponse;
    if (request.purpose === 'api') {
      const upstream = await call('POST', '/v2/users/authenticate', {
        external_user_id: externalId,
      });
      const token = (upstream.body as { token?: unknown } | null)?.token;
      if (upstream.status !== 200 && upstream.status !== 201)
        throw fail('POST /v2/users/authenticate', upstream);
      if (typeof token !== 'string' || token === '') {
        throw upstreamFailure('POST /v2/users/authenticate', 'did not answer with a token');
      }
      const expires = jwtExpiry(token) ?? new Date(Date.now() + FALLBACK_TOKEN_LIFETIME_MS);
      answer = { token, expires_at: expires.toISOString() };
    } else if (request.purpose === 'face-scan') {
      const expires = new Date(Math.floor((Date.now() + PLUGIN_URL_LIFETIME_MS) / 1000) * 1000);
      const query = new URLSearchParams({
        external_user_id: externalId,
        expire_at: expires.toISOString(),
      });
      if (language) query.set('language', language);
      const url = pluginUrl(
        'GET /v2/userjourneys/scan',
        await call('GET', `/v2/userjourneys/scan?${query}`),
      );
      answer = { url, expires_at: expiryOfUrl(url, expires).toISOString() };
    } else {
      const upstream = await call('POST', '/v2/dashboards/health', {
        external_user_id: externalId,
        ...(language ? { language } : {}),
        disabled_sections: request.disabled_sections ?? [],
      });
      const url = pluginUrl('POST /v2/dashboards/health', upstream);
      answer = {
        url,
        expires_at: expiryOfUrl(url, new Date(Date.now() + PLUGIN_URL_LIFETIME_MS)).toISOString(),
      };
    }
    if (isUnitSystem(profile.preferred_unit_system))
      answer.unit_system = profile.preferred_unit_system;
    if (typeof profile.language === 'string' && profile.language)
      answer.language = profile.language;
    return answer;
  }

  const core: CoreHandler<HostRequest> = async ({ body, request }) => {
    const parsed = parseTokenRequest(body);
    const externalId = await options.getUser(request);
    if (typeof externalId !== 'string' || externalId === '') {
      throw new HttpError(401, 'unauthenticated', 'Sign in first: no user for this session.');
    }
    return { status: 200, body: await issue(externalId, parsed) };
  };

  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  // Failures we did not foresee (getUser throwing, say) answer 500 and are reported, redacted.
  const unexpected = (error: Error) =>
    onError(new Error(redact(`The token handler failed: ${error.message}`, [apiKey])));
  return {
    fetch: toFetchHandler(core, limit, unexpected),
    node: toNodeHandler(core, limit, unexpected),
  };
}
