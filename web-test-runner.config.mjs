// Browser tests in Debian's headless Chromium against real sandbox servers (TOOLCHAIN.md).
// Run through tsx (see package.json) so this file can import the TypeScript sandbox.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_FLAGS, chromiumPath } from './scripts/chromium.mjs';
import { BROWSER_FOLDERS } from './scripts/test-files.mjs';
import { TEST_MS } from './test/helpers/patience.ts';
import { sandboxServers } from './test/helpers/wtr-sandbox.ts';

const sandbox = sandboxServers();

export default {
  files: [`test/{${BROWSER_FOLDERS.join(',')}}/**/*.test.ts`],
  nodeResolve: true,
  // Two test pages at once, each in a browser context of its own: a context is a window of its
  // own, so both pages are visible and focused. (Two tabs of one window would not be: headless
  // Chromium hides the background tab and gives it no requestAnimationFrame, which chart.js and
  // open-wc's fixture() wait on; the background-tab flags in scripts/chromium.mjs do not help
  // there.)
  concurrency: 2,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath() ?? undefined,
        headless: true,
        args: CHROMIUM_FLAGS,
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
  testFramework: { config: { timeout: TEST_MS } },
  // Every test page loads test/helpers/reportable-failures.ts before the framework, so a failed
  // assertion on a DOM node is reported at once instead of hanging the run (see that file).
  testRunnerHtml: (framework) =>
    `<!DOCTYPE html><html><head></head><body>
      <script type="module" src="/test/helpers/reportable-failures.ts"></script>
      <script type="module" src="${framework}"></script>
    </body></html>`,
};
