/**
 * The demo host: what an integrator's own site would be. It serves the demo pages under a
 * strict Content-Security-Policy, the built kit under /assets/, and the token endpoint at
 * /api/ip-token, built on the kit's server half. Its "session" is a cookie naming one of the
 * sandbox's seeded users; the user picker on the page sets it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createSahhaTokenHandler, createTokenHandler } from '../../src/server/index.js';
import { SAHHA_CLIENT_ID, SAHHA_CLIENT_SECRET } from '../sandbox/sahha.js';
import { escapeHtml, listen, sendHtml, serveFile, type Running } from '../sandbox/http-util.js';
import { SEED_USERS } from '../sandbox/store.js';

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

/** The signed-in user: the `demo_user` cookie, else the default demo user ("" = signed out). */
function sessionUser(req: IncomingMessage): string | null {
  const chosen = cookie(req, 'demo_user');
  if (chosen === null) return DEFAULT_USER;
  return chosen === '' ? null : chosen;
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
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `frame-src ${options.pluginOrigin} https://*.intelliprove.com`,
    `connect-src 'self' ${options.engineUrl}${options.sahhaUrl ? ` ${options.sahhaUrl}` : ''}`,
    "img-src 'self' data:",
    "require-trusted-types-for 'script'",
  ].join('; ');

  function fill(text: string, req: IncomingMessage): string {
    const user = sessionUser(req);
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
      .replaceAll('{{USER_OPTIONS}}', options_);
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/api/ip-token') return tokens.node(req, res);
    if (url.pathname === '/api/sahha-token' && sahhaTokens) return sahhaTokens.node(req, res);
    if (url.pathname === '/login') {
      const user = url.searchParams.get('user') ?? '';
      res.writeHead(303, {
        location: url.searchParams.get('back') ?? '/',
        'set-cookie': `demo_user=${encodeURIComponent(user)}; Path=/; SameSite=Lax; HttpOnly`,
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/assets/')) {
      const served = await serveFile(res, DIST, url.pathname.slice('/assets/'.length));
      if (!served) sendHtml(res, 404, 'Not found: run `npm run build` first.');
      return;
    }
    const headers = { 'content-security-policy': csp, 'cache-control': 'no-store' };
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
