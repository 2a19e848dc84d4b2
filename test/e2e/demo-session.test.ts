// What `npm start` serves, in Chromium: switching user on the demo page, in place (POST
// /api/session, then ip-clear-session) and without JavaScript (GET /login).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { closeClean, waitForStatus, watch } from '../helpers/browser.js';
import { fixtureSite } from '../helpers/fixture-host.js';
import {
  assertEngineCallsAs,
  postedTo,
  recordRequests,
  recordShown,
  staleRecords,
  tokenSubject,
  usersOf,
  waitForReady,
  waitForValues,
} from '../helpers/framework-app.js';
import { call } from '../helpers/http.js';
import { WAIT_MS } from '../helpers/patience.js';

/** Two sandbox users with different scans: the demo host's default user, and another. */
const A = 'demo@example.com';
const B = 'amy@example.com';

/** The src of `tag`'s plug-in iframe once it is ready (a new one after a restart). */
const pluginSrc = (page: Page, tag: 'ip-face-scan' | 'ip-dashboard', not = '') =>
  page
    .waitForFunction(
      ([tag, not]) => {
        const el = document.querySelector(tag);
        const src = el?.shadowRoot?.querySelector('iframe')?.src;
        return el?.getAttribute('status') === 'ready' && src && src !== not ? src : null;
      },
      [tag, not] as const,
      { timeout: WAIT_MS },
    )
    .then((handle) => handle.jsonValue() as Promise<string>);

/** The user (`sub`) of a plug-in URL's action token. */
const urlSubject = (src: string) =>
  tokenSubject(`Token ${new URL(src).searchParams.get('action_token')}`);

