// The node-side tests: `tsx --test` on the files of a group (see test-files.mjs), three files at
// a time; every group when none is named (`npm run test:node`).
// Usage: node scripts/node-tests.mjs [source|built]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { nodeTestFiles } from './test-files.mjs';

const group = process.argv[2];
if (group !== undefined && !['source', 'built'].includes(group)) {
  console.error(`Unknown group "${group}"; the groups are source and built.`);
  process.exit(1);
}
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const child = spawn(
  process.execPath,
  [tsx, '--test', '--test-concurrency=3', ...nodeTestFiles(group)],
  { stdio: 'inherit' },
);
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
