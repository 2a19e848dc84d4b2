// Attack tests of the script-tag loader (review). Each `it` states the defect it shows.
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  recordEvents,
  waitForDefined,
  waitForStatus,
  watch,
  holdChunks,
} from '../helpers/browser.js';
import {
  CDN_PATH,
  JAVASCRIPT,
  fixtureSite,
  kitPage,
  sandboxTokens,
  shadowPanelScript,
} from '../helpers/fixture-host.js';
import { gate, poll } from '../helpers/wait.js';
import { WAIT_MS } from '../helpers/patience.js';

function cookieUser(req: IncomingMessage): string {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === 'demo_user') return decodeURIComponent(rest.join('='));
  }
  return 'demo@example.com';
}

/** Waits (up to 5 s) until the page's console has shown an error matching `pattern`. */
const consoleSays = async (errors: string[], pattern: RegExp) =>
  assert.ok(
    (await poll(() => errors.some((e) => pattern.test(e)), Boolean)) === true,
    `the console never said ${pattern}; it said: ${errors.join(' | ')}`,
  );

describe('script-tag loader', () => {
  const site = fixtureSite();
  let n = 0;
  const attackPage = (data: string, body: string, head = '') =>
    site.host.page(`/atk-${++n}.html`, kitPage(site.sandbox, body, { data, head }));
  const waitStatus = (page: Page, selector: string, status: string, timeout = WAIT_MS) =>
    waitForStatus(page, selector, [status], timeout);

  it('ip-clear-session dispatched before the kit chunk arrives does not drop the prefetched token: the next user sees the previous user\u2019s data', async () => {
    const handler = sandboxTokens(site.sandbox, cookieUser);
    /** token → the user it was issued for */
    const issued = new Map<string, string>();
    site.host.route('/api/who-token', (req: IncomingMessage, res: ServerResponse) => {
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
    const context = await site.browser.newContext();
    const page = await context.newPage();
    // A slow network for the kit's code (a phone): the token request is already out, and the
    // kit's code comes only after the page has switched user.
    const switched = () =>
      page.waitForFunction(
        () => (window as unknown as { switched?: boolean }).switched,
        undefined,
        { timeout: WAIT_MS },
      );
    await holdChunks(
      page,
      switched().catch(() => {}),
      undefined,
      '**/assets/chunks/kit-*',
    );
    const used: string[] = [];
    page.on('request', (request) => {
      const auth = request.headers()['authorization'];
      if (auth?.startsWith('Token ')) used.push(auth.slice(6));
    });
    // The page signs the user out and in as another one (its own XHR), then tells the kit —
    // exactly as CONTRACT §4 "Sessions" says to — right after the page has loaded.
    site.host.page(
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
      attackPage(
        'data-token-endpoint="/api/who-token"',
        '<ip-biomarker-card biomarker="heart_rate"></ip-biomarker-card><ip-face-scan></ip-face-scan>',
        '<script src="/switch.js"></script>',
      ),
    );
    await switched();
    await waitStatus(page, 'ip-biomarker-card', 'ready');
    await waitStatus(page, 'ip-face-scan', 'ready');
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
    /** What reached the servers, in order: each token request's purpose, and each chunk answered. */
    const order: string[] = [];
    const apiAsked = gate();
    const page = await site.browser.newPage();
    page.on('request', (r) => {
      if (new URL(r.url()).pathname !== '/api/ip-token') return;
      const { purpose } = JSON.parse(r.postData() ?? '{}');
      order.push(purpose);
      if (purpose === 'api') apiAsked.open();
    });
    // The kit's code comes once the API token is asked for (a slow network for the code).
    await holdChunks(page, apiAsked.opened, () => order.push('chunk'));
    await page.goto(
      attackPage(
        'data-token-endpoint="/api/ip-token"',
        `<ip-face-scan></ip-face-scan>
         <ip-biomarker-card biomarker="heart_rate"></ip-biomarker-card>`,
      ),
    );
    await waitStatus(page, 'ip-biomarker-card', 'ready');
    assert.ok(
      order.includes('api') && order.indexOf('api') < order.indexOf('chunk'),
      `the api token asked before the first chunk was answered; in order: ${order.join(', ')}`,
    );
    await page.close();
  });

  it('one element with an unparsable token-endpoint stops the loader: no element of the page is ever defined', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    await page.goto(
      attackPage(
        'data-token-endpoint="/api/ip-token"',
        `<ip-metric-gauge id="good" metric="mental_stress"></ip-metric-gauge>
         <ip-biomarker-card id="bad" biomarker="heart_rate" token-endpoint="https://<%= host %>/api/ip-token"></ip-biomarker-card>`,
      ),
    );
    try {
      await waitStatus(page, '#good', 'ready');
    } catch {
      const defined = await page.evaluate(() => !!customElements.get('ip-metric-gauge'));
      assert.fail(
        `the well-configured gauge never became ready (ip-metric-gauge defined: ${defined}); page errors: ${seen.errors.join(' | ')}`,
      );
    }
    // And the misconfigured one says so (as the element does by itself).
    await waitStatus(page, '#bad', 'error');
    await page.close();
  });

  it('data-token-endpoint with an unparsable URL on the script tag: elements stay blank, no status, no ip-error', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    await page.goto(
      attackPage(
        'data-token-endpoint="https://%HOST%/api/ip-token"',
        '<ip-metric-gauge metric="mental_stress"></ip-metric-gauge>',
      ),
    );
    try {
      await waitStatus(page, 'ip-metric-gauge', 'error');
    } catch {
      assert.fail(
        `the gauge never showed its error (defined: ${await page.evaluate(() => !!customElements.get('ip-metric-gauge'))}); page errors: ${seen.errors.join(' | ')}`,
      );
    }
    await page.close();
  });

  it('<html lang="constructor"> (Object.prototype key) throws in the loader: nothing is defined', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    await page.goto(
      site.host.page(
        `/atk-proto.html`,
        kitPage(site.sandbox, '<ip-metric-gauge metric="mental_stress"></ip-metric-gauge>', {
          lang: 'constructor',
        }),
      ),
    );
    try {
      await waitStatus(page, 'ip-metric-gauge', 'ready');
    } catch {
      assert.fail(`gauge never ready; page errors: ${seen.errors.join(' | ')}`);
    }
    await page.close();
  });

  it('the script included twice, the second tag\u2019s data-define is ignored: a card in a shadow root is never defined', async () => {
    const page = await site.browser.newPage();
    site.host.page('/atk-panel.js', shadowPanelScript('x-panel2'), JAVASCRIPT);
    // The theme includes the kit for its own elements; a widget block includes it again and
    // names what it creates inside its shadow root (README: "included twice" works).
    await page.goto(
      attackPage(
        'data-token-endpoint="/api/ip-token"',
        `<ip-metric-gauge metric="mental_stress"></ip-metric-gauge>
         <script src="${CDN_PATH}/intelliprove-widgets.js" data-token-endpoint="/api/ip-token"
           data-define="ip-biomarker-card"></script>
         <x-panel2></x-panel2><script src="/atk-panel.js"></script>`,
      ),
    );
    await waitStatus(page, 'ip-metric-gauge', 'ready');
    await waitForDefined(page, ['ip-biomarker-card']).catch(() =>
      assert.fail('ip-biomarker-card named in the second tag\u2019s data-define was never defined'),
    );
    await page.close();
  });

  it('a prefetched token request that hangs is never aborted: it stays open after its element gave up and was removed', async () => {
    let open = 0;
    site.host.route('/api/hang-token', (req: IncomingMessage) => {
      open++;
      req.socket.once('close', () => open--);
    });
    const page = await site.browser.newPage();
    await page.goto(
      attackPage('data-token-endpoint="/api/hang-token"', '<ip-face-scan></ip-face-scan>'),
    );
    await waitStatus(page, 'ip-face-scan', 'error');
    await page.$eval('ip-face-scan', (el) => el.remove());
    await poll(
      () => open,
      (count) => count === 0,
      3000,
    );
    assert.equal(
      open,
      0,
      `${open} token request(s) still open after the face scan failed and was removed`,
    );
    await page.close();
  });

  it('the trend-chart chunk fails (404): the card shows its reading without an empty chart box, and says why in the console', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    const events = await recordEvents(page, ['ip-error']);
    await page.route('**/assets/chunks/trend-chart-*', (route) =>
      route.fulfill({ status: 404, body: 'gone' }),
    );
    await page.goto(
      attackPage(
        'data-token-endpoint="/api/ip-token"',
        '<ip-biomarker-card biomarker="heart_rate" history="4"></ip-biomarker-card>',
      ),
    );
    await waitStatus(page, 'ip-biomarker-card', 'ready');
    await consoleSays(seen.errors, /^\[intelliprove-widgets\] The trend chart could not be loaded/);
    // The card has drawn what it shows without its trend.
    await page.$eval(
      'ip-biomarker-card',
      (el) => (el as unknown as { updateComplete: unknown }).updateComplete,
    );
    const state = await page.$eval('ip-biomarker-card', (el) => ({
      status: el.getAttribute('status'),
      canvas: !!el.shadowRoot!.querySelector('canvas'),
      drawn:
        (el.shadowRoot!.querySelector('canvas')?.width ?? 0) > 0 &&
        !!(el.shadowRoot!.querySelector('canvas') as HTMLCanvasElement & { $chartjs?: unknown })
          ?.$chartjs,
    }));
    const codes = (await events()).map((e) => e.detail.code);
    const unhandled = seen.errors.filter(
      (e) =>
        /dynamically imported module|Failed to fetch/i.test(e) &&
        !e.startsWith('[intelliprove-widgets]'),
    );
    assert.deepEqual(
      { unhandled, blankChartWhileReady: state.status === 'ready' && state.canvas && !state.drawn },
      { unhandled: [], blankChartWhileReady: false },
      `status=${state.status}, ip-error codes=${JSON.stringify(codes)}`,
    );
    await page.close();
  });

  it('the kit chunk fails (404): elements stay blank, with no status and no ip-error for the page to see', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    const events = await recordEvents(page, ['ip-error']);
    await page.route('**/assets/chunks/kit-*', (route) =>
      route.fulfill({ status: 404, body: 'gone' }),
    );
    await page.goto(
      attackPage(
        'data-token-endpoint="/api/ip-token"',
        '<ip-metric-gauge metric="mental_stress"></ip-metric-gauge>',
      ),
    );
    await consoleSays(seen.errors, /<ip-metric-gauge> could not be loaded/);
    const state = await page.$eval('ip-metric-gauge', (el) => ({
      status: el.getAttribute('status'),
      text: (el.shadowRoot?.textContent ?? el.textContent ?? '').trim(),
    }));
    assert.deepEqual(state, { status: 'error', text: 'This health widget could not be loaded.' });
    assert.deepEqual(
      (await events()).map((e) => e.detail.code),
      ['load-failed'],
    );
    await page.close();
  });

  it('a Trusted Types policy without lit-html: blank elements, and the console blames serving/script-src', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    await page.goto(
      site.host.page(
        '/atk-tt.html',
        kitPage(site.sandbox, '<ip-metric-gauge metric="mental_stress"></ip-metric-gauge>'),
        {
          'content-security-policy':
            "script-src 'self'; require-trusted-types-for 'script'; trusted-types dompurify",
        },
      ),
    );
    await waitStatus(page, 'ip-metric-gauge', 'error');
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
    const tokens = sandboxTokens(site.sandbox);
    site.host.route('/api/ctl-token', (req, res) => {
      asked++;
      void tokens.node(req, res);
    });
    const page = await site.browser.newPage();
    // The gauge's own chunk comes once the page has signed out.
    const signedOut = gate();
    await holdChunks(page, signedOut.opened, undefined, '**/assets/chunks/metric-gauge-*');
    await page.goto(
      attackPage(
        'data-token-endpoint="/api/ctl-token"',
        '<ip-metric-gauge metric="mental_stress"></ip-metric-gauge>',
      ),
    );
    // The kit chunk is here and has run (the gauge's own chunk is not): the page signs out.
    const kit = await page.waitForFunction(
      () => performance.getEntriesByType('resource').find((e) => /chunks\/kit-/.test(e.name))?.name,
      undefined,
      { timeout: WAIT_MS },
    );
    await page.evaluate(
      async (url) => {
        await import(url); // resolves once the kit's module (the loader's import of it) has run
        await new Promise((resolve) => setTimeout(resolve)); // and the loader's hand-over after it
      },
      (await kit.jsonValue()) as string,
    );
    await page.evaluate(() => document.dispatchEvent(new Event('ip-clear-session')));
    signedOut.open();
    await waitStatus(page, 'ip-metric-gauge', 'ready');
    assert.equal(asked, 2, 'the prefetch was dropped, the gauge asked again');
    await page.close();
  });
});
