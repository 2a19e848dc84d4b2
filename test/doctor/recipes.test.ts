// The token-endpoint recipes for backends that are not Node (recipes/), each run as a real
// site's route would be: a page with the kit's script tag and policy, its /api/ip-token handed to
// the recipe, the sandbox engine as IntelliProve. The doctor must pass them all, as it passes the
// kit's own server half. Each recipe's one function to replace is replaced as an integrator
// would: the session is the cookie `session=ok` (demo@example.com), `session=new-NAME` a user
// IntelliProve does not know yet (NAME@example.com), and no cookie nobody.
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import {
  listen,
  readBody,
  sendHtml,
  sendJson,
  type Running,
} from '../../demo/sandbox/http-util.js';
import { startSandbox, type Sandbox } from '../../demo/sandbox/index.js';
import { runDoctor } from '../../src/doctor/doctor.js';
import type { Report } from '../../src/doctor/report.js';
import { cspFor } from '../../src/server/csp.js';
import { waitFor } from '../helpers/wait.js';

const recipe = (path: string) => fileURLToPath(new URL(`../../recipes/${path}`, import.meta.url));
const PYTHON_DIR = recipe('python');
const FETCH_RECIPE = recipe('fetch/token-endpoint.mjs');
const PHP_RECIPE = recipe('wordpress/intelliprove-token.php');
const CLI = fileURLToPath(new URL('../../dist/doctor/cli.js', import.meta.url));
const installed = (command: string) => !spawnSync(command, ['--version']).error;

/** A key for the misbehaving upstream, which echoes it back upper-cased and URL-encoded. */
const EVIL_KEY = 'ipk_test_9f8E7d6C5b4A/3f2E1d0C+';
const LEAKS = new RegExp(
  [EVIL_KEY, encodeURIComponent(EVIL_KEY)].map((s) => s.replace(/[+/]/g, '\\$&')).join('|'),
  'i',
);

/** A token route: what the site does with POST /api/ip-token. */
type Route = (request: Request) => Promise<Response>;

