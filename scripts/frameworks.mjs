// Installs (when its lockfile changed) and builds (when anything it is built from changed) each
// framework demo app in demo/<name>/, with its framework's own tooling, against the kit's npm
// build in dist/.
// Usage: node scripts/frameworks.mjs [--install] [vue|react|angular ...]
//   --install  only the installs, which need no build (npm test runs them beside the build).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { filesIn, hashOf } from './file-hash.mjs';

const APPS = ['vue', 'react', 'angular'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const root = fileURLToPath(new URL('..', import.meta.url));

const installOnly = process.argv.includes('--install');
if (!installOnly && !existsSync(`${root}dist/index.js`)) {
  console.error('The kit is not built: run `npm run build` first.');
  process.exit(1);
}

const wanted = process.argv.slice(2).filter((arg) => arg !== '--install');
for (const name of wanted.filter((n) => !APPS.includes(n))) {
  console.error(`Unknown app "${name}"; the apps are ${APPS.join(', ')}.`);
  process.exit(1);
}

/**
 * What an app's build is made from: its own files and installed packages (their lockfile), and
 * the kit as the app imports it (file:../..): its package.json, dist/ (typings included) and the packages
 * the kit's own imports resolve to (the root lockfile).
 */
function buildInputs(dir) {
  const app = filesIn(dir, ['node_modules', 'dist']).map((file) => `${dir}/${file}`);
  const kit = [
    `${root}package-lock.json`,
    ...filesIn(`${root}dist`).map((file) => `${root}dist/${file}`),
  ];
  // The kit's package.json but its scripts, which no app build reads.
  const { scripts: _scripts, ...manifest } = JSON.parse(
    readFileSync(`${root}package.json`, 'utf8'),
  );
  return hashOf([...app, ...kit], JSON.stringify(manifest));
}

for (const name of wanted.length ? wanted : APPS) {
  const dir = `${root}demo/${name}`;
  const run = (...args) => execFileSync(npm, args, { cwd: dir, stdio: 'inherit' });
  const lock = readFileSync(`${dir}/package-lock.json`);
  const hash = createHash('sha256').update(lock).digest('hex');
  const installed = `${dir}/node_modules/.installed-lock`;
  if (!existsSync(installed) || readFileSync(installed, 'utf8') !== hash) {
    console.log(`demo/${name}: npm ci`);
    run('ci', '--no-audit', '--no-fund', '--loglevel=error');
    writeFileSync(installed, hash);
  }
  if (installOnly) continue;
  // Stamped inside dist/, which each build replaces: a failed or partial build leaves none.
  const built = `${dir}/dist/.built-from`;
  const inputs = buildInputs(dir);
  if (existsSync(built) && readFileSync(built, 'utf8') === inputs) {
    console.log(`demo/${name}: built, and nothing it is built from has changed`);
    continue;
  }
  console.log(`demo/${name}: npm run build`);
  run('run', 'build', '--silent');
  writeFileSync(built, inputs);
}
