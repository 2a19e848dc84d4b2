// The React 19 demo app (demo/react, built with Vite) against the sandbox, under the demo
// host's strict CSP: bindings, events, the fake-camera scan, and clean unmounts — in the
// production build at /react/ and in React's development build (StrictMode double-mounts
// every component there) at /react/dev/.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  appSession,
  census,
  latestScanId,
  pluginFrame,
  recordRequests,
  settlesTo,
  waitForAllShown,
  type SentRequest,
} from '../helpers/framework-app.js';
import { closeClean } from '../helpers/browser.js';
import { WAIT_MS } from '../helpers/patience.js';

/** The cards and the gauge of the Results view, in page order. */
const CARDS = 'ip-biomarker-card, ip-metric-gauge, ip-recommendations';
/** What `CARDS` show when the view opens with its defaults. */
const FIRST_SHOWN = [
  /^Heart rate \d+ bpm/,
  /^Mental stress \d/,
  /^Weight 70 kg/,
  /^Recommendations \S/,
];

/** The token requests among `sent` (POSTs to /api/…), as `<endpoint> <purpose>`. */
const tokenRequests = (sent: readonly SentRequest[]): string[] =>
  sent
    .filter((r) => r.method === 'POST' && r.path.startsWith('/api/'))
    .map((r) => `${r.path} ${r.body?.purpose ?? ''}`.trim());

/** Clicks "New scanner" and waits until a new <ip-face-scan> shows its plug-in. */
async function remount(page: Page): Promise<void> {
  const old = await page.$('ip-face-scan');
  await page.click('[data-testid=remount]');
  await page.waitForFunction((previous) => {
    const scan = document.querySelector('ip-face-scan');
    return scan !== previous && scan?.shadowRoot?.querySelector('iframe');
  }, old);
}

/**
 * A stand-in for the React DevTools hook, the interface React reports to: which build runs
 * (`bundleType` 1 = development) and each time StrictMode starts a double invocation
 * (`setStrictMode(id, true)`: the second render, the simulated unmount and remount).
 */
function devToolsHook() {
  const seen = { bundleType: -1, strictPasses: 0 };
  Object.assign(window, {
    __reactSeen: seen,
    __REACT_DEVTOOLS_GLOBAL_HOOK__: {
      supportsFiber: true,
      inject: (renderer: { bundleType: number }) => ((seen.bundleType = renderer.bundleType), 1),
      setStrictMode: (_id: number, on: boolean) => void (on && seen.strictPasses++),
      onCommitFiberRoot() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
    },
  });
}
const reactSeen = (page: Page): Promise<{ bundleType: number; strictPasses: number }> =>
  page.evaluate(() => (window as unknown as { __reactSeen: never }).__reactSeen);

