/**
 * The sandbox engine: a local stand-in for `https://engine.intelliprove.com` that speaks the
 * IntelliProve v2 REST contract (../shared/intelliprove-api.md) with seeded data.
 *
 * Where the vendor documents are silent, the sandbox decides (and the README says so):
 * - creating a user that exists answers 409 `{"detail": "User already exists!"}`;
 * - an action token on an API-key-only endpoint answers 403;
 * - an action token naming another user (`external_user_id`) or reading another user's scan
 *   answers 403;
 * - list reads with nothing to return answer 204;
 * - `POST /v2/face-scans` (action token of a face-scan plug-in session) stores a new scan: it is
 *   how the stand-in plug-in records a measurement, as the real plug-in does behind the scenes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, sendJson, type Running } from './http-util.js';
import { sign, verify, type ActionClaims } from './jwt.js';
import { CATALOG } from './recommendations.js';
import { QUESTION_KEYS, Store, hashExternalId, measure, type Scan, type User } from './store.js';

export const SANDBOX_API_KEY = 'sandbox-DEV-key';
export const OTHER_CUSTOMER_API_KEY = 'other-clinic-DEV-key';

export interface EngineOptions {
  /** API key → customer name. Default: the sandbox key and a second customer's key. */
  apiKeys?: Record<string, string>;
  /** HMAC secret for action tokens. Default: random per start. */
  secret?: string;
  /** Origin of the stand-in plug-ins, used in the plug-in URLs the engine hands out. */
  pluginOrigin?: string;
  /** Persist data to this JSON file (else memory only). */
  dataFile?: string;
  /** Lifetime of action tokens from `/users/authenticate`, seconds. Default 4 hours. */
  actionTokenTtl?: number;
}

const LANGS = ['en', 'nl', 'fr', 'da', 'sv'];
const UNAUTHORIZED = { detail: 'Missing or invalid authentication credentials.' };
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};

type Auth = { kind: 'key'; customer: string } | { kind: 'token'; claims: ActionClaims; user: User };

/** An answer the route gives, or throws. */
class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

const fail = (status: number, detail: unknown) => new Reply(status, { detail });
const invalid = (loc: (string | number)[], msg: string, type: string) =>
  new Reply(422, { detail: [{ loc, msg, type }] });
