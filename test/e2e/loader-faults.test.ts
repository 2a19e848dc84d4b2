// Attack tests of the script-tag loader (review). Each `it` states the defect it shows.
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { startSandbox, type Sandbox } from '../../demo/sandbox/index.js';
import { createTokenHandler } from '../../src/server/index.js';
import { launch, watch } from '../helpers/browser.js';
import { CDN_PATH, startFixtureHost, type FixtureHost } from '../helpers/fixture-host.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function cookieUser(req: IncomingMessage): string {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === 'demo_user') return decodeURIComponent(rest.join('='));
  }
  return 'demo@example.com';
}

describe('script-tag loader', () => {
  let sandbox: Sandbox;
  let host: FixtureHost;
  let browser: Browser;
  let n = 0;
  const kitPage = (data: string, body: string, head = '') =>
    host.page(
      `/atk-${++n}.html`,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Attack</title>
      <link rel="icon" href="/favicon.svg">
      <script src="/assets/intelliprove-widgets.js" data-api-base="${sandbox.engine.url}"
        data-allowed-origins="${sandbox.plugins.url}" ${data}></script>${head}</head>
      <body>${body}</body></html>`,
    );
  const waitStatus = (page: Page, selector: string, status: string, timeout = 12_000) =>
    page.waitForFunction(
      ([s, st]) => document.querySelector(s!)?.getAttribute('status') === st,
      [selector, status],
      { timeout },
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

  it('ip-clear-session dispatched before the kit chunk arrives does not drop the prefetched token: the next user sees the previous user\u2019s data', async () => {
    const handler = createTokenHandler({
      apiKey: SANDBOX_API_KEY,
      apiBase: sandbox.engine.url,
      getUser: (req) => cookieUser(req as IncomingMessage),
    });
    /** token → the user it was issued for */
    const issued = new Map<string, string>();
    host.route('/api/who-token', (req: IncomingMessage, res: ServerResponse) => {
      const user = cookieUser(req);
      const end = res.end.bind(res);
      const chunks: Buffer[] = [];
      const write = res.write.bind(res);
      res.write = ((c: Buffer | string, ...rest: never[]) => {
        chunks.push(Buffer.from(c));
        return write(c, ...rest);
      }) as typeof res.write;
      res.end = ((c?: Buffer | string, ...rest: never[]) => {
        if (c && typeof c !== 'function') chunks.push(Buffer.from(c));
        try {
          const answer = JSON.parse(Buffer.concat(chunks).toString());
          if (answer.token) issued.set(answer.token, user);
          if (answer.url) issued.set(answer.url, user);
        } catch {
          /* not JSON */
        }
        return end(c as never, ...rest);
      }) as typeof res.end;
      void handler.node(req, res);
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    // A slow network for the kit's code (a phone): the token request is already out.
    await page.route('**/assets/chunks/kit-*', async (route) => {
      await sleep(1500);
      await route.continue();
    });
    const used: string[] = [];
    page.on('request', (request) => {
      const auth = request.headers()['authorization'];
      if (auth?.startsWith('Token ')) used.push(auth.slice(6));
    });
    // The page signs the user out and in as another one (its own XHR), then tells the kit —
    // exactly as CONTRACT §4 "Sessions" says to — right after the page has loaded.
    host.page(
      '/switch.js',
      `document.addEventListener('DOMContentLoaded', async () => {
        await fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: 'amy@example.com' }) });
        document.dispatchEvent(new Event('ip-clear-session'));
        window.switched = true;
      });`,
      { 'content-type': 'text/javascript' },
    );
    await page.goto(
      kitPage(
        'data-token-endpoint="/api/who-token"',
        '<ip-biomarker-card biomarker="heart_rate"></ip-biomarker-card><ip-face-scan></ip-face-scan>',
        '<script src="/switch.js"></script>',
      ),
    );
    await page.waitForFunction(
      () => (window as unknown as { switched?: boolean }).switched,
      undefined,
      {
        timeout: 5000,
      },
    );
    await waitStatus(page, 'ip-biomarker-card', 'ready', 15_000);
    await waitStatus(page, 'ip-face-scan', 'ready', 15_000);
    const frame = await page.$eval(
      'ip-face-scan',
      (el) => el.shadowRoot!.querySelector('iframe')!.src,
    );
    const users = used.map((token) => issued.get(token) ?? '?');
    assert.ok(users.length > 0, 'the card read the API');
    assert.deepEqual(
      { card: [...new Set(users)], faceScan: issued.get(frame) ?? '?' },
      { card: ['amy@example.com'], faceScan: 'amy@example.com' },
      `after the switch and ip-clear-session, whose token the card read with and whose plug-in session the face scan shows; issued: ${JSON.stringify([...issued.values()])}, used: ${used.length}`,
    );
    await context.close();
  });

  it('a face scan before the cards (README / cms.html order) stops the API token prefetch: the cards’ token waits for their code', async () => {
    const bodies: { at: number; purpose: string }[] = [];
    const page = await browser.newPage();
    const answered: number[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/ip-token')
        bodies.push({ at: Date.now(), purpose: JSON.parse(r.postData() ?? '{}').purpose });
    });
    await page.route('**/assets/chunks/**', async (route) => {
      await sleep(600);
      answered.push(Date.now());
      await route.continue();
    });
    await page.goto(
      kitPage(
        'data-token-endpoint="/api/ip-token"',
        `<ip-face-scan></ip-face-scan>
         <ip-biomarker-card biomarker="heart_rate"></ip-biomarker-card>`,
      ),
    );
    await waitStatus(page, 'ip-biomarker-card', 'ready', 15_000);
    const api = bodies.find((b) => b.purpose === 'api');
    assert.ok(api, 'an api token was asked');
    assert.ok(
      api.at < Math.min(...answered),
      `the api token was asked ${api.at - Math.min(...answered)} ms after the first chunk was answered (purposes in order: ${bodies.map((b) => b.purpose).join(', ')})`,
    );
    await page.close();
  });

  it('one element with an unparsable token-endpoint stops the loader: no element of the page is ever defined', async () => {
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.goto(
      kitPage(
        'data-token-endpoint="/api/ip-token"',
        `<ip-metric-gauge id="good" metric="mental_stress"></ip-metric-gauge>
         <ip-biomarker-card id="bad" biomarker="heart_rate" token-endpoint="https://<%= host %>/api/ip-token"></ip-biomarker-card>`,
      ),
    );
    try {
      await waitStatus(page, '#good', 'ready', 10_000);
    } catch {
      const defined = await page.evaluate(() => !!customElements.get('ip-metric-gauge'));
      assert.fail(
        `the well-configured gauge never became ready (ip-metric-gauge defined: ${defined}); page errors: ${seen.errors.join(' | ')}`,
      );
    }
    // And the misconfigured one says so (as the element does by itself).
    await waitStatus(page, '#bad', 'error', 5_000);
    await page.close();
  });

  it('data-token-endpoint with an unparsable URL on the script tag: elements stay blank, no status, no ip-error', async () => {
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.goto(
      kitPage(
        'data-token-endpoint="https://%HOST%/api/ip-token"',
        '<ip-metric-gauge metric="mental_stress"></ip-metric-gauge>',
      ),
    );
    try {
      await waitStatus(page, 'ip-metric-gauge', 'error', 10_000);
    } catch {
      assert.fail(
        `the gauge never showed its error (defined: ${await page.evaluate(() => !!customElements.get('ip-metric-gauge'))}); page errors: ${seen.errors.join(' | ')}`,
      );
    }
    await page.close();
  });

  it('<html lang="constructor"> (Object.prototype key) throws in the loader: nothing is defined', async () => {
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.goto(
      host.page(
        `/atk-proto.html`,
        `<!doctype html><html lang="constructor"><head><meta charset="utf-8"><title>x</title>
        <link rel="icon" href="/favicon.svg">
        <script src="/assets/intelliprove-widgets.js" data-api-base="${sandbox.engine.url}"
          data-token-endpoint="/api/ip-token"></script></head>
        <body><ip-metric-gauge metric="mental_stress"></ip-metric-gauge></body></html>`,
      ),
    );
    try {
      await waitStatus(page, 'ip-metric-gauge', 'ready', 10_000);
    } catch {
      assert.fail(`gauge never ready; page errors: ${seen.errors.join(' | ')}`);
    }
    await page.close();
  });

  it('the script included twice, the second tag\u2019s data-define is ignored: a card in a shadow root is never defined', async () => {
    const page = await browser.newPage();
    host.page(
      '/atk-panel.js',
      `customElements.define('x-panel2', class extends HTMLElement {
        connectedCallback() {
          const root = this.attachShadow({ mode: 'open' });
          const card = document.createElement('ip-biomarker-card');
          card.setAttribute('biomarker', 'heart_rate');
          root.append(card);
        }
      });`,
      { 'content-type': 'text/javascript; charset=utf-8' },
    );
    // The theme includes the kit for its own elements; a widget block includes it again and
    // names what it creates inside its shadow root (README: "included twice" works).
    await page.goto(
      kitPage(
        'data-token-endpoint="/api/ip-token"',
        `<ip-metric-gauge metric="mental_stress"></ip-metric-gauge>
         <script src="${CDN_PATH}/intelliprove-widgets.js" data-token-endpoint="/api/ip-token"
           data-define="ip-biomarker-card"></script>
         <x-panel2></x-panel2><script src="/atk-panel.js"></script>`,
      ),
    );
    await waitStatus(page, 'ip-metric-gauge', 'ready');
    const defined = await page.evaluate(() =>
      Promise.race([
        customElements.whenDefined('ip-biomarker-card').then(() => true),
        new Promise((r) => setTimeout(() => r(false), 4000)),
      ]),
    );
    assert.equal(
      defined,
      true,
      'ip-biomarker-card named in the second tag\u2019s data-define was never defined',
    );
    await page.close();
  });

  it('a prefetched token request that hangs is never aborted: it stays open after its element gave up and was removed', async () => {
    let open = 0;
    host.route('/api/hang-token', (req: IncomingMessage) => {
      open++;
      req.socket.once('close', () => open--);
    });
    const page = await browser.newPage();
    await page.goto(
      kitPage('data-token-endpoint="/api/hang-token"', '<ip-face-scan></ip-face-scan>'),
    );
    await waitStatus(page, 'ip-face-scan', 'error', 15_000);
    await page.$eval('ip-face-scan', (el) => el.remove());
    await sleep(1500);
    assert.equal(
      open,
      0,
      `${open} token request(s) still open after the face scan failed and was removed`,
    );
    await page.close();
  });

  it('the trend-chart chunk fails (404): the card shows its reading without an empty chart box, and says why in the console', async () => {
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.route('**/assets/chunks/trend-chart-*', (route) =>
      route.fulfill({ status: 404, body: 'gone' }),
    );
    await page.goto(
      kitPage(
        'data-token-endpoint="/api/ip-token"',
        '<ip-biomarker-card biomarker="heart_rate" history="4"></ip-biomarker-card>',
      ),
    );
    await page.evaluate(() => {
      (window as unknown as { codes: string[] }).codes = [];
      document.addEventListener('ip-error', (e) =>
        (window as unknown as { codes: string[] }).codes.push((e as CustomEvent).detail.code),
      );
    });
    await page.waitForFunction(
      () =>
        ['ready', 'error'].includes(
          document.querySelector('ip-biomarker-card')?.getAttribute('status') ?? '',
        ),
      undefined,
      { timeout: 12_000 },
    );
    await sleep(1000);
    const state = await page.$eval('ip-biomarker-card', (el) => ({
      status: el.getAttribute('status'),
      canvas: !!el.shadowRoot!.querySelector('canvas'),
      drawn:
        (el.shadowRoot!.querySelector('canvas')?.width ?? 0) > 0 &&
        !!(el.shadowRoot!.querySelector('canvas') as HTMLCanvasElement & { $chartjs?: unknown })
          ?.$chartjs,
      codes: (window as unknown as { codes: string[] }).codes,
    }));
    const unhandled = seen.errors.filter(
      (e) =>
        /dynamically imported module|Failed to fetch/i.test(e) &&
        !e.startsWith('[intelliprove-widgets]'),
    );
    assert.ok(
      seen.errors.some((e) =>
        e.startsWith('[intelliprove-widgets] The trend chart could not be loaded'),
      ),
      'the console names the fix',
    );
    assert.deepEqual(
      { unhandled, blankChartWhileReady: state.status === 'ready' && state.canvas && !state.drawn },
      { unhandled: [], blankChartWhileReady: false },
      `status=${state.status}, ip-error codes=${JSON.stringify(state.codes)}`,
    );
    await page.close();
  });

  it('the kit chunk fails (404): elements stay blank, with no status and no ip-error for the page to see', async () => {
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.route('**/assets/chunks/kit-*', (route) =>
      route.fulfill({ status: 404, body: 'gone' }),
    );
    await page.addInitScript(() => {
      (window as unknown as { codes: string[] }).codes = [];
      document.addEventListener('ip-error', (e) =>
        (window as unknown as { codes: string[] }).codes.push((e as CustomEvent).detail.code),
      );
    });
    await page.goto(
      kitPage(
        'data-token-endpoint="/api/ip-token"',
        '<ip-metric-gauge metric="mental_stress"></ip-metric-gauge>',
      ),
    );
    await sleep(3000);
    const state = await page.$eval('ip-metric-gauge', (el) => ({
      status: el.getAttribute('status'),
      text: (el.shadowRoot?.textContent ?? el.textContent ?? '').trim(),
      codes: (window as unknown as { codes: string[] }).codes,
    }));
    assert.ok(
      seen.errors.some((e) => /could not be loaded/.test(e)),
      'the console says so',
    );
    assert.ok(
      state.status === 'error' || state.codes.length > 0,
      `status=${state.status}, text="${state.text}", ip-error codes=${JSON.stringify(state.codes)}`,
    );
    await page.close();
  });

  it('a Trusted Types policy without lit-html: blank elements, and the console blames serving/script-src', async () => {
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.goto(
      host.page(
        '/atk-tt.html',
        `<!doctype html><html><head><link rel="icon" href="/favicon.svg"><script src="/assets/intelliprove-widgets.js"
          data-token-endpoint="/api/ip-token" data-api-base="${sandbox.engine.url}"></script></head>
          <body><ip-metric-gauge metric="mental_stress"></ip-metric-gauge></body></html>`,
        {
          'content-security-policy':
            "script-src 'self'; require-trusted-types-for 'script'; trusted-types dompurify",
        },
      ),
    );
    await sleep(2500);
    const kit = seen.errors.filter((e) => e.startsWith('[intelliprove-widgets]'));
    assert.ok(kit.length > 0);
    assert.ok(
      kit.every((e) => /trusted-types/i.test(e.split(' TypeError')[0]!)),
      `the kit's own advice: ${kit.map((e) => e.split(' TypeError')[0]).join(' | ')}`,
    );
    await page.close();
  });

  it('ip-clear-session after the kit is here drops the prefetched token (control)', async () => {
    let asked = 0;
    host.route('/api/ctl-token', (req, res) => {
      asked++;
      void createTokenHandler({
        apiKey: SANDBOX_API_KEY,
        apiBase: sandbox.engine.url,
        getUser: () => 'demo@example.com',
      }).node(req, res);
    });
    const page = await browser.newPage();
    await page.route('**/assets/chunks/metric-gauge-*', async (route) => {
      await sleep(1000);
      await route.continue();
    });
    await page.goto(
      kitPage(
        'data-token-endpoint="/api/ctl-token"',
        '<ip-metric-gauge metric="mental_stress"></ip-metric-gauge>',
      ),
    );
    // The kit chunk is here (the gauge's own chunk is not): the page signs out.
    await page.waitForFunction(
      () =>
        performance
          .getEntriesByType('resource')
          .some(
            (e) => /chunks\/kit-/.test(e.name) && (e as PerformanceResourceTiming).responseEnd > 0,
          ),
      undefined,
      { timeout: 5000 },
    );
    await sleep(100);
    await page.evaluate(() => document.dispatchEvent(new Event('ip-clear-session')));
    await waitStatus(page, 'ip-metric-gauge', 'ready');
    assert.equal(asked, 2, 'the prefetch was dropped, the gauge asked again');
    await page.close();
  });
});
