// <ip-face-scan> from the script-tag build, in Chromium with a fake camera, against the
// sandbox: a whole scan under a strict CSP, and the camera checks a host page can trip.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { OUTPUT_DIR, recordEvents, waitForStatus, watch, closeClean } from '../helpers/browser.js';
import { fixtureSite, kitPage } from '../helpers/fixture-host.js';
import { pluginFrame } from '../helpers/framework-app.js';
import { call } from '../helpers/http.js';
import { poll } from '../helpers/wait.js';
import { WAIT_MS } from '../helpers/patience.js';

/** The kit events a host page of a face scan listens to. */
const EVENTS = ['ip-ready', 'ip-stage', 'ip-scan-complete', 'ip-dismiss', 'ip-error'];

/** What the face scan on the page shows. */
const scanText = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.querySelector('ip-face-scan')!.shadowRoot!.textContent);

describe('<ip-face-scan> end to end', () => {
  // insecure.test: the host again, under a name that is neither https nor localhost.
  const site = fixtureSite({ scanSeconds: 1, checkSeconds: 0.3 }, [
    '--host-resolver-rules=MAP insecure.test 127.0.0.1',
  ]);
  const scanPage = (path: string, headers: Record<string, string> = {}) =>
    site.host.page(path, kitPage(site.sandbox, '<ip-face-scan></ip-face-scan>'), headers);

  it('runs a whole scan under a strict CSP with zero violations', async () => {
    const { sandbox, browser } = site;
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    const seen = await watch(page);
    const events = await recordEvents(page, EVENTS);
    const csp =
      `default-src 'self'; script-src 'self'; style-src 'self'; frame-src ${sandbox.plugins.url}; ` +
      `connect-src 'self'; require-trusted-types-for 'script'`;
    await page.goto(scanPage('/csp.html', { 'content-security-policy': csp }));
    await waitForStatus(page, 'ip-face-scan');

    const frame = await pluginFrame(page, sandbox.plugins.url);
    await frame.click('#start');
    await frame.waitForFunction(() =>
      document.querySelector('#status')?.textContent?.includes('Measuring'),
    );
    await page.screenshot({ path: `${OUTPUT_DIR}face-scan-element-recording.png` });
    await frame.waitForSelector('#continue', { timeout: WAIT_MS });
    await frame.click('#continue');
    await poll(events, (log) => log.some((e) => e.type === 'ip-dismiss'), 10_000);

    const log = await events();
    assert.deepEqual(
      log.filter((e) => e.type === 'ip-stage').map((e) => e.detail.stage),
      [
        'startNewMeasurement',
        'recordingStarted',
        'recordingStopped',
        'faceScanSuccessful',
        'dismiss',
      ],
    );
    const latest = await call(
      sandbox.engine.url,
      'GET',
      '/v2/face-scans/latest?external_user_id=demo@example.com',
      {
        key: SANDBOX_API_KEY,
      },
    );
    const complete = log.find((e) => e.type === 'ip-scan-complete')!;
    assert.equal(complete.detail.faceScanId, latest.body[0].face_scan_id);
    assert.deepEqual(
      log.filter((e) => e.type !== 'ip-stage').map((e) => e.type),
      ['ip-ready', 'ip-scan-complete', 'ip-dismiss'],
    );
    await closeClean(page, seen);
  });

  for (const [name, frameSrc] of [
    ['without the plug-in origin', "frame-src 'self'"],
    ['through default-src', ''],
  ]) {
    it(`reports frame-blocked, never ip-ready, when the page's CSP blocks the plug-in (${name})`, async () => {
      const page = await site.browser.newPage();
      const seen = await watch(page);
      const events = await recordEvents(page, EVENTS);
      const csp = `default-src 'self'; script-src 'self'; style-src 'self'; ${frameSrc}`;
      const path = `/blocked-${frameSrc ? 'frame' : 'default'}.html`;
      await page.goto(scanPage(path, { 'content-security-policy': csp }));
      await waitForStatus(page, 'ip-face-scan', ['error']);
      // The blocked frame is gone: no load, so no ip-ready, can follow.
      await page.waitForFunction(
        () => !document.querySelector('ip-face-scan')!.shadowRoot!.querySelector('iframe'),
      );
      const log = await events();
      assert.deepEqual(
        log.map((e) => (e.type === 'ip-error' ? `ip-error ${e.detail.code}` : e.type)),
        ['ip-error frame-blocked'],
      );
      assert.match((await scanText(page))!, /does not allow the IntelliProve plug-in to load/);
      assert.ok(
        seen.errors.some((e) => e.includes(`frame-src ${site.sandbox.plugins.url}`)),
        'the console names the directive and the origin to add',
      );
      await page.close();
    });
  }

  it('needs allow="camera": the same plug-in in a bare iframe cannot reach the camera', async () => {
    const page = await site.browser.newPage();
    await page.goto(scanPage('/bare.html'));
    const allow = await page.waitForFunction(() =>
      document
        .querySelector('ip-face-scan')
        ?.shadowRoot?.querySelector('iframe')
        ?.getAttribute('allow'),
    );
    assert.match(String(await allow.jsonValue()), /camera/);
    // The same kind of URL, framed by hand without the attribute:
    await page.evaluate(async () => {
      const answer = await fetch('/api/ip-token', {
        method: 'POST',
        body: JSON.stringify({ purpose: 'face-scan' }),
      });
      const bare = document.createElement('iframe');
      bare.id = 'bare';
      bare.src = (await answer.json()).url;
      document.body.append(bare);
    });
    const bareFrame = await (await page.waitForSelector('#bare')).contentFrame();
    await bareFrame!.waitForSelector('#start');
    await bareFrame!.click('#start');
    await bareFrame!.waitForSelector('h2.error');
    assert.match((await bareFrame!.textContent('h2.error')) ?? '', /camera is not available/);
    await page.close();
  });

  for (const policy of ['camera=()', 'camera=(self)']) {
    it(`says so when the page's Permissions-Policy (${policy}) blocks the camera`, async () => {
      const page = await site.browser.newPage();
      const events = await recordEvents(page, EVENTS);
      await page.goto(scanPage('/pp.html', { 'permissions-policy': policy }));
      await waitForStatus(page, 'ip-face-scan', ['error']);
      assert.match((await scanText(page))!, /does not allow the camera/);
      assert.deepEqual(
        (await events()).map((e) => `${e.type} ${e.detail.code}`),
        ['ip-error camera-blocked'],
      );
      assert.equal(
        await page.evaluate(() =>
          document.querySelector('ip-face-scan')!.shadowRoot!.querySelector('iframe'),
        ),
        null,
      );
      await page.close();
    });
  }

  it('allows the camera when the Permissions-Policy lists the plug-in origin', async () => {
    const page = await site.browser.newPage();
    await page.goto(
      scanPage('/pp-ok.html', {
        'permissions-policy': `camera=(self "${site.sandbox.plugins.url}")`,
      }),
    );
    await waitForStatus(page, 'ip-face-scan');
    await page.close();
  });

  it('says so on an insecure (http, not localhost) page, without asking for a URL', async () => {
    const port = new URL(site.sandbox.host.url).port;
    const page = await site.browser.newPage();
    const tokenRequests: string[] = [];
    page.on('request', (r) => r.url().includes('/api/ip-token') && tokenRequests.push(r.url()));
    await page.goto(`http://insecure.test:${port}/scan.html`);
    await waitForStatus(page, 'ip-face-scan', ['error']);
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    assert.match((await scanText(page))!, /only works on secure \(https\) pages/);
    assert.deepEqual(tokenRequests, []);
    await page.close();
  });
});