/** The site: a page with the kit (its policy from cspFor), and /api/ip-token handed to `route`. */
function startSite(sandbox: Sandbox, route: Route): Promise<Running> {
  const { header: csp } = cspFor(
    {
      apiBase: sandbox.engine.url,
      allowedOrigins: [sandbox.plugins.url],
      requireTrustedTypes: true,
    },
    { 'default-src': ["'self'"] },
  );
  return listen(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://site').pathname;
    if (path === '/api/ip-token') {
      const request = new Request(`http://site${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.method === 'POST' ? await readBody(req) : undefined,
      });
      const response = await route(request);
      const headers = Object.fromEntries(response.headers);
      for (const hop of ['connection', 'keep-alive', 'transfer-encoding']) delete headers[hop];
      res.writeHead(response.status, headers);
      res.end(Buffer.from(await response.arrayBuffer()));
    } else if (path === '/') {
      sendHtml(
        res,
        200,
        `<!doctype html><html lang="en"><head><meta charset="utf-8">
        <script src="/assets/intelliprove-widgets.js" data-token-endpoint="/api/ip-token"
          data-api-base="${sandbox.engine.url}" data-allowed-origins="${sandbox.plugins.url}"></script>
        </head><body><ip-face-scan></ip-face-scan><ip-dashboard></ip-dashboard>
        <ip-biomarker-card biomarker="heart_rate"></ip-biomarker-card></body></html>`,
        { 'content-security-policy': csp },
      );
    } else sendJson(res, 404, { detail: 'Not found' });
  });
}

/** Forwards the kit's request to a recipe running on its own port, as a reverse proxy does. */
const proxyTo =
  (origin: string): Route =>
  async (request) => {
    const headers = new Headers();
    for (const name of ['content-type', 'cookie', 'origin', 'accept']) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    const { method } = request;
    const body = method === 'POST' ? await request.text() : undefined;
    return fetch(`${origin}/`, { method, headers, body, redirect: 'manual' });
  };

/**
 * IntelliProve misbehaving: for a user named redirect-…, GET /v2/users redirects elsewhere (a
 * recipe must not follow it with the key); for others, creating the user fails with the key in
 * the error (a recipe must not pass it on).
 */
async function startEvilUpstream() {
  const followed: string[] = [];
  const server = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://evil');
    if (url.pathname === '/elsewhere') {
      followed.push(String(req.headers['x-api-key']));
      return sendJson(res, 200, { detail: 'followed' });
    }
    if (url.pathname === '/v2/users' && req.method === 'GET') {
      if (url.searchParams.get('external_user_id')?.startsWith('redirect')) {
        res.writeHead(302, { location: `${server.url}/elsewhere` }).end();
        return;
      }
      return sendJson(res, 404, { detail: 'User not found!' });
    }
    const key = String(req.headers['x-api-key']);
    const detail = `Key ${key.toUpperCase()} (${encodeURIComponent(key)}) may not create users`;
    sendJson(res, 500, { detail });
  });
  return Object.assign(server, { followed });
}

/** The Python recipe under wsgiref, its current_user replaced by the test's (via a wrapper). */
async function startPython(env: Record<string, string>) {
  const wrapper = `
import sys
sys.path.insert(0, ${JSON.stringify(PYTHON_DIR)})
import token_endpoint

def current_user(environ):
    cookie = environ.get("HTTP_COOKIE", "")
    if cookie == "session=ok":
        return "demo@example.com"
    if cookie.startswith("session=new-"):
        return cookie[len("session=new-"):] + "@example.com"
    return None

token_endpoint.current_user = current_user
token_endpoint.serve(0)
`;
  const child: ChildProcess = spawn('python3', ['-B', '-u', '-c', wrapper], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const listening = /on (http:\/\/127\.0\.0\.1:\d+)\//;
  await waitFor(
    () => listening.test(output) || child.exitCode !== null,
    'the Python recipe',
    10_000,
  );
  assert.match(output, listening, `python3 did not start the recipe:\n${output}`);
  return {
    url: listening.exec(output)![1]!,
    output: () => output,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill();
      }),
  };
}

/** The Fetch recipe, its marked currentUser replaced by the test's, imported from a copy. */
async function loadFetchRecipe(dir: string) {
  const source = await readFile(FETCH_RECIPE, 'utf8');
  const marked = /\/\/ ▼▼▼ REPLACE[^\n]*\n[\s\S]*?\/\/ ▲▲▲ up to here ▲▲▲\n/;
  assert.match(source, marked, 'the Fetch recipe has no marked currentUser to replace');
  const ours = `async function currentUser(request) {
  const cookie = request.headers.get('cookie') ?? '';
  if (cookie === 'session=ok') return 'demo@example.com';
  if (cookie.startsWith('session=new-')) return cookie.slice('session=new-'.length) + '@example.com';
  return null;
}
`;
  const file = join(dir, 'token-endpoint.mjs');
  await writeFile(file, source.replace(marked, ours));
  const module = (await import(pathToFileURL(file).href)) as {
    default: { fetch(request: Request, env: Record<string, string>): Promise<Response> };
  };
  return module.default;
}

const failures = (report: Report) =>
  report.checks
    .filter((check) => !check.ok)
    .map((check) => `${check.group}: ${check.text} Fix: ${check.fix ?? ''}`)
    .join('\n');

/** The endpoint asked directly, as the kit asks it. */
async function ask(site: Running, body: unknown, cookie?: string) {
  const response = await fetch(`${site.url}/api/ip-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
    body: JSON.stringify(body),
  });
  return { response, body: (await response.json()) as Record<string, string> };
}

describe('token-endpoint recipes', () => {
  let sandbox: Sandbox;
  let evil: Awaited<ReturnType<typeof startEvilUpstream>>;
  let dir: string;
  const stops: Array<() => Promise<void>> = [];
  const sites: Record<'python' | 'fetch', { good: Running; evil: Running }> = {} as never;
  let pythonEvilLogs: () => string;

  before(async () => {
    [sandbox, evil, dir] = await Promise.all([
      startSandbox(),
      startEvilUpstream(),
      mkdtemp(join(tmpdir(), 'ip-recipes-')),
    ]);
    stops.push(
      () => evil.close(),
      () => sandbox.close(),
      () => rm(dir, { recursive: true }),
    );
    const good = {
      INTELLIPROVE_API_KEY: SANDBOX_API_KEY,
      INTELLIPROVE_API_BASE: sandbox.engine.url,
    };
    const bad = { INTELLIPROVE_API_KEY: EVIL_KEY, INTELLIPROVE_API_BASE: evil.url };
    const [python, pythonEvil, worker] = await Promise.all([
      startPython(good),
      startPython(bad),
      loadFetchRecipe(dir),
    ]);
    stops.push(python.stop, pythonEvil.stop);
    pythonEvilLogs = pythonEvil.output;
    const fetchRoute = (env: Record<string, string>) => (request: Request) =>
      worker.fetch(request, env);
    const started = await Promise.all([
      startSite(sandbox, proxyTo(python.url)),
      startSite(sandbox, proxyTo(pythonEvil.url)),
      startSite(sandbox, fetchRoute(good)),
      startSite(sandbox, fetchRoute(bad)),
    ]);
    for (const site of started) stops.push(() => site.close());
    sites.python = { good: started[0]!, evil: started[1]! };
    sites.fetch = { good: started[2]!, evil: started[3]! };
  });
  after(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  for (const name of ['python', 'fetch'] as const) {
    it(`${name}: the doctor passes it, and it answers 401 without the session`, async () => {
      const report = await runDoctor({
        page: `${sites[name].good.url}/`,
        endpoints: [{ url: '/api/ip-token', provider: 'intelliprove' }],
        headers: [['Cookie', 'session=ok']],
      });
      assert.equal(failures(report), '');
      assert.ok(report.ok && report.checks.length > 20, `${report.checks.length} checks`);
      const withoutSession = report.checks.filter((c) => /without the session/.test(c.group));
      assert.deepEqual(
        withoutSession.map((c) => c.text),
        ['It answers 401: no session, no token.'],
      );
    });

    it(`${name}: creates a new user, refuses a bad body, and fails upstream with 502 and no key`, async (t) => {
      const logged = t.mock.method(console, 'error', () => {});
      evil.followed.length = 0;
      const site = sites[name].good;
      const known = (user: string) =>
        fetch(`${sandbox.engine.url}/v2/users?external_user_id=${encodeURIComponent(user)}`, {
          headers: { 'x-api-key': SANDBOX_API_KEY },
        }).then((r) => r.status);
      const user = `newcomer-${name}@example.com`;
      assert.equal(await known(user), 404);
      const created = await ask(site, { purpose: 'api' }, `session=new-newcomer-${name}`);
      assert.equal(created.response.status, 200, JSON.stringify(created.body));
      assert.equal(typeof created.body.token, 'string');
      assert.equal(await known(user), 200);
      // The user is the session's alone: one named in the body is ignored.
      const smuggled = `smuggled-${name}@example.com`;
      const asked = await ask(site, { purpose: 'api', external_user_id: smuggled }, 'session=ok');
      assert.equal(asked.response.status, 200);
      assert.equal(await known(smuggled), 404);

      const bad = await ask(site, { purpose: 'everything' }, 'session=ok');
      assert.equal(bad.response.status, 400);
      assert.equal(bad.response.headers.get('cache-control'), 'no-store');
      assert.match(bad.body.message!, /"purpose" must be one of face-scan, dashboard, api/);

      const echoed = await ask(sites[name].evil, { purpose: 'api' }, 'session=new-someone');
      assert.equal(echoed.response.status, 502);
      assert.match(echoed.body.message!, /^IntelliProve POST \/v2\/users answered 500: Key /);
      const redirected = await ask(sites[name].evil, { purpose: 'api' }, 'session=new-redirect');
      assert.equal(redirected.response.status, 502);
      assert.match(redirected.body.message!, /IntelliProve GET \/v2\/users/);
      for (const { body } of [echoed, redirected]) assert.doesNotMatch(body.message!, LEAKS);
      assert.deepEqual(evil.followed, [], 'a redirect was followed with the key');
      // Its log lines (the Fetch one's console.error, the Python one's stderr) hold no key either.
      const logs =
        name === 'fetch'
          ? logged.mock.calls.map((call) => call.arguments.join(' ')).join('\n')
          : pythonEvilLogs();
      assert.match(logs, /POST \/v2\/users answered 500: Key \[redacted\]/);
      assert.doesNotMatch(logs, LEAKS);
    });
  }

  it('python: the built doctor CLI exits 0 on it', async () => {
    assert.ok(existsSync(CLI), 'dist/doctor/cli.js is missing: run `npm run build` first.');
    const page = `${sites.python.good.url}/`;
    const args = [CLI, 'doctor', page, '--header', 'Cookie: session=ok'];
    const { stdout } = await promisify(execFile)(process.execPath, args).catch(
      (error: { stdout: string; code: number }) =>
        assert.fail(`the doctor exited ${error.code}:\n${error.stdout}`),
    );
    assert.match(stdout, /All \d+ checks passed\./);
  });

  it(
    'wordpress: the plug-in is valid PHP',
    { skip: installed('php') ? false : 'php is not installed' },
    async () => {
      const { stdout } = await promisify(execFile)('php', ['-l', PHP_RECIPE]);
      assert.match(stdout, /No syntax errors detected/);
    },
  );
});
