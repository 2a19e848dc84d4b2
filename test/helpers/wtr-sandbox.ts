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
import { SAHHA_CLIENT_ID, SAHHA_CLIENT_SECRET } from '../../demo/sandbox/sahha.js';
import {
  createSahhaTokenHandler,
  createTokenHandler,
  type TokenHandler,
} from '../../src/server/index.js';

/** The user the test page's token endpoint signs in as; the `x-test-user` header overrides it. */
export const TEST_USER = 'demo@example.com';

/** One scripted answer of a scenario token endpoint. */
export interface ScriptedAnswer {
  status?: number;
  /** Answer this as JSON. */
  json?: unknown;
  /** Or this raw body, with `contentType`. */
  body?: string;
  contentType?: string;
  /** Extra response headers (a redirect's `location`, say). */
  headers?: Record<string, string>;
  /** Or forward to the real token endpoint (IntelliProve sandbox, or `'sahha'`) and answer what it answers. */
  proxy?: boolean | 'sahha';
  /** With `proxy`: fields to override in its JSON answer. */
  override?: Record<string, unknown>;
  /** With `proxy`: the signed-in user (default TEST_USER). */
  user?: string;
  delayMs?: number;
}

export interface LoggedRequest {
  /** The URL's path and query, as this server was asked. */
  url: string;
  method: string;
  contentType: string | null;
  body: unknown;
  /** API scenarios: the path and query asked for, and the Authorization header. */
  path?: string;
  authorization?: string | null;
  /** Once the exchange is over: answered in full, or dropped by the client first (an abort). */
  outcome?: 'answered' | 'aborted';
  /** How many of the scenario's requests were open when this one came, itself included. */
  open?: number;
}

/** Notes in `entry` how the exchange of `ctx` ends. */
function logOutcome(
  ctx: Parameters<Middleware>[0],
  entry: LoggedRequest,
  scenario: Scenario,
): void {
  entry.open = ++scenario.open;
  ctx.res.once('close', () => {
    scenario.open--;
    entry.outcome = ctx.res.writableFinished ? 'answered' : 'aborted';
  });
}

/** The engine's own content (recommendation images, tracking links) behind an API scenario. */
const ENGINE_CONTENT = /^\/(sandbox\/images|v2\/tracking)\//;

interface Scenario {
  answers: ScriptedAnswer[];
  log: LoggedRequest[];
  /** Requests answered or dropped not yet. */
  open: number;
}

async function readJson(req: import('node:http').IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Answers as scripted: status, headers, and a JSON or raw body. */
function respond(ctx: Parameters<Middleware>[0], answer: ScriptedAnswer): void {
  ctx.status = answer.status ?? 200;
  for (const [name, value] of Object.entries(answer.headers ?? {})) ctx.set(name, value);
  ctx.type = answer.contentType ?? 'application/json';
  ctx.body = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.body ?? '');
}

export interface SandboxEnv {
  engine: string;
  plugins: string;
  host: string;
  tokenEndpoint: string;
  sahha: string;
  sahhaTokenEndpoint: string;
}

