/**
 * What the framework app tests share: the sandbox (whose demo host serves each built app at
 * /<name>/ under its strict CSP), Chromium, a census of what the kit leaves on a page, and
 * the ways the tests look at a page: the text a kit element shows, the requests that went over
 * the wire, the face-scan plug-in's frame.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, Frame, Page } from 'playwright-core';
import { DEFAULT_USER } from '../../demo/host/host.js';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { startSandbox, type Sandbox } from '../../demo/sandbox/index.js';
import { launch, watch } from './browser.js';
import { call } from './http.js';

export interface AppSession {
  sandbox: Sandbox;
  browser: Browser;
  /** Opens `path` of the app (e.g. '/vue/') in a new page, watching its console and CSP. */
  open(path: string): Promise<{ page: Page; errors: string[]; violations: string[] }>;
  close(): Promise<void>;
}

export async function startAppSession(name: 'vue' | 'react' | 'angular'): Promise<AppSession> {
  const index = fileURLToPath(new URL(`../../demo/${name}/dist/index.html`, import.meta.url));
  assert.ok(existsSync(index), `demo/${name} is not built: run \`npm run demo:frameworks\`.`);
  const sandbox = await startSandbox({ scanSeconds: 1, checkSeconds: 0.2 });
  const browser = await launch();
  return {
    sandbox,
    browser,
    async open(path) {
      const page = await browser.newPage();
      const seen = await watch(page);
      // tsx names the functions it compiles; evaluated code needs its helper in the page.
      await page.addInitScript('window.__name = (f) => f');
      await page.goto(sandbox.host.url + path);
      return { page, ...seen };
    },
    async close() {
      await browser.close();
      await sandbox.close();
    },
  };
}

export interface KitCensus {
  /** iframes anywhere in the page, shadow roots included. */
  iframes: number;
  /** `message` listeners on window (the kit's plug-in bridge adds one while a plug-in lives). */
  messageListeners: number;
  /** The kit's page-wide subscriptions: scan-complete and configure() listeners. */
  scanListeners: number;
  configListeners: number;
  /** Connected kit elements. */
  elements: number;
}

/** Counts what the kit holds on the page, to compare before mounting and after unmounting. */
export async function census(page: Page): Promise<KitCensus> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId!,
    });
    const counts = await page.evaluate(() => {
      const all = (root: Document | ShadowRoot): Element[] =>
        [...root.querySelectorAll('*')].flatMap((el) =>
          el.shadowRoot ? [el, ...all(el.shadowRoot)] : [el],
        );
      const elements = all(document);
      const held = globalThis as unknown as Record<symbol, unknown>;
      const scan = held[Symbol.for('intelliprove-widgets.scan-signal')] as Set<unknown> | undefined;
      const config = held[Symbol.for('intelliprove-widgets.config')] as
        { listeners: Set<unknown> } | undefined;
      return {
        iframes: elements.filter((el) => el.localName === 'iframe').length,
        scanListeners: scan?.size ?? 0,
        configListeners: config?.listeners.size ?? 0,
        elements: elements.filter((el) => el.localName.startsWith('ip-')).length,
      };
    });
    return {
      ...counts,
      messageListeners: listeners.filter((l) => l.type === 'message').length,
    };
  } finally {
    await cdp.detach();
  }
}

/**
 * Waits (up to 3 s) until the kit's census matches `expected` in the fields it names, then
 * asserts it: after an unmount, `settlesTo(page, baseline)` checks that nothing is left behind.
 */
export async function settlesTo(page: Page, expected: Partial<KitCensus>): Promise<void> {
  const pick = (all: KitCensus) =>
    Object.fromEntries(Object.keys(expected).map((key) => [key, all[key as keyof KitCensus]]));
  const now = await poll(
    async () => pick(await census(page)),
    (now) => isDeepStrictEqual(now, expected),
    3_000,
  );
  assert.deepEqual(now, expected);
}

/** Waits (up to 10 s) until every card and gauge on the page has `status="ready"`. */
export const waitForReady = (page: Page) =>
  page.waitForFunction(
    () =>
      [...document.querySelectorAll('ip-biomarker-card, ip-metric-gauge')].every(
        (el) => el.getAttribute('status') === 'ready',
      ),
    undefined,
    { timeout: 10_000 },
  );

