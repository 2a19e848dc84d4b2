// The Vue demo app (demo/vue, built with Vite) in Chromium against the sandbox, served by the
// demo host at /vue/ under its strict CSP: what a user sees, what goes over the wire, and what
// the kit leaves behind when the router unmounts its elements, and that signing out or
// switching account (POST /api/session, then clearSession()) never shows the last user's data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  appSession,
  assertEngineCallsAs,
  census,
  settlesTo,
  type KitElement,
  latestScanId,
  pluginFrame,
  postedTo,
  recordRequests,
  recordShown,
  staleRecords,
  usersOf,
  valueFor,
  valueIn,
  waitForReady,
  waitForShown,
  type Readings,
  type ShownRecord,
} from '../helpers/framework-app.js';
import { closeClean } from '../helpers/browser.js';
import { WAIT_MS } from '../helpers/patience.js';

/**
 * Kit elements on the Results view: the IntelliProve card, the gauge, the Sahha card and the
 * recommendations.
 */
const CARD = 'ip-biomarker-card';
const GAUGE = 'ip-metric-gauge';
const ADVICE = 'ip-recommendations';
/** The Sahha (weight) card is the second `CARD`. */
const WEIGHT = 1;

/** Two sandbox users with different scans: the account control's two accounts. */
const A = 'demo@example.com';
const B = 'amy@example.com';
/** The Results view's IntelliProve elements (English), whose values tell A from B. */
const PERSONAL: KitElement[] = [
  { tag: CARD, provider: '', what: 'heart_rate' },
  { tag: GAUGE, provider: '', what: 'mental_stress' },
];

/** Waits until the account control says `text` ("Signed in as …", "Signed out"). */
const accountShows = (page: Page, text: string) =>
  page.getByTestId('account').filter({ hasText: text }).waitFor({ timeout: WAIT_MS });

/** Waits until the Results view's card and gauge show `readings`' values. */
async function showsValues(page: Page, readings: Readings): Promise<void> {
  const [card, gauge] = PERSONAL.map((el) => valueFor(readings, el)!.replace('.', '\\.'));
  await waitForShown(page, CARD, new RegExp(`^Heart rate ${card} bpm`));
  await waitForShown(page, GAUGE, new RegExp(`^Mental stress ${gauge} `));
}

/**
 * What the card and gauge showed in `phase`: never `stale`'s values; `fresh`'s in the end,
 * after loading.
 */
function assertShownOnly(
  records: ShownRecord[],
  phase: string,
  fresh: Readings,
  stale: Readings,
): void {
  assert.deepEqual(staleRecords(records, phase, stale, fresh), [], "the last user's values");
  for (const el of PERSONAL) {
    assert.notEqual(valueFor(stale, el), valueFor(fresh, el), `${el.what}: the users differ`);
    const mine = records.filter(
      (r) => r.phase === phase && r.tag === el.tag && r.provider === '' && r.what === el.what,
    );
    const firstFresh = mine.findIndex((r) => valueIn(r.text) === valueFor(fresh, el));
    assert.ok(firstFresh >= 0, `${el.what} showed ${valueFor(fresh, el)}`);
    assert.ok(
      mine.slice(0, firstFresh).some((r) => r.status === 'loading'),
      `${el.what} showed loading first: ${JSON.stringify(mine)}`,
    );
  }
}

