// The Vue demo app (demo/vue, built with Vite) in Chromium against the sandbox, served by the
// demo host at /vue/ under its strict CSP: what a user sees, what goes over the wire, and what
// the kit leaves behind when the router unmounts its elements.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { census, startAppSession, type AppSession } from '../helpers/framework-app.js';
import { call } from '../helpers/http.js';

/** Kit elements on the Results view, as [selector, index]. */
const CARD = ['ip-biomarker-card', 0] as const;
const GAUGE = ['ip-metric-gauge', 0] as const;
const WEIGHT = ['ip-biomarker-card', 1] as const;
type Target = readonly [string, number];

/** The visible text of an element's shadow `[part="base"]`, whitespace collapsed. */
const textOf = (page: Page, [selector, index]: Target) =>
  page.evaluate(
    ([selector, index]) => {
      const el = document.querySelectorAll(selector)[index];
      const base = el?.shadowRoot?.querySelector<HTMLElement>('[part="base"]');
      return base ? base.innerText.replace(/\s+/g, ' ').trim() : '';
    },
    [selector, index] as const,
  );

/** Waits (briefly) until the element shows `pattern`; else fails showing what it shows. */
async function expectText(page: Page, target: Target, pattern: RegExp) {
  await page
    .waitForFunction(
      ([selector, index, source]) => {
        const el = document.querySelectorAll(selector)[index];
        const base = el?.shadowRoot?.querySelector<HTMLElement>('[part="base"]');
        return !!base && new RegExp(source).test(base.innerText.replace(/\s+/g, ' ').trim());
      },
      [target[0], target[1], pattern.source] as const,
      { timeout: 5_000 },
    )
    .catch(() => {});
  assert.match(await textOf(page, target), pattern);
}

const allReady = (page: Page) =>
  page.waitForFunction(
    () =>
      [...document.querySelectorAll('ip-biomarker-card, ip-metric-gauge')].every(
        (el) => el.getAttribute('status') === 'ready',
      ),
    undefined,
    { timeout: 10_000 },
  );

/** Requests the page makes from now on: method, URL, JSON body, Authorization header. */
function recordWire(page: Page) {
  const sent: { method: string; url: URL; body: any; authorization?: string }[] = [];
  page.on('request', (r) => {
    let body: unknown = null;
    try {
      body = JSON.parse(r.postData() ?? 'null');
    } catch {
      body = r.postData();
    }
    sent.push({
      method: r.method(),
      url: new URL(r.url()),
      body,
      authorization: r.headers()['authorization'],
    });
  });
  return sent;
}

