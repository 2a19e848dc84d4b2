// The stand-in plug-ins in Chromium with a fake camera: the stage sequence a host receives,
// the poor-quality path, the camera permission, expired links, and the dashboard.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { listen, type Running } from '../../demo/sandbox/http-util.js';
import { startSandbox, type Sandbox } from '../../demo/sandbox/index.js';
import { OUTPUT_DIR, browserFor } from '../helpers/browser.js';
import { latestScanId } from '../helpers/framework-app.js';
import { call } from '../helpers/http.js';
import { WAIT_MS } from '../helpers/patience.js';

describe('stand-in plug-ins', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let release = async () => {};
  let embedder: Running;

  /** A plug-in URL as the real engine hands it out, for a seeded user. */
  async function pluginUrl(
    kind: 'face-scan' | 'dashboard',
    user = 'demo@example.com',
    extra: Record<string, unknown> = {},
  ) {
    const answer =
      kind === 'face-scan'
        ? await call(
            sandbox.engine.url,
            'GET',
            `/v2/userjourneys/scan?external_user_id=${user}&language=${extra.language ?? 'en'}`,
            { key: SANDBOX_API_KEY },
          )
        : await call(sandbox.engine.url, 'POST', '/v2/dashboards/health', {
            key: SANDBOX_API_KEY,
            body: { external_user_id: user, ...extra },
          });
    return answer.body as string;
  }

  /** Opens a host page (another origin) that frames the plug-in and records its messages. */
  async function embed(
    url: string,
    allow = 'camera',
  ): Promise<{ page: Page; frame: Frame; messages: () => Promise<any[]> }> {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.goto(`${embedder.url}/?src=${encodeURIComponent(url)}&allow=${allow}`);
    const frame = page.frames().find((f) => f.url().startsWith(sandbox.plugins.url))!;
    await frame.waitForSelector('#app > *');
    return {
      page,
      frame,
      messages: () => page.evaluate(() => (window as any).messages),
    };
  }

  const stages = async (messages: () => Promise<any[]>) =>
    (await messages()).map((m) => JSON.parse(m.data).stage as string);

  before(async () => {
    sandbox = await startSandbox({ scanSeconds: 1, checkSeconds: 0.3 });
    embedder = await listen((req, res) => {
      const query = new URL(req.url!, 'http://x').searchParams;
      if (!query.get('src')) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><body><script>
        window.messages = [];
        addEventListener('message', (e) => messages.push({ origin: e.origin, data: e.data }));
      </script><iframe width="480" height="720" ${query.get('allow') ? `allow="${query.get('allow')}"` : ''} src="${query.get('src')!.replace(/"/g, '&quot;')}"></iframe></body>`);
    });
    ({ browser, release } = await browserFor());
  });
  after(async () => {
    await release();
    await embedder?.close();
    await sandbox?.close();
  });

  it('walks the real stage sequence with the camera and stores a new scan', async () => {
    const { page, frame, messages } = await embed(await pluginUrl('face-scan'));
    const scans = async () =>
      (
        await call(
          sandbox.engine.url,
          'GET',
          '/v2/face-scans/?count=100&external_user_id=demo@example.com',
          { key: SANDBOX_API_KEY },
        )
      ).body.length;
    const before = await scans();
    await frame.click('#start');
    await frame.waitForFunction(() =>
      document.querySelector('#status')?.textContent?.includes('Measuring'),
    );
    // The preview goes live once the fake camera's first frame is decoded: on a busy machine,
    // after the status says so.
    await frame.waitForFunction(
      () => {
        const video = document.querySelector<HTMLVideoElement>('#preview');
        return !!video && video.videoWidth > 0 && !video.paused;
      },
      undefined,
      { timeout: WAIT_MS },
    );
    await page.screenshot({ path: `${OUTPUT_DIR}plugin-face-scan-recording.png` });
    await frame.waitForSelector('#continue', { timeout: WAIT_MS });
    await page.screenshot({ path: `${OUTPUT_DIR}plugin-face-scan-results.png` });
    await frame.click('#continue');
    await page.waitForFunction(() => (window as any).messages.length >= 5);
    assert.deepEqual(await stages(messages), [
      'startNewMeasurement',
      'recordingStarted',
      'recordingStopped',
      'faceScanSuccessful',
      'dismiss',
    ]);
    const all = await messages();
    assert.ok(
      all.every((m) => m.origin === sandbox.plugins.url),
      'messages come from the plug-in origin',
    );
    const success = JSON.parse(all[3].data);
    assert.equal(success.face_scan_id, await latestScanId(sandbox));
    assert.equal(await scans(), before + 1);
    assert.match((await frame.textContent('.results')) ?? '', /bpm/);
    await page.close();
  });

  it('reports poor quality with "error", and "userFinished" when the user quits', async () => {
    const { page, frame, messages } = await embed(await pluginUrl('face-scan'));
    await frame.check('#poor-light');
    await frame.click('#start');
    await frame.waitForSelector('#quit');
    await frame.click('#quit');
    await page.waitForFunction(() => (window as any).messages.length >= 3);
    assert.deepEqual(await stages(messages), ['startNewMeasurement', 'error', 'userFinished']);
    assert.equal(JSON.parse((await messages())[1].data).error, 'poor_quality');
    await page.close();
  });

  it('cannot reach the camera when the iframe lacks allow="camera"', async () => {
    const { page, frame, messages } = await embed(await pluginUrl('face-scan'), '');
    await frame.click('#start');
    await frame.waitForSelector('h2.error');
    assert.match((await frame.textContent('h2.error')) ?? '', /camera is not available/);
    const error = JSON.parse((await messages()).at(-1).data);
    assert.equal(error.stage, 'error');
    assert.equal(error.error, 'camera_unavailable');
    await page.close();
  });

  it('shows a localized error page for an expired or invalid link', async () => {
    const user = sandbox.engine.engine.store.userByExternalId('Sandbox Health', 'jan@example.be')!;
    const expired = sandbox.engine.engine.issueToken(user, 'face-scan', -1);
    const page = await browser.newPage();
    const response = await page.goto(
      `${sandbox.plugins.url}/face-scan/?action_token=${expired}&language=nl`,
    );
    assert.equal(response!.status(), 401);
    assert.equal(await page.textContent('h1'), 'Deze link is verlopen');
    const forged = await page.goto(`${sandbox.plugins.url}/face-scan/?action_token=abc.def.ghi`);
    assert.equal(forged!.status(), 401);
    const wrongKind = await page.goto(
      (await pluginUrl('dashboard')).replace('/dashboard/', '/face-scan/'),
    );
    assert.equal(wrongKind!.status(), 401);
    await page.close();
  });

  it('shows the dashboard in the asked language without the disabled sections', async () => {
    const url = await pluginUrl('dashboard', 'demo@example.com', {
      language: 'nl',
      disabled_sections: ['todos'],
    });
    const page = await browser.newPage({ viewport: { width: 900, height: 1100 } });
    await page.goto(url);
    await page.waitForSelector('[data-section="metrics"]');
    assert.equal(await page.textContent('h1'), 'Je gezondheid');
    const sections = await page.$$eval('[data-section]', (els) =>
      els.map((e) => e.getAttribute('data-section')),
    );
    assert.deepEqual(sections, ['main', 'biomarkers', 'metrics', 'recommendations']);
    assert.match(
      (await page.textContent('[data-section="biomarkers"]')) ?? '',
      /Hartslag\s*\d+ bpm/,
    );
    await page.screenshot({ path: `${OUTPUT_DIR}plugin-dashboard.png`, fullPage: true });
    await page.close();
  });

  it('tells a user without scans to do their first one', async () => {
    const page = await browser.newPage();
    await page.goto(await pluginUrl('dashboard', 'new@example.com'));
    await page.waitForSelector('.empty');
    assert.match((await page.textContent('.empty')) ?? '', /No face scans yet/);
    await page.close();
  });
});
