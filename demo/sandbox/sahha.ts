/**
 * The Sahha sandbox: a local stand-in for `https://api.sahha.ai` with the endpoints of seed 003
 * that the kit and its server half use — account token, profile register/token/refresh, scores
 * and biomarkers — with seeded profiles, 204 where there is no data and 401 for bad tokens.
 *
 * Where the vendor document is silent, the sandbox decides (README): errors answer
 * `{"title", "status", "detail"}`; asking a profile token for an unknown externalId answers 404;
 * values of biomarkers are strings, as Sahha sends them; a profile with no data answers 204.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, sendJson, type Running } from './http-util.js';

export const SAHHA_CLIENT_ID = 'sandbox-client';
export const SAHHA_CLIENT_SECRET = 'sandbox-client-secret';
const DAY = 24 * 3600;

interface Token {
  kind: 'account' | 'profile';
  externalId?: string;
  expires: number;
}

export interface SahhaBiomarker {
  category: 'activity' | 'sleep' | 'vitals' | 'body';
  type: string;
  unit: string;
  /** One value a day, newest last. */
  values: number[];
}

interface Profile {
  profileId: string;
  externalId: string;
  scores: {
    type: string;
    value: number;
    state: string;
    factors: {
      name: string;
      value: number;
      goal: number;
      unit: string;
      score: number;
      state: string;
    }[];
  }[];
  biomarkers: SahhaBiomarker[];
}

const state = (value: number) =>
  value < 0.25 ? 'minimal' : value < 0.5 ? 'low' : value < 0.75 ? 'medium' : 'high';

function seedProfile(externalId: string, index: number): Profile {
  const wobble = (base: number, spread: number, day: number) =>
    Math.round((base + Math.sin(day * 1.7 + index) * spread) * 100) / 100;
  const daily = (base: number, spread: number, days = 7) =>
    Array.from({ length: days }, (_, day) => wobble(base, spread, day));
  const FACTORS: Record<string, [string, string, number][]> = {
    activity: [
      ['steps', 'count', 10000],
      ['active_hours', 'hour', 8],
      ['extended_inactivity', 'minute', 600],
    ],
    sleep: [
      ['sleep_duration', 'minute', 480],
      ['sleep_regularity', 'score', 100],
      ['sleep_debt', 'minute', 0],
    ],
    readiness: [
      ['sleep_duration', 'minute', 480],
      ['heart_rate_variability', 'ms', 60],
      ['resting_heart_rate', 'bpm', 60],
    ],
    wellbeing: [
      ['activity', 'score', 100],
      ['sleep', 'score', 100],
    ],
    mental_wellbeing: [
      ['sleep_regularity', 'score', 100],
      ['circadian_alignment', 'score', 100],
    ],
  };
  const score = (type: string, value: number) => ({
    type,
    value,
    state: state(value),
    factors: (FACTORS[type] ?? []).map(([name, unit, goal]) => ({
      name,
      value: Math.round((goal || 100) * value),
      goal,
      unit,
      score: value,
      state: state(value),
    })),
  });
  return {
    profileId: randomUUID(),
    externalId,
    scores: [
      score('activity', 0.72 - index * 0.1),
      score('sleep', 0.64 + index * 0.05),
      score('readiness', 0.58),
      score('wellbeing', 0.81 - index * 0.2),
      score('mental_wellbeing', 0.47),
    ],
    biomarkers: [
      { category: 'activity', type: 'steps', unit: 'count', values: daily(8900, 2100) },
      { category: 'activity', type: 'active_energy_burned', unit: 'kcal', values: daily(540, 120) },
      { category: 'activity', type: 'distance', unit: 'km', values: daily(6.4, 1.5) },
      { category: 'sleep', type: 'sleep_duration', unit: 'minute', values: daily(452, 40) },
      { category: 'vitals', type: 'heart_rate_resting', unit: 'bpm', values: daily(58, 3) },
      { category: 'vitals', type: 'heart_rate_variability_sdnn', unit: 'ms', values: daily(61, 8) },
      {
        category: 'vitals',
        type: 'respiratory_rate',
        unit: 'breath_per_min',
        values: daily(14.2, 1.1),
      },
      { category: 'vitals', type: 'oxygen_saturation', unit: 'percent', values: daily(97.4, 0.8) },
      { category: 'vitals', type: 'vo2_max', unit: 'ml/kg/min', values: daily(42.5, 0.4) },
      { category: 'vitals', type: 'body_temperature', unit: 'degC', values: daily(36.7, 0.2) },
      { category: 'body', type: 'weight', unit: 'kg', values: daily(70, 0) },
      { category: 'body', type: 'height', unit: 'cm', values: daily(175, 0) },
      { category: 'body', type: 'body_mass_index', unit: 'kg/m2', values: daily(22.9, 0.1) },
      { category: 'body', type: 'body_fat', unit: 'percent', values: daily(21.3, 0.4) },
    ],
  };
}

