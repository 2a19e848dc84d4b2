/**
 * Stand-in IntelliProve plug-ins, served from their own origin: the face-scan page (camera
 * preview, the real stage sequence over postMessage, a new scan stored in the sandbox engine)
 * and the health dashboard. The action token in the URL is checked here, as the real plug-in
 * host does: an invalid or expired one gets an error page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { escapeHtml, listen, sendHtml, serveFile, type Running } from './http-util.js';
import { verify, type ActionClaims } from './jwt.js';
import type { Engine } from './engine.js';
import * as health from '../../src/protocol/health.js';

const ROOT = fileURLToPath(new URL('../plugins/', import.meta.url));

export interface PluginOptions {
  engine: Engine;
  /** Public origin of the sandbox engine, for the pages' API calls. */
  engineUrl: string;
  /** Seconds the stand-in records for. Default 6. */
  scanSeconds?: number;
  /** Seconds of the quality check before recording starts. Default 1.5. */
  checkSeconds?: number;
}

const ERRORS: Record<string, { title: string; body: string }> = {
  en: { title: 'This link has expired', body: 'Ask the page you came from for a new one.' },
  nl: {
    title: 'Deze link is verlopen',
    body: 'Vraag een nieuwe aan via de pagina waar je vandaan kwam.',
  },
  fr: { title: 'Ce lien a expiré', body: 'Demandez-en un nouveau à la page d’origine.' },
  da: { title: 'Dette link er udløbet', body: 'Bed siden, du kom fra, om et nyt.' },
  sv: { title: 'Den här länken har gått ut', body: 'Be sidan du kom från om en ny.' },
};

function page(
  kind: 'face-scan' | 'dashboard',
  claims: ActionClaims,
  options: PluginOptions,
): string {
  const lang = claims.lang ?? 'en';
  const meta = {
    'ip-engine': options.engineUrl,
    'ip-language': lang,
    'ip-disabled-sections': (claims.ds ?? []).join(' '),
    'ip-scan-seconds': String(options.scanSeconds ?? 6),
    'ip-check-seconds': String(options.checkSeconds ?? 1.5),
  };
  const metas = Object.entries(meta)
    .map(([name, content]) => `<meta name="${name}" content="${escapeHtml(content)}">`)
    .join('\n    ');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    ${metas}
    <title>IntelliProve ${kind === 'face-scan' ? 'face scan' : 'dashboard'} (sandbox)</title>
    <link rel="stylesheet" href="/assets/plugin.css">
    <script type="module" src="/assets/${kind}.js"></script>
  </head>
  <body class="${kind}">
    <main id="app" aria-live="polite"></main>
    <p class="sandbox-badge">Sandbox plug-in · not a medical device</p>
  </body>
</html>`;
}

function errorPage(lang: string, reason: string): string {
  const text = ERRORS[lang] ?? ERRORS.en!;
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
  <head><meta charset="utf-8"><title>${escapeHtml(text.title)}</title><link rel="stylesheet" href="/assets/plugin.css"></head>
  <body class="error-page"><main><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.body)}</p>
  <p class="reason">(${escapeHtml(reason)})</p></main></body>
</html>`;
}

/**
 * `/assets/health.js`: the kit's lists of metric and biomarker names (src/protocol/health.ts) as
 * a module the stand-in pages import, so that they name the same metrics as the kit.
 */
const HEALTH_MODULE = Object.entries(health)
  .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};\n`)
  .join('');

const RELAY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Relay (sandbox test aid)</title>
<script type="module" src="/assets/relay.js"></script></head><body><p>Relay</p></body></html>`;

export function createPluginHandler(options: PluginOptions) {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${options.engineUrl}`,
    "img-src 'self' data:",
    'frame-ancestors *',
  ].join('; ');

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://plugins');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendHtml(res, 405, 'Method Not Allowed');
      return;
    }
    if (url.pathname === '/assets/health.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(HEALTH_MODULE);
      return;
    }
    if (url.pathname.startsWith('/assets/')) {
      const served = await serveFile(res, ROOT, url.pathname.slice('/assets/'.length));
      if (!served) sendHtml(res, 404, 'Not found');
      return;
    }
    if (url.pathname === '/relay/') {
      // Test aid: a page on the plug-in origin that posts back to its parent whatever its
      // parent posts to it, so tests can send plug-in messages from the right window and origin.
      sendHtml(res, 200, RELAY_PAGE, { 'content-security-policy': csp });
      return;
    }
    const kind =
      url.pathname === '/face-scan/'
        ? 'face-scan'
        : url.pathname === '/dashboard/'
          ? 'dashboard'
          : null;
    if (!kind) {
      sendHtml(res, 404, errorPage('en', 'no such plug-in'));
      return;
    }
    const lang = url.searchParams.get('language') ?? 'en';
    const token = url.searchParams.get('action_token') ?? '';
    const result = verify(token, options.engine.secret);
    if (!result.ok || result.claims.scope !== kind) {
      const reason = result.ok
        ? 'token is for another plug-in'
        : result.reason === 'expired'
          ? 'expired'
          : 'invalid token';
      sendHtml(res, 401, errorPage(lang, reason), { 'content-security-policy': csp });
      return;
    }
    sendHtml(res, 200, page(kind, result.claims, options), { 'content-security-policy': csp });
  };
}

export async function startPlugins(options: PluginOptions & { port?: number }): Promise<Running> {
  return listen(createPluginHandler(options), options.port ?? 0);
}
