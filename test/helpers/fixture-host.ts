/**
 * A host for end-to-end fixture pages: serves the pages a test registers (with the headers it
 * wants, e.g. a CSP or Permissions-Policy) and hands every other path to the demo host's
 * handler, so fixtures share the origin of the token endpoint and the built kit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHostHandler } from '../../demo/host/host.js';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { fileURLToPath } from 'node:url';
import { listen, sendHtml, serveFile, type Running } from '../../demo/sandbox/http-util.js';
import type { Sandbox } from '../../demo/sandbox/index.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** Where the fixture host also serves dist/: `${CDN_PATH}/intelliprove-widgets.js`. */
export const CDN_PATH = '/cdn/intelliprove-widgets@0.1.0/dist';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

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
      if (fixture) return sendHtml(res, 200, fixture.html, fixture.headers);
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

/** A page with only the kit's script tag (trusting the sandbox plug-ins) and `body`. */
export function kitPage(sandbox: Sandbox, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title>
    <link rel="icon" href="/favicon.svg">
    <script src="/assets/intelliprove-widgets.js" data-token-endpoint="/api/ip-token"
      data-allowed-origins="${sandbox.plugins.url}"></script></head><body>${body}</body></html>`;
}
