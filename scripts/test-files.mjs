// Which test files each phase of `npm test` runs, by folder (test/ mirrors src/):
//   browser      test/{core,embeds,data,i18n,units}/: web-test-runner, in Chromium, from src/;
//                test/harness/: what every test page has before the tests (reportable failures)
//   frameworks   test/frameworks/, test/package/: the Vue, React and Angular demo apps and the
//                npm tarball in a fresh app (npm run test:frameworks)
//   node         every other *.test.ts under test/, run by `tsx --test`, in two groups:
//     source     test/{server,sandbox,layout}/: the sources (through tsx), no build needed —
//                but a file there that names the build (dist/, custom-elements.json) reads it
//     built      the rest: end to end through dist/, the published typings, and any new folder
// New files, and new folders, are picked up; a new folder's tests wait for the build.
import { readFileSync, readdirSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BROWSER_FOLDERS = ['core', 'embeds', 'data', 'i18n', 'units', 'harness'];
const FRAMEWORK_FOLDERS = ['frameworks', 'package'];
const SOURCE_FOLDERS = ['server', 'sandbox', 'layout'];
/** What a test file that reads the build names. */
const READS_BUILD = /\bdist\/|custom-elements\.json/;

const root = fileURLToPath(new URL('..', import.meta.url));

/** The *.test.ts files below `dir`, relative to the project root, sorted. */
function testsIn(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => relative(root, `${entry.parentPath ?? entry.path}/${entry.name}`))
    .map((file) => file.split(sep).join('/'))
    .sort();
}

/** The browser phase's test files. */
export const browserTestFiles = () =>
  testsIn(`${root}test`).filter((file) => BROWSER_FOLDERS.includes(file.split('/')[1]));

/** The framework apps' and the npm package's test files. */
export const frameworkTestFiles = () =>
  testsIn(`${root}test`).filter((file) => FRAMEWORK_FOLDERS.includes(file.split('/')[1]));

/** The node-side test files of `group` ('source', 'built', or both when omitted). */
export function nodeTestFiles(group) {
  const folder = (file) => file.split('/')[1];
  const files = testsIn(`${root}test`).filter(
    (file) => ![...BROWSER_FOLDERS, ...FRAMEWORK_FOLDERS].includes(folder(file)),
  );
  const isSource = (file) =>
    SOURCE_FOLDERS.includes(folder(file)) &&
    !READS_BUILD.test(readFileSync(`${root}${file}`, 'utf8'));
  if (group === 'source') return files.filter(isSource);
  if (group === 'built') return files.filter((file) => !isSource(file));
  return files;
}
