// Browser tests in Debian's headless Chromium against real sandbox servers (TOOLCHAIN.md).
// Run through tsx (see package.json) so this file can import the TypeScript sandbox.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_FLAGS, chromiumPath } from './scripts/chromium.mjs';
import { browserTestFiles } from './scripts/test-files.mjs';
import { recordTimes, slowestFirst } from './scripts/test-times.mjs';
import { TEST_MS } from './test/helpers/patience.ts';
import { sandboxServers } from './test/helpers/wtr-sandbox.ts';

const sandbox = sandboxServers();
const root = fileURLToPath(new URL('.', import.meta.url));

/** The milliseconds of the tests of a file's results. */
const msOf = (suite) =>
  (suite?.tests ?? []).reduce((sum, test) => sum + (test.duration ?? 0), 0) +
  (suite?.suites ?? []).reduce((sum, inner) => sum + msOf(inner), 0);

/** Records how long each file's tests took, for the next run's order (scripts/test-times.mjs). */
const timesReporter = () => {
  const times = {};
  return {
    reportTestFileResults({ sessionsForTestFile, testFile }) {
      const ms = sessionsForTestFile.map((session) => msOf(session.testResults));
      times[relative(root, testFile)] = Math.max(0, ...ms) / 1000;
    },
    onTestRunFinished: () => recordTimes(times),
  };
};

export default {
  // The slowest files first (their times on the last run), so that no page is left with one.
  files: slowestFirst(browserTestFiles()),
  nodeResolve: true,
  // Four test pages at once, each in a browser context of its own: a context is a window of its
  // own, so every page is visible and focused. (Tabs of one window would not be: headless
  // Chromium hides a background tab and gives it no requestAnimationFrame, which chart.js and
  // open-wc's fixture() wait on; the background-tab flags in scripts/chromium.mjs do not help
  // there.) Four, not two: the files that wait out the kit's real limits start first (above)
  // and hold a page each while the others work, on this 2-core machine 50–58 s instead of 80 s
  // for no more CPU (README, "How long it takes").
  concurrency: 4,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath() ?? undefined,
        headless: true,
        args: CHROMIUM_FLAGS,
        // Puppeteer watches every request and issue of every page over the DevTools protocol,
        // which web-test-runner never asks about (its pages talk to it over a WebSocket): the
        // browser sends the events, the renderers record them, Node parses them. Off, the
        // browser phase takes 69 CPU-s instead of 90 (measured, same run otherwise).
        networkEnabled: false,
        issuesEnabled: false,
        // Pinned, and far from UTC, so that a time read in the wrong zone shows.
        env: { ...process.env, TZ: 'Pacific/Auckland' },
      },
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  middleware: [sandbox.middleware],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    sandbox.plugin,
  ],
  reporters: [defaultReporter(), timesReporter()],
  testFramework: { config: { timeout: TEST_MS } },
  // Every test page loads test/helpers/reportable-failures.ts before the framework, so a failed
  // assertion on a DOM node is reported at once instead of hanging the run (see that file).
  testRunnerHtml: (framework) =>
    `<!DOCTYPE html><html><head></head><body>
      <script type="module" src="/test/helpers/reportable-failures.ts"></script>
      <script type="module" src="${framework}"></script>
    </body></html>`,
};