const missing = (where: 'query' | 'body', name: string) =>
  invalid([where, name], 'field required', 'value_error.missing');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Engine {
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  store: Store;
  secret: string;
  options: EngineOptions;
  /** Signs an action token for a user (tests use it for expired and foreign tokens). */
  issueToken(
    user: User,
    scope: ActionClaims['scope'],
    ttlSeconds: number,
    extra?: Partial<ActionClaims>,
  ): string;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const apiKeys = options.apiKeys ?? {
    [SANDBOX_API_KEY]: 'Sandbox Health',
    [OTHER_CUSTOMER_API_KEY]: 'Other Clinic',
  };
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const store = new Store(options.dataFile);
  const tokenTtl = options.actionTokenTtl ?? 4 * 3600;

  function issueToken(
    user: User,
    scope: ActionClaims['scope'],
    ttl: number,
    extra: Partial<ActionClaims> = {},
  ): string {
    const iat = Math.floor(Date.now() / 1000);
    return sign(
      {
        sub: user.user_id,
        cus: user.customer,
        scope,
        iat,
        exp: iat + ttl,
        jti: randomUUID(),
        ...extra,
      },
      secret,
    );
  }

  function authenticate(req: IncomingMessage): Auth {
    const key = req.headers['x-api-key'];
    if (typeof key === 'string' && key !== '') {
      const customer = apiKeys[key];
      if (!customer) throw new Reply(401, UNAUTHORIZED);
      return { kind: 'key', customer };
    }
    const header = req.headers.authorization ?? '';
    const match = /^Token\s+(\S+)$/i.exec(header);
    if (!match) throw new Reply(401, UNAUTHORIZED);
    const result = verify(match[1]!, secret);
    if (!result.ok) throw new Reply(401, UNAUTHORIZED);
    const user = store.userById(result.claims.sub);
    if (!user) throw new Reply(401, UNAUTHORIZED);
    return { kind: 'token', claims: result.claims, user };
  }

  function requireKey(auth: Auth): string {
    if (auth.kind !== 'key')
      throw fail(403, 'This endpoint requires an API key; action tokens cannot use it.');
    return auth.customer;
  }

  /** The user a data read is about: the token's own, or `external_user_id` with the API key. */
  function subject(auth: Auth, query: URLSearchParams): User {
    const external = query.get('external_user_id');
    if (auth.kind === 'token') {
      if (external !== null && hashExternalId(external) !== auth.user.external_hash) {
        throw fail(403, "An action token can only access its own user's data.");
      }
      return auth.user;
    }
    if (external === null || external === '') throw missing('query', 'external_user_id');
    const user = store.userByExternalId(auth.customer, external);
    if (!user) throw fail(404, 'User not found!');
    return user;
  }

  async function jsonBody(req: IncomingMessage): Promise<unknown> {
    let text: string;
    try {
      text = await readBody(req);
    } catch {
      throw fail(413, 'Request body too large.');
    }
    try {
      return JSON.parse(text);
    } catch {
      throw invalid(
        ['body', 0],
        'Expecting value: request body is not valid JSON',
        'value_error.jsondecode',
      );
    }
  }

  function objectBody(body: unknown): Record<string, unknown> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw invalid(['body'], 'value is not a valid dict', 'type_error.dict');
    }
    return body as Record<string, unknown>;
  }

  /** Validates the optional user fields of POST /users and PUT /users/{id}. */
  function userFields(body: Record<string, unknown>): Partial<User> {
    const fields: Partial<User> = {};
    const { birth_date, sex, language, preferred_unit_system } = body;
    if (birth_date !== undefined && birth_date !== null) {
      if (
        typeof birth_date !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}$/.test(birth_date) ||
        Number.isNaN(Date.parse(birth_date))
      ) {
        throw invalid(['body', 'birth_date'], 'invalid date format', 'value_error.date');
      }
      fields.birth_date = birth_date;
    }
    if (sex !== undefined && sex !== null) {
      if (sex !== 'M' && sex !== 'F')
        throw invalid(
          ['body', 'sex'],
          "value is not a valid enumeration member; permitted: 'M', 'F'",
          'type_error.enum',
        );
      fields.sex = sex;
    }
    if (language !== undefined && language !== null) {
      if (typeof language !== 'string' || !LANGS.includes(language)) {
        throw invalid(
          ['body', 'language'],
          `value is not a valid enumeration member; permitted: ${LANGS.map((l) => `'${l}'`).join(', ')}`,
          'type_error.enum',
        );
      }
      fields.language = language;
    }
    if (preferred_unit_system !== undefined && preferred_unit_system !== null) {
      if (preferred_unit_system !== 'metric' && preferred_unit_system !== 'imperial') {
        throw invalid(
          ['body', 'preferred_unit_system'],
          "value is not a valid enumeration member; permitted: 'metric', 'imperial'",
          'type_error.enum',
        );
      }
      fields.preferred_unit_system = preferred_unit_system;
    }
    return fields;
  }

  function publicUser(user: User, externalId?: string) {
    const { external_hash: _hash, ...rest } = user;
    return externalId === undefined ? rest : { ...rest, external_user_id: externalId };
  }

  function publicScan(scan: Scan) {
    const { user_id: _user, ...rest } = scan;
    return rest;
  }

  function intParam(
    query: URLSearchParams,
    name: string,
    fallback: number,
    min: number,
    max: number,
  ): number {
    const raw = query.get(name);
    if (raw === null || raw === '') return fallback;
    if (!/^\d+$/.test(raw))
      throw invalid(['query', name], 'value is not a valid integer', 'type_error.integer');
    const value = Number(raw);
    if (value < min || value > max) {
      throw invalid(
        ['query', name],
        `ensure this value is between ${min} and ${max}`,
        'value_error.number.not_in_range',
      );
    }
    return value;
  }

  function dateParam(query: URLSearchParams, name: string): number | null {
    const raw = query.get(name);
    if (raw === null || raw === '') return null;
    const ms = Date.parse(raw);
    if (Number.isNaN(ms))
      throw invalid(['query', name], 'invalid datetime format', 'value_error.datetime');
    return ms / 1000;
  }

  function languageOf(user: User, requested: string | null | undefined): string {
    if (requested !== null && requested !== undefined && requested !== '') {
      if (!LANGS.includes(requested)) {
        throw invalid(
          ['query', 'language'],
          `value is not a valid enumeration member; permitted: ${LANGS.join(', ')}`,
          'type_error.enum',
        );
      }
      return requested;
    }
    return user.language ?? 'en';
  }

  function pluginOrigin(): string {
    if (!options.pluginOrigin) throw fail(503, 'The sandbox plug-in server is not running.');
    return options.pluginOrigin;
  }

  async function route(req: IncomingMessage, url: URL): Promise<Reply> {
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const query = url.searchParams;

    if (path === '/' || path === '/health') return new Reply(200, { status: 'ok', sandbox: true });
    if (!path.startsWith('/v2/')) throw fail(404, 'Not Found');
    const auth = authenticate(req);

    // Users
    if (path === '/v2/users') {
      const customer = requireKey(auth);
      if (method === 'POST') {
        const body = objectBody(await jsonBody(req));
        const external = body.external_user_id;
        if (external === undefined || external === null) throw missing('body', 'external_user_id');
        if (typeof external !== 'string' || external === '')
          throw invalid(['body', 'external_user_id'], 'str type expected', 'type_error.str');
        const fields = userFields(body);
        if (store.userByExternalId(customer, external)) throw fail(409, 'User already exists!');
        return new Reply(201, publicUser(store.createUser(customer, external, fields), external));
      }
      if (method === 'GET') {
        const external = query.get('external_user_id');
        const userId = query.get('user_id');
        const user = external
          ? store.userByExternalId(customer, external)
          : userId
            ? store.userById(userId)
            : undefined;
        if (!external && !userId) throw missing('query', 'external_user_id');
        if (!user || user.customer !== customer) throw fail(404, 'User not found!');
        return new Reply(200, publicUser(user));
      }
      if (method === 'DELETE') {
        const userId = query.get('user_id');
        if (!userId) throw missing('query', 'user_id');
        const user = store.userById(userId);
        if (!user || user.customer !== customer) throw fail(404, 'User not found!');
        store.deleteUser(user);
        return new Reply(204, null);
      }
      throw fail(405, 'Method Not Allowed');
    }
    if (path === '/v2/users/authenticate') {
      const customer = requireKey(auth);
      if (method !== 'POST') throw fail(405, 'Method Not Allowed');
      const body = objectBody(await jsonBody(req));
      const external = body.external_user_id;
      const userId = body.user_id;
      if (
        (external === undefined || external === null) &&
        (userId === undefined || userId === null)
      ) {
        throw missing('body', 'external_user_id');
      }
      const user =
        typeof external === 'string'
          ? store.userByExternalId(customer, external)
          : typeof userId === 'string'
            ? store.userById(userId)
            : undefined;
      if (!user || user.customer !== customer) throw fail(404, 'User not found!');
      return new Reply(201, { token: issueToken(user, 'api', tokenTtl) });
    }
    const userPath = /^\/v2\/users\/([^/]+)$/.exec(path);
    if (userPath) {
      const customer = requireKey(auth);
      if (method !== 'PUT') throw fail(405, 'Method Not Allowed');
      const user = store.userById(userPath[1]!);
      if (!user || user.customer !== customer) throw fail(404, 'User not found!');
      const body = objectBody(await jsonBody(req));
      const fields = userFields(body);
      if (typeof body.external_user_id === 'string' && body.external_user_id !== '') {
        fields.external_hash = hashExternalId(body.external_user_id);
      }
      return new Reply(200, publicUser(store.updateUser(user, fields)));
    }

    // Plug-in URLs
    if (path === '/v2/userjourneys/scan') {
      const customer = requireKey(auth);
      if (method !== 'GET') throw fail(405, 'Method Not Allowed');
      const user = subject({ kind: 'key', customer }, query);
      const language = languageOf(user, query.get('language'));
      const expireAt = dateParam(query, 'expire_at') ?? Date.now() / 1000 + 6 * 3600;
      if (expireAt <= Date.now() / 1000) {
        throw invalid(['query', 'expire_at'], 'expire_at must be in the future', 'value_error');
      }
      const token = issueToken(user, 'face-scan', 0, { lang: language, exp: Math.floor(expireAt) });
      const target = new URL('/face-scan/', pluginOrigin());
      target.search = new URLSearchParams({
        action_token: token,
        patient: user.user_id,
        language,
      }).toString();
      return new Reply(200, target.href);
    }
    if (path === '/v2/dashboards/health') {
      const customer = requireKey(auth);
      if (method !== 'POST') throw fail(405, 'Method Not Allowed');
      const body = objectBody(await jsonBody(req));
      const external = body.external_user_id;
      if (external === undefined || external === null) throw missing('body', 'external_user_id');
      if (typeof external !== 'string')
        throw invalid(['body', 'external_user_id'], 'str type expected', 'type_error.str');
      const user = store.userByExternalId(customer, external);
      if (!user) throw fail(404, 'User not found!');
      const language = languageOf(user, typeof body.language === 'string' ? body.language : null);
      const sections = body.disabled_sections ?? [];
      const known = ['main', 'metrics', 'biomarkers', 'recommendations', 'todos'];
      if (
        !Array.isArray(sections) ||
        !sections.every((s) => typeof s === 'string' && known.includes(s))
      ) {
        throw invalid(
          ['body', 'disabled_sections'],
          `each item must be one of ${known.join(', ')}`,
          'type_error.enum',
        );
      }
      const token = issueToken(user, 'dashboard', 6 * 3600, {
        lang: language,
        ds: sections as string[],
      });
      const target = new URL('/dashboard/', pluginOrigin());
      target.search = new URLSearchParams({ action_token: token, language }).toString();
      return new Reply(201, target.href);
    }

    // Face scans
    if (path === '/v2/face-scans') {
      if (method === 'POST') {
        if (auth.kind !== 'token' || auth.claims.scope !== 'face-scan') {
          throw fail(403, 'Only a face-scan plug-in session can store a scan.');
        }
        const body = objectBody(await jsonBody(req));
        const quality = body.quality ?? 1;
        if (typeof quality !== 'number' || quality < 0 || quality > 1) {
          throw invalid(
            ['body', 'quality'],
            'ensure this value is between 0 and 1',
            'value_error.number.not_in_range',
          );
        }
        if (quality < 0.5) throw fail(400, 'Measurement quality too low; no results were stored.');
        const scan = store.addScan(auth.user, measure(store.baselineOf(auth.user), Math.random));
        return new Reply(201, publicScan(scan));
      }
      if (method !== 'GET') throw fail(405, 'Method Not Allowed');
      const user = subject(auth, query);
      const count = intParam(query, 'count', 10, 1, 100);
      const order = query.get('order') ?? 'asc';
      if (order !== 'asc' && order !== 'desc') {
        throw invalid(
          ['query', 'order'],
          "value is not a valid enumeration member; permitted: 'asc', 'desc'",
          'type_error.enum',
        );
      }
      const start = dateParam(query, 'start');
      const end = dateParam(query, 'end');
      let scans = store
        .scansOf(user.user_id)
        .filter(
          (s) =>
            (start === null || s.timestamp_epoch >= start) &&
            (end === null || s.timestamp_epoch <= end),
        );
      // `count` keeps the most recent scans in range; `order` sorts what is returned.
      scans = scans.slice(-count);
      if (order === 'desc') scans.reverse();
      return scans.length ? new Reply(200, scans.map(publicScan)) : new Reply(204, null);
    }
    if (path === '/v2/face-scans/latest') {
      if (method !== 'GET') throw fail(405, 'Method Not Allowed');
      const user = subject(auth, query);
      const count = intParam(query, 'count', 1, 1, 100);
      const scans = store.scansOf(user.user_id).slice(-count).reverse();
      return scans.length ? new Reply(200, scans.map(publicScan)) : new Reply(204, null);
    }
    const scanPath = /^\/v2\/face-scans\/([^/]+)$/.exec(path);
    if (scanPath) {
      if (method !== 'GET') throw fail(405, 'Method Not Allowed');
      const id = scanPath[1]!;
      if (!UUID.test(id)) throw fail(400, 'Invalid uuid provided!');
      const scan = store.scan(id);
      if (auth.kind === 'token') {
        if (scan && scan.user_id !== auth.user.user_id)
          throw fail(403, "An action token can only access its own user's data.");
      } else if (scan) {
        const owner = store.userById(scan.user_id);
        const external = query.get('external_user_id');
        const mismatch =
          external !== null && owner && hashExternalId(external) !== owner.external_hash;
        if (!owner || owner.customer !== auth.customer || mismatch)
          throw fail(404, 'Face scan not found!');
      }
      if (!scan) throw fail(404, 'Face scan not found!');
      return new Reply(200, publicScan(scan));
    }

    // Metrics and profiles
    if (path === '/v2/metrics') {
      if (method !== 'GET') throw fail(405, 'Method Not Allowed');
      const metrics = store.metricsOf(subject(auth, query).user_id);
      return metrics ? new Reply(200, metrics) : new Reply(204, null);
    }
    if (path === '/v2/userprofiles/wellbeing') {
      if (method !== 'GET') throw fail(405, 'Method Not Allowed');
      const wellbeing = store.wellbeingOf(subject(auth, query).user_id);
      return wellbeing ? new Reply(200, wellbeing) : new Reply(204, null);
    }
    if (path === '/v2/recommendations') {
      if (method !== 'GET') throw fail(405, 'Method Not Allowed');
      const user = subject(auth, query);
      const language = languageOf(user, query.get('language')) as keyof (typeof CATALOG)[0]['text'];
      const metrics = store.metricsOf(user.user_id)?.metrics;
      if (!metrics) return new Reply(204, null);
      const ranked = CATALOG.map((entry) => ({
        entry,
        score: metrics[entry.related_metric]?.score ?? 40,
      }))
        .filter(({ score }) => score < 65)
        .sort((a, b) => a.score - b.score);
      return new Reply(200, {
        recommendations: ranked.map(({ entry }, index) => ({
          title: entry.text[language][0],
          description: entry.text[language][1],
          action_url: `https://example.com/sandbox/recommendations/${entry.lookup_key}`,
          action_text: {
            en: 'Take me there',
            nl: 'Breng me erheen',
            fr: 'Y aller',
            da: 'Vis mig',
            sv: 'Visa mig',
          }[language],
          image_url: null,
          related_metric: entry.related_metric,
          relevance: index + 1,
          lookup_key: entry.lookup_key,
        })),
      });
    }

    // Questions
    if (path === '/v2/questions/all') {
      requireKey(auth);
      if (method !== 'GET') throw fail(405, 'Method Not Allowed');
      return new Reply(200, [...QUESTION_KEYS]);
    }
    if (path === '/v2/questions/answer' || path === '/v2/questions/answer/many') {
      const customer = requireKey(auth);
      if (method !== 'POST') throw fail(405, 'Method Not Allowed');
      const userId = query.get('user_id');
      if (!userId) throw missing('query', 'user_id');
      if (!UUID.test(userId)) throw fail(400, 'Invalid uuid provided!');
      const user = store.userById(userId);
      if (!user || user.customer !== customer) throw fail(404, 'User not found!');
      const many = path.endsWith('/many');
      const raw = await jsonBody(req);
      if (many && !Array.isArray(raw))
        throw invalid(['body'], 'value is not a valid list', 'type_error.list');
      const items = (many ? (raw as unknown[]) : [raw]).map((item, index) => {
        const loc = (field: string) => (many ? ['body', index, field] : ['body', field]);
        const answer = objectBody(item);
        if (answer.lookup_key === undefined)
          throw invalid(loc('lookup_key'), 'field required', 'value_error.missing');
        if (
          typeof answer.lookup_key !== 'string' ||
          !(QUESTION_KEYS as readonly string[]).includes(answer.lookup_key)
        ) {
          throw invalid(loc('lookup_key'), 'unknown lookup key', 'value_error');
        }
        if (answer.value === undefined)
          throw invalid(loc('value'), 'field required', 'value_error.missing');
        if (typeof answer.value !== 'number' || !Number.isInteger(answer.value)) {
          throw invalid(loc('value'), 'value is not a valid integer', 'type_error.integer');
        }
        return {
          lookup_key: answer.lookup_key,
          value: answer.value,
          timezone: typeof answer.timezone === 'string' ? answer.timezone : null,
        };
      });
      const saved = items.map((a) => ({ ...store.saveAnswer(user, a), user_id: user.user_id }));
      const shaped = saved.map(({ lookup_key, value, user_id }) => ({
        lookup_key,
        value,
        user_id,
      }));
      return new Reply(201, many ? shaped : shaped[0]);
    }
    throw fail(404, 'Not Found');
  }

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    let reply: Reply;
    try {
      reply = await route(req, new URL(req.url ?? '/', 'http://sandbox'));
    } catch (error) {
      if (!(error instanceof Reply)) throw error;
      reply = error;
    }
    sendJson(res, reply.status, reply.body, CORS);
  }

  return { handler, store, secret, options, issueToken };
}

/** Starts the engine on `port` (0 = any free port). */
export async function startEngine(
  options: EngineOptions & { port?: number } = {},
): Promise<Running & { engine: Engine }> {
  const engine = createEngine(options);
  const running = await listen(engine.handler, options.port ?? 0);
  return { ...running, engine };
}
