import { DEFAULT_API_BASES } from '../protocol/origins.js';
import type { TokenResponse } from '../protocol/contract.js';
import { handlerBase, serveTokens, type HandlerOptions, type TokenHandler } from './handler.js';
import { singleFlight, type Deadline } from './deadline.js';
import { HttpError } from './http-error.js';
import { detailOf, type Upstream } from './upstream.js';

export interface SahhaTokenHandlerOptions extends HandlerOptions {
  /** Sahha client id and secret (Sahha Dashboard → API Keys). Sent only to `apiBase`. */
  clientId: string;
  clientSecret: string;
  /** Sahha API origin. Default `https://api.sahha.ai`. */
  apiBase?: string;
}

export const DEFAULT_SAHHA_API_BASE = DEFAULT_API_BASES.sahha;
/** Renew the account token this long before it expires. */
const ACCOUNT_RENEW_BEFORE_MS = 10 * 60 * 1000;
/** Assumed when Sahha gives no `expiresIn`. */
const DEFAULT_LIFETIME_MS = 24 * 60 * 60 * 1000;
const KNOWN_PROFILES = 1000;
const CREDENTIALS = 'clientId and clientSecret';

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
  const shared = handlerBase('createSahhaTokenHandler', options, [options.clientSecret], {
    name: 'Sahha',
    base: options.apiBase ?? DEFAULT_SAHHA_API_BASE,
  });
  const { upstream, clock } = shared;
  const known = new Set<string>();
  let account: { token: string; renewAt: number } | undefined;
  // One account-token call at a time, and one grant per user at a time (racing first
  // requests register the profile once).
  const accountFlight = singleFlight<string>(shared.timeoutMs, clock);
  const grantFlights = singleFlight<TokenResponse>(shared.timeoutMs, clock);

  /** The account token, fetched once and shared until shortly before it expires. */
  function accountToken(deadline: Deadline): Promise<string> {
    if (account && clock.now() < account.renewAt) return Promise.resolve(account.token);
    return accountFlight('account', deadline, fetchAccountToken);
  }

  async function fetchAccountToken(deadline: Deadline): Promise<string> {
    const what = 'POST /api/v1/oauth/account/token';
    const answer = await upstream.call(
      deadline,
      'POST',
      '/api/v1/oauth/account/token',
      {},
      { clientId: options.clientId, clientSecret: options.clientSecret },
    );
    if (answer.status !== 200 && answer.status !== 201) {
      throw upstream.fail(what, answer, CREDENTIALS);
    }
    const { accountToken: token, expiresIn } = (answer.body ?? {}) as {
      accountToken?: unknown;
      expiresIn?: unknown;
    };
    if (typeof token !== 'string' || token === '') {
      throw upstream.failure(what, 'did not answer with an account token');
    }
    // A secret from now on: no Sahha error text that quotes it reaches an answer or a log.
    shared.secrets.learn(token);
    const now = clock.now();
    const lifetime = upstream.expiresIn(what, expiresIn, DEFAULT_LIFETIME_MS).getTime() - now;
    // Renewed ten minutes before expiry (or after nine tenths of a shorter lifetime).
    const renewAt = now + lifetime - Math.min(ACCOUNT_RENEW_BEFORE_MS, lifetime / 10);
    account = { token, renewAt };
    return token;
  }

  /** Calls with the account token; a 401 renews it once and tries again. */
  async function withAccount(deadline: Deadline, path: string, body: unknown): Promise<Upstream> {
    const token = await accountToken(deadline);
    const answer = await upstream.call(
      deadline,
      'POST',
      path,
      { authorization: `account ${token}` },
      body,
    );
    if (answer.status !== 401) return answer;
    if (account?.token === token) account = undefined;
    const renewed = await accountToken(deadline);
    return upstream.call(deadline, 'POST', path, { authorization: `account ${renewed}` }, body);
  }

  /** Registers the profile on first use, else asks for a token of the existing one. */
  async function profileGrant(deadline: Deadline, externalId: string): Promise<unknown> {
    const body = { externalId };
    if (!known.has(externalId)) {
      const registered = await withAccount(deadline, '/api/v1/oauth/profile/register', body);
      const taken =
        registered.status === 400 && /already|in use|exist/i.test(detailOf(registered.body));
      if (registered.status === 200 || registered.status === 201) {
        remember(externalId);
        return registered.body;
      }
      if (!taken)
        throw upstream.fail('POST /api/v1/oauth/profile/register', registered, CREDENTIALS);
    }
    const answer = await withAccount(deadline, '/api/v1/oauth/profile/token', body);
    if (answer.status !== 200 && answer.status !== 201) {
      throw upstream.fail('POST /api/v1/oauth/profile/token', answer, CREDENTIALS);
    }
    remember(externalId);
    return answer.body;
  }

  /** The browser's answer from the profile grant. */
  async function profileToken(deadline: Deadline, externalId: string): Promise<TokenResponse> {
    const grant = (await profileGrant(deadline, externalId)) as {
      profileToken?: unknown;
      expiresIn?: unknown;
    } | null;
    if (typeof grant?.profileToken !== 'string' || grant.profileToken === '') {
      throw upstream.failure('profile token', 'the answer had no profileToken');
    }
    const expires = upstream.expiresIn('profile token', grant.expiresIn, DEFAULT_LIFETIME_MS);
    return { token: grant.profileToken, expires_at: expires.toISOString() };
  }

  function remember(externalId: string): void {
    if (known.size >= KNOWN_PROFILES) known.delete(known.values().next().value as string);
    known.add(externalId);
  }

  return serveTokens({
    options,
    shared,
    label: 'The Sahha token handler',
    accept: (request) => {
      if (request.purpose !== 'api') {
        throw new HttpError(400, 'invalid-body', 'Sahha serves data only: use "purpose": "api".');
      }
    },
    // Racing requests for one user share one grant (the same user, the same token).
    issue: (externalId, _request, deadline) =>
      grantFlights(externalId, deadline, (own) => profileToken(own, externalId)),
  });
}
