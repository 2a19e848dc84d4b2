// The node-side tests: `tsx --test` on the files of a group (see test-files.mjs), in a few
// processes ("lanes") that each run a share of the files one after another; every group when
// none is named (`npm run test:node`).
// Usage: node scripts/node-tests.mjs [source|built|frameworks]
//
// Why lanes and not a process per file (node --test's way): each process starts tsx, imports the
// sandbox, the demo host and playwright-core, and a file's own work is often less than that — a
// process per file cost the end-to-end tests twice the CPU time of a few lanes (116 s against
// 64 s on this machine). Files keep their own `describe` blocks and servers; a lane shares the
// process and Chromium (a launch is about a CPU-second; every test opens its pages in browser
// contexts of their own). A lane is a module in a temporary folder that imports its files.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { frameworkTestFiles, nodeTestFiles } from './test-files.mjs';

const LANES = 3;
const GROUPS = ['source', 'built', 'frameworks'];

const group = process.argv[2];
if (group !== undefined && !GROUPS.includes(group)) {
  console.error(`Unknown group "${group}"; the groups are ${GROUPS.join(', ')}.`);
  process.exit(1);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const files = (group === 'frameworks' ? frameworkTestFiles() : nodeTestFiles(group)).map((file) =>
  join(root, file),
);

/**
 * `files` in `count` lanes of about equal work, the larger files first (longest-processing-time
 * first, a file's size standing for its time), each lane in the files' own order.
 */
function lanes(files, count, size = (file) => statSync(file).size) {
  const shares = Array.from({ length: Math.min(count, files.length) }, () => ({
    files: [],
    work: 0,
  }));
  for (const file of [...files].sort((a, b) => size(b) - size(a))) {
    const lightest = shares.reduce((least, share) => (share.work < least.work ? share : least));
    lightest.files.push(file);
    lightest.work += size(file);
  }
  return shares.map((share) => files.filter((file) => share.files.includes(file)));
}

const url = (file) => JSON.stringify(pathToFileURL(file).href);
const folder = mkdtempSync(join(tmpdir(), 'ip-node-tests-'));
const entries = lanes(files, LANES).map((share, i) => {
  const entry = join(folder, `lane-${i + 1}.test.mjs`);
  // The lane's files share one Chromium per set of flags (test/helpers/browser.ts), closed
  // after the last of them: a root-level hook, as this module is the lane's top level.
  const lines = [
    `// ${share.join(', ')}`,
    "import { after } from 'node:test';",
    `import { shareBrowsers } from ${url(join(root, 'test/helpers/browser.ts'))};`,
    ...share.map((file) => `import ${url(file)};`),
    'after(shareBrowsers());',
  ];
  writeFileSync(entry, `${lines.join('\n')}\n`);
  return entry;
});

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const child = spawn(process.execPath, [tsx, '--test', `--test-concurrency=${LANES}`, ...entries], {
  stdio: 'inherit',
});
child.on('close', (code, signal) => {
  rmSync(folder, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