/**
 * What a user sees in each element matching `selector` (document order, light DOM): the
 * `innerText` of its shadow `[part="base"]`, whitespace collapsed; '' while it has none.
 */
export const shownTexts = (page: Page, selector: string): Promise<string[]> =>
  page.evaluate(
    (selector) =>
      [...document.querySelectorAll(selector)].map((el) => {
        const base = el.shadowRoot?.querySelector<HTMLElement>('[part="base"]');
        return base ? base.innerText.replace(/\s+/g, ' ').trim() : '';
      }),
    selector,
  );

/** What a user sees in the `index`th element matching `selector` (see `shownTexts`). */
export const shownText = async (page: Page, selector: string, index = 0): Promise<string> =>
  (await shownTexts(page, selector))[index] ?? '';

/**
 * Waits (up to 5 s) until the `index`th element matching `selector` shows text matching
 * `pattern`, and returns that text; fails showing what it shows if it never does.
 */
export async function waitForShown(
  page: Page,
  selector: string,
  pattern: RegExp,
  index = 0,
): Promise<string> {
  const text = await poll(
    () => shownText(page, selector, index),
    (text) => pattern.test(text),
  );
  assert.match(
    text,
    pattern,
    `${selector} #${index} shows ${JSON.stringify(text)}, not ${pattern}`,
  );
  return text;
}

/**
 * Waits (up to 5 s) until exactly as many elements match `selector` as there are `patterns`
 * and each shows text matching its pattern, in document order; returns their texts, or fails
 * showing what they show.
 */
export async function waitForAllShown(
  page: Page,
  selector: string,
  patterns: readonly RegExp[],
): Promise<string[]> {
  const matches = (texts: string[]) =>
    texts.length === patterns.length && patterns.every((pattern, n) => pattern.test(texts[n]!));
  const texts = await poll(() => shownTexts(page, selector), matches);
  assert.ok(
    matches(texts),
    `${selector} show ${JSON.stringify(texts)}, expected ${patterns.join(', ')}`,
  );
  return texts;
}

/** A request the page sent, as `recordRequests` records it. */
export interface SentRequest {
  method: string;
  url: URL;
  /** The URL's path (`url.pathname`). */
  path: string;
  /** The body parsed as JSON; its raw text if it is not JSON; null without a body. */
  body: any;
  /** The request's Authorization header, if it had one. */
  authorization: string | undefined;
}

/**
 * Records every request the page sends from now on, in order, into the array it returns (which
 * keeps filling; empty it with `length = 0` to start afresh).
 */
export function recordRequests(page: Page): SentRequest[] {
  const sent: SentRequest[] = [];
  page.on('request', (request) => {
    const data = request.postData();
    let body: unknown = null;
    try {
      body = JSON.parse(data ?? 'null');
    } catch {
      body = data;
    }
    const url = new URL(request.url());
    sent.push({
      method: request.method(),
      url,
      path: url.pathname,
      body,
      authorization: request.headers()['authorization'],
    });
  });
  return sent;
}

/** The bodies of the POST requests among `sent` to `path` (a token endpoint, say), in order. */
export const postedTo = (sent: readonly SentRequest[], path: string): any[] =>
  sent.filter((r) => r.method === 'POST' && r.path === path).map((r) => r.body);

/** Waits (up to 5 s) for a frame of the page loaded from `origin`: the face-scan plug-in's. */
export async function pluginFrame(page: Page, origin: string): Promise<Frame> {
  const frame = await poll(
    () => page.frames().find((f) => f.url().startsWith(origin)),
    (frame) => frame !== undefined,
  );
  assert.ok(frame, `no plug-in frame from ${origin}`);
  return frame;
}

/** The id of the latest face scan the sandbox engine holds for `user` (the demo host's user). */
export async function latestScanId(sandbox: Sandbox, user = DEFAULT_USER): Promise<string> {
  const latest = await call(
    sandbox.engine.url,
    'GET',
    `/v2/face-scans/latest?external_user_id=${encodeURIComponent(user)}`,
    { key: SANDBOX_API_KEY },
  );
  return latest.body[0].face_scan_id;
}

/** Reads every 50 ms until `done` holds of what `read` gave or `timeout` ms pass; the last read. */
async function poll<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeout = 5_000,
): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await delay(50);
    value = await read();
  }
  return value;
}