describe('React demo app', () => {
  const session = appSession('react');

  it('results: values render, bindings update, leaving unmounts everything', async () => {
    const { page, errors, violations } = await session.open('/react/');
    const sent = recordRequests(page);
    await page.waitForSelector('nav a[href="/react/results"]');
    const baseline = await census(page);
    assert.equal(baseline.elements, 0);

    await page.click('nav a[href="/react/results"]');
    await waitForAllShown(page, CARDS, FIRST_SHOWN);
    await page.waitForSelector('text=ip-load events: 4');
    // Four elements, two providers: one token for IntelliProve, one for Sahha.
    assert.deepEqual(tokenRequests(sent).sort(), ['/api/ip-token api', '/api/sahha-token api']);

    await page.selectOption('select[name=biomarker]', 'blood_pressure');
    await waitForAllShown(page, CARDS, [
      /^Blood pressure \d+\/\d+ mmHg/,
      /^Mental stress/,
      /^Weight/,
      /^Recommendations/,
    ]);
    await page.waitForSelector('text=ip-load events: 5');

    await page.selectOption('select[name=lang]', 'nl');
    const dutch = await waitForAllShown(page, CARDS, [
      /^Bloeddruk \d+\/\d+ mmHg/,
      /^Mentale stress/,
      /^Gewicht 70 kg/,
      /^Aanbevelingen \S/,
    ]);
    assert.match(dutch[1]!, /\d,\d/, 'Dutch numbers have a decimal comma');

    await page.selectOption('select[name=unit]', 'imperial');
    await waitForAllShown(page, CARDS, [
      /^Bloeddruk/,
      /^Mentale stress/,
      /^Gewicht 154 lb/,
      /^Aanbevelingen/,
    ]);

    await page.click('nav a[href="/react/"]');
    await settlesTo(page, baseline);
    assert.equal(await page.locator('[data-testid=results-error]').count(), 0);
    await closeClean(page, { errors, violations });
  });

  it('scan: the fake-camera scan reaches the app; remounting and leaving leave nothing behind', async () => {
    const { page, errors, violations } = await session.open('/react/');
    const sent = recordRequests(page);
    await page.waitForSelector('nav a[href="/react/scan"]');
    const baseline = await census(page);

    await page.click('nav a[href="/react/scan"]');
    await pluginFrame(page, session.sandbox.plugins.url);
    const mounted = {
      iframes: 1,
      messageListeners: baseline.messageListeners + 1,
      elements: 1,
    };
    await settlesTo(page, mounted);

    // A new key: React replaces the element; the old one's iframe and listener go with it.
    await remount(page);
    await settlesTo(page, mounted);
    assert.deepEqual(tokenRequests(sent), ['/api/ip-token face-scan', '/api/ip-token face-scan']);

    const frame = await pluginFrame(page, session.sandbox.plugins.url);
    await frame.click('#start');
    const result = await page.waitForSelector('[data-testid=scan-result]', { timeout: WAIT_MS });
    assert.equal(
      await result.textContent(),
      `Scan complete: ${await latestScanId(session.sandbox)}`,
    );

    await page.click('nav a[href="/react/"]');
    await settlesTo(page, baseline);
    assert.equal(await page.locator('[data-testid=scan-error]').count(), 0);
    await closeClean(page, { errors, violations });
  });

  it('development build: StrictMode double-mounts, yet one scanner, one token, clean unmounts', async () => {
    const { page, errors, violations } = await session.open('/react/');
    await page.addInitScript(devToolsHook);
    const sent = recordRequests(page);
    await page.goto(session.sandbox.host.url + '/react/dev/');
    await page.waitForSelector('nav a[href="/react/dev/scan"]');
    const baseline = await census(page);
    const started = await reactSeen(page);
    assert.equal(started.bundleType, 1, "React's development build runs");

    await page.click('nav a[href="/react/dev/scan"]');
    await pluginFrame(page, session.sandbox.plugins.url);
    const mounted = { iframes: 1, messageListeners: baseline.messageListeners + 1, elements: 1 };
    await settlesTo(page, mounted);
    assert.ok(
      (await reactSeen(page)).strictPasses > started.strictPasses,
      'StrictMode double-mounted',
    );
    // One token request per element: the double mount did not start a second plug-in.
    assert.deepEqual(tokenRequests(sent), ['/api/ip-token face-scan']);
    await remount(page);
    await settlesTo(page, mounted);
    assert.deepEqual(tokenRequests(sent), ['/api/ip-token face-scan', '/api/ip-token face-scan']);

    await page.click('nav a[href="/react/dev/results"]');
    await waitForAllShown(page, CARDS, FIRST_SHOWN);
    await page.waitForSelector('text=ip-load events: 4');
    assert.deepEqual(tokenRequests(sent).slice(2).sort(), [
      '/api/ip-token api',
      '/api/sahha-token api',
    ]);
    await page.click('nav a[href="/react/dev/"]');
    await settlesTo(page, baseline);
    await closeClean(page, { errors, violations });
  });
});