describe('demo host sessions', () => {
  const site = fixtureSite();

  it('"Switch user" switches in place: no reload, only the new user\'s data, new plug-in URLs', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const seen = await watch(page);
    await page.addInitScript('window.__name = (f) => f'); // tsx names the functions it compiles
    const { readings, ids } = await usersOf(site.sandbox, A, B);
    await page.goto(site.sandbox.host.url);
    await waitForReady(page);
    await waitForValues(page, readings[A]!);
    const scanSrc = await pluginSrc(page, 'ip-face-scan');
    const dashboardSrc = await pluginSrc(page, 'ip-dashboard');
    assert.equal(urlSubject(scanSrc), ids[A]);

    // The page must stay: the same document, at the same URL.
    const url = page.url();
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    // Marks the plug-in iframes, to tell them from fresh ones.
    await page.$$eval('ip-face-scan, ip-dashboard', (els) => {
      for (const el of els)
        (el.shadowRoot!.querySelector('iframe') as unknown as { old: boolean }).old = true;
    });
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    const shown = await recordShown(page);
    await shown.phase(B);
    const wire = recordRequests(page);
    await page.selectOption('form.session select', B);
    await page.click('form.session button[type="submit"]');
    await page.waitForFunction(
      (b) => document.getElementById('session-state')?.textContent === `Now signed in as ${b}`,
      B,
    );

    await waitForValues(page, readings[B]!);
    await waitForReady(page);
    const newScanSrc = await pluginSrc(page, 'ip-face-scan', scanSrc);
    const newDashboardSrc = await pluginSrc(page, 'ip-dashboard', dashboardSrc);
    assert.deepEqual(
      await page.$$eval('ip-face-scan, ip-dashboard', (els) =>
        els.map(
          (el) =>
            (el.shadowRoot!.querySelector('iframe') as unknown as { old?: boolean }).old ?? false,
        ),
      ),
      [false, false],
      'fresh iframes',
    );
    assert.equal(urlSubject(newScanSrc), ids[B], "the face scan is B's");
    assert.equal(urlSubject(newDashboardSrc), ids[B], "the dashboard is B's");
    assert.equal(page.url(), url);
    assert.equal(
      await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed),
      true,
    );
    assert.deepEqual(navigations, []);
    assert.equal(await page.inputValue('form.session select'), B);

    // At no moment since the switch did a card or gauge show A's value.
    const records = await shown.records();
    assert.ok(records.filter((r) => r.phase === B).length > 20, 'the recorder saw the switch');
    assert.deepEqual(staleRecords(records, B, readings[A]!, readings[B]!), []);

    // Over the wire: the session, then fresh tokens; every API call after it as B.
    assert.deepEqual(postedTo(wire, '/api/session'), [{ user: B }]);
    assert.ok(!wire.some((r) => r.path === '/login'), 'no GET /login');
    const tokens = postedTo(wire, '/api/ip-token').map((body) => body.purpose);
    assert.deepEqual(tokens.sort(), ['api', 'dashboard', 'face-scan']);
    assert.equal(postedTo(wire, '/api/sahha-token').length, 1);
    const switched = wire.findIndex((r) => r.path === '/api/session');
    assert.ok(wire.findIndex((r) => r.path === '/api/ip-token') > switched);
    assertEngineCallsAs(site.sandbox, wire, ids[B]!);
    await closeClean(page, seen);
  });

  it('"Switch user" to signed out, and back, in place', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    await page.goto(site.sandbox.host.url);
    await waitForReady(page);
    const signIn = async (user: string, state: string) => {
      await page.selectOption('form.session select', user);
      await page.click('form.session button[type="submit"]');
      await page.waitForFunction(
        (state) => document.getElementById('session-state')?.textContent === state,
        state,
      );
    };
    await signIn('', 'Signed out');
    // Signed out: every card and gauge (IntelliProve's and Sahha's) asks the user to sign in.
    await waitForStatus(page, 'ip-biomarker-card, ip-metric-gauge', ['error']);
    // Signed out, the token endpoints answer 401 and the kit says so on the console; nothing else.
    const signedOut = seen.errors.length;
    assert.deepEqual(
      seen.errors.filter((e) => !/\b401\b/.test(e)),
      [],
    );
    await signIn(A, `Now signed in as ${A}`);
    await waitForReady(page);
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.errors.slice(signedOut), [], 'signed in again: no errors');
    await page.close();
  });

  it('without JavaScript, "Switch user" still switches: GET /login and a reload', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.sandbox.host.url);
    const wire = recordRequests(page);
    await page.selectOption('form.session select', B);
    await Promise.all([page.waitForEvent('load'), page.click('form.session button')]);
    assert.deepEqual(
      wire
        .filter((r) => ['/', '/login', '/api/session'].includes(r.path))
        .map((r) => `${r.method} ${r.url.pathname}${r.url.search}`),
      [`GET /login?user=${encodeURIComponent(B)}`, 'GET /'],
    );
    assert.equal(page.url(), `${site.sandbox.host.url}/`);
    assert.equal(await page.inputValue('form.session select'), B);
    const cookies = await context.cookies();
    assert.equal(cookies.find((c) => c.name === 'demo_user')?.value, encodeURIComponent(B));
    await context.close();
  });

  it('POST /api/session sets the session cookie, and refuses anything else without echoing it', async () => {
    const host = site.sandbox.host.url;
    const post = (raw: string, headers: Record<string, string> = {}) =>
      call(host, 'POST', '/api/session', {
        raw,
        headers: { 'content-type': 'application/json', ...headers },
      });
    const cookie = (user: string) =>
      `demo_user=${encodeURIComponent(user)}; Path=/; SameSite=Lax; HttpOnly`;
    for (const user of [B, '']) {
      const answer = await post(JSON.stringify({ user }));
      assert.equal(answer.status, 204);
      assert.equal(answer.headers.get('set-cookie'), cookie(user));
      assert.equal(answer.text, '');
    }
    const hostile = '<script>alert(1)</script>';
    const refused: [status: number, answer: Promise<Awaited<ReturnType<typeof post>>>][] = [
      [400, post('not json')],
      [400, post('[]')],
      [400, post('null')],
      [400, post('{}')],
      [400, post(JSON.stringify({ user: 42 }))],
      [400, post(JSON.stringify({ user: A, admin: true }))],
      [400, post(JSON.stringify({ user: hostile }))],
      [400, post(JSON.stringify({ [hostile]: hostile }))],
      [413, post(JSON.stringify({ user: 'x'.repeat(4096) }))],
      [415, post(JSON.stringify({ user: A }), { 'content-type': 'text/plain' })],
      [403, post(JSON.stringify({ user: A }), { origin: 'http://evil.test' })],
      [405, call(host, 'GET', '/api/session')],
    ];
    for (const [status, pending] of refused) {
      const answer = await pending;
      assert.equal(answer.status, status, answer.text);
      assert.equal(answer.headers.get('set-cookie'), null);
      assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
      assert.ok(!answer.text.includes('<') && !answer.text.includes('alert'), answer.text);
    }

    // GET /login sends the browser back to a path on the host only.
    const back = async (to: string) => {
      const answer = await fetch(`${host}/login?user=&back=${encodeURIComponent(to)}`, {
        redirect: 'manual',
      });
      return answer.headers.get('location');
    };
    assert.equal(await back('/vue/results'), '/vue/results');
    assert.equal(await back('//evil.test/'), '/');
    assert.equal(await back('/\\evil.test/'), '/');
    assert.equal(await back('https://evil.test/'), '/');
  });
});
