// What held under attack (review): a busy page under the README's CSP + Trusted Types, the
// script twice (head + late CDN injection), tags added later (nested, from a template), every
// file fetched once, one token request per endpoint, data-define spellings.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { SAHHA_CLIENT_ID, SAHHA_CLIENT_SECRET } from '../../demo/sandbox/sahha.js';
import { createSahhaTokenHandler } from '../../src/server/index.js';
import { waitForDefined, watch } from '../helpers/browser.js';
import { CDN_PATH, fixtureSite, kitPage, sandboxTokens } from '../helpers/fixture-host.js';
import { WAIT_MS } from '../helpers/patience.js';

describe('what held', () => {
  const site = fixtureSite();
  before(() => {
    const sahha = createSahhaTokenHandler({
      clientId: SAHHA_CLIENT_ID,
      clientSecret: SAHHA_CLIENT_SECRET,
      apiBase: site.sandbox.sahha.url,
      getUser: () => 'demo@example.com',
    });
    site.host.route('/api/sahha-token', (req, res) => void sahha.node(req, res));
  });

  it('a busy page: CSP + TT clean, every file once, one token request per endpoint, late tags defined', async () => {
    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self'; " +
      `frame-src ${site.sandbox.plugins.url} https://*.intelliprove.com; ` +
      `connect-src 'self' ${site.sandbox.engine.url} ${site.sandbox.sahha.url}; img-src 'self' data:; ` +
      "require-trusted-types-for 'script'; trusted-types lit-html";
    site.host.page(
      '/holds-late.js',
      // Later: once the face scan, which the kit found at first, is ready.
      `document.addEventListener('ip-ready', () => {
        const t = document.querySelector('template');
        document.querySelector('#late').append(t.content.cloneNode(true));
        const box = document.createElement('section');
        box.append(document.createElement('div'));
        box.firstChild.append(document.createElement('ip-dashboard'));
        document.body.append(box);
      }, { once: true });`,
      { 'content-type': 'text/javascript' },
    );
    const page = await site.browser.newPage();
    const seen = await watch(page);
    const fetched = new Map<string, number>();
    let tokenAsks = 0;
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.includes('intelliprove-widgets') || path.includes('/chunks/'))
        fetched.set(path, (fetched.get(path) ?? 0) + 1);
      if (path === '/api/ip-token' && r.postData()?.includes('"api"')) tokenAsks++;
    });
    await page.goto(
      site.host.page(
        '/holds-busy.html',
        `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Busy</title>
        <link rel="icon" href="/favicon.svg">
        <script src="/assets/intelliprove-widgets.js" data-token-endpoint="/api/ip-token"
          data-api-base="${site.sandbox.engine.url}" data-allowed-origins="${site.sandbox.plugins.url}"
          data-define=" ip-biomarker-card , ip-metric-gauge "></script>
        <script src="/holds-late.js"></script></head><body>
        <ip-face-scan></ip-face-scan>
        <div><ip-biomarker-card biomarker="heart_rate" history="4"></ip-biomarker-card></div>
        <ip-metric-gauge metric="mental_stress"></ip-metric-gauge>
        <ip-metric-gauge metric="sleep" provider="sahha" token-endpoint="/api/sahha-token" api-base="${site.sandbox.sahha.url}"></ip-metric-gauge>
        <div id="late"></div>
        <template><ip-metric-gauge id="from-template" metric="energy_balance"></ip-metric-gauge></template>
        </body></html>`,
        { 'content-security-policy': csp },
      ),
    );
    await page
      .waitForFunction(
        () =>
          document.querySelectorAll(
            'ip-face-scan, ip-dashboard, ip-biomarker-card, ip-metric-gauge',
          ).length === 6 &&
          [
            ...document.querySelectorAll(
              'ip-face-scan, ip-dashboard, ip-biomarker-card, ip-metric-gauge',
            ),
          ].every((el) => el.getAttribute('status') === 'ready'),
        undefined,
        { timeout: 20_000 },
      )
      .catch(async (e) => {
        const states = await page.$$eval(
          'ip-face-scan, ip-dashboard, ip-biomarker-card, ip-metric-gauge',
          (els) =>
            els.map(
              (el) =>
                `${el.localName}${el.id ? '#' + el.id : ''}=${el.getAttribute('status')} ${(el.shadowRoot?.textContent ?? '').slice(0, 80)}`,
            ),
        );
        throw new Error(`${e}\n${states.join('\n')}\n${seen.errors.join('\n')}`);
      });
    const label = await page.$eval(
      '#from-template',
      (el) => el.shadowRoot!.querySelector('[part="label"]')!.textContent,
    );
    assert.equal(label, 'Energiebalans');
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.errors, []);
    const twice = [...fetched].filter(([, count]) => count > 1);
    assert.deepEqual(twice, [], 'no file fetched twice');
    assert.ok(
      ![...fetched.keys()].some((p) => p.startsWith(CDN_PATH + '/chunks')),
      'no chunk from the second copy',
    );
    assert.equal(tokenAsks, 1, 'one api token request for /api/ip-token');
    await page.close();
  });

  it('data-define: "ip-bogus,ip-face-scan" warns about ip-bogus and defines the face scan', async () => {
    const page = await site.browser.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(
      site.host.page(
        '/holds-define.html',
        `<!doctype html><html><head><link rel="icon" href="/favicon.svg"><script src="/assets/intelliprove-widgets.js"
          data-token-endpoint="/api/ip-token" data-define="ip-bogus,ip-face-scan"></script></head><body></body></html>`,
      ),
    );
    await waitForDefined(page, ['ip-face-scan']);
    assert.ok(
      warnings.some((w) => w.includes('"ip-bogus" is not an element')),
      warnings.join('\n'),
    );
    await page.close();
  });

  it('a prefetched 500 is retried fresh; a prefetched redirect reads as signed out', async () => {
    const tokens = sandboxTokens(site.sandbox);
    let asked = 0;
    site.host.route('/api/flaky-token', (req, res) => {
      if (++asked <= 2) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('boom');
        return;
      }
      void tokens.node(req, res);
    });
    site.host.route('/api/redirect-token', (_req, res) => {
      res.writeHead(302, { location: '/login' });
      res.end();
    });
    const page = await site.browser.newPage();
    await page.goto(
      site.host.page(
        '/holds-faults.html',
        kitPage(
          site.sandbox,
          `<ip-biomarker-card id="a" biomarker="heart_rate" token-endpoint="/api/flaky-token"></ip-biomarker-card>
        <ip-face-scan id="b" token-endpoint="/api/flaky-token"></ip-face-scan>
        <ip-metric-gauge id="c" metric="mental_stress" token-endpoint="/api/redirect-token"></ip-metric-gauge>
        <ip-face-scan id="d" token-endpoint="/api/redirect-token"></ip-face-scan>`,
          { data: '' },
        ),
      ),
    );
    await page.waitForFunction(
      () =>
        ['#a', '#b'].every((s) => document.querySelector(s)!.getAttribute('status') === 'ready') &&
        ['#c', '#d'].every((s) => document.querySelector(s)!.getAttribute('status') === 'error'),
      undefined,
      { timeout: WAIT_MS },
    );
    const texts = await page.$$eval('#c, #d', (els) => els.map((el) => el.shadowRoot!.textContent));
    for (const text of texts) assert.match(text!, /sign in/i);
    assert.equal(asked, 4, 'two prefetches failed (500), each element asked once more');
    await page.close();
  });

  it('a language chunk that fails (404) falls back to English; a Sahha chunk that fails shows an error', async () => {
    const page = await site.browser.newPage();
    await page.route('**/assets/chunks/nl-*', (route) =>
      route.fulfill({ status: 404, body: 'gone' }),
    );
    await page.route('**/assets/chunks/sahha-*', (route) =>
      route.fulfill({ status: 404, body: 'gone' }),
    );
    await page.goto(
      site.host.page(
        '/holds-404.html',
        kitPage(
          site.sandbox,
          `<ip-metric-gauge id="a" metric="mental_stress"></ip-metric-gauge>
        <ip-metric-gauge id="b" metric="sleep" provider="sahha" token-endpoint="/api/sahha-token"></ip-metric-gauge>`,
          { lang: 'nl' },
        ),
      ),
    );
    await page.waitForFunction(
      () =>
        document.querySelector('#a')!.getAttribute('status') === 'ready' &&
        document.querySelector('#b')!.getAttribute('status') === 'error',
      undefined,
      { timeout: WAIT_MS },
    );
    const label = await page.$eval(
      '#a',
      (el) => el.shadowRoot!.querySelector('[part="label"]')!.textContent,
    );
    assert.equal(label, 'Mental stress');
    const b = await page.$eval('#b', (el) =>
      el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim(),
    );
    assert.ok(b.length > 0, 'the failed Sahha gauge says something');
    await page.close();
  });
});
