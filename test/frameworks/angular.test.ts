// The Angular demo app (demo/angular, built by the Angular CLI) against the sandbox, served by
// the demo host at /angular/ under its strict CSP (Trusted Types included).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  appSession,
  census,
  settlesTo,
  latestScanId,
  pluginFrame,
  postedTo,
  recordRequests,
  waitForReady,
  waitForShown,
} from '../helpers/framework-app.js';
import { closeClean } from '../helpers/browser.js';
import { WAIT_MS } from '../helpers/patience.js';

const CARD = 'ip-biomarker-card:not([provider])';
const GAUGE = 'ip-metric-gauge';
const WEIGHT = 'ip-biomarker-card[provider="sahha"]';
const ADVICE = 'ip-recommendations';

describe('the Angular demo app', () => {
  const session = appSession('angular');

  it('results: bindings drive the cards (biomarker, language, unit system), one token for all, nothing left after routing away', async () => {
    const { sandbox } = session;
    const { page, errors, violations } = await session.open('/angular/scan');
    const sent = recordRequests(page);
    const toggle = page.getByTestId('scan-toggle');
    await toggle.waitFor();
    const baseline = await census(page);

    for (const visit of [1, 2]) {
      sent.length = 0;
      await page.getByRole('link', { name: 'Results' }).click();
      await page.waitForURL(/\/angular\/results$/);
      await waitForReady(page);
      await waitForShown(page, CARD, /^Heart rate \d+ bpm/);
      // Runs before the scan test: the seeded latest scan's stress score has a decimal.
      const stress = (await waitForShown(page, GAUGE, /^Mental stress \d+\.\d/)).split(' ')[2]!;
      await waitForShown(page, WEIGHT, /^Weight 70 kg/);
      await waitForShown(page, ADVICE, /^Recommendations \S/);
      const loads = page.getByTestId('load-count');
      assert.equal(await loads.textContent(), 'ip-load events: 4', `visit ${visit}`);
      assert.deepEqual(await page.getByTestId('results-error').allTextContents(), [], 'ip-error');

      // What went over the wire: one token per token endpoint for all elements, and each
      // provider's API read on its own origin with it, never with default values. Routing away
      // took the last element of each endpoint, and its session with it: the next visit asks
      // again.
      const token = [{ purpose: 'api', language: 'en' }];
      assert.deepEqual(postedTo(sent, '/api/ip-token'), token, `visit ${visit}`);
      assert.deepEqual(postedTo(sent, '/api/sahha-token'), token, `visit ${visit}`);
      const fetched = (origin: string) =>
        sent.filter((r) => r.url.origin === origin && r.type === 'fetch');
      const reads = (origin: string) => fetched(origin).map((r) => r.url.pathname + r.url.search);
      const expected = {
        engine: ['/v2/face-scans/latest', '/v2/metrics', '/v2/recommendations?language=en'],
        sahha: ['/api/v1/profile/biomarker?categories=body&types=weight'],
      };
      const engine = reads(sandbox.engine.url).sort();
      const sahha = reads(sandbox.sahha.url);
      assert.deepEqual(engine, expected.engine, 'IntelliProve reads');
      assert.deepEqual(sahha, expected.sahha, 'Sahha reads');
      assert.ok(
        fetched(sandbox.engine.url).every((r) => /^Token \S+$/.test(r.authorization ?? '')),
      );

      if (visit === 1) {
        await page.locator('select[name="biomarker"]').selectOption('blood_pressure');
        await waitForShown(page, CARD, /^Blood pressure \d+\/\d+ mmHg/);
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid="load-count"]')?.textContent ===
            'ip-load events: 5',
        );

        await page.locator('select[name="lang"]').selectOption('nl');
        await waitForShown(page, CARD, /^Bloeddruk \d+\/\d+ mmHg Gemeten/);
        await waitForShown(page, GAUGE, new RegExp(`^Mentale stress ${stress.replace('.', ',')} `));
        await waitForShown(page, WEIGHT, /^Gewicht 70 kg/);
        await waitForShown(page, ADVICE, /^Aanbevelingen \S/);

        await page.locator('select[name="unit"]').selectOption('imperial');
        await waitForShown(page, WEIGHT, /^Gewicht 154 lb/);
        await waitForShown(page, CARD, /^Bloeddruk \d+\/\d+ mmHg/);
      }
      assert.deepEqual(await page.getByTestId('results-error').allTextContents(), [], 'ip-error');

      // The router unmounts the view: back to the baseline.
      await page.getByRole('link', { name: 'Scan' }).click();
      await toggle.waitFor();
      await settlesTo(page, baseline);
    }

    await closeClean(page, { errors, violations });
  });

  it('scans with the fake camera: ip-scan-complete reaches the app, and closing the scan or routing away leaves nothing behind', async () => {
    const { sandbox } = session;
    const { page, errors, violations } = await session.open('/angular/');
    const sent = recordRequests(page);
    await page.waitForURL(/\/angular\/scan$/);
    const toggle = page.getByTestId('scan-toggle');
    await toggle.waitFor();
    const baseline = await census(page);
    assert.equal(baseline.elements, 0);
    assert.equal(baseline.iframes, 0);

    // @if mounts <ip-face-scan>: it fetches a plug-in URL and frames it.
    await toggle.click();
    const frame = await pluginFrame(page, sandbox.plugins.url);
    const live = await census(page);
    assert.equal(live.elements, 1);
    assert.equal(live.iframes, 1);
    assert.equal(live.messageListeners, baseline.messageListeners + 1);
    assert.deepEqual(postedTo(sent, '/api/ip-token'), [{ purpose: 'face-scan', language: 'en' }]);

    await frame.click('#start');
    const result = page.getByTestId('scan-result');
    await result.waitFor({ timeout: WAIT_MS });
    const id = await latestScanId(sandbox);
    assert.ok(id);
    assert.equal((await result.textContent())?.trim(), `Scan complete: ${id}`);
    assert.equal(await page.getByTestId('scan-error').count(), 0);

    // @if unmounts it: no iframe, no message listener, no kit subscription left.
    await toggle.click();
    await page.waitForFunction(() => !document.querySelector('ip-face-scan'));
    await settlesTo(page, baseline);

    // A fresh plug-in on the next mount; then the router unmounts the view holding it.
    await toggle.click();
    await pluginFrame(page, sandbox.plugins.url);
    await page.waitForFunction(() =>
      document.querySelector('ip-face-scan')?.shadowRoot?.querySelector('iframe'),
    );
    assert.equal(postedTo(sent, '/api/ip-token').length, 2);
    await page.getByRole('link', { name: 'Results' }).click();
    await page.waitForURL(/\/angular\/results$/);
    assert.equal(await page.locator('ip-face-scan').count(), 0);
    await page.getByRole('link', { name: 'Scan' }).click();
    await toggle.waitFor();
    await settlesTo(page, baseline);

    await closeClean(page, { errors, violations });
  });
});
