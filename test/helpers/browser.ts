/** Launches Debian's Chromium through playwright-core for end-to-end tests, and looks at pages. */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, INSTALL_HINT, chromiumPath } from '../../scripts/chromium.mjs';
import { WAIT_MS } from './patience.js';

export const OUTPUT_DIR = new URL('../../test-output/', import.meta.url).pathname;

/** The time zone every page runs in: pinned, and far from UTC, so a time read in the wrong zone shows. */
export const TIME_ZONE = 'Pacific/Auckland';

/** Chromium with the flags these machines need, plus `args`. */
export async function launch(args: readonly string[] = []): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(`No Chromium: ${INSTALL_HINT}`);
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [...CHROMIUM_FLAGS, ...args],
    headless: true,
    env: { ...process.env, TZ: TIME_ZONE },
  });
}

/** Chromium processes by flags, while a lane shares them (see `shareBrowsers`). */
let shared: Map<string, Promise<Browser>> | null = null;

/**
 * From now on `browserFor` hands out one Chromium per set of flags to every test file of the
 * process, instead of one each; returns what closes them. A lane of scripts/node-tests.mjs
 * (several files in one process) calls it: a launch costs about a CPU-second, and every test
 * opens its pages in browser contexts of their own anyway.
 */
export function shareBrowsers(): () => Promise<void> {
  shared ??= new Map();
  return async () => {
    const browsers = [...(shared?.values() ?? [])];
    shared = null;
    await Promise.all(
      browsers.map((browser) =>
        browser.then(
          (b) => b.close(),
          () => {},
        ),
      ),
    );
  };
}

/**
 * Chromium (with `args`) for a `describe` block: the shared one while `shareBrowsers` is on (a
 * crashed one is replaced), else its own; `release` closes it if it is its own.
 */
export async function browserFor(
  args: readonly string[] = [],
): Promise<{ browser: Browser; release(): Promise<void> }> {
  if (!shared) {
    const browser = await launch(args);
    return { browser, release: () => browser.close() };
  }
  const key = args.join(' ');
  let browser = await shared.get(key)?.catch(() => null);
  if (!browser?.isConnected()) {
    const launching = launch(args);
    shared.set(key, launching);
    browser = await launching;
  }
  return { browser, release: async () => {} };
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

/** A kit event as `recordEvents` records it. */
export interface PageEvent {
  type: string;
  detail: any;
}

/**
 * Records the kit events of `types` that reach `document` on the pages `page` loads from now on
 * (call it before `goto`); returns a function that reads them, in order. An init script, so a
 * page's CSP does not stop it.
 */
export async function recordEvents(
  page: Page,
  types: readonly string[],
): Promise<() => Promise<PageEvent[]>> {
  await page.addInitScript((types) => {
    const events: PageEvent[] = [];
    (window as unknown as { __ipEvents: PageEvent[] }).__ipEvents = events;
    for (const type of types)
      document.addEventListener(type, (e) =>
        events.push({ type, detail: (e as CustomEvent).detail }),
      );
  }, types);
  return () => page.evaluate(() => (window as unknown as { __ipEvents: PageEvent[] }).__ipEvents);
}

/** The kit's elements, by tag name. */
export const KIT_TAGS: readonly string[] = [
  'ip-face-scan',
  'ip-dashboard',
  'ip-biomarker-card',
  'ip-metric-gauge',
  'ip-recommendations',
];

/**
 * Waits (up to `timeout` ms) until there are elements matching `selector` and each has one of
 * `statuses` as its `status`; fails naming the page and what each element shows.
 */
export async function waitForStatus(
  page: Page,
  selector: string,
  statuses: readonly string[] = ['ready'],
  timeout = WAIT_MS,
): Promise<void> {
  try {
    await page.waitForFunction(
      ([selector, statuses]) => {
        const els = [...document.querySelectorAll(selector)];
        return els.length > 0 && els.every((el) => statuses.includes(el.getAttribute('status')!));
      },
      [selector, statuses] as const,
      { timeout },
    );
  } catch (error) {
    const shown = await page
      .$$eval(selector, (els) => els.map((el) => `${el.localName} ${el.getAttribute('status')}`))
      .catch(() => []);
    throw new Error(
      `${page.url()}: ${selector} show ${JSON.stringify(shown)}, not all ${statuses.join(' or ')} (${(error as Error).message})`,
    );
  }
}

/** Waits (up to `timeout` ms) until each of `tags` is defined on the page. */
export const waitForDefined = (page: Page, tags: readonly string[], timeout = WAIT_MS) =>
  page.waitForFunction((tags) => tags.every((tag) => customElements.get(tag)), tags, { timeout });

/** Asserts that `page` showed no console error and no CSP violation (see `watch`), and closes it. */
export async function closeClean(
  page: Page,
  seen: { errors: readonly string[]; violations: readonly string[] },
): Promise<void> {
  assert.deepEqual(seen.violations, [], 'CSP violations');
  assert.deepEqual(seen.errors, [], 'console errors');
  await page.close();
}

/**
 * Holds back the page's requests for the kit's chunks (those matching `pattern`) until `opened`
 * (a promise, or what a function called at the first such request returns) resolves, as a slow
 * network would; calls `answered` as each one goes on.
 */
export function holdChunks(
  page: Page,
  opened: Promise<unknown> | (() => Promise<unknown>),
  answered: () => void = () => {},
  pattern = '**/assets/chunks/**',
) {
  let held: Promise<unknown> | undefined;
  return page.route(pattern, async (route) => {
    await (held ??= typeof opened === 'function' ? opened() : opened);
    answered();
    await route.continue();
  });
}
