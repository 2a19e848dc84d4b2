import type { TokenResponse } from '../contract.js';
import {
  DEFAULT_MAX_BODY_BYTES,
  HttpError,
  redact,
  toFetchHandler,
  toNodeHandler,
  type CoreHandler,
} from './http.js';
import type { HandlerOptions, HostRequest, TokenHandler } from './token-handler.js';
import { parseTokenRequest } from './token-request.js';
import { detailOf, upstreamClient, type Upstream } from './upstream.js';

export interface SahhaTokenHandlerOptions extends HandlerOptions {
  /** Sahha client id and secret (Sahha Dashboard → API Keys). Sent only to `apiBase`. */
  clientId: string;
  clientSecret: string;
  /** Sahha API origin. Default `https://api.sahha.ai`. */
  apiBase?: string;
}

export const DEFAULT_SAHHA_API_BASE = 'https://api.sahha.ai';
/** Renew the account token this long before it expires. */
const ACCOUNT_RENEW_BEFORE_MS = 10 * 60 * 1000;
const KNOWN_PROFILES = 1000;

interface ProfileGrant {
  profileToken?: unknown;
  expiresIn?: unknown;
}

/**
 * The token endpoint for Sahha (CONTRACT.md §8): the same `.fetch` / `.node` shape and rules as
 * `createTokenHandler`. It keeps one account token (renewed before it expires), registers the
 * user's profile on first use or gets a profile token for an existing one, and answers
 * `{ token, expires_at }` — the profile token the browser sends as `Authorization: profile …`.
 */
export function createSahhaTokenHandler(options: SahhaTokenHandlerOptions): TokenHandler {
  if (!options?.clientId || !options.clientSecret) {
    throw new TypeError('createSahhaTokenHandler: `clientId` and `clientSecret` are required.');
  }
  if (typeof options.getUser !== 'function') {
    throw new TypeError(
      'createSahhaTokenHandler: `getUser(request)` is required and must return the signed-in user id.',
    );
  }
  const secrets = [options.clientSecret];
  const onError =
    options.onError ??
    ((error: Error) => console.error(`[intelliprove-widgets/server] ${error.message}`));
  const upstream = upstreamClient({
    name: 'Sahha',
    base: options.apiBase ?? DEFAULT_SAHHA_API_BASE,
    timeoutMs: options.timeoutMs ?? 10_000,
    fetch: options.fetch ?? fetch,
    secrets,
    onError,
  });
  const known = new Set<string>();
  let account: { token: string; renewAt: number } | undefined;
  let pendingAccount: Promise<string> | undefined;

  /** The account token, fetched once and shared until shortly before it expires. */
  function accountToken(): Promise<string> {
    if (account && Date.now() < account.renewAt) return Promise.resolve(account.token);
    pendingAccount ??= (async () => {
      const answer = await upstream.call(
        'POST',
        '/api/v1/oauth/account/token',
        {},
        {
          clientId: options.clientId,
          clientSecret: options.clientSecret,
        },
      );
      const { accountToken: token, expiresIn } = (answer.body ?? {}) as {
        accountToken?: unknown;
        expiresIn?: unknown;
      };
      if (answer.status !== 200 && answer.status !== 201) {
        throw upstream.fail(
          'POST /api/v1/oauth/account/token',
          answer,
          'clientId and clientSecret',
        );
      }
      if (typeof token !== 'string' || token === '') {
        throw upstream.failure(
          'POST /api/v1/oauth/account/token',
          'did not answer with an account token',
        );
      }
      const lifetime = typeof expiresIn === 'number' ? expiresIn * 1000 : 24 * 3600 * 1000;
      // Renewed ten minutes before expiry (or after nine tenths of a shorter lifetime).
      const renewAt = Date.now() + lifetime - Math.min(ACCOUNT_RENEW_BEFORE_MS, lifetime / 10);
      account = { token, renewAt };
      return token;
    })().finally(() => (pendingAccount = undefined));
    return pendingAccount;
  }

  /** Calls with the account token; a 401 renews it once and tries again. */
  async function withAccount(path: string, body: unknown): Promise<Upstream> {
    const token = await accountToken();
    const answer = await upstream.call('POST', path, { authorization: `account ${token}` }, body);
    if (answer.status !== 401) return answer;
    if (account?.token === token) account = undefined;
    return upstream.call('POST', path, { authorization: `account ${await accountToken()}` }, body);
  }

  async function profileGrant(externalId: string): Promise<ProfileGrant> {
    const body = { externalId };
    if (!known.has(externalId)) {
      const registered = await withAccount('/api/v1/oauth/profile/register', body);
      const taken =
        registered.status === 400 && /already|in use|exist/i.test(detailOf(registered.body));
      if (registered.status === 200 || registered.status === 201) {
        remember(externalId);
        return registered.body as ProfileGrant;
      }
      if (!taken)
        throw upstream.fail(
          'POST /api/v1/oauth/profile/register',
          registered,
          'clientId and clientSecret',
        );
    }
    const answer = await withAccount('/api/v1/oauth/profile/token', body);
    if (answer.status !== 200 && answer.status !== 201) {
      throw upstream.fail('POST /api/v1/oauth/profile/token', answer, 'clientId and clientSecret');
    }
    remember(externalId);
    return answer.body as ProfileGrant;
  }

  function remember(externalId: string): void {
    if (known.size >= KNOWN_PROFILES) known.delete(known.values().next().value as string);
    known.add(externalId);
  }

  const core: CoreHandler<HostRequest> = async ({ body, request }) => {
    const parsed = parseTokenRequest(body);
    if (parsed.purpose !== 'api') {
      throw new HttpError(400, 'invalid-body', 'Sahha serves data only: use "purpose": "api".');
    }
    const externalId = await options.getUser(request);
    if (typeof externalId !== 'string' || externalId === '') {
      throw new HttpError(401, 'unauthenticated', 'Sign in first: no user for this session.');
    }
    const grant = await profileGrant(externalId);
    if (typeof grant?.profileToken !== 'string' || grant.profileToken === '') {
      throw upstream.failure('profile token', 'the answer had no profileToken');
    }
    const lifetime =
      typeof grant.expiresIn === 'number' ? grant.expiresIn * 1000 : 24 * 3600 * 1000;
    const answer: TokenResponse = {
      token: grant.profileToken,
      expires_at: new Date(Date.now() + lifetime).toISOString(),
    };
    return { status: 200, body: answer };
  };

  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const unexpected = (error: Error) =>
    onError(new Error(redact(`The Sahha token handler failed: ${error.message}`, secrets)));
  return {
    fetch: toFetchHandler(core, limit, unexpected),
    node: toNodeHandler(core, limit, unexpected),
  };
}
