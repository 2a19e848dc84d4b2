// `npm run build`: the kit into a fresh dist/, in two lines of work side by side, as they read
// different inputs:
//   code       tsc (the ESM and its typings) → entry-aliases.mjs → bin.mjs (the doctor's bin
//              executable) → rollup (the script-tag build, from tsc's ESM)
//   manifest   cem analyze: custom-elements.json, the editor data and the framework typings
//              (from src/, see custom-elements-manifest.config.mjs)
// Fails, stopping the other line, when a step fails; stamps the result when none did (see
// build-stamp.mjs).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clearStamp, stampBuild } from './build-stamp.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The script a package's `bin` entry `name` runs. */
function bin(pkg, name) {
  const manifest = JSON.parse(readFileSync(`${root}node_modules/${pkg}/package.json`, 'utf8'));
  return `${root}node_modules/${pkg}/${manifest.bin[name]}`;
}

const running = new Set();

/** Runs a node script with `args`; resolves when it succeeds, rejects naming it when not. */
function run(script, ...args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
    running.add(child);
    child.on('close', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${[script, ...args].join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

clearStamp();
rmSync(`${root}dist`, { recursive: true, force: true });
const code = (async () => {
  await run(bin('typescript', 'tsc'), '-p', 'tsconfig.build.json');
  await run(`${root}scripts/entry-aliases.mjs`);
  await run(`${root}scripts/bin.mjs`);
  await run(bin('rollup', 'rollup'), '-c', '--silent');
})();
const manifest = run(bin('@custom-elements-manifest/analyzer', 'cem'), 'analyze');
try {
  await Promise.all([code, manifest]);
  stampBuild();
} catch (error) {
  for (const child of running) child.kill();
  console.error(`build: ${error.message}`);
  process.exit(1);
}
