/**
 * The demo host: what an integrator's own site would be. It serves the demo pages under a
 * strict Content-Security-Policy, the built kit under /assets/, and the token endpoint at
 * /api/ip-token, built on the kit's server half. Its "session" is a cookie naming one of the
 * sandbox's seeded users: `POST /api/session` sets it (a real site's sign-in / sign-out XHR), and
 * `GET /login?user=…` does too, for the user picker without JavaScript.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createSahhaTokenHandler, createTokenHandler, cspFor } from '../../src/server/index.js';
import { SAHHA_CLIENT_ID, SAHHA_CLIENT_SECRET } from '../sandbox/sahha.js';
import {
  escapeHtml,
  listen,
  readBody,
  sendHtml,
  sendJson,
  serveFile,
  type Running,
} from '../sandbox/http-util.js';
import { SEED_USERS } from '../sandbox/seed.js';

const PAGES = fileURLToPath(new URL('../pages/', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** The framework demo apps: demo/<name>/dist, served at /<name>/ once built. */
export const FRAMEWORK_APPS = ['vue', 'react', 'angular'] as const;
const appDist = (name: string) => fileURLToPath(new URL(`../${name}/dist/`, import.meta.url));
export const DEFAULT_USER = 'demo@example.com';

export interface HostOptions {
  apiKey: string;
  engineUrl: string;
  pluginOrigin: string;
  /** Origin of the Sahha sandbox; mounts /api/sahha-token when given. */
  sahhaUrl?: string;
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** Who `POST /api/session` signs in: a seeded user, or '' to sign out. */
const SESSION_USERS: ReadonlySet<string> = new Set([
  '',
  ...SEED_USERS.map((u) => u.external_user_id),
]);

/** The session cookie naming `user` ('' = signed out). */
export const sessionCookie = (user: string) =>
  `demo_user=${encodeURIComponent(user)}; Path=/; SameSite=Lax; HttpOnly`;

/** Where `/login` may send the browser back to: a path on this host, else '/'. */
const localPath = (back: string | null) => (back && /^\/(?![/\\])/.test(back) ? back : '/');

/** The `user` of a `{"user": "…"}` body (nothing else in it), else null. */
function userOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { user, ...rest } = body as Record<string, unknown>;
  return typeof user === 'string' && Object.keys(rest).length === 0 ? user : null;
}

/**
 * `POST /api/session` with `{"user": "<seeded user id, or '' to sign out>"}`: sets the session
 * cookie and answers 204, as a real site's sign-in / sign-out XHR would. A JSON body from this
 * page's own origin only (a cross-site form cannot send one); the errors never echo the input.
 */
