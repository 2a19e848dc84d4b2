// Installs (when its lockfile changed) and builds each framework demo app in demo/<name>/,
// with its framework's own tooling, against the kit's npm build in dist/.
// Usage: node scripts/frameworks.mjs [vue|react|angular ...]
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const APPS = ['vue', 'react', 'angular'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const root = fileURLToPath(new URL('..', import.meta.url));

if (!existsSync(`${root}dist/index.js`)) {
  console.error('The kit is not built: run `npm run build` first.');
  process.exit(1);
}

const wanted = process.argv.slice(2);
for (const name of wanted.filter((n) => !APPS.includes(n))) {
  console.error(`Unknown app "${name}"; the apps are ${APPS.join(', ')}.`);
  process.exit(1);
}

for (const name of wanted.length ? wanted : APPS) {
  const dir = `${root}demo/${name}`;
  const run = (...args) => execFileSync(npm, args, { cwd: dir, stdio: 'inherit' });
  const lock = readFileSync(`${dir}/package-lock.json`);
  const hash = createHash('sha256').update(lock).digest('hex');
  const stamp = `${dir}/node_modules/.installed-lock`;
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
    console.log(`demo/${name}: npm ci`);
    run('ci', '--no-audit', '--no-fund', '--loglevel=error');
    writeFileSync(stamp, hash);
  }
  console.log(`demo/${name}: npm run build`);
  run('run', 'build', '--silent');
}
