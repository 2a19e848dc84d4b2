/**
 * What the framework app tests share: the sandbox (whose demo host serves each built app at
 * /<name>/ under its strict CSP), Chromium, and a census of what the kit leaves on a page.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../demo/sandbox/index.js';
import { launch, watch } from './browser.js';

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
