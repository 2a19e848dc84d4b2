// The Vue demo app (demo/vue, built with Vite) in Chromium against the sandbox, served by the
// demo host at /vue/ under its strict CSP: what a user sees, what goes over the wire, and what
// the kit leaves behind when the router unmounts its elements.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  census,
  settlesTo,
  startAppSession,
  type AppSession,
  latestScanId,
  pluginFrame,
  postedTo,
  recordRequests,
  waitForReady,
  waitForShown,
} from '../helpers/framework-app.js';

/** Kit elements on the Results view: the IntelliProve card, the gauge, and the Sahha card. */
const CARD = 'ip-biomarker-card';
const GAUGE = 'ip-metric-gauge';
/** The Sahha (weight) card is the second `CARD`. */
const WEIGHT = 1;

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
    const wire = recordRequests(page);

    await page.getByRole('link', { name: 'Results' }).click();
    await waitForReady(page);
    await waitForShown(page, CARD, /^Heart rate \d+ bpm/);
    await waitForShown(page, GAUGE, /^Mental stress \d+(\.\d)?\b/);
    await waitForShown(page, CARD, /^Weight 70 kg/, WEIGHT);
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
    assert.deepEqual(postedTo(wire, '/api/ip-token'), [{ purpose: 'api', language: 'en' }]);
    assert.equal(postedTo(wire, '/api/sahha-token').length, 1);
    const engine = session.sandbox.engine.url;
    const apiCalls = wire.filter((r) => r.url.origin === engine);
    assert.deepEqual(apiCalls.map((r) => r.path).sort(), ['/v2/face-scans/latest', '/v2/metrics']);
    for (const r of apiCalls) assert.match(r.authorization ?? '', /^Token \S+$/);
    const sahha = wire.filter((r) => r.url.origin === session.sandbox.sahha.url);
    assert.ok(sahha.some((r) => r.url.searchParams.get('types') === 'weight'));

    // :biomarker follows the select.
    const biomarker = page.locator('select[name="biomarker"]');
    await biomarker.selectOption('respiratory_rate');
    await waitForShown(page, CARD, /^Respiratory rate \d+ breaths\/min/);
    await biomarker.selectOption('heart_rate_variability');
    await waitForShown(page, CARD, /^Heart rate variability \d+ ms/);
    await biomarker.selectOption('blood_pressure');
    await waitForShown(page, CARD, /^Blood pressure \d+\/\d+ mmHg/);

    // :lang follows the select: Dutch labels, decimal comma.
    await page.locator('select[name="lang"]').selectOption('nl');
    await waitForShown(page, CARD, /^Bloeddruk \d+\/\d+ mmHg/);
    await waitForShown(page, GAUGE, /^Mentale stress \d+,\d\b/);
    await waitForShown(page, CARD, /^Gewicht 70 kg/, WEIGHT);

    // :unit-system follows the select on the Sahha card.
    await page.locator('select[name="unit"]').selectOption('imperial');
    await waitForShown(page, CARD, /^Gewicht 154 lb/, WEIGHT);

    // v-if: the gauge leaves and comes back, in the current language.
    const gaugeBox = page.locator('input[name="gauge"]');
    const loads = await page.textContent('[data-testid="load-count"]');
    await gaugeBox.uncheck();
    assert.equal(await page.locator('ip-metric-gauge').count(), 0);
    await gaugeBox.check();
    await waitForReady(page);
    await waitForShown(page, GAUGE, /^Mentale stress \d+,\d\b/);
    assert.notEqual(await page.textContent('[data-testid="load-count"]'), loads);

    // Routing away unmounts everything: the page is back to where it started.
    await page.getByRole('link', { name: 'Home' }).click();
    await settlesTo(page, baseline);

    assert.equal(await page.locator('[data-testid="results-error"]').count(), 0);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('Scan: a fake-camera scan reaches the app; leaving the route removes the plug-in', async () => {
    const { page, errors, violations } = await session.open('/vue/');
    const baseline = await census(page);
    const wire = recordRequests(page);

    const openScan = async () => {
      await page.getByRole('link', { name: 'Scan' }).click();
      await page.waitForFunction(
        () =>
          document.querySelector('ip-face-scan')?.getAttribute('status') === 'ready' &&
          document.querySelector('ip-face-scan')!.shadowRoot!.querySelector('iframe'),
        undefined,
        { timeout: 10_000 },
      );
      return pluginFrame(page, session.sandbox.plugins.url);
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
      wire.filter((r) => r.path === '/api/ip-token').map((r) => r.body.purpose),
      ['face-scan'],
    );

    await frame.click('#start');
    const result = page.getByTestId('scan-result');
    await result.waitFor({ timeout: 10_000 });
    const shown = (await result.textContent())!;
    assert.match(shown, /^Scan complete: [0-9a-f-]{36}$/);
    // The id the app shows is the scan the engine just stored.
    assert.equal(shown, `Scan complete: ${await latestScanId(session.sandbox)}`);
    assert.equal(await page.getByTestId('scan-error').count(), 0);

    await leave();
    await settlesTo(page, baseline);
    // Mounting again works, and leaving again cleans up again.
    await openScan();
    await leave();
    await settlesTo(page, baseline);

    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
