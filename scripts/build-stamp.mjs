// Whether dist/ (and custom-elements.json) is the build of the sources as they are now, so that
// `npm test` on a warm machine can skip the build (`npm run build` always builds anew).
//
// The stamp, written by scripts/build.mjs after a build succeeds, holds a hash of everything the
// build reads (src/, the configs, the build scripts, package.json and the lockfile, which pins
// every tool) and a hash of everything it wrote. A build is current when both still match: an
// edited source, a changed tool, or a dist/ file touched or removed since makes it stale. The
// stamp lives under node_modules/.cache, not in dist/, so that it is never published.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesIn, hashOf } from './file-hash.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAMP = `${root}node_modules/.cache/intelliprove-widgets/build.json`;
const CONFIGS = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'rollup.config.mjs',
  'custom-elements-manifest.config.mjs',
  'scripts/build.mjs',
  'scripts/entry-aliases.mjs',
  'scripts/bin.mjs',
];

const inputs = () =>
  hashOf([...CONFIGS, ...filesIn(`${root}src`).map((file) => `src/${file}`)].map((f) => root + f));

function outputs() {
  if (!existsSync(`${root}dist`) || !existsSync(`${root}custom-elements.json`)) return null;
  const files = filesIn(`${root}dist`).map((file) => `${root}dist/${file}`);
  return hashOf([...files, `${root}custom-elements.json`]);
}

/** Forgets the last build (a build is starting). */
export const clearStamp = () => rmSync(STAMP, { force: true });

/** Records that dist/ is the build of the sources as they are now. */
export function stampBuild() {
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, JSON.stringify({ inputs: inputs(), outputs: outputs() }));
}

/** Whether dist/ is the build of the sources as they are now (see above). */
export function buildIsCurrent() {
  if (!existsSync(STAMP)) return false;
  const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  const built = outputs();
  return built !== null && stamp.outputs === built && stamp.inputs === inputs();
}
