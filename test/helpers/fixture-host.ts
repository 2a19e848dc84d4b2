/**
 * A host for end-to-end fixture pages: serves the pages a test registers (with the headers it
 * wants, e.g. a CSP or Permissions-Policy) and hands every other path to the demo host's
 * handler, so fixtures share the origin of the token endpoint and the built kit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { DEFAULT_USER, createHostHandler, sessionCookie } from '../../demo/host/host.js';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { listen, sendHtml, serveFile, type Running } from '../../demo/sandbox/http-util.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../demo/sandbox/index.js';
import { createTokenHandler, type TokenHandler } from '../../src/server/index.js';
import { browserFor } from './browser.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** Where the fixture host also serves dist/: `${CDN_PATH}/intelliprove-widgets.js`. */
export const CDN_PATH = '/cdn/intelliprove-widgets@0.1.0/dist';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A fixture page signs the default demo user in, as the demo host's own pages do. */
const SIGNED_IN = { 'set-cookie': sessionCookie(DEFAULT_USER) };

export interface FixtureHost extends Running {
  /** Serves `html` at `path` with `headers`; returns its full URL. */
  page(path: string, html: string, headers?: Record<string, string>): string;
  /** Answers requests to `path` with `handler` (a token endpoint that hangs, say). */
  route(path: string, handler: Handler): void;
}

export async function startFixtureHost(sandbox: Sandbox, host = '127.0.0.1'): Promise<FixtureHost> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const routes = new Map<string, Handler>();
  const demo = createHostHandler({
    apiKey: SANDBOX_API_KEY,
    engineUrl: sandbox.engine.url,
    pluginOrigin: sandbox.plugins.url,
  });
  const running = await listen(
    (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const route = routes.get(path);
      if (route) return route(req, res);
      const fixture = pages.get(path);
      if (fixture) return sendHtml(res, 200, fixture.html, { ...SIGNED_IN, ...fixture.headers });
      // The built kit again under a deep sub-path, as a CDN would serve it.
      if (path.startsWith(`${CDN_PATH}/`)) {
        return serveFile(res, DIST, path.slice(CDN_PATH.length + 1)).then((found) => {
          if (!found) sendHtml(res, 404, 'Not found');
        });
      }
      return demo(req, res);
    },
    0,
    host,
  );
  return {
    ...running,
    page(path, html, headers = {}) {
      pages.set(path, { html, headers });
      return running.url + path;
    },
    route(path, handler) {
      routes.set(path, handler);
    },
  };
}

export interface FixtureSite {
  sandbox: Sandbox;
  host: FixtureHost;
  browser: Browser;
}

/**
 * For the `describe` block it is called in: the sandbox (with `options`), a fixture host in
 * front of it and Chromium (with `browserArgs` besides its usual flags), started before the
 * block's tests and closed after them (Chromium may be a lane's shared one: see `browserFor`).
 */
export function fixtureSite(
  options?: SandboxOptions,
  browserArgs: readonly string[] = [],
): FixtureSite {
  const site = {} as FixtureSite;
  let release = async () => {};
  before(async () => {
    site.sandbox = await startSandbox(options);
    site.host = await startFixtureHost(site.sandbox);
    ({ browser: site.browser, release } = await browserFor(browserArgs));
  });
  after(async () => {
    await release();
    await site.host?.close();
    await site.sandbox?.close();
  });
  return site;
}

export interface KitPageOptions {
  /** The script tag's data-* attributes besides data-api-base and data-allowed-origins. */
  data?: string;
  /** More of the head: a stylesheet, another script. */
  head?: string;
  /** The page's `<html lang>`. */
  lang?: string;
}

/**
 * A page with the kit's script tag and `body`. The tag's data-api-base is the sandbox engine and
 * its data-allowed-origins the sandbox plug-ins; its token endpoint (`data`) `/api/ip-token`.
 */
export function kitPage(
  sandbox: Sandbox,
  body: string,
  { data = 'data-token-endpoint="/api/ip-token"', head = '', lang = 'en' }: KitPageOptions = {},
): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Fixture</title>
    <link rel="icon" href="/favicon.svg">
    <script src="/assets/intelliprove-widgets.js" data-api-base="${sandbox.engine.url}"
      data-allowed-origins="${sandbox.plugins.url}" ${data}></script>${head}</head>
    <body>${body}</body></html>`;
}

/** A token endpoint built on the server half, on `sandbox`'s engine, for the user `getUser` names. */
export const sandboxTokens = (
  sandbox: Sandbox,
  getUser: (req: IncomingMessage) => string = () => DEFAULT_USER,
): TokenHandler =>
  createTokenHandler({
    apiKey: SANDBOX_API_KEY,
    apiBase: sandbox.engine.url,
    getUser: (req) => getUser(req as IncomingMessage),
  });

/** A script that defines `<tag>`, an element whose shadow root holds a heart-rate card. */
export const shadowPanelScript = (tag: string) =>
  `customElements.define('${tag}', class extends HTMLElement {
    connectedCallback() {
      const root = this.attachShadow({ mode: 'open' });
      const card = document.createElement('ip-biomarker-card');
      card.setAttribute('biomarker', 'heart_rate');
      root.append(card);
    }
  });`;

/** The content type of the scripts a fixture host serves. */
export const JAVASCRIPT = { 'content-type': 'text/javascript; charset=utf-8' };
