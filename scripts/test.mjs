// `npm test`: the kit's build and every test phase.
//
//   build          npm run build               from the start, unless dist/ is already the
//                                              build of the sources as they are (a warm
//                                              machine: build-stamp.mjs; IP_REBUILD=1 builds)
//   node:source    npm run test:node:source    from the start: the server half, the sandbox and
//                                              the source layout, through tsx (test-files.mjs)
//   browser        npm run test:browser        once the build is done (see below)
//   node:built     npm run test:node:built     once the build is done (e2e runs dist/)
//   frameworks     npm run test:frameworks     once the build is done (the apps import dist/);
//                                              their installs (when a lockfile changed) from the
//                                              start, as they wait on the network and disk more
//                                              than on the CPU (npm run test:frameworks:install)
//
// The build is what most of the work waits for, so it starts alone, with only the quick source
// tests and the apps' installs beside it (the build leaves part of a second core free). The
// browser phase tests src/, not dist/, but beside the build it would slow the build down.
//
// Then the other three, in lanes (IP_PHASES chooses; the default by the cores):
//   parallel  each phase in a lane of its own (four cores or more)
//   lanes     the browser phase in one lane, node:built then frameworks in the other (fewer):
//             the browser phase leaves about a core idle for half its time (its slowest files
//             wait out the kit's real 8 s and 18 s limits), and the node phases keep two busy,
//             so beside it they fill what it leaves. On a 2-core machine, warm: 59–65 s
//             against 89 s one after another (the same hour; 124 s against 141 s on a
//             slower host).
//   serial    one phase after another
// Every server a phase starts listens on a free port (0; web-test-runner finds one), so the
// phases can run at once. Each phase's output is printed in one piece when it ends; npm test
// fails when any phase fails, and says which.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { buildIsCurrent } from './build-stamp.mjs';

const MODES = ['parallel', 'lanes', 'serial'];
const PHASES = process.env.IP_PHASES;
if (PHASES !== undefined && !MODES.includes(PHASES)) {
  console.error(`IP_PHASES is "${PHASES}"; it is ${MODES.join(', ')}.`);
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** @type {Map<string, { code: number | string | null, took: string, note?: string }>} */
const results = new Map();
const children = new Set();

/** Runs `npm run <script>` as phase `name`; resolves with whether it passed. */
function phase(name, script) {
  const since = Date.now();
  console.log(`▶ ${name} (npm run ${script}) started at ${seconds(started)}`);
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', script], {
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      children.delete(child);
      const took = seconds(since);
      const passed = code === 0;
      results.set(name, { code: code ?? signal, took });
      const verdict = passed ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`;
      console.log(`\n──── ${name}: output ────`);
      process.stdout.write(Buffer.concat(output));
      console.log(`──── ${name} ${verdict} in ${took} ────\n`);
      resolve(passed);
    });
  });
}

/** Marks phases that did not run because `reason`. */
function skip(names, reason) {
  for (const name of names) results.set(name, { code: `skipped: ${reason}`, took: '-' });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(130);
  });
}

// A warm machine's dist/ may already be the build of these sources (build-stamp.mjs).
const current = process.env.IP_REBUILD !== '1' && buildIsCurrent();
const build = current ? Promise.resolve(true) : phase('build', 'build');
if (current) {
  console.log(
    '▶ build skipped: dist/ is the build of the sources as they are (IP_REBUILD=1 builds)',
  );
  results.set('build', { code: 0, took: '-', note: 'up to date' });
}
const source = phase('node:source', 'test:node:source');
const installs = phase('installs', 'test:frameworks:install');

const mode = PHASES ?? (availableParallelism() >= 4 ? 'parallel' : 'lanes');
/** The phases after the build, each `[name, script, needs the build, waits for]`. */
const [browser, nodeBuilt, frameworks] = [
  // Not needing the build, it runs even when the build fails.
  ['browser', 'test:browser', false],
  ['node:built', 'test:node:built', true],
  // The apps' tests reinstall what a failed install left; their own failure then says why.
  ['frameworks', 'test:frameworks', true, installs],
];
const lanes = {
  parallel: [[browser], [nodeBuilt], [frameworks]],
  lanes: [[browser], [nodeBuilt, frameworks]],
  serial: [[browser, nodeBuilt, frameworks]],
}[mode];
const said = lanes.map((lane) => lane.map(([name]) => name).join(' then ')).join(' | ');
console.log(
  `▶ after the build, IP_PHASES=${mode} (${availableParallelism()} cores; ${MODES.join(', ')}): ${said}`,
);
const run = async (built, [name, script, needsBuild, waitsFor]) => {
  await waitsFor;
  return built || !needsBuild ? phase(name, script) : skip([name], 'the build failed');
};
const others = build.then((built) =>
  Promise.all(
    lanes.map(async (lane) => {
      for (const one of lane) await run(built, one);
    }),
  ),
);
await Promise.all([source, installs, others]);

const order = ['build', 'installs', 'browser', 'node:source', 'node:built', 'frameworks'];
const failed = order.filter((name) => results.get(name).code !== 0);
console.log(`npm test: ${failed.length ? 'FAILED' : 'passed'} in ${seconds(started)}`);
for (const name of order) {
  const { code, took, note } = results.get(name);
  const verdict =
    code === 0 ? (note ?? 'passed') : typeof code === 'string' ? code : `FAILED (${code})`;
  console.log(`  ${name.padEnd(12)} ${verdict.padEnd(28)} ${took}`);
}
if (failed.length) {
  const ran = failed.filter((name) => results.get(name).took !== '-');
  console.log(`Failed: ${ran.join(', ')} (see "──── <phase>: output ────" above).`);
  process.exit(1);
}
