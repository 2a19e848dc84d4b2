// Fails fast, with the install command, when there is no Chromium for the tests.
import { INSTALL_HINT, chromiumPath } from './chromium.mjs';

if (!chromiumPath()) {
  console.error(
    `No Chromium found (looked at $CHROME_PATH and /usr/bin/chromium).\n` +
      `Install Debian's Chromium:  ${INSTALL_HINT}\n` +
      `or point CHROME_PATH at a Chrome/Chromium binary.`,
  );
  process.exit(1);
}
