// Hashes of files, for the steps of `npm test` that are skipped when what they are made from
// has not changed (the kit's build, the framework apps' installs and builds).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';

/** The files below `dir` (relative paths, sorted), but `skip`ped folders. */
export function filesIn(dir, skip = []) {
  const found = [];
  const walk = (sub) => {
    for (const entry of readdirSync(`${dir}/${sub}`, { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skip.includes(path)) walk(path);
      } else if (entry.isFile()) found.push(path);
    }
  };
  walk('');
  return found.sort();
}

/** A hash of the files' paths and contents, and of `more`. */
export function hashOf(files, more = '') {
  const hash = createHash('sha256').update(more);
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}
