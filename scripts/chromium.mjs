// Where the tests find Chromium, and the flags it needs on these machines (TOOLCHAIN.md).
import { existsSync } from 'node:fs';

/**
 * Debian's headless shell of Chromium (package chromium-headless-shell): the same Blink and V8
 * as /usr/bin/chromium, without the desktop browser around them. The tests open a browser
 * context (a window) for every test page, which costs the full browser about 0.75 CPU-s before
 * anything loads and the shell about 0.15 (measured on a 2-core machine, 20 blank pages): the
 * suite runs on it in half the time. Playwright's own headless default is this shell too.
 */
export const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
/** Debian's desktop Chromium, which the tests fall back to. */
export const DESKTOP_CHROMIUM = '/usr/bin/chromium';

export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium-headless-shell';

/** CHROME_PATH, else Debian's headless shell, else its desktop Chromium; null when none exists. */
export function chromiumPath() {
  const candidates = [process.env.CHROME_PATH, HEADLESS_SHELL, DESKTOP_CHROMIUM].filter(Boolean);
  return candidates.find((path) => existsSync(path)) ?? null;
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Several test pages run at once: no throttled timers in a page that is not in front. (A tab
  // behind another of its window is still hidden and gets no animation frames: test runners
  // open each page in a browser context, a window, of its own.)
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  // Test pages start still: many tests hold elements in loading for seconds of real time (the
  // kit's own limits), and a shine or a spinner there repaints all along — about 35 of the
  // suite's CPU-seconds, measured. The animations have tests of their own, which turn motion on
  // (test/harness/motion.test.ts, the gauge's in test/data/metric-gauge.test.ts).
  '--force-prefers-reduced-motion',
];