async function setSession(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const refuse = (status: number, detail: string, headers: Record<string, string> = {}) =>
    sendJson(res, status, { detail }, { 'cache-control': 'no-store', ...headers });
  if (req.method !== 'POST') return refuse(405, 'Use POST.', { allow: 'POST' });
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}`)
    return refuse(403, 'Cross-origin requests cannot change the session.');
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? ''))
    return refuse(415, 'Send the body as application/json.');
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req, 1024));
  } catch (error) {
    return (error as Error).message === 'too-large'
      ? refuse(413, 'Request body too large.')
      : refuse(400, 'The body is not JSON.');
  }
  const user = userOf(body);
  if (user === null) return refuse(400, 'Expected {"user": "a user id"}, or "" to sign out.');
  if (!SESSION_USERS.has(user)) return refuse(400, 'No such user.');
  res.writeHead(204, { 'set-cookie': sessionCookie(user), 'cache-control': 'no-store' });
  res.end();
}

/**
 * The signed-in user: the `demo_user` cookie ("" = signed out). A first visit to a page signs
 * the default demo user in (`pageHeaders`); a request without the cookie has no session.
 */
function sessionUser(req: IncomingMessage, firstVisit: string | null = null): string | null {
  const chosen = cookie(req, 'demo_user') ?? firstVisit;
  return chosen ? chosen : null;
}

/** A page's headers: its CSP, and on a first visit (no cookie yet) the default user's session. */
function pageHeaders(req: IncomingMessage, csp: string): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': csp,
    'cache-control': 'no-store',
  };
  if (cookie(req, 'demo_user') === null) headers['set-cookie'] = sessionCookie(DEFAULT_USER);
  return headers;
}

export function createHostHandler(options: HostOptions) {
  const tokens = createTokenHandler({
    apiKey: options.apiKey,
    apiBase: options.engineUrl,
    getUser: (req) => sessionUser(req as IncomingMessage),
  });
  const sahhaTokens = options.sahhaUrl
    ? createSahhaTokenHandler({
        clientId: SAHHA_CLIENT_ID,
        clientSecret: SAHHA_CLIENT_SECRET,
        apiBase: options.sahhaUrl,
        getUser: (req) => sessionUser(req as IncomingMessage),
      })
    : undefined;
  // The demo's own strict policy, with what the kit needs added by the server half's cspFor.
  const { header: csp } = cspFor(
    {
      apiBase: {
        intelliprove: options.engineUrl,
        ...(options.sahhaUrl && { sahha: options.sahhaUrl }),
      },
      providers: options.sahhaUrl ? ['intelliprove', 'sahha'] : ['intelliprove'],
      allowedOrigins: [options.pluginOrigin],
      recommendations: true, // their images come from the sandbox engine
      requireTrustedTypes: true,
    },
    {
      'default-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
    },
  );

  function fill(text: string, req: IncomingMessage): string {
    const user = sessionUser(req, DEFAULT_USER);
    const options_ = [...SEED_USERS.map((u) => u.external_user_id), '']
      .map((id) => {
        const label = id === '' ? '(signed out)' : id;
        return `<option value="${escapeHtml(id)}"${id === (user ?? '') ? ' selected' : ''}>${escapeHtml(label)}</option>`;
      })
      .join('');
    return text
      .replaceAll('{{API_BASE}}', escapeHtml(options.engineUrl))
      .replaceAll('{{PLUGIN_ORIGIN}}', escapeHtml(options.pluginOrigin))
      .replaceAll('{{SAHHA_BASE}}', escapeHtml(options.sahhaUrl ?? ''))
      .replaceAll('{{USER}}', escapeHtml(user ?? '(signed out)'))
      .replaceAll('{{USER_ID}}', escapeHtml(user ?? ''))
      .replaceAll('{{USER_OPTIONS}}', options_);
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/api/ip-token') return tokens.node(req, res);
    if (url.pathname === '/api/sahha-token' && sahhaTokens) return sahhaTokens.node(req, res);
    if (url.pathname === '/api/session') return setSession(req, res);
    if (url.pathname === '/login') {
      const user = url.searchParams.get('user') ?? '';
      res.writeHead(303, {
        location: localPath(url.searchParams.get('back')),
        'set-cookie': sessionCookie(user),
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/assets/')) {
      const served = await serveFile(res, DIST, url.pathname.slice('/assets/'.length));
      if (!served) sendHtml(res, 404, 'Not found: run `npm run build` first.');
      return;
    }
    const headers = pageHeaders(req, csp);
    const app = FRAMEWORK_APPS.find((name) => url.pathname.startsWith(`/${name}/`));
    if (app) return serveApp(app, url.pathname.slice(app.length + 2), req, res, headers);
    const page = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    const served = await serveFile(
      res,
      PAGES,
      page,
      headers,
      page.endsWith('.html') ? (t) => fill(t, req) : undefined,
    );
    if (!served) sendHtml(res, 404, '<h1>Not found</h1>');
  };

  /**
   * A built single-page app under the same strict CSP: its files, else (for a route such as
   * /vue/cards) its index.html, with the sandbox's origins filled into its <meta> tags.
   */
  async function serveApp(
    name: string,
    path: string,
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string>,
  ): Promise<void> {
    const root = appDist(name);
    const html = (t: string) => fill(t, req);
    const isFile = /\.[a-z0-9]+$/i.test(path) && !path.endsWith('.html');
    if (isFile) {
      if (!(await serveFile(res, root, path))) sendHtml(res, 404, 'Not found');
      return;
    }
    // A second build under a folder of its own (React's development build at /react/dev/).
    const folder = path.split('/')[0];
    if (folder && (await serveFile(res, root, `${folder}/index.html`, headers, html))) return;
    if (await serveFile(res, root, 'index.html', headers, html)) return;
    sendHtml(res, 404, '<h1>Not built</h1><p>Run <code>npm run demo:frameworks</code>.</p>');
  }
}

export function startHost(options: HostOptions & { port?: number }): Promise<Running> {
  return listen(createHostHandler(options), options.port ?? 0);
}
