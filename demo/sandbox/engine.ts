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
 *   how the stand-in plug-in records a measurement, as the real plug-in does behind the scenes;
 * - a recommendation's `image_url` is an image the engine serves (`/sandbox/images/<metric>.svg`)
 *   and its `action_url` a tracking link on the engine (`/v2/tracking/<lookup_key>`, no
 *   credential, as a link opened in a new tab has none), which answers a small page: the
 *   engine is plain `http:` here, and the kit uses such URLs because they are on its API's origin.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { CATALOG } from './recommendations.js';
import { escapeHtml, listen, sendHtml, sendJson, serveFile, type Running } from './http-util.js';
import { sign, verify } from './jwt.js';
import { faceScanRoutes } from './routes/face-scans.js';
import { pluginUrlRoutes } from './routes/plugin-urls.js';
import { questionRoutes } from './routes/questions.js';
import { fail, jsonBody, Reply } from './routes/reply.js';
import { IMAGES_PATH, resultRoutes, TRACKING_PATH } from './routes/results.js';
import type { Auth, EngineContext, Method, Route } from './routes/route.js';
import { userRoutes } from './routes/users.js';
import { Store } from './store.js';

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

const IMAGES = fileURLToPath(new URL('./images/', import.meta.url));

const UNAUTHORIZED = { detail: 'Missing or invalid authentication credentials.' };
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};

export interface Engine {
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  store: Store;
  secret: string;
  options: EngineOptions;
  /** Signs an action token for a user (tests use it for expired and foreign tokens). */
  issueToken: EngineContext['issueToken'];
}

export function createEngine(options: EngineOptions = {}): Engine {
  const apiKeys = options.apiKeys ?? {
    [SANDBOX_API_KEY]: 'Sandbox Health',
    [OTHER_CUSTOMER_API_KEY]: 'Other Clinic',
  };
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const store = new Store(options.dataFile);

  const issueToken: Engine['issueToken'] = (user, scope, ttl, extra = {}) => {
    const iat = Math.floor(Date.now() / 1000);
    const claims = { sub: user.user_id, cus: user.customer, scope, iat, exp: iat + ttl };
    return sign({ ...claims, jti: randomUUID(), ...extra }, secret);
  };

  const context: EngineContext = {
    store,
    issueToken,
    tokenTtl: options.actionTokenTtl ?? 4 * 3600,
    pluginOrigin: () => {
      if (!options.pluginOrigin) throw fail(503, 'The sandbox plug-in server is not running.');
      return options.pluginOrigin;
    },
  };
  /** The routes, one module per resource; the first whose path matches answers. */
  const routes: Route[] = [
    ...userRoutes(context),
    ...pluginUrlRoutes(context),
    ...faceScanRoutes(context),
    ...resultRoutes(context),
    ...questionRoutes(context),
  ];

  /** Who is asking: `x-api-key`, else `Authorization: Token <action token>`; else 401. */
  function authenticate(req: IncomingMessage): Auth {
    const key = req.headers['x-api-key'];
    if (typeof key === 'string' && key !== '') {
      const customer = apiKeys[key];
      if (!customer) throw new Reply(401, UNAUTHORIZED);
      return { kind: 'key', customer };
    }
    const match = /^Token\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const result = match ? verify(match[1]!, secret) : undefined;
    const user = result?.ok ? store.userById(result.claims.sub) : undefined;
    if (!result?.ok || !user) throw new Reply(401, UNAUTHORIZED);
    return { kind: 'token', claims: result.claims, user };
  }

  /** The route of `path` and its parameters, if any. */
  function find(path: string): { route: Route; params: string[] } | undefined {
    for (const route of routes) {
      if (route.path === path) return { route, params: [] };
      const match = typeof route.path === 'string' ? null : route.path.exec(path);
      if (match) return { route, params: match.slice(1) };
    }
    return undefined;
  }

  async function answer(req: IncomingMessage, url: URL): Promise<Reply> {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (path === '/' || path === '/health') return new Reply(200, { status: 'ok', sandbox: true });
    if (!path.startsWith('/v2/')) throw fail(404, 'Not Found');
    const auth = authenticate(req);
    const found = find(path);
    if (!found) throw fail(404, 'Not Found');
    const { route, params } = found;
    if (route.keyOnly && auth.kind !== 'key')
      throw fail(403, 'This endpoint requires an API key; action tokens cannot use it.');
    const handle = route[(req.method ?? 'GET') as Method];
    if (!handle) throw fail(405, 'Method Not Allowed');
    const customer = auth.kind === 'key' ? auth.customer : '';
    return handle({
      auth,
      customer,
      query: url.searchParams,
      params,
      body: () => jsonBody(req),
      origin: `http://${req.headers.host ?? 'localhost'}`,
    });
  }

  /** What a recommendation links to: its picture, and the page its tracking link opens. */
  async function content(url: URL, res: ServerResponse): Promise<boolean> {
    if (url.pathname.startsWith(IMAGES_PATH)) {
      const name = url.pathname.slice(IMAGES_PATH.length);
      const served = /^[a-z_]+\.svg$/.test(name) && (await serveFile(res, IMAGES, name, CORS));
      if (!served) sendJson(res, 404, { detail: 'Not Found' }, CORS);
      return true;
    }
    if (!url.pathname.startsWith(TRACKING_PATH)) return false;
    const entry = CATALOG.find((e) => e.lookup_key === url.pathname.slice(TRACKING_PATH.length));
    if (!entry) {
      sendJson(res, 404, { detail: 'Not Found' });
      return true;
    }
    const asked = url.searchParams.get('language') as keyof typeof entry.text | null;
    const [title, text] = entry.text[asked && asked in entry.text ? asked : 'en'];
    sendHtml(
      res,
      200,
      `<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
        `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>` +
        `<p>(The sandbox engine's tracking link for <code>${entry.lookup_key}</code>: IntelliProve ` +
        `counts the click, then opens the page the customer set for it.)</p>`,
    );
    return true;
  }

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (req.method === 'GET' && (await content(url, res))) return;
    let reply: Reply;
    try {
      reply = await answer(req, url);
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