export function sandboxServers(): { plugin: Plugin; middleware: Middleware } {
  let sandbox: Sandbox | undefined;
  let tokens: TokenHandler | undefined;
  let sahhaTokens: TokenHandler | undefined;
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
        sahha: sandbox.sahha.url,
        sahhaTokenEndpoint: '/api/sahha-token',
      };
      const testUser = (req: Request | import('node:http').IncomingMessage) =>
        (req instanceof Request
          ? req.headers.get('x-test-user')
          : (req.headers['x-test-user'] as string | undefined)) ?? TEST_USER;
      sahhaTokens = createSahhaTokenHandler({
        clientId: SAHHA_CLIENT_ID,
        clientSecret: SAHHA_CLIENT_SECRET,
        apiBase: sandbox.sahha.url,
        getUser: testUser,
      });
      tokens = createTokenHandler({
        apiKey: SANDBOX_API_KEY,
        apiBase: sandbox.engine.url,
        getUser: testUser,
      });
    },
    async serverStop() {
      await sandbox?.close();
    },
  };

  const scenarios = new Map<string, Scenario>();
  let nextId = 0;

  /** A scenario of the answers the request's body scripts; its id (the answer will be JSON). */
  async function createScenario(ctx: Parameters<Middleware>[0]): Promise<string> {
    const id = String(++nextId);
    const { answers } = (await readJson(ctx.req)) as { answers: ScriptedAnswer[] };
    scenarios.set(id, { answers, log: [], open: 0 });
    ctx.type = 'application/json';
    return id;
  }

  /** Scenario token endpoints: tests script each answer and read what was asked. */
  async function scenarioRoute(ctx: Parameters<Middleware>[0]): Promise<boolean> {
    if (ctx.path === '/__ip/scenarios' && ctx.method === 'POST') {
      const id = await createScenario(ctx);
      ctx.body = JSON.stringify({ id, endpoint: `/__ip/token/${id}` });
      return true;
    }
    const logMatch = /^\/__ip\/scenarios\/(\d+)\/log$/.exec(ctx.path);
    if (logMatch) {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(scenarios.get(logMatch[1]!)?.log ?? null);
      return true;
    }
    if (ctx.path === '/__ip/api-scenarios' && ctx.method === 'POST') {
      const id = await createScenario(ctx);
      ctx.body = JSON.stringify({ id, apiBase: `${ctx.origin}/__ip/api/${id}` });
      return true;
    }
    const apiMatch = /^\/__ip\/api\/(\d+)(\/.*)$/.exec(ctx.path);
    if (apiMatch) {
      // An API scenario: scripted answers in front of the real sandbox engine.
      const scenario = scenarios.get(apiMatch[1]!);
      if (!scenario) return false;
      const path = apiMatch[2]! + (ctx.querystring ? `?${ctx.querystring}` : '');
      // What the engine serves for its own URLs (a recommendation's image and tracking link):
      // passed through, not logged, as the API's origin would serve it.
      if (ENGINE_CONTENT.test(path)) {
        const real = await fetch(`${sandbox!.engine.url}${path}`);
        ctx.status = real.status;
        ctx.type = real.headers.get('content-type') ?? 'application/octet-stream';
        ctx.body = Buffer.from(await real.arrayBuffer());
        return true;
      }
      const entry: LoggedRequest = {
        url: ctx.url,
        method: ctx.method,
        contentType: null,
        body: null,
        path,
        authorization: ctx.get('authorization') || null,
      };
      scenario.log.push(entry);
      logOutcome(ctx, entry, scenario);
      ctx.set('access-control-allow-origin', '*');
      const answer =
        scenario.answers[Math.min(scenario.log.length - 1, scenario.answers.length - 1)]!;
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      if (answer.proxy) {
        const real = await fetch(`${sandbox!.engine.url}${path}`, {
          headers: { authorization: ctx.get('authorization') },
        });
        ctx.status = real.status;
        if (real.status !== 204) {
          ctx.type = 'application/json';
          // The engine's URLs for itself name this scenario, which stands in for it.
          const self = `${ctx.origin}/__ip/api/${apiMatch[1]}`;
          ctx.body = (await real.text()).replaceAll(sandbox!.engine.url, self);
        }
        return true;
      }
      respond(ctx, answer);
      return true;
    }
    const tokenMatch = /^\/__ip\/token\/(\d+)$/.exec(ctx.path);
    if (!tokenMatch) return false;
    const scenario = scenarios.get(tokenMatch[1]!);
    if (!scenario) return false;
    const body = await readJson(ctx.req);
    const entry: LoggedRequest = {
      url: ctx.url,
      method: ctx.method,
      contentType: ctx.get('content-type') || null,
      body,
    };
    scenario.log.push(entry);
    logOutcome(ctx, entry, scenario);
    const answer =
      scenario.answers[Math.min(scenario.log.length - 1, scenario.answers.length - 1)]!;
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer.proxy) {
      const real = await (answer.proxy === 'sahha' ? sahhaTokens! : tokens!).fetch(
        new Request('http://test/api/ip-token', {
          method: 'POST',
          body: JSON.stringify(body),
          headers: answer.user ? { 'x-test-user': answer.user } : {},
        }),
      );
      const json = await real.json();
      ctx.status = real.status;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(answer.override ? { ...json, ...answer.override } : json);
      return true;
    }
    respond(ctx, answer);
    return true;
  }

  const middleware: Middleware = async (ctx, next) => {
    if (await scenarioRoute(ctx)) return;
    if (ctx.path === '/__ip/env') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(env);
      return;
    }
    if (ctx.path === '/api/sahha-token' && sahhaTokens) {
      ctx.respond = false;
      await sahhaTokens.node(ctx.req, ctx.res);
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
