/**
 * The package as npm installs it: the built kit packed with `npm pack`, checked with publint
 * and attw, installed from its tarball into the app of test/package/app/ (a Vite app and the
 * plain Node server that serves it with the kit's token endpoint), and that app driven in
 * Chromium against the sandbox engine.
 *
 * The app is installed and built in test-output/package/app/. Its own packages (vite) are
 * installed once and kept while its package.json and lockfile stay the same; the kit's tarball
 * is installed afresh on every run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { startSandbox, type Sandbox } from '../../demo/sandbox/index.js';
import { browserFor, closeClean, watch } from '../helpers/browser.js';
import {
  assertEngineCallsAs,
  readingsOf,
  recordRequests,
  userIdOf,
  valueFor,
  waitForReady,
  waitForShown,
} from '../helpers/framework-app.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEMPLATE = fileURLToPath(new URL('./app/', import.meta.url));
const WORK = join(ROOT, 'test-output/package');
const PACKED = join(WORK, 'pack');
const APP = join(WORK, 'app');
const INSTALLED = join(APP, 'node_modules/intelliprove-widgets');
/** What the app's own packages were installed from: a hash of its package.json and lockfile. */
const INSTALLED_FROM = join(APP, 'node_modules/.installed-from');
/** The user server.mjs signs everyone in as. */
const USER = 'demo@example.com';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** Plain output, for reading in a failure message. */
const PLAIN = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

interface Ran {
  code: number | null;
  /** stdout and stderr, as they came. */
  output: string;
  stdout: string;
}

/** Runs `command` to its end; never throws (a command that cannot start has code null). */
function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = PLAIN,
): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => ((stdout += chunk), (output += chunk)));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: null, output: `${output}${error}`, stdout }));
    child.on('close', (code) => resolve({ code, output, stdout }));
  });
}

/** Runs `command` and fails, showing what it printed, unless it exits 0. */
async function mustRun(command: string, args: readonly string[], cwd: string): Promise<Ran> {
  const ran = await run(command, args, cwd);
  const shown = [command, ...args].join(' ');
  assert.equal(ran.code, 0, `\`${shown}\` in ${cwd} exited ${ran.code}:\n${ran.output}`);
  return ran;
}

/** Marks `promise` as handled now: a test that awaits it later still sees its failure. */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

interface Packed {
  tarball: string;
  /** The files in the tarball, by path ('dist/index.js'), with their sizes. */
  files: Map<string, number>;
}

/** `npm pack` of the kit as built: no prepack, so nothing is rebuilt. */
async function pack(): Promise<Packed> {
  assert.ok(
    existsSync(join(ROOT, 'dist/index.js')),
    'dist/ is missing: run `npm run build` first (npm test builds before this phase).',
  );
  rmSync(PACKED, { recursive: true, force: true });
  mkdirSync(PACKED, { recursive: true });
  const args = ['pack', '--ignore-scripts', '--pack-destination', PACKED, '--json'];
  const { stdout } = await mustRun(npm, args, ROOT);
  const [result] = JSON.parse(stdout) as [
    { filename: string; files: { path: string; size: number }[] },
  ];
  return {
    tarball: join(PACKED, result.filename),
    files: new Map(result.files.map((file) => [file.path, file.size])),
  };
}

/**
 * The app in test-output/: its own packages from its lockfile (only when that changed), then
 * the kit from `tarball` with a real `npm install`, then `vite build`.
 */
async function installApp(tarball: string): Promise<void> {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json'])
    hash.update(readFileSync(join(TEMPLATE, file))).update('\0');
  const from = hash.digest('hex');
  if (!existsSync(INSTALLED_FROM) || readFileSync(INSTALLED_FROM, 'utf8') !== from) {
    rmSync(APP, { recursive: true, force: true });
    cpSync(TEMPLATE, APP, { recursive: true });
    await mustRun(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], APP);
    writeFileSync(INSTALLED_FROM, from);
  }
  // The app's sources afresh; its package.json and lockfile as the last install left them.
  for (const file of readdirSync(TEMPLATE).filter((name) => !name.startsWith('package')))
    cpSync(join(TEMPLATE, file), join(APP, file), { recursive: true });
  rmSync(join(APP, 'dist'), { recursive: true, force: true });
  await mustRun(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], APP);
  await mustRun(npm, ['run', 'build', '--silent'], APP);
}