describe('Vue demo app', () => {
  const session = appSession('vue');

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
    await waitForShown(page, ADVICE, /^Recommendations \S/);
    // The gauge drew its ring (SVG, sized by its box).
    await page.waitForFunction(
      () =>
        document.querySelector('ip-metric-gauge')!.shadowRoot!.querySelector('svg')?.clientWidth,
      undefined,
      { timeout: WAIT_MS },
    );
    // @ip-load reached the app: one per element.
    assert.equal(await page.textContent('[data-testid="load-count"]'), 'ip-load events: 4');

    // Over the wire: one IntelliProve token for its card, gauge and recommendations, one Sahha
    // token, and API calls carrying them.
    assert.deepEqual(postedTo(wire, '/api/ip-token'), [{ purpose: 'api', language: 'en' }]);
    assert.equal(postedTo(wire, '/api/sahha-token').length, 1);
    const engine = session.sandbox.engine.url;
    const apiCalls = wire.filter((r) => r.url.origin === engine && r.type === 'fetch');
    assert.deepEqual(apiCalls.map((r) => r.path).sort(), [
      '/v2/face-scans/latest',
      '/v2/metrics',
      '/v2/recommendations',
    ]);
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
    await waitForShown(page, ADVICE, /^Aanbevelingen \S/);

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
    await closeClean(page, { errors, violations });
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
        { timeout: WAIT_MS },
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
    await result.waitFor({ timeout: WAIT_MS });
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

    await closeClean(page, { errors, violations });
  });

  it("signing out and in as another user: Results shows only the new user's data", async () => {
    const { page, errors, violations } = await session.open('/vue/');
    const { readings, ids } = await usersOf(session.sandbox, A, B);

    // Sign in as A (until now the host's default user).
    await page.getByRole('button', { name: 'Sign out' }).click();
    await accountShows(page, 'Signed out');
    await page.getByRole('button', { name: `Sign in as ${A}` }).click();
    await accountShows(page, `Signed in as ${A}`);
    const shown = await recordShown(page);
    await shown.phase(A);
    await page.getByRole('link', { name: 'Results' }).click();
    await showsValues(page, readings[A]!);
    await waitForReady(page);

    // Sign out: the app leaves Results, so its elements go.
    await shown.phase(B);
    const wire = recordRequests(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await accountShows(page, 'Signed out');
    assert.equal(new URL(page.url()).pathname, '/vue/');
    assert.equal(await page.locator('ip-biomarker-card, ip-metric-gauge').count(), 0);
    assert.deepEqual(postedTo(wire, '/api/ip-token'), [], 'signed out: no token asked for');

    // Sign in as B: back on Results, with B's values only.
    await page.getByRole('button', { name: `Sign in as ${B}` }).click();
    await accountShows(page, `Signed in as ${B}`);
    await page.waitForURL(/\/vue\/results$/);
    await showsValues(page, readings[B]!);
    await waitForReady(page);
    const records = await shown.records();
    assert.ok(
      records.some(
        (r) => r.phase === A && valueIn(r.text) === valueFor(readings[A]!, PERSONAL[0]!),
      ),
      "the recorder saw A's values before",
    );
    assertShownOnly(records, B, readings[B]!, readings[A]!);

    // Over the wire: the session changed first, then one fresh token, read with as B only.
    assert.deepEqual(postedTo(wire, '/api/session'), [{ user: '' }, { user: B }]);
    assert.deepEqual(postedTo(wire, '/api/ip-token'), [{ purpose: 'api', language: 'en' }]);
    const signIn = wire.findIndex((r) => r.path === '/api/session' && r.body.user === B);
    assert.ok(wire.findIndex((r) => r.path === '/api/ip-token') > signIn);
    assertEngineCallsAs(session.sandbox, wire, ids[B]!);

    assert.equal(await page.locator('[data-testid="results-error"]').count(), 0);
    assert.equal(await page.getByTestId('account-error').count(), 0);
    await closeClean(page, { errors, violations });
  });

  it("switching account with Results on screen: the same elements start over with the new user's data", async () => {
    const { page, errors, violations } = await session.open('/vue/');
    const { readings, ids } = await usersOf(session.sandbox, A, B);

    await accountShows(page, `Signed in as ${A}`);
    await page.getByRole('link', { name: 'Results' }).click();
    await showsValues(page, readings[A]!);
    await waitForReady(page);
    // Marks the elements on screen, to tell them from remounted ones.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('ip-biomarker-card, ip-metric-gauge'))
        (el as unknown as { kept: boolean }).kept = true;
    });

    const shown = await recordShown(page);
    await shown.phase(B);
    const wire = recordRequests(page);
    await page.getByRole('button', { name: `Switch to ${B}` }).click();
    await accountShows(page, `Signed in as ${B}`);
    await showsValues(page, readings[B]!);
    await waitForReady(page);
    assert.equal(new URL(page.url()).pathname, '/vue/results');
    assert.deepEqual(
      await page.$$eval('ip-biomarker-card, ip-metric-gauge', (els) =>
        els.map((el) => (el as unknown as { kept?: boolean }).kept === true),
      ),
      [true, true, true],
      'the same elements, never unmounted',
    );
    assertShownOnly(await shown.records(), B, readings[B]!, readings[A]!);
    await waitForShown(page, CARD, /^Weight 70 kg/, WEIGHT);

    // Over the wire: the session, then a fresh token for each token endpoint; API calls as B.
    assert.deepEqual(postedTo(wire, '/api/session'), [{ user: B }]);
    assert.deepEqual(postedTo(wire, '/api/ip-token'), [{ purpose: 'api', language: 'en' }]);
    assert.equal(postedTo(wire, '/api/sahha-token').length, 1);
    const switched = wire.findIndex((r) => r.path === '/api/session');
    assert.ok(wire.findIndex((r) => r.path === '/api/ip-token') > switched);
    assert.ok(wire.findIndex((r) => r.path === '/api/sahha-token') > switched);
    assertEngineCallsAs(session.sandbox, wire, ids[B]!);

    assert.equal(await page.locator('[data-testid="results-error"]').count(), 0);
    await closeClean(page, { errors, violations });
  });
});
