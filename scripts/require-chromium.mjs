// Fails fast, with the install command, when there is no Chromium for the tests; says how to
// make them faster when they fall back to the desktop Chromium.
import { DESKTOP_CHROMIUM, HEADLESS_SHELL, INSTALL_HINT, chromiumPath } from './chromium.mjs';

const path = chromiumPath();
if (!path) {
  console.error(
    `No Chromium found (looked at $CHROME_PATH, ${HEADLESS_SHELL} and ${DESKTOP_CHROMIUM}).\n` +
      `Install Debian's headless Chromium:  ${INSTALL_HINT}\n` +
      `or point CHROME_PATH at a Chrome/Chromium binary.`,
  );
  process.exit(1);
}
if (path === DESKTOP_CHROMIUM && !process.env.CHROME_PATH)
  console.log(
    `Testing in ${DESKTOP_CHROMIUM}. Debian's headless shell runs the tests in about half the ` +
      `time: ${INSTALL_HINT}`,
  );
