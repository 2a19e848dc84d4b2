// The Angular demo app (demo/angular, built by the Angular CLI) against the sandbox, served by
// the demo host at /angular/ under its strict CSP (Trusted Types included).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { DEFAULT_USER } from '../../demo/host/host.js';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { census, startAppSession, type AppSession } from '../helpers/framework-app.js';
import { call } from '../helpers/http.js';

interface Sent {
  method: string;
  url: URL;
  body: Record<string, unknown> | null;
  authorization: string | undefined;
}

/** Every request the page makes, in order. */
function recordRequests(page: Page): Sent[] {
  const sent: Sent[] = [];
  page.on('request', (request) => {
    const body = request.postData();
    sent.push({
      method: request.method(),
      url: new URL(request.url()),
      body: body ? (JSON.parse(body) as Record<string, unknown>) : null,
      authorization: request.headers().authorization,
    });
  });
  return sent;
}

const tokenRequests = (sent: Sent[], path: string) =>
  sent.filter((r) => r.method === 'POST' && r.url.pathname === path).map((r) => r.body);

/** The text a user sees in each kit element matching `selector` (its shadow `[part="base"]`). */
const cardTexts = (page: Page, selector: string) =>
  page.$$eval(selector, (els) =>
    els.map((el) =>
      (el.shadowRoot!.querySelector('[part="base"]') as HTMLElement).innerText
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );

/** Waits until the card matching `selector` shows text matching `pattern`. */
async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<string> {
  await page
    .waitForFunction(
      ([sel, source, flags]) => {
        const base = document
          .querySelector(sel!)
          ?.shadowRoot?.querySelector<HTMLElement>('[part="base"]');
        return new RegExp(source!, flags).test(base?.innerText.replace(/\s+/g, ' ').trim() ?? '');
      },
      [selector, pattern.source, pattern.flags],
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const [text] = await cardTexts(page, selector);
  assert.match(text ?? '(no element)', pattern);
  return text!;
}

async function pluginFrame(page: Page, origin: string): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(origin));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('no plug-in frame');
}

const CARD = 'ip-biomarker-card:not([provider])';
const GAUGE = 'ip-metric-gauge';
const WEIGHT = 'ip-biomarker-card[provider="sahha"]';

