// What `npm start` serves, in Chromium: the demo page under its strict CSP, the classic
// script-tag build and its token endpoint. Switching user: demo-session.test.ts; what each
// page loads: demo-modules.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  KIT_TAGS,
  OUTPUT_DIR,
  waitForDefined,
  waitForStatus,
  watch,
  closeClean,
} from '../helpers/browser.js';
import { DEFAULT_USER, sessionCookie } from '../../demo/host/host.js';
import { fixtureSite } from '../helpers/fixture-host.js';
import { call } from '../helpers/http.js';
import { waitFor } from '../helpers/wait.js';
import { WAIT_MS } from '../helpers/patience.js';

describe('demo host', () => {
  const site = fixtureSite({ scanSeconds: 1, checkSeconds: 0.3 });

  describe('the demo page', () => {
    let page: Page;
    let seen: Awaited<ReturnType<typeof watch>>;
    let csp: string | undefined;
    before(async () => {
      page = await site.browser.newPage();
      seen = await watch(page);
      csp = (await page.goto(site.sandbox.host.url))!.headers()['content-security-policy'];
    });
    after(() => page?.close());

    it('is served with all five elements defined, no errors and no CSP violations', async () => {
      // Strict, with what cspFor adds for the kit.
      for (const directive of [
        "default-src 'self'",
        "script-src 'self';",
        `connect-src 'self' ${site.sandbox.engine.url} ${site.sandbox.sahha.url};`,
        `frame-src 'self' https://*.intelliprove.com ${site.sandbox.plugins.url};`,
        `img-src 'self' data: https://*.intelliprove.com ${site.sandbox.engine.url};`,
        "require-trusted-types-for 'script'",
      ])
        assert.ok(csp!.includes(directive), `${directive} is not in ${csp}`);
      await waitForDefined(page, KIT_TAGS);
      await page.waitForFunction(() =>
        document.querySelector('ip-metric-gauge')?.shadowRoot?.querySelector('svg .arc'),
      );
      // The recommendations' pictures, from the sandbox engine, which the policy allows (lazy:
      // loaded once in view).
      await page.locator('ip-recommendations').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => {
        const images = document
          .querySelector('ip-recommendations')
          ?.shadowRoot?.querySelectorAll('img');
        return images?.length && [...images].every((img) => img.naturalWidth > 0);
      });
      assert.deepEqual(seen.violations, [], 'CSP violations');
      assert.deepEqual(seen.errors, [], 'console errors');
    });

    it('runs the bundle as a classic script (no type="module") with data-* defaults', async () => {
      const script = await page.$eval('script[src$="intelliprove-widgets.js"]', (s) => ({
        type: s.getAttribute('type'),
        endpoint: (s as HTMLScriptElement).dataset.tokenEndpoint,
      }));
      assert.equal(script.type, null);
      assert.equal(script.endpoint, '/api/ip-token');
    });
  });

  it('shows a scan start to finish, then the refreshed dashboard; "Scan again" restarts', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const seen = await watch(page);
    const tokenRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/ip-token'))
        tokenRequests.push(JSON.parse(r.postData() ?? '{}').purpose);
    });
    await page.goto(site.sandbox.host.url);
    const scanFrame = async () => {
      const handle = await page.waitForFunction(() =>
        document.querySelector('ip-face-scan')?.getAttribute('status') === 'ready'
          ? document.querySelector('ip-face-scan')!.shadowRoot!.querySelector('iframe')
          : null,
      );
      return (await handle.asElement()!.contentFrame())!;
    };
    const frame = await scanFrame();
    await waitForStatus(page, 'ip-dashboard');
    const dashboardsBefore = tokenRequests.filter((p) => p === 'dashboard').length;
    await frame.click('#start');
    await frame.waitForSelector('#continue', { timeout: WAIT_MS });
    await frame.click('#continue');
    await page.waitForFunction(() =>
      document.getElementById('events')!.textContent!.includes('ip-dismiss'),
    );
    const log = await page.textContent('#events');
    assert.match(log!, /ip-scan-complete faceScanId [0-9a-f-]{36}/);
    const dashboards = () => tokenRequests.filter((p) => p === 'dashboard').length;
    await waitFor(() => dashboards() > dashboardsBefore, 'the dashboard reloading');
    await waitForStatus(page, 'ip-dashboard');
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
    await closeClean(page, seen);
  });

  it('switches the results language and unit system in place', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    await page.goto(`${site.sandbox.host.url}/login?user=amy%40example.com`);
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
    await waitForStatus(page, 'ip-biomarker-card');
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
    const page = await site.browser.newPage({ viewport: { width: 900, height: 1400 } });
    const seen = await watch(page);
    await page.goto(`${site.sandbox.host.url}/cms.html`);
    await waitForStatus(page, 'ip-face-scan, ip-biomarker-card, ip-metric-gauge');
    assert.equal(
      await page.$$eval('script', (scripts) => scripts.length),
      1,
      'one script tag, nothing else',
    );
    await page.screenshot({ path: `${OUTPUT_DIR}demo-cms.png`, fullPage: true });
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  /**
   * A blank page on the demo host's origin (the browser makes it up; no kit on it), for calls
   * to the host's own endpoints as the demo page makes them: same origin, the session's cookie.
   */
  async function hostOrigin(): Promise<Page> {
    const page = await site.browser.newPage();
    const blank = `${site.sandbox.host.url}/blank.html`;
    await page.route(blank, (route) =>
      // Signed in as a first visit to one of the host's pages is.
      route.fulfill({
        contentType: 'text/html',
        headers: { 'set-cookie': sessionCookie(DEFAULT_USER) },
        body: '<!doctype html><title>Blank</title>',
      }),
    );
    await page.goto(blank);
    return page;
  }

  /** Signs `page` in as `user` ('' = out) as the demo page's "Switch user" does. */
  const signIn = (page: Page, user: string) =>
    page.evaluate(async (user) => {
      const answer = await fetch('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user }),
      });
      if (answer.status !== 204) throw new Error(`POST /api/session: ${answer.status}`);
    }, user);

  it("answers the page's token requests for the signed-in user only", async () => {
    const page = await hostOrigin();
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
    assert.ok(scan.body.url.startsWith(`${site.sandbox.plugins.url}/face-scan/?action_token=`));
    await signIn(page, '');
    assert.equal((await post({ purpose: 'api' })).status, 401, 'signed out: no token');
    await signIn(page, 'amy@example.com');
    assert.equal((await post({ purpose: 'api' })).body.unit_system, 'imperial');
    await page.close();
  });

  it('serves a Sahha token endpoint for the signed-in user, whose token reads the Sahha sandbox', async () => {
    const page = await hostOrigin();
    await signIn(page, 'amy@example.com');
    const answer = await page.evaluate(async () => {
      const answer = await fetch('/api/sahha-token', {
        method: 'POST',
        body: JSON.stringify({ purpose: 'api' }),
      });
      return { status: answer.status, body: await answer.json() };
    });
    await page.close();
    assert.equal(answer.status, 200);
    const scores = await call(site.sandbox.sahha.url, 'GET', '/api/v1/profile/score?types=sleep', {
      headers: { authorization: `profile ${answer.body.token}` },
    });
    assert.equal(scores.status, 200);
    assert.equal(scores.body[0].externalId, 'amy@example.com');
  });
});