describe('Vue demo app', () => {
  let session: AppSession;

  before(async () => {
    session = await startAppSession('vue');
  });
  after(async () => {
    await session?.close();
  });

  it('Results: renders values and follows the biomarker, language, unit and gauge controls', async () => {
    const { page, errors, violations } = await session.open('/vue/');
    const baseline = await census(page);
    assert.equal(baseline.elements, 0);
    const wire = recordWire(page);

    await page.getByRole('link', { name: 'Results' }).click();
    await allReady(page);
    await expectText(page, CARD, /^Heart rate \d+ bpm/);
    await expectText(page, GAUGE, /^Mental stress \d+(\.\d)?\b/);
    await expectText(page, WEIGHT, /^Weight 70 kg/);
    // The gauge drew its chart (chart.js registered and sized the canvas).
    await page.waitForFunction(
      () =>
        document.querySelector('ip-metric-gauge')!.shadowRoot!.querySelector('canvas')?.style.width,
      undefined,
      { timeout: 5_000 },
    );
    // @ip-load reached the app: one per element.
    assert.equal(await page.textContent('[data-testid="load-count"]'), 'ip-load events: 3');

    // Over the wire: one IntelliProve token for the card and the gauge together, one Sahha
    // token, and API calls carrying them.
    const posts = (path: string) =>
      wire.filter((r) => r.method === 'POST' && r.url.pathname === path).map((r) => r.body);
    assert.deepEqual(posts('/api/ip-token'), [{ purpose: 'api', language: 'en' }]);
    assert.equal(posts('/api/sahha-token').length, 1);
    const engine = session.sandbox.engine.url;
    const apiCalls = wire.filter((r) => r.url.origin === engine);
    assert.deepEqual(apiCalls.map((r) => r.url.pathname).sort(), [
      '/v2/face-scans/latest',
      '/v2/metrics',
    ]);
    for (const r of apiCalls) assert.match(r.authorization ?? '', /^Token \S+$/);
    const sahha = wire.filter((r) => r.url.origin === session.sandbox.sahha.url);
    assert.ok(sahha.some((r) => r.url.searchParams.get('types') === 'weight'));

    // :biomarker follows the select.
    const biomarker = page.locator('select[name="biomarker"]');
    await biomarker.selectOption('respiratory_rate');
    await expectText(page, CARD, /^Respiratory rate \d+ breaths\/min/);
    await biomarker.selectOption('heart_rate_variability');
    await expectText(page, CARD, /^Heart rate variability \d+ ms/);
    await biomarker.selectOption('blood_pressure');
    await expectText(page, CARD, /^Blood pressure \d+\/\d+ mmHg/);

    // :lang follows the select: Dutch labels, decimal comma.
    await page.locator('select[name="lang"]').selectOption('nl');
    await expectText(page, CARD, /^Bloeddruk \d+\/\d+ mmHg/);
    await expectText(page, GAUGE, /^Mentale stress \d+,\d\b/);
    await expectText(page, WEIGHT, /^Gewicht 70 kg/);

    // :unit-system follows the select on the Sahha card.
    await page.locator('select[name="unit"]').selectOption('imperial');
    await expectText(page, WEIGHT, /^Gewicht 154 lb/);

    // v-if: the gauge leaves and comes back, in the current language.
    const gaugeBox = page.locator('input[name="gauge"]');
    const loads = await page.textContent('[data-testid="load-count"]');
    await gaugeBox.uncheck();
    assert.equal(await page.locator('ip-metric-gauge').count(), 0);
    await gaugeBox.check();
    await allReady(page);
    await expectText(page, GAUGE, /^Mentale stress \d+,\d\b/);
    assert.notEqual(await page.textContent('[data-testid="load-count"]'), loads);

    // Routing away unmounts everything: the page is back to where it started.
    await page.getByRole('link', { name: 'Home' }).click();
    await page.waitForFunction(() => !document.querySelector('ip-biomarker-card'));
    assert.deepEqual(await census(page), baseline);

    assert.equal(await page.locator('[data-testid="results-error"]').count(), 0);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('Scan: a fake-camera scan reaches the app; leaving the route removes the plug-in', async () => {
    const { page, errors, violations } = await session.open('/vue/');
    const baseline = await census(page);
    const wire = recordWire(page);

    const openScan = async () => {
      await page.getByRole('link', { name: 'Scan' }).click();
      const iframe = await page.waitForFunction(
        () =>
          document.querySelector('ip-face-scan')?.getAttribute('status') === 'ready' &&
          document.querySelector('ip-face-scan')!.shadowRoot!.querySelector('iframe'),
        undefined,
        { timeout: 10_000 },
      );
      return (await iframe.asElement()!.contentFrame())!;
    };
    const leave = async () => {
      await page.getByRole('link', { name: 'Home' }).click();
      await page.waitForFunction(() => !document.querySelector('ip-face-scan'));
    };

    const frame = await openScan();
    const mounted = await census(page);
    assert.equal(mounted.iframes, baseline.iframes + 1);
    assert.equal(mounted.messageListeners, baseline.messageListeners + 1);
    assert.deepEqual(
      wire.filter((r) => r.url.pathname === '/api/ip-token').map((r) => r.body.purpose),
      ['face-scan'],
    );

    await frame.click('#start');
    const result = page.getByTestId('scan-result');
    await result.waitFor({ timeout: 10_000 });
    const shown = (await result.textContent())!;
    assert.match(shown, /^Scan complete: [0-9a-f-]{36}$/);
    // The id the app shows is the scan the engine just stored.
    const latest = await call(
      session.sandbox.engine.url,
      'GET',
      '/v2/face-scans/latest?external_user_id=demo@example.com',
      { key: SANDBOX_API_KEY },
    );
    assert.equal(shown, `Scan complete: ${latest.body[0].face_scan_id}`);
    assert.equal(await page.getByTestId('scan-error').count(), 0);

    await leave();
    assert.deepEqual(await census(page), baseline);
    // Mounting again works, and leaving again cleans up again.
    await openScan();
    await leave();
    assert.deepEqual(await census(page), baseline);

    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
