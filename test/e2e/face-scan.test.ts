// <ip-face-scan> from the script-tag build, in Chromium with a fake camera, against the
// sandbox: a whole scan under a strict CSP, and the camera checks a host page can trip.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { startSandbox, type Sandbox } from '../../demo/sandbox/index.js';
import { CHROMIUM_FLAGS, chromiumPath } from '../../scripts/chromium.mjs';
import { OUTPUT_DIR, launch, watch } from '../helpers/browser.js';
import { kitPage, startFixtureHost, type FixtureHost } from '../helpers/fixture-host.js';
import { call } from '../helpers/http.js';

/** Records the kit's events on `document` into `window.__events` (page.evaluate is not subject to CSP). */
async function recordEvents(page: Page) {
  await page.evaluate(() => {
    const events: { type: string; detail: unknown }[] = [];
    (window as any).__events = events;
    for (const type of ['ip-ready', 'ip-stage', 'ip-scan-complete', 'ip-dismiss', 'ip-error']) {
      document.addEventListener(type, (e) =>
        events.push({ type, detail: (e as CustomEvent).detail }),
      );
    }
  });
}

const events = (page: Page): Promise<{ type: string; detail: any }[]> =>
  page.evaluate(() => (window as any).__events);

async function pluginFrame(page: Page, origin: string): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(origin));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('no plug-in frame');
}

describe('<ip-face-scan> end to end', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let host: FixtureHost;
  const scanPage = (path: string, headers: Record<string, string> = {}) =>
    host.page(path, kitPage(sandbox, '<ip-face-scan></ip-face-scan>'), headers);

  before(async () => {
    sandbox = await startSandbox({ scanSeconds: 2, checkSeconds: 0.3 });
    host = await startFixtureHost(sandbox);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await host?.close();
    await sandbox?.close();
  });

  it('runs a whole scan under a strict CSP with zero violations', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    const seen = await watch(page);
    const csp =
      `default-src 'self'; script-src 'self'; style-src 'self'; frame-src ${sandbox.plugins.url}; ` +
      `connect-src 'self'; require-trusted-types-for 'script'`;
    await page.goto(scanPage('/csp.html', { 'content-security-policy': csp }));
    await recordEvents(page);
    await page.waitForFunction(() =>
      (window as any).__events.some((e: any) => e.type === 'ip-ready'),
    );

    const frame = await pluginFrame(page, sandbox.plugins.url);
    await frame.click('#start');
    await frame.waitForFunction(() =>
      document.querySelector('#status')?.textContent?.includes('Measuring'),
    );
    await page.screenshot({ path: `${OUTPUT_DIR}face-scan-element-recording.png` });
    await frame.waitForSelector('#continue', { timeout: 10_000 });
    await frame.click('#continue');
    await page.waitForFunction(() =>
      (window as any).__events.some((e: any) => e.type === 'ip-dismiss'),
    );

    const log = await events(page);
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
    assert.ok(!log.some((e) => e.type === 'ip-error'));
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  for (const [name, frameSrc] of [
    ['without the plug-in origin', "frame-src 'self'"],
    ['through default-src', ''],
  ]) {
    it(`reports frame-blocked, never ip-ready, when the page's CSP blocks the plug-in (${name})`, async () => {
      const page = await browser.newPage();
      const seen = await watch(page);
      const csp = `default-src 'self'; script-src 'self'; style-src 'self'; ${frameSrc}`;
      const path = `/blocked-${frameSrc ? 'frame' : 'default'}.html`;
      await page.goto(scanPage(path, { 'content-security-policy': csp }));
      await recordEvents(page);
      await page.waitForFunction(
        () => document.querySelector('ip-face-scan')?.getAttribute('status') === 'error',
      );
      await page.waitForTimeout(300); // an ip-ready would have come by now
      const log = await events(page);
      assert.deepEqual(
        log.map((e) => (e.type === 'ip-error' ? `ip-error ${e.detail.code}` : e.type)),
        ['ip-error frame-blocked'],
      );
      const text = await page.evaluate(
        () => document.querySelector('ip-face-scan')!.shadowRoot!.textContent,
      );
      assert.match(text!, /does not allow the IntelliProve plug-in to load/);
      assert.ok(
        seen.errors.some((e) => e.includes(`frame-src ${sandbox.plugins.url}`)),
        'the console names the directive and the origin to add',
      );
      await page.close();
    });
  }

  it('needs allow="camera": the same plug-in in a bare iframe cannot reach the camera', async () => {
    const page = await browser.newPage();
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
      const page = await browser.newPage();
      await page.goto(scanPage('/pp.html', { 'permissions-policy': policy }));
      await recordEvents(page);
      await page.waitForFunction(
        () => document.querySelector('ip-face-scan')?.getAttribute('status') === 'error',
      );
      const text = await page.evaluate(
        () => document.querySelector('ip-face-scan')!.shadowRoot!.textContent,
      );
      assert.match(text!, /does not allow the camera/);
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
    const page = await browser.newPage();
    await page.goto(
      scanPage('/pp-ok.html', { 'permissions-policy': `camera=(self "${sandbox.plugins.url}")` }),
    );
    await page.waitForFunction(
      () => document.querySelector('ip-face-scan')?.getAttribute('status') === 'ready',
    );
    await page.close();
  });

  it('says so on an insecure (http, not localhost) page, without asking for a URL', async () => {
    const port = new URL(sandbox.host.url).port;
    const insecure = await chromium.launch({
      executablePath: chromiumPath()!,
      args: [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP insecure.test 127.0.0.1'],
    });
    try {
      const page = await insecure.newPage();
      const tokenRequests: string[] = [];
      page.on('request', (r) => r.url().includes('/api/ip-token') && tokenRequests.push(r.url()));
      await page.goto(`http://insecure.test:${port}/scan.html`);
      await page.waitForFunction(
        () => document.querySelector('ip-face-scan')?.getAttribute('status') === 'error',
      );
      assert.equal(await page.evaluate(() => window.isSecureContext), false);
      const text = await page.evaluate(
        () => document.querySelector('ip-face-scan')!.shadowRoot!.textContent,
      );
      assert.match(text!, /only works on secure \(https\) pages/);
      assert.deepEqual(tokenRequests, []);
    } finally {
      await insecure.close();
    }
  });
});
