/**
 * The Sahha sandbox: a local stand-in for `https://api.sahha.ai` with the endpoints of seed 003
 * that the kit and its server half use — account token, profile register/token/refresh, scores
 * and biomarkers — with seeded profiles, 204 where there is no data and 401 for bad tokens.
 *
 * Where the vendor document is silent, the sandbox decides (README): errors answer
 * `{"title", "status", "detail"}`; asking a profile token for an unknown externalId answers 404;
 * values of biomarkers are strings, as Sahha sends them; a profile with no data answers 204.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, sendJson, type Running } from './http-util.js';
import {
  DAY,
  biomarkersOf,
  emptyProfile,
  scoresOf,
  seedProfiles,
  type Profile,
} from './sahha-profiles.js';

export const SAHHA_CLIENT_ID = 'sandbox-client';
export const SAHHA_CLIENT_SECRET = 'sandbox-client-secret';
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

interface Token {
  kind: 'account' | 'profile';
  externalId?: string;
  expires: number;
}

interface Answer {
  status: number;
  body: unknown;
}

/** A route: the request, its URL, and its JSON body (an object, else `{}`). */
type Route = (
  req: IncomingMessage,
  url: URL,
  body: () => Promise<Record<string, unknown>>,
) => Answer | Promise<Answer>;

export interface SahhaEngine {
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Issues a profile token (tests use it for expired tokens). */
  issueProfileToken(externalId: string, ttlSeconds: number): string;
  /** How many account tokens were handed out (tests check the server half reuses them). */
  accountTokensIssued(): number;
  /** Lifetime of account tokens, seconds. */
  accountTokenTtl: number;
}

const problem = (status: number, title: string, detail: string): Answer => ({
  status,
  body: { title, status, detail },
});
const unauthorized = (kind: Token['kind']) =>
  problem(401, 'Unauthorized', `Missing, invalid or expired ${kind} token.`);
const dataOrEmpty = (rows: unknown[]): Answer =>
  rows.length === 0 ? { status: 204, body: null } : { status: 200, body: rows };

async function objectBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse(await readBody(req));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function createSahhaEngine(): SahhaEngine {
  const profiles = seedProfiles();
  const tokens = new Map<string, Token>();
  let accountTokens = 0;

  function issue(token: Token): string {
    const value = randomBytes(24).toString('base64url');
    tokens.set(value, token);
    return value;
  }
  const profileToken = (externalId: string, ttl: number) =>
    issue({ kind: 'profile', externalId, expires: Date.now() / 1000 + ttl });

  /** The live token of `kind` in `Authorization: <kind> <token>`, else null. */
  function authorize(req: IncomingMessage, kind: Token['kind']): Token | null {
    const match = /^(account|profile)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const token = match ? tokens.get(match[2]!) : undefined;
    const live =
      match &&
      token?.kind === kind &&
      match[1]!.toLowerCase() === kind &&
      token.expires > Date.now() / 1000;
    return live ? token : null;
  }

  function profileGrant(externalId: string) {
    return {
      profileToken: profileToken(externalId, DAY),
      expiresIn: DAY,
      tokenType: 'Profile',
      refreshToken: profileToken(externalId, 30 * DAY),
    };
  }

  /** A route that needs the account token and an `externalId` in its body. */
  const forProfile =
    (answer: (externalId: string) => Answer): Route =>
    async (req, _url, body) => {
      if (!authorize(req, 'account')) return unauthorized('account');
      const { externalId } = await body();
      if (typeof externalId !== 'string' || externalId === '')
        return problem(400, 'Bad Request', 'externalId is required.');
      return answer(externalId);
    };

  /** A read of the profile token's own data. */
  const ofProfile =
    (read: (profile: Profile, list: (name: string) => string[]) => unknown[]): Route =>
    (req, url) => {
      const token = authorize(req, 'profile');
      if (!token) return unauthorized('profile');
      const list = (name: string) => (url.searchParams.get(name) ?? '').split(',').filter(Boolean);
      return dataOrEmpty(read(profiles.get(token.externalId!)!, list));
    };

  const routes: Record<string, Route> = {
    'POST /api/v1/oauth/account/token': async (_req, _url, body) => {
      const { clientId, clientSecret } = await body();
      if (clientId !== SAHHA_CLIENT_ID || clientSecret !== SAHHA_CLIENT_SECRET) {
        return problem(401, 'Unauthorized', 'Invalid clientId or clientSecret.');
      }
      accountTokens++;
      const ttl = engine.accountTokenTtl;
      const accountToken = issue({ kind: 'account', expires: Date.now() / 1000 + ttl });
      return { status: 200, body: { accountToken, expiresIn: ttl } };
    },
    'POST /api/v1/oauth/profile/register': forProfile((externalId) => {
      if (profiles.has(externalId))
        return problem(400, 'Bad Request', 'externalId already in use.');
      profiles.set(externalId, emptyProfile(externalId));
      return { status: 201, body: profileGrant(externalId) };
    }),
    'POST /api/v1/oauth/profile/token': forProfile((externalId) =>
      profiles.has(externalId)
        ? { status: 200, body: profileGrant(externalId) }
        : problem(404, 'Not Found', 'No profile with this externalId.'),
    ),
    'POST /api/v1/oauth/profile/refreshToken': (req) => {
      const token = authorize(req, 'profile');
      if (!token) return unauthorized('profile');
      return { status: 200, body: profileGrant(token.externalId!) };
    },
    'GET /api/v1/profile/score': ofProfile((profile, list) =>
      scoresOf(profile, list('types'), new Date()),
    ),
    'GET /api/v1/profile/biomarker': ofProfile((profile, list) =>
      biomarkersOf(profile, list('categories'), list('types'), new Date()),
    ),
  };

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://sahha');
    const route = routes[`${req.method} ${url.pathname.replace(/\/+$/, '')}`];
    const answer = route
      ? await route(req, url, () => objectBody(req))
      : problem(404, 'Not Found', `No route ${req.method} ${url.pathname}.`);
    sendJson(res, answer.status, answer.body, CORS);
  }

  const engine: SahhaEngine = {
    handler,
    accountTokenTtl: DAY,
    issueProfileToken: profileToken,
    accountTokensIssued: () => accountTokens,
  };
  return engine;
}

export async function startSahha(
  options: { port?: number } = {},
): Promise<Running & { engine: SahhaEngine }> {
  const engine = createSahhaEngine();
  return { ...(await listen(engine.handler, options.port ?? 0)), engine };
}
