// What `npm start` serves, in Chromium: the demo page under its strict CSP, the classic
// script-tag build, its token endpoint, and chart.js fetched only where a chart is drawn.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../demo/sandbox/index.js';
import { OUTPUT_DIR, launch, watch } from '../helpers/browser.js';

const TAGS = ['ip-face-scan', 'ip-dashboard', 'ip-biomarker-card', 'ip-metric-gauge'];

/** The hashed file name of a language's chunk, as built. */
const expectLocale = (lang: string) =>
  readdirSync(new URL('../../dist/chunks/', import.meta.url)).find((f) =>
    f.startsWith(`${lang}-`),
  )!;

describe('demo host', () => {
  let sandbox: Sandbox;
  let browser: Browser;

  before(async () => {
    sandbox = await startSandbox({ scanSeconds: 2, checkSeconds: 0.3 });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('serves the demo page with all four elements defined, no errors and no CSP violations', async () => {
    const page = await browser.newPage();
    const seen = await watch(page);
    const response = await page.goto(sandbox.host.url);
    assert.match(
      response!.headers()['content-security-policy']!,
      /script-src 'self'; style-src 'self'/,
    );
    await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), TAGS);
    await page.waitForFunction(
      () => document.querySelector('ip-metric-gauge')?.shadowRoot?.querySelector('canvas')?.width,
    );
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('shows a scan start to finish, then the refreshed dashboard; "Scan again" restarts', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const seen = await watch(page);
    const tokenRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/ip-token'))
        tokenRequests.push(JSON.parse(r.postData() ?? '{}').purpose);
    });
    await page.goto(sandbox.host.url);
    const scanFrame = async () => {
      const handle = await page.waitForFunction(() =>
        document.querySelector('ip-face-scan')?.getAttribute('status') === 'ready'
          ? document.querySelector('ip-face-scan')!.shadowRoot!.querySelector('iframe')
          : null,
      );
      return (await handle.asElement()!.contentFrame())!;
    };
    const frame = await scanFrame();
    await page.waitForFunction(
      () => document.querySelector('ip-dashboard')?.getAttribute('status') === 'ready',
    );
    const dashboardsBefore = tokenRequests.filter((p) => p === 'dashboard').length;
    await frame.click('#start');
    await frame.waitForSelector('#continue', { timeout: 10_000 });
    await frame.click('#continue');
    await page.waitForFunction(() =>
      document.getElementById('events')!.textContent!.includes('ip-dismiss'),
    );
    const log = await page.textContent('#events');
    assert.match(log!, /ip-scan-complete faceScanId [0-9a-f-]{36}/);
    await page.waitForFunction(
      () => document.querySelector('ip-dashboard')?.getAttribute('status') === 'ready',
    );
    assert.equal(
      tokenRequests.filter((p) => p === 'dashboard').length,
      dashboardsBefore + 1,
      'dashboard reloaded',
    );
    await page.screenshot({ path: `${OUTPUT_DIR}demo-after-scan.png`, fullPage: true });

    const oldSrc = await frame.evaluate(() => location.href);
    await page.click('#scan-again');
    const fresh = await scanFrame();
    assert.notEqual(await fresh.evaluate(() => location.href), oldSrc);
    await fresh.waitForSelector('#start');
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('switches the results language and unit system in place', async () => {
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.goto(`${sandbox.host.url}/login?user=amy%40example.com`);
    const cardText = () =>
      page.$eval('ip-biomarker-card[biomarker="heart_rate"]', (el) =>
        (el.shadowRoot!.querySelector('[part="base"]') as HTMLElement).innerText.replace(
          /\s+/g,
          ' ',
        ),
      );
    const unitSystem = () =>
      page.$eval('ip-biomarker-card[biomarker="heart_rate"]', (el) =>
        el.shadowRoot!.querySelector('.reading')!.getAttribute('data-unit-system'),
      );
    await page.waitForFunction(
      () => document.querySelector('ip-biomarker-card')?.getAttribute('status') === 'ready',
    );
    assert.match(await cardText(), /^Heart rate/);
    assert.equal(await unitSystem(), 'imperial', "amy's stored preference");
    await page.selectOption('#lang-switch', 'nl');
    await page.waitForFunction(() =>
      document.querySelector('ip-biomarker-card')!.shadowRoot!.textContent!.includes('Hartslag'),
    );
    await page.selectOption('#unit-switch', 'metric');
    await page.waitForFunction(
      () =>
        document
          .querySelector('ip-biomarker-card')!
          .shadowRoot!.querySelector('.reading')!
          .getAttribute('data-unit-system') === 'metric',
    );
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('works on a plain CMS article page with only the pasted script tag and elements', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
    const seen = await watch(page);
    await page.goto(`${sandbox.host.url}/cms.html`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('ip-face-scan, ip-biomarker-card, ip-metric-gauge')].every(
        (el) => el.getAttribute('status') === 'ready',
      ),
    );
    assert.equal(
      await page.$$eval('script', (scripts) => scripts.length),
      1,
      'one script tag, nothing else',
    );
    await page.screenshot({ path: `${OUTPUT_DIR}demo-cms.png`, fullPage: true });
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('runs the bundle as a classic script (no type="module") with data-* defaults', async () => {
    const page = await browser.newPage();
    await page.goto(sandbox.host.url);
    const script = await page.$eval('script[src$="intelliprove-widgets.js"]', (s) => ({
      type: s.getAttribute('type'),
      endpoint: (s as HTMLScriptElement).dataset.tokenEndpoint,
    }));
    assert.equal(script.type, null);
    assert.equal(script.endpoint, '/api/ip-token');
    await page.close();
  });

  it("answers the page's token requests for the signed-in user only", async () => {
    const page = await browser.newPage();
    await page.goto(sandbox.host.url);
    const post = (body: unknown) =>
      page.evaluate(async (b) => {
        const r = await fetch('/api/ip-token', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(b),
        });
        return { status: r.status, body: await r.json() };
      }, body);
    const scan = await post({ purpose: 'face-scan', language: 'en' });
    assert.equal(scan.status, 200);
    assert.ok(scan.body.url.startsWith(`${sandbox.plugins.url}/face-scan/?action_token=`));
    await page.goto(`${sandbox.host.url}/login?user=`);
    assert.equal((await post({ purpose: 'api' })).status, 401, 'signed out: no token');
    await page.goto(`${sandbox.host.url}/login?user=amy%40example.com`);
    assert.equal((await post({ purpose: 'api' })).body.unit_system, 'imperial');
    await page.close();
  });

  it('serves a Sahha token endpoint for the signed-in user, whose token reads the Sahha sandbox', async () => {
    const page = await browser.newPage();
    await page.goto(`${sandbox.host.url}/login?user=amy%40example.com`);
    const result = await page.evaluate(async (sahha) => {
      const answer = await fetch('/api/sahha-token', {
        method: 'POST',
        body: JSON.stringify({ purpose: 'api' }),
      });
      const { token } = await answer.json();
      const scores = await fetch(`${sahha}/api/v1/profile/score?types=sleep`, {
        headers: { authorization: `profile ${token}` },
      });
      return { status: answer.status, scores: scores.status, body: await scores.json() };
    }, sandbox.sahha.url);
    assert.equal(result.status, 200);
    assert.equal(result.scores, 200);
    assert.equal(result.body[0].externalId, 'amy@example.com');
    await page.close();
  });

  it('fetches only what a page uses: no chart.js without charts, the gauge chart once for many gauges', async () => {
    const chunks = async (path: string) => {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith('/assets/chunks/'))
          requested.push(url.pathname.replace('/assets/chunks/', ''));
      });
      await page.goto(sandbox.host.url + path);
      await page.waitForLoadState('networkidle');
      await page.close();
      return requested.sort();
    };
    assert.deepEqual(await chunks('/scan.html'), ['embeds.js']);
    assert.deepEqual(await chunks('/cards.html'), ['cards.js']);
    const demo = await chunks('/');
    assert.ok(demo.includes('data.js'), 'cards and gauges on one page come in one chunk');
    assert.ok(!demo.includes('cards.js') && !demo.includes('gauges.js'));
    assert.deepEqual(
      demo.filter((name) => name.includes('chart')),
      ['gauge-chart.js', 'trend-chart.js'],
      'one gauge chart for nine gauges; the trend for the card with history',
    );
    const nl = await chunks('/nl.html');
    assert.ok(
      nl.some((name) => name.startsWith('chosen-scans-')),
      'the card with history fetches the reading of chosen scans',
    );
    assert.deepEqual(
      nl.filter((name) => !name.startsWith('chosen-scans-')),
      ['data.js', 'gauge-chart.js', expectLocale('nl'), 'trend-chart.js'].sort(),
      'IntelliProve pages never fetch the Sahha provider',
    );
  });

  it('survives the script included twice', async () => {
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.route(`${sandbox.host.url}/twice.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><script src="/assets/intelliprove-widgets.js" data-token-endpoint="/api/ip-token"></script>
               <script src="/assets/intelliprove-widgets.js" data-token-endpoint="/api/ip-token"></script>
               <ip-metric-gauge metric="mental_stress"></ip-metric-gauge>`,
      }),
    );
    await page.goto(`${sandbox.host.url}/twice.html`);
    await page.waitForFunction(() => customElements.get('ip-metric-gauge'));
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
});