/** The files below `dir`, by path relative to it, with their sizes. */
function filesBelow(dir: string, sub = ''): Map<string, number> {
  const found = new Map<string, number>();
  for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
    const path = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [p, s] of filesBelow(dir, path)) found.set(p, s);
    else found.set(path, statSync(join(dir, path)).size);
  }
  return found;
}

/** Every file package.json names: entries, exports, bin, types, manifest, side effects. */
function pathsNamedBy(manifest: Record<string, any>): string[] {
  const targets = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(targets)
        : [];
  const named = [
    manifest.main,
    manifest.module,
    manifest.types,
    manifest.customElements,
    manifest['web-types'],
    ...targets(manifest.exports),
    ...targets(manifest.bin),
    ...(Array.isArray(manifest.sideEffects) ? manifest.sideEffects : []),
  ];
  return [...new Set(named.filter(Boolean).map((path: string) => path.replace(/^\.\//, '')))];
}

/** The Node server of the app (`node server.mjs`), against the sandbox engine. */
async function startServer(sandbox: Sandbox) {
  const child = spawn(process.execPath, ['server.mjs'], {
    cwd: APP,
    env: {
      ...PLAIN,
      INTELLIPROVE_API_KEY: SANDBOX_API_KEY,
      INTELLIPROVE_API_BASE: sandbox.engine.url,
      PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), 10_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const listening = /listening on (http:\/\/\S+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill();
    });
  if (!url) {
    await stop();
    assert.fail(`\`node server.mjs\` did not start:\n${output}`);
  }
  return { url, stop };
}

describe('the npm package, packed and installed', () => {
  let packed: Packed;
  let publint: Promise<Ran>;
  let attw: Promise<Ran>;
  let installed: Promise<void>;
  let started: Promise<[Sandbox, Awaited<ReturnType<typeof browserFor>>]>;

  before(async () => {
    packed = await pack();
    const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
    // All at once: they share nothing but the tarball.
    publint = run(bin('publint'), [packed.tarball, '--strict'], ROOT);
    attw = run(bin('attw'), [packed.tarball, '--profile', 'esm-only'], ROOT);
    installed = later(installApp(packed.tarball));
    started = later(
      Promise.all([startSandbox({ scanSeconds: 1, checkSeconds: 0.2 }), browserFor()] as const),
    );
  });

  after(async () => {
    const [sandbox, chromium] = (await started?.catch(() => null)) ?? [];
    await chromium?.release();
    await sandbox?.close();
  });

  it('holds dist/, the manifest, README, LICENSE and package.json; no sources, tests or maps', () => {
    const paths = [...packed.files.keys()];
    const top = new Set(['package.json', 'README.md', 'LICENSE', 'custom-elements.json']);
    assert.deepEqual(
      paths.filter((path) => !top.has(path) && !path.startsWith('dist/')),
      [],
      'files outside dist/',
    );
    for (const path of top) assert.ok(packed.files.has(path), `${path} is in the tarball`);
    assert.deepEqual(
      paths.filter((path) => /\.(map|tsbuildinfo)$|\.test\.|(^|\/)(src|test|demo)\//.test(path)),
      [],
      'source maps, build info, sources or tests',
    );
    // Whatever package.json points at (bin included) is in it.
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const named = pathsNamedBy(manifest);
    assert.deepEqual(
      named.filter((path) => !packed.files.has(path)),
      [],
      'files package.json names that the tarball lacks',
    );
    assert.ok(named.includes('dist/server.js'), `what package.json names: ${named.join(', ')}`);
  });

  it('passes publint', async () => {
    const { code, output } = await publint;
    assert.equal(code, 0, `publint exited ${code}:\n${output}`);
    assert.match(output, /All good!/, `publint has something to say:\n${output}`);
  });

  it('passes attw --profile esm-only', async () => {
    const { code, output } = await attw;
    assert.equal(code, 0, `attw exited ${code}:\n${output}`);
  });

  it('installs as packed, with its dependencies, and resolves in Node', async () => {
    await installed;
    // The tarball just packed, file for file: not a copy left by an earlier run.
    assert.deepEqual(
      [...filesBelow(INSTALLED)].sort(),
      [...packed.files].sort(),
      'node_modules/intelliprove-widgets holds what the tarball holds',
    );
    for (const dir of ['src', 'test', 'demo'])
      assert.ok(!existsSync(join(INSTALLED, dir)), `no ${dir}/ in the installed package`);
    // Installed in the app itself, so nothing resolves up into the repo's own node_modules.
    const { dependencies } = JSON.parse(readFileSync(join(INSTALLED, 'package.json'), 'utf8'));
    for (const name of Object.keys(dependencies))
      assert.ok(existsSync(join(APP, 'node_modules', name, 'package.json')), `${name} installed`);

    const script = `
      const kit = await import('intelliprove-widgets');
      const server = await import('intelliprove-widgets/server');
      console.log(JSON.stringify({
        kit: import.meta.resolve('intelliprove-widgets'),
        server: import.meta.resolve('intelliprove-widgets/server'),
        configure: typeof kit.configure,
        createTokenHandler: typeof server.createTokenHandler,
        createSahhaTokenHandler: typeof server.createSahhaTokenHandler,
      }));`;
    const { stdout } = await mustRun(process.execPath, ['--input-type=module', '-e', script], APP);
    const base = new URL('node_modules/intelliprove-widgets/dist/', `file://${APP}/`).href;
    assert.deepEqual(JSON.parse(stdout), {
      kit: `${base}index.js`,
      server: `${base}server.js`,
      configure: 'function',
      createTokenHandler: 'function',
      createSahhaTokenHandler: 'function',
    });
  });

  it('installs its bin: npx intelliprove-widgets doctor', async () => {
    await installed;
    const bin = join(APP, 'node_modules/.bin/intelliprove-widgets');
    assert.ok(existsSync(bin), 'node_modules/.bin/intelliprove-widgets');
    const { stdout } = await mustRun(bin, ['doctor', '--help'], APP);
    assert.match(stdout, /^Usage: intelliprove-widgets doctor <page-url> \[options\]/);
    const wrong = await run(bin, ['doctor'], APP);
    assert.equal(wrong.code, 2, wrong.output);
    assert.match(wrong.output, /Which page\? Give its URL/);
  });

  it("in a Vite app served by a plain Node server: the card and the gauge show the user's values", async () => {
    await installed;
    const [sandbox, { browser }] = await started;
    const server = await startServer(sandbox);
    try {
      const readings = await readingsOf(sandbox, USER);
      const card = valueFor(readings, {
        tag: 'ip-biomarker-card',
        provider: '',
        what: 'heart_rate',
      });
      const gauge = valueFor(readings, {
        tag: 'ip-metric-gauge',
        provider: '',
        what: 'mental_stress',
      });
      assert.ok(card && gauge, `the sandbox has values for ${USER}`);

      const page = await browser.newPage();
      const seen = await watch(page);
      // tsx names the functions it compiles; evaluated code needs its helper in the page.
      await page.addInitScript('window.__name = (f) => f');
      const wire = recordRequests(page);
      const tokenAnswers: { status: number; cacheControl: string | undefined }[] = [];
      page.on('response', (response) => {
        if (new URL(response.url()).pathname === '/api/ip-token')
          tokenAnswers.push({
            status: response.status(),
            cacheControl: response.headers()['cache-control'],
          });
      });
      await page.goto(`${server.url}/`);

      await waitForShown(page, 'ip-biomarker-card', new RegExp(`^Heart rate ${card} bpm`));
      const stress = gauge.replace('.', '\\.');
      await waitForShown(page, 'ip-metric-gauge', new RegExp(`^Mental stress ${stress}\\b`));
      await waitForReady(page);
      // The gauge as assistive technology reads it.
      assert.equal(await page.getByRole('meter').getAttribute('aria-valuenow'), gauge);

      // One token request, to the Node server's endpoint, answered there; API calls with it.
      const tokenRequests = wire.filter((r) => r.path === '/api/ip-token');
      assert.deepEqual(
        tokenRequests.map((r) => [r.method, r.url.origin, r.body]),
        [['POST', server.url, { purpose: 'api', language: 'en' }]],
      );
      assert.deepEqual(tokenAnswers, [{ status: 200, cacheControl: 'no-store' }]);
      assertEngineCallsAs(sandbox, wire, await userIdOf(sandbox, USER));
      // The built app, not a dev server: one bundle from the server's own origin.
      const scripts = wire.filter((r) => r.path.endsWith('.js'));
      assert.ok(scripts.length > 0 && scripts.every((r) => r.url.origin === server.url));
      assert.ok(
        scripts.every((r) => r.path.startsWith('/assets/')),
        'the built assets',
      );

      await closeClean(page, seen);
    } finally {
      await server.stop();
    }
  });
});
