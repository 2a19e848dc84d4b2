// How long each test file took when it last ran, so that the next run starts the slowest first
// (Jest's sequencer does the same): run last, a file that waits out the kit's real 8 s and 18 s
// limits keeps one page busy long after the others are done. The times live under
// node_modules/.cache, like the build stamp; a file with no time yet (new, or a fresh
// checkout) goes first, as it may be slow, and the rest keep their order.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TIMES = `${root}node_modules/.cache/intelliprove-widgets/test-times.json`;

/** The seconds each file (relative to the project root) took when it last ran. */
export function lastTimes() {
  try {
    const times = JSON.parse(readFileSync(TIMES, 'utf8'));
    return typeof times === 'object' && times !== null ? times : {};
  } catch {
    return {};
  }
}

/** Records the seconds of the files of `times`, keeping those of the others. */
export function recordTimes(times) {
  mkdirSync(dirname(TIMES), { recursive: true });
  writeFileSync(TIMES, `${JSON.stringify({ ...lastTimes(), ...times }, null, 1)}\n`);
}

/** `files` (relative to the project root), those with no time first, then the slowest first. */
export function slowestFirst(files) {
  const times = lastTimes();
  const time = (file) => (typeof times[file] === 'number' ? times[file] : Infinity);
  return [...files].sort((a, b) => (time(a) === time(b) ? 0 : time(a) < time(b) ? 1 : -1));
}
