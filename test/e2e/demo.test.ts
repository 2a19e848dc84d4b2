// What `npm start` serves, in Chromium: the demo page under its strict CSP, the classic
// script-tag build, its token endpoint, switching user in place (POST /api/session, then
// ip-clear-session), and chart.js fetched only where a chart is drawn.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR, waitForDefined, waitForStatus, watch } from '../helpers/browser.js';
import { fixtureSite } from '../helpers/fixture-host.js';
import {
  postedTo,
  readingsOf,
  recordRequests,
  recordShown,
  staleRecords,
  tokenSubject,
  userIdOf,
  waitForReady,
  waitForValues,
} from '../helpers/framework-app.js';
import { call } from '../helpers/http.js';
import { waitFor } from '../helpers/wait.js';

const TAGS = ['ip-face-scan', 'ip-dashboard', 'ip-biomarker-card', 'ip-metric-gauge'];

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
      { timeout: 10_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<string>);

/** The user (`sub`) of a plug-in URL's action token. */
const urlSubject = (src: string) =>
  tokenSubject(`Token ${new URL(src).searchParams.get('action_token')}`);

/** The hashed file name of a language's chunk, as built. */
const expectLocale = (lang: string) =>
  readdirSync(new URL('../../dist/chunks/', import.meta.url)).find((f) =>
    f.startsWith(`${lang}-`),
  )!;

describe('demo host', () => {
  const site = fixtureSite({ scanSeconds: 2, checkSeconds: 0.3 });

  it('serves the demo page with all four elements defined, no errors and no CSP violations', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    const response = await page.goto(site.sandbox.host.url);
    assert.match(
      response!.headers()['content-security-policy']!,
      /script-src 'self'; style-src 'self'/,
    );
    await waitForDefined(page, TAGS);
    await page.waitForFunction(() =>
      document.querySelector('ip-metric-gauge')?.shadowRoot?.querySelector('svg .arc'),
    );
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.errors, []);
    await page.close();
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
    await frame.waitForSelector('#continue', { timeout: 10_000 });
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
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.errors, []);
    await page.close();
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

  it('runs the bundle as a classic script (no type="module") with data-* defaults', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.sandbox.host.url);
    const script = await page.$eval('script[src$="intelliprove-widgets.js"]', (s) => ({
      type: s.getAttribute('type'),
      endpoint: (s as HTMLScriptElement).dataset.tokenEndpoint,
    }));
    assert.equal(script.type, null);
    assert.equal(script.endpoint, '/api/ip-token');
    await page.close();
  });

  it("answers the page's token requests for the signed-in user only", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.sandbox.host.url);
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
    await page.goto(`${site.sandbox.host.url}/login?user=`);
    assert.equal((await post({ purpose: 'api' })).status, 401, 'signed out: no token');
    await page.goto(`${site.sandbox.host.url}/login?user=amy%40example.com`);
    assert.equal((await post({ purpose: 'api' })).body.unit_system, 'imperial');
    await page.close();
  });

  it('serves a Sahha token endpoint for the signed-in user, whose token reads the Sahha sandbox', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.sandbox.host.url}/login?user=amy%40example.com`);
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
    }, site.sandbox.sahha.url);
    assert.equal(result.status, 200);
    assert.equal(result.scores, 200);
    assert.equal(result.body[0].externalId, 'amy@example.com');
    await page.close();
  });

  it('loads every module once on every demo page: one Lit, chart.js only with a trend, in one file', async () => {
    /** What a page fetched of the kit, and how many copies of Lit and chart.js ran. */
    const load = async (path: string) => {
      const page = await site.browser.newPage();
      const files: Promise<{ name: string; text: string }>[] = [];
      page.on('response', (response) => {
        const url = new URL(response.url());
        // The kit's files (the plug-in frames have /assets/ of their own, on their origin).
        if (url.origin === site.sandbox.host.url && url.pathname.startsWith('/assets/'))
          files.push(response.text().then((text) => ({ name: url.pathname.slice(8), text })));
      });
      await page.goto(site.sandbox.host.url + path);
      await page.waitForLoadState('networkidle');
      const lits = await page.evaluate(
        () => (globalThis as { litHtmlVersions?: unknown[] }).litHtmlVersions?.length ?? 0,
      );
      await page.close();
      const fetched = await Promise.all(files);
      const names = fetched.map((file) => file.name);
      return {
        names,
        lits,
        // chart.js's own message: in the one file that carries chart.js, if any.
        charts: fetched.filter((file) => file.text.includes('Canvas is already in use')).length,
      };
    };
    const pages = ['/', '/cards.html', '/cms.html', '/nl.html', '/scan.html', '/theme.html'];
    for (const path of pages) {
      const { names, lits, charts } = await load(path);
      assert.equal(new Set(names).size, names.length, `${path}: a file fetched twice`);
      assert.equal(lits, 1, `${path}: copies of Lit`);
      const trend = path === '/' || path === '/nl.html' || path === '/theme.html';
      assert.equal(charts, trend ? 1 : 0, `${path}: chart.js only for a card with history`);
      const sahha = names.some((name) => name.includes('sahha'));
      assert.equal(sahha, path === '/', `${path}: the Sahha provider only where it is used`);
    }
    const nl = await load('/nl.html');
    assert.ok(nl.names.includes(`chunks/${expectLocale('nl')}`), 'the Dutch texts');
    assert.ok(!nl.names.some((name) => /\/(fr|da|sv)-/.test(name)), 'no other language');
    const gauges = await load('/gauges.html');
    assert.equal(gauges.charts, 0, 'gauges alone receive no chart.js');
    assert.equal(gauges.lits, 1);
  });

  it('survives the script included twice', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    await page.route(`${site.sandbox.host.url}/twice.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><script src="/assets/intelliprove-widgets.js" data-token-endpoint="/api/ip-token"></script>
               <script src="/assets/intelliprove-widgets.js" data-token-endpoint="/api/ip-token"></script>
               <ip-metric-gauge metric="mental_stress"></ip-metric-gauge>`,
      }),
    );
    await page.goto(`${site.sandbox.host.url}/twice.html`);
    await waitForDefined(page, ['ip-metric-gauge']);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('"Switch user" switches in place: no reload, only the new user\'s data, new plug-in URLs', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const seen = await watch(page);
    await page.addInitScript('window.__name = (f) => f'); // tsx names the functions it compiles
    const readings = {
      [A]: await readingsOf(site.sandbox, A),
      [B]: await readingsOf(site.sandbox, B),
    };
    const ids = { [A]: await userIdOf(site.sandbox, A), [B]: await userIdOf(site.sandbox, B) };
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
    const calls = wire.filter((r) => r.url.origin === site.sandbox.engine.url);
    assert.ok(calls.length > 0);
    assert.deepEqual(
      calls.filter((r) => tokenSubject(r.authorization) !== ids[B]).map((r) => r.path),
      [],
      'every API call as B',
    );
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.errors, []);
    await page.close();
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
    // Signed out: every IntelliProve element asks the user to sign in.
    await waitForStatus(
      page,
      'ip-biomarker-card:not([provider]), ip-metric-gauge:not([provider])',
      ['error'],
    );
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