describe('the Angular demo app', () => {
  let session: AppSession;
  before(async () => {
    session = await startAppSession('angular');
  });
  after(async () => {
    await session?.close();
  });

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
      await page.waitForFunction(() =>
        [...document.querySelectorAll('ip-biomarker-card, ip-metric-gauge')].every(
          (el) => el.getAttribute('status') === 'ready',
        ),
      );
      await waitForText(page, CARD, /^Heart rate \d+ bpm/);
      // Runs before the scan test: the seeded latest scan's stress score has a decimal.
      const stress = (await waitForText(page, GAUGE, /^Mental stress \d+\.\d/)).split(' ')[2]!;
      await waitForText(page, WEIGHT, /^Weight 70 kg/);
      const loads = page.getByTestId('load-count');
      assert.equal(await loads.textContent(), 'ip-load events: 3', `visit ${visit}`);
      assert.deepEqual(await page.getByTestId('results-error').allTextContents(), [], 'ip-error');

      // What went over the wire: one token per token endpoint for all elements (kept for the
      // next visit), and each provider's API read on its own origin with it, never with
      // default values.
      const token = visit === 1 ? [{ purpose: 'api', language: 'en' }] : [];
      assert.deepEqual(tokenRequests(sent, '/api/ip-token'), token, `visit ${visit}`);
      assert.deepEqual(tokenRequests(sent, '/api/sahha-token'), token, `visit ${visit}`);
      const reads = (origin: string) =>
        sent.filter((r) => r.url.origin === origin).map((r) => r.url.pathname + r.url.search);
      const expected = {
        engine: ['/v2/face-scans/latest', '/v2/metrics'],
        sahha: ['/api/v1/profile/biomarker?categories=body&types=weight'],
      };
      const engine = reads(sandbox.engine.url).sort();
      const sahha = reads(sandbox.sahha.url);
      if (visit === 1) {
        assert.deepEqual(engine, expected.engine, 'IntelliProve reads');
        assert.deepEqual(sahha, expected.sahha, 'Sahha reads');
      } else {
        // The kit may answer from its cache now, but never reads anything else.
        assert.ok(
          engine.every((path) => expected.engine.includes(path)),
          engine.join(),
        );
        assert.ok(
          sahha.every((path) => expected.sahha.includes(path)),
          sahha.join(),
        );
      }
      assert.ok(
        sent
          .filter((r) => r.url.origin === sandbox.engine.url)
          .every((r) => /^Token \S+$/.test(r.authorization ?? '')),
      );

      if (visit === 1) {
        await page.locator('select[name="biomarker"]').selectOption('blood_pressure');
        await waitForText(page, CARD, /^Blood pressure \d+\/\d+ mmHg/);
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid="load-count"]')?.textContent ===
            'ip-load events: 4',
        );

        await page.locator('select[name="lang"]').selectOption('nl');
        await waitForText(page, CARD, /^Bloeddruk \d+\/\d+ mmHg Gemeten/);
        await waitForText(page, GAUGE, new RegExp(`^Mentale stress ${stress.replace('.', ',')} `));
        await waitForText(page, WEIGHT, /^Gewicht 70 kg/);

        await page.locator('select[name="unit"]').selectOption('imperial');
        await waitForText(page, WEIGHT, /^Gewicht 154 lb/);
        await waitForText(page, CARD, /^Bloeddruk \d+\/\d+ mmHg/);
      }
      assert.deepEqual(await page.getByTestId('results-error').allTextContents(), [], 'ip-error');

      // The router unmounts the view: back to the baseline.
      await page.getByRole('link', { name: 'Scan' }).click();
      await toggle.waitFor();
      await page.waitForFunction(() => !document.querySelector('ip-biomarker-card'));
      assert.deepEqual(await census(page), baseline);
    }

    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
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
    assert.deepEqual(tokenRequests(sent, '/api/ip-token'), [
      { purpose: 'face-scan', language: 'en' },
    ]);

    await frame.click('#start');
    const result = page.getByTestId('scan-result');
    await result.waitFor({ timeout: 10_000 });
    const latest = await call(
      sandbox.engine.url,
      'GET',
      `/v2/face-scans/latest?external_user_id=${encodeURIComponent(DEFAULT_USER)}`,
      { key: SANDBOX_API_KEY },
    );
    const id = latest.body[0].face_scan_id as string;
    assert.ok(id);
    assert.equal((await result.textContent())?.trim(), `Scan complete: ${id}`);
    assert.equal(await page.getByTestId('scan-error').count(), 0);

    // @if unmounts it: no iframe, no message listener, no kit subscription left.
    await toggle.click();
    await page.waitForFunction(() => !document.querySelector('ip-face-scan'));
    assert.deepEqual(await census(page), baseline);

    // A fresh plug-in on the next mount; then the router unmounts the view holding it.
    await toggle.click();
    await pluginFrame(page, sandbox.plugins.url);
    await page.waitForFunction(() =>
      document.querySelector('ip-face-scan')?.shadowRoot?.querySelector('iframe'),
    );
    assert.equal(tokenRequests(sent, '/api/ip-token').length, 2);
    await page.getByRole('link', { name: 'Results' }).click();
    await page.waitForURL(/\/angular\/results$/);
    assert.equal(await page.locator('ip-face-scan').count(), 0);
    await page.getByRole('link', { name: 'Scan' }).click();
    await toggle.waitFor();
    await page.waitForFunction(() => !document.querySelector('ip-biomarker-card'));
    assert.deepEqual(await census(page), baseline);

    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
