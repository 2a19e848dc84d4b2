/**
 * web-test-runner set-up: starts the sandbox (engine, stand-in plug-ins, demo host) as real
 * HTTP servers for the browser tests, mounts a token endpoint built on the server half on the
 * test page's own origin (`/api/ip-token`, as a host's route would be), and serves the
 * servers' URLs at `/__ip/env` (read them with `sandboxEnv()` from ./env.ts).
 */
import type { Middleware } from 'koa';
import type { Plugin } from '@web/dev-server-core';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { startSandbox, type Sandbox } from '../../demo/sandbox/index.js';
import { createTokenHandler, type TokenHandler } from '../../src/server/index.js';

/** The user the test page's token endpoint signs in as; the `x-test-user` header overrides it. */
export const TEST_USER = 'demo@example.com';

export interface SandboxEnv {
  engine: string;
  plugins: string;
  host: string;
  tokenEndpoint: string;
}

export function sandboxServers(): { plugin: Plugin; middleware: Middleware } {
  let sandbox: Sandbox | undefined;
  let tokens: TokenHandler | undefined;
  let env: SandboxEnv | undefined;

  const plugin: Plugin = {
    name: 'ip-sandbox',
    async serverStart() {
      sandbox = await startSandbox({ scanSeconds: 1, checkSeconds: 0.2 });
      env = {
        engine: sandbox.engine.url,
        plugins: sandbox.plugins.url,
        host: sandbox.host.url,
        tokenEndpoint: '/api/ip-token',
      };
      tokens = createTokenHandler({
        apiKey: SANDBOX_API_KEY,
        apiBase: sandbox.engine.url,
        getUser: (req) =>
          (req as { headers: Record<string, string | undefined> }).headers['x-test-user'] ??
          TEST_USER,
      });
    },
    async serverStop() {
      await sandbox?.close();
    },
  };

  const middleware: Middleware = async (ctx, next) => {
    if (ctx.path === '/__ip/env') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(env);
      return;
    }
    if (ctx.path === '/api/ip-token' && tokens) {
      ctx.respond = false;
      await tokens.node(ctx.req, ctx.res);
      return;
    }
    await next();
  };

  return { plugin, middleware };
}
