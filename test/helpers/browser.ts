/** Launches Debian's Chromium through playwright-core for end-to-end tests. */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, INSTALL_HINT, chromiumPath } from '../../scripts/chromium.mjs';

export const OUTPUT_DIR = new URL('../../test-output/', import.meta.url).pathname;

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(`No Chromium: ${INSTALL_HINT}`);
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
}

/** Collects console errors, page errors and CSP violations of a page. */
export async function watch(page: Page): Promise<{ errors: string[]; violations: string[] }> {
  const errors: string[] = [];
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.exposeFunction('__reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return { errors, violations };
}