/** Seeded Sahha profiles (external ids); `sahha-empty@example.com` has no data yet. */
export const SAHHA_SEED = ['demo@example.com', 'amy@example.com'];

export interface SahhaEngine {
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Issues a profile token (tests use it for expired tokens). */
  issueProfileToken(externalId: string, ttlSeconds: number): string;
  /** How many account tokens were handed out (tests check the server half reuses them). */
  accountTokensIssued(): number;
  /** Lifetime of account tokens, seconds (tests shorten it). */
  accountTokenTtl: number;
}

export function createSahhaEngine(): SahhaEngine {
  const profiles = new Map<string, Profile>(SAHHA_SEED.map((id, i) => [id, seedProfile(id, i)]));
  profiles.set('sahha-empty@example.com', {
    ...seedProfile('sahha-empty@example.com', 0),
    scores: [],
    biomarkers: [],
  });
  const tokens = new Map<string, Token>();
  let accountTokens = 0;
  const engine: SahhaEngine = {
    handler,
    accountTokenTtl: DAY,
    issueProfileToken: (externalId, ttl) =>
      issue({ kind: 'profile', externalId, expires: Date.now() / 1000 + ttl }),
    accountTokensIssued: () => accountTokens,
  };

  function issue(token: Token): string {
    const value = randomBytes(24).toString('base64url');
    tokens.set(value, token);
    return value;
  }

  const problem = (status: number, title: string, detail: string) => ({
    status,
    body: { title, status, detail },
  });

  function authorize(req: IncomingMessage, kind: Token['kind']): Token | null {
    const match = /^(account|profile)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const token = match ? tokens.get(match[2]!) : undefined;
    if (
      !match ||
      !token ||
      token.kind !== kind ||
      match[1]!.toLowerCase() !== kind ||
      token.expires <= Date.now() / 1000
    ) {
      return null;
    }
    return token;
  }

  function profileGrant(externalId: string) {
    return {
      profileToken: issue({ kind: 'profile', externalId, expires: Date.now() / 1000 + DAY }),
      expiresIn: DAY,
      tokenType: 'Profile',
      refreshToken: issue({ kind: 'profile', externalId, expires: Date.now() / 1000 + 30 * DAY }),
    };
  }

  async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
    try {
      const parsed: unknown = JSON.parse(await readBody(req));
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }

  async function route(req: IncomingMessage, url: URL): Promise<{ status: number; body: unknown }> {
    const path = url.pathname.replace(/\/+$/, '');
    const list = (name: string) => (url.searchParams.get(name) ?? '').split(',').filter(Boolean);
    if (req.method === 'POST' && path === '/api/v1/oauth/account/token') {
      const { clientId, clientSecret } = await body(req);
      if (clientId !== SAHHA_CLIENT_ID || clientSecret !== SAHHA_CLIENT_SECRET) {
        return problem(401, 'Unauthorized', 'Invalid clientId or clientSecret.');
      }
      accountTokens++;
      const ttl = engine.accountTokenTtl;
      return {
        status: 200,
        body: {
          accountToken: issue({ kind: 'account', expires: Date.now() / 1000 + ttl }),
          expiresIn: ttl,
        },
      };
    }
    if (
      req.method === 'POST' &&
      (path === '/api/v1/oauth/profile/register' || path === '/api/v1/oauth/profile/token')
    ) {
      if (!authorize(req, 'account'))
        return problem(401, 'Unauthorized', 'Missing, invalid or expired account token.');
      const { externalId } = await body(req);
      if (typeof externalId !== 'string' || externalId === '')
        return problem(400, 'Bad Request', 'externalId is required.');
      if (path.endsWith('/register')) {
        if (profiles.has(externalId))
          return problem(400, 'Bad Request', 'externalId already in use.');
        profiles.set(externalId, { ...seedProfile(externalId, 0), scores: [], biomarkers: [] });
        return { status: 201, body: profileGrant(externalId) };
      }
      if (!profiles.has(externalId))
        return problem(404, 'Not Found', 'No profile with this externalId.');
      return { status: 200, body: profileGrant(externalId) };
    }
    if (req.method === 'POST' && path === '/api/v1/oauth/profile/refreshToken') {
      const token = authorize(req, 'profile');
      if (!token) return problem(401, 'Unauthorized', 'Missing, invalid or expired profile token.');
      return { status: 200, body: profileGrant(token.externalId!) };
    }
    if (
      req.method === 'GET' &&
      (path === '/api/v1/profile/score' || path === '/api/v1/profile/biomarker')
    ) {
      const token = authorize(req, 'profile');
      if (!token) return problem(401, 'Unauthorized', 'Missing, invalid or expired profile token.');
      const profile = profiles.get(token.externalId!)!;
      const types = list('types');
      const now = new Date();
      if (path.endsWith('/score')) {
        const scores = profile.scores.filter((s) => types.length === 0 || types.includes(s.type));
        if (scores.length === 0) return { status: 204, body: null };
        return {
          status: 200,
          body: scores.map((s) => ({
            id: randomUUID(),
            profileId: profile.profileId,
            accountId: 'sandbox',
            externalId: profile.externalId,
            ...s,
            scoreDateTime: now.toISOString(),
            createdAtUtc: now.toISOString(),
            version: 1,
          })),
        };
      }
      const categories = list('categories');
      const rows = profile.biomarkers
        .filter(
          (b) =>
            (categories.length === 0 || categories.includes(b.category)) &&
            (types.length === 0 || types.includes(b.type)),
        )
        .flatMap((b) =>
          b.values.map((value, index) => {
            const end = new Date(now);
            end.setUTCHours(0, 0, 0, 0);
            end.setUTCDate(end.getUTCDate() - (b.values.length - 1 - index));
            const start = new Date(end.getTime() - DAY * 1000);
            return {
              profileId: profile.profileId,
              externalId: profile.externalId,
              category: b.category,
              type: b.type,
              periodicity: 'daily',
              aggregation: 'total',
              value: String(value),
              unit: b.unit,
              valueType: Number.isInteger(value) ? 'long' : 'double',
              startDateTime: start.toISOString(),
              endDateTime: end.toISOString(),
              createdAtUtc: end.toISOString(),
            };
          }),
        );
      return rows.length === 0 ? { status: 204, body: null } : { status: 200, body: rows };
    }
    return problem(404, 'Not Found', `No route ${req.method} ${url.pathname}.`);
  }

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    const answer = await route(req, new URL(req.url ?? '/', 'http://sahha'));
    sendJson(res, answer.status, answer.body, cors);
  }

  return engine;
}

export async function startSahha(
  options: { port?: number } = {},
): Promise<Running & { engine: SahhaEngine }> {
  const engine = createSahhaEngine();
  return { ...(await listen(engine.handler, options.port ?? 0)), engine };
}
