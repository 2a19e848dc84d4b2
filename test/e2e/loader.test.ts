// The script-tag loader and its one build: what it starts at once, what it hands on, and what
// a page can ask of it (data-define), under Trusted Types with the README's CSP.
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { startSandbox, type Sandbox } from '../../demo/sandbox/index.js';
import { createTokenHandler } from '../../src/server/index.js';
import { launch, watch } from '../helpers/browser.js';
import { startFixtureHost, type FixtureHost } from '../helpers/fixture-host.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const statusOf = (page: Page, selector: string) =>
  page.$eval(selector, (el) => el.getAttribute('status'));

describe('the script-tag loader', () => {
  let sandbox: Sandbox;
  let host: FixtureHost;
  let browser: Browser;
  /** A page of the fixture host with the kit's tag (`data`: its data-* attributes) and `body`. */
  const kitPage = (path: string, data: string, body: string, headers = {}) =>
    host.page(
      path,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loader</title>
      <link rel="icon" href="/favicon.svg">
      <script src="/assets/intelliprove-widgets.js" data-api-base="${sandbox.engine.url}"
        data-allowed-origins="${sandbox.plugins.url}" ${data}></script></head>
      <body>${body}</body></html>`,
      headers,
    );

  before(async () => {
    sandbox = await startSandbox();
    host = await startFixtureHost(sandbox);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await host?.close();
    await sandbox?.close();
  });

  it('asks for the token while the code is on its way: it reaches the server before any chunk is answered', async () => {
    const tokens = createTokenHandler({
      apiKey: SANDBOX_API_KEY,
      apiBase: sandbox.engine.url,
      getUser: () => 'demo@example.com',
    });
    const arrivals: number[] = [];
    host.route('/api/timed-token', (req: IncomingMessage, res: ServerResponse) => {
      arrivals.push(Date.now());
      void tokens.node(req, res);
    });
    const page = await browser.newPage();
    const answered: number[] = [];
    await page.route('**/assets/chunks/**', async (route) => {
      await sleep(600);
      answered.push(Date.now());
      await route.continue();
    });
    await page.goto(
      kitPage(
        '/early-token.html',
        'data-token-endpoint="/api/timed-token"',
        `<ip-biomarker-card biomarker="heart_rate"></ip-biomarker-card>
         <ip-metric-gauge metric="mental_stress"></ip-metric-gauge>`,
      ),
    );
    await page.waitForFunction(() =>
      [...document.querySelectorAll('ip-biomarker-card, ip-metric-gauge')].every(
        (el) => el.getAttribute('status') === 'ready',
      ),
    );
    assert.equal(arrivals.length, 1, 'one token request, handed to both elements');
    assert.ok(answered.length > 0);
    assert.ok(
      arrivals[0]! < Math.min(...answered),
      `the token arrived ${Math.min(...answered) - arrivals[0]!} ms before the first chunk was answered`,
    );
    await page.close();
  });

  for (const [first, second] of [
    ['ip-biomarker-card biomarker="heart_rate"', 'ip-metric-gauge metric="mental_stress"'],
    ['ip-metric-gauge metric="mental_stress"', 'ip-biomarker-card biomarker="heart_rate"'],
  ] as const) {
    it(`reports a signed-out user alike on every element: <${first.split(' ')[0]}> first, then <${second.split(' ')[0]}>`, async () => {
      let asked = 0;
      host.route('/api/signed-out', (_req, res) => {
        asked++;
        setTimeout(() => {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end('{"error":"unauthenticated","message":"Sign in first."}');
        }, 400);
      });
      const page = await browser.newPage();
      const seen = await watch(page);
      await page.goto(
        kitPage(`/signed-out-${asked}.html`, 'data-token-endpoint="/api/signed-out"', ''),
      );
      await page.evaluate(() => {
        (window as unknown as { failures: unknown[] }).failures = [];
        document.addEventListener('ip-error', (e) =>
          (window as unknown as { failures: unknown[] }).failures.push((e as CustomEvent).detail),
        );
      });
      const insert = (tag: string) =>
        page.evaluate(
          (html) =>
            document.body.insertAdjacentHTML('beforeend', `<${html}></${html.split(' ')[0]}>`),
          tag,
        );
      await insert(first); // after the page has loaded
      await sleep(150);
      await insert(second); // later, while the first one's token request is still out
      await page.waitForFunction(
        () => (window as unknown as { failures: unknown[] }).failures.length === 2,
      );
      const failures = await page.evaluate(
        () => (window as unknown as { failures: unknown[] }).failures,
      );
      for (const failure of failures)
        assert.deepEqual(
          { ...(failure as object), message: undefined },
          { code: 'token-endpoint-failed', status: 401, message: undefined },
        );
      const texts = await page.$$eval('ip-biomarker-card, ip-metric-gauge', (els) =>
        els.map((el) => el.shadowRoot!.textContent),
      );
      for (const text of texts) assert.match(text!, /Please sign in first/);
      assert.ok(
        seen.errors.every((e) => /answered 401|status of 401/.test(e)),
        seen.errors.join('\n'),
      );
      await page.close();
    });
  }

  it('works under Trusted Types with the README CSP (trusted-types lit-html): every element, zero violations', async () => {
    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self'; " +
      `frame-src ${sandbox.plugins.url} https://*.intelliprove.com; ` +
      `connect-src 'self' ${sandbox.engine.url}; img-src 'self' data:; ` +
      "require-trusted-types-for 'script'; trusted-types lit-html";
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.goto(
      kitPage(
        '/trusted-types.html',
        'data-token-endpoint="/api/ip-token"',
        `<ip-face-scan></ip-face-scan><ip-dashboard></ip-dashboard>
         <ip-biomarker-card biomarker="heart_rate" history="4"></ip-biomarker-card>
         <ip-metric-gauge metric="mental_stress"></ip-metric-gauge>`,
        { 'content-security-policy': csp },
      ),
    );
    await page.waitForFunction(
      () =>
        [
          ...document.querySelectorAll(
            'ip-face-scan, ip-dashboard, ip-biomarker-card, ip-metric-gauge',
          ),
        ].every((el) => el.getAttribute('status') === 'ready'),
      undefined,
      { timeout: 15_000 },
    );
    await page.waitForFunction(
      () => document.querySelector('ip-biomarker-card')!.shadowRoot!.querySelector('canvas')?.width,
    );
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('data-define="ip-biomarker-card" defines the card at once: one inside another element\'s shadow root shows its value', async () => {
    const page = await browser.newPage();
    const seen = await watch(page);
    host.page(
      '/panel.js',
      `customElements.define('x-panel', class extends HTMLElement {
        connectedCallback() {
          const root = this.attachShadow({ mode: 'open' });
          const card = document.createElement('ip-biomarker-card');
          card.setAttribute('biomarker', 'heart_rate');
          root.append(card);
        }
      });`,
      { 'content-type': 'text/javascript; charset=utf-8' },
    );
    await page.goto(
      kitPage(
        '/shadow.html',
        'data-token-endpoint="/api/ip-token" data-define="ip-biomarker-card"',
        '<x-panel></x-panel><script src="/panel.js"></script>',
      ),
    );
    const text = await page.waitForFunction(() => {
      const card = document
        .querySelector('x-panel')!
        .shadowRoot!.querySelector('ip-biomarker-card')!;
      return card.getAttribute('status') === 'ready' && card.shadowRoot!.textContent;
    });
    assert.match(String(await text.jsonValue()), /Heart rate\s*\d+\s*bpm/);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('data-define="all": customElements.whenDefined resolves on a page without any of the tags', async () => {
    const page = await browser.newPage();
    await page.goto(
      kitPage('/empty.html', 'data-token-endpoint="/api/ip-token" data-define="all"', ''),
    );
    const defined = await page.evaluate(() =>
      Promise.race([
        Promise.all(
          ['ip-face-scan', 'ip-dashboard', 'ip-biomarker-card', 'ip-metric-gauge'].map((tag) =>
            customElements.whenDefined(tag).then(() => tag),
          ),
        ),
        new Promise<string[]>((resolve) => setTimeout(() => resolve([]), 5000)),
      ]),
    );
    assert.equal(defined.length, 4);
    // Without it, a page without the tags loads nothing but the loader.
    const bare = await browser.newPage();
    const files: string[] = [];
    bare.on(
      'request',
      (r) => r.url().includes('/assets/') && files.push(new URL(r.url()).pathname),
    );
    await bare.goto(kitPage('/bare.html', 'data-token-endpoint="/api/ip-token"', '<p>Nothing</p>'));
    await bare.waitForLoadState('networkidle');
    assert.deepEqual(files, ['/assets/intelliprove-widgets.js']);
    assert.equal(await statusOf(page, 'body').catch(() => null), null);
    await page.close();
    await bare.close();
  });
});
