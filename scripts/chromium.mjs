// Where the tests find Chromium, and the flags it needs on these machines (TOOLCHAIN.md).
import { existsSync } from 'node:fs';

export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium';

/** CHROME_PATH, else Debian's /usr/bin/chromium; null when neither exists. */
export function chromiumPath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(Boolean);
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
];
