// Cards and gauges from the script-tag build under the strictest CSP a host would send.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../demo/sandbox/index.js';
import { launch, watch } from '../helpers/browser.js';
import { startFixtureHost, type FixtureHost } from '../helpers/fixture-host.js';

describe('cards and gauges end to end', () => {
  let sandbox: Sandbox;
  let host: FixtureHost;
  let browser: Browser;

  before(async () => {
    sandbox = await startSandbox();
    host = await startFixtureHost(sandbox);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await host?.close();
    await sandbox?.close();
  });

  it('render under a strict CSP with Trusted Types, with zero violations', async () => {
    const csp =
      `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${sandbox.engine.url}; ` +
      `require-trusted-types-for 'script'`;
    const body = `
      <ip-biomarker-card biomarker="heart_rate" history="5"></ip-biomarker-card>
      <ip-biomarker-card biomarker="blood_pressure" lang="fr"></ip-biomarker-card>
      <ip-metric-gauge metric="mental_stress"></ip-metric-gauge>
      <ip-metric-gauge metric="wellbeing_physical" lang="sv"></ip-metric-gauge>`;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Results</title>
      <link rel="icon" href="/favicon.svg">
      <script src="/assets/intelliprove-widgets.js" data-token-endpoint="/api/ip-token"
        data-api-base="${sandbox.engine.url}"></script></head><body>${body}</body></html>`;
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.goto(host.page('/results.html', html, { 'content-security-policy': csp }));
    await page.waitForFunction(() =>
      [...document.querySelectorAll('ip-biomarker-card, ip-metric-gauge')].every(
        (el) => el.getAttribute('status') === 'ready',
      ),
    );
    const texts = await page.$$eval('ip-biomarker-card, ip-metric-gauge', (els) =>
      els.map((el) =>
        (el.shadowRoot!.querySelector('[part="base"]') as HTMLElement).innerText
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    );
    assert.match(texts[0]!, /^Heart rate \d+ bpm/);
    assert.match(texts[1]!, /^Tension artérielle \d+\/\d+ mmHg/);
    assert.match(texts[2]!, /^Mental stress [\d.]+/);
    assert.match(texts[3]!, /^Fysiskt välbefinnande [\d,]+/);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('ip-metric-gauge')].every(
        (el) => el.shadowRoot!.querySelector('canvas')?.style.width,
      ),
    );
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
});
