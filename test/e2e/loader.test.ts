// The script-tag loader and its one build: what it starts at once, what it hands on, and what
// a page can ask of it (data-define), under Trusted Types with the README's CSP.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import {
  KIT_TAGS,
  recordEvents,
  waitForDefined,
  waitForStatus,
  watch,
  closeClean,
  holdChunks,
} from '../helpers/browser.js';
import {
  JAVASCRIPT,
  fixtureSite,
  kitPage,
  sandboxTokens,
  shadowPanelScript,
} from '../helpers/fixture-host.js';
import { gate, waitFor } from '../helpers/wait.js';

describe('the script-tag loader', () => {
  const site = fixtureSite();
  /** A page of the fixture host at `path` with the kit's tag (`data`: its data-* attributes). */
  const loaderPage = (path: string, data: string, body: string, headers = {}) =>
    site.host.page(path, kitPage(site.sandbox, body, { data }), headers);

  it('asks for the token while the code is on its way: it reaches the server before any chunk is answered', async () => {
    const tokens = sandboxTokens(site.sandbox);
    /** What reached the servers, in order: the token request, and each chunk answered. */
    const order: string[] = [];
    const tokenAsked = gate();
    site.host.route('/api/timed-token', (req, res) => {
      order.push('token');
      tokenAsked.open();
      void tokens.node(req, res);
    });
    const page = await site.browser.newPage();
    // The kit's code comes once the token request is here (a slow network for the code).
    await holdChunks(page, tokenAsked.opened, () => order.push('chunk'));
    await page.goto(
      loaderPage(
        '/early-token.html',
        'data-token-endpoint="/api/timed-token"',
        `<ip-biomarker-card biomarker="heart_rate"></ip-biomarker-card>
         <ip-metric-gauge metric="mental_stress"></ip-metric-gauge>`,
      ),
    );
    await waitForStatus(page, 'ip-biomarker-card, ip-metric-gauge');
    assert.equal(order.filter((what) => what === 'token').length, 1, 'one token request for both');
    assert.equal(order[0], 'token', `in order: ${order.join(', ')}`);
    await page.close();
  });

  for (const [first, second] of [
    ['ip-biomarker-card biomarker="heart_rate"', 'ip-metric-gauge metric="mental_stress"'],
    ['ip-metric-gauge metric="mental_stress"', 'ip-biomarker-card biomarker="heart_rate"'],
  ] as const) {
    it(`reports a signed-out user alike on every element: <${first.split(' ')[0]}> first, then <${second.split(' ')[0]}>`, async () => {
      // The token endpoint answers 401, once the test lets it: after the second element came.
      const answer = gate();
      let asked = 0;
      site.host.route('/api/signed-out', (_req, res: ServerResponse) => {
        asked++;
        void answer.opened.then(() => {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end('{"error":"unauthenticated","message":"Sign in first."}');
        });
      });
      const page = await site.browser.newPage();
      const seen = await watch(page);
      const events = await recordEvents(page, ['ip-error']);
      await page.goto(
        loaderPage(`/signed-out-${first[3]}.html`, 'data-token-endpoint="/api/signed-out"', ''),
      );
      const insert = (tag: string) =>
        page.evaluate(
          (html) =>
            document.body.insertAdjacentHTML('beforeend', `<${html}></${html.split(' ')[0]}>`),
          tag,
        );
      await insert(first); // after the page has loaded
      await waitFor(() => asked === 1, "the first element's token request");
      await insert(second); // while the first one's token request is still out
      await waitForStatus(page, second.split(' ')[0]!, ['loading']);
      answer.open();
      await waitForStatus(page, 'ip-biomarker-card, ip-metric-gauge', ['error']);
      const failures = (await events()).map((e) => ({ ...e.detail, message: undefined }));
      assert.deepEqual(failures, [
        { code: 'token-endpoint-failed', status: 401, message: undefined },
        { code: 'token-endpoint-failed', status: 401, message: undefined },
      ]);
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
    const { sandbox, browser } = site;
    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self'; " +
      `frame-src ${sandbox.plugins.url} https://*.intelliprove.com; ` +
      `connect-src 'self' ${sandbox.engine.url}; img-src 'self' data: ${sandbox.engine.url}; ` +
      "require-trusted-types-for 'script'; trusted-types lit-html";
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.goto(
      loaderPage(
        '/trusted-types.html',
        'data-token-endpoint="/api/ip-token"',
        `<ip-face-scan></ip-face-scan><ip-dashboard></ip-dashboard>
         <ip-biomarker-card biomarker="heart_rate" history="4"></ip-biomarker-card>
         <ip-metric-gauge metric="mental_stress"></ip-metric-gauge>
         <ip-recommendations limit="2"></ip-recommendations>`,
        { 'content-security-policy': csp },
      ),
    );
    await waitForStatus(page, KIT_TAGS.join());
    await page.waitForFunction(
      () => document.querySelector('ip-biomarker-card')!.shadowRoot!.querySelector('canvas')?.width,
    );
    await closeClean(page, seen);
  });

  it('data-define="ip-biomarker-card" defines the card at once: one inside another element\'s shadow root shows its value', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    site.host.page('/panel.js', shadowPanelScript('x-panel'), JAVASCRIPT);
    await page.goto(
      loaderPage(
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
    const page = await site.browser.newPage();
    await page.goto(
      loaderPage('/empty.html', 'data-token-endpoint="/api/ip-token" data-define="all"', ''),
    );
    await waitForDefined(page, KIT_TAGS);
    // Without it, a page without the tags loads nothing but the loader.
    const bare = await site.browser.newPage();
    const files: string[] = [];
    bare.on(
      'request',
      (r) => r.url().includes('/assets/') && files.push(new URL(r.url()).pathname),
    );
    await bare.goto(
      loaderPage('/bare.html', 'data-token-endpoint="/api/ip-token"', '<p>Nothing</p>'),
    );
    await bare.waitForLoadState('networkidle');
    assert.deepEqual(files, ['/assets/intelliprove-widgets.js']);
    await page.close();
    await bare.close();
  });
});
