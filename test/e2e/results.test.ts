// Cards and gauges from the script-tag build under the strictest CSP a host would send.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR, waitForStatus, watch, closeClean } from '../helpers/browser.js';
import { fixtureSite, kitPage } from '../helpers/fixture-host.js';
import { shownTexts } from '../helpers/framework-app.js';

const RESULTS = 'ip-biomarker-card, ip-metric-gauge';

describe('cards and gauges end to end', () => {
  const site = fixtureSite();

  it('render under a strict CSP with Trusted Types, with zero violations', async () => {
    const { sandbox, host, browser } = site;
    const csp =
      `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${sandbox.engine.url}; ` +
      `require-trusted-types-for 'script'`;
    const body = `
      <ip-biomarker-card biomarker="heart_rate" history="5"></ip-biomarker-card>
      <ip-biomarker-card biomarker="blood_pressure" lang="fr"></ip-biomarker-card>
      <ip-metric-gauge metric="mental_stress"></ip-metric-gauge>
      <ip-metric-gauge metric="wellbeing_physical" lang="sv"></ip-metric-gauge>`;
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.goto(
      host.page('/results.html', kitPage(sandbox, body), { 'content-security-policy': csp }),
    );
    await waitForStatus(page, RESULTS);
    const texts = await shownTexts(page, RESULTS);
    assert.match(texts[0]!, /^Heart rate \d+ bpm/);
    assert.match(texts[1]!, /^Tension artérielle \d+\/\d+ mmHg/);
    assert.match(texts[2]!, /^Mental stress [\d.]+/);
    assert.match(texts[3]!, /^Fysiskt välbefinnande [\d,]+/);
    // The gauges drew their rings (SVG), and the card its trend (chart.js, on a canvas).
    await page.waitForFunction(() =>
      [...document.querySelectorAll('ip-metric-gauge')].every((el) =>
        el.shadowRoot!.querySelector('[part="chart"] svg .arc'),
      ),
    );
    await page.waitForFunction(
      () => document.querySelector('ip-biomarker-card')!.shadowRoot!.querySelector('canvas')?.width,
    );
    await closeClean(page, seen);
  });
});

describe('theming', () => {
  const site = fixtureSite();

  /** The resolved surface colour of the first matching element's box, and its gauge arc colours. */
  const look = (page: Page, selector: string) =>
    page.$eval(selector, (el) => ({
      surface: getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).backgroundColor,
      radius: getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).borderTopLeftRadius,
      font: getComputedStyle(el).fontFamily,
    }));

  it('is light by default, dark where the page declares a dark color-scheme, and takes --ip-* tokens', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    await page.goto(`${site.sandbox.host.url}/theme.html`);
    await waitForStatus(page, RESULTS);
    const brand = await look(page, '#brand ip-metric-gauge');
    assert.equal(brand.surface, 'rgb(255, 248, 241)');
    assert.equal(brand.radius, '20px');
    assert.match(brand.font, /Georgia/);
    const night = await look(page, '#night ip-metric-gauge');
    assert.equal(night.surface, 'rgb(22, 32, 43)', 'dark default surface');
    const track = await page.$eval(
      '#night ip-metric-gauge',
      (el) => getComputedStyle(el.shadowRoot!.querySelector('.track')!).stroke,
    );
    assert.equal(track, 'rgb(42, 58, 74)', 'the gauge track drawn in the dark default');
    await page.screenshot({ path: `${OUTPUT_DIR}demo-theme.png`, fullPage: true });
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('follows the user preference on a page that declares color-scheme: light dark', async () => {
    const page = await site.browser.newPage({ colorScheme: 'dark' });
    const html = kitPage(
      site.sandbox,
      '<ip-biomarker-card biomarker="heart_rate"></ip-biomarker-card>',
      {
        head: '<link rel="stylesheet" href="/scheme.css">',
      },
    );
    site.host.page('/scheme.css', ':root { color-scheme: light dark; }', {
      'content-type': 'text/css',
    });
    await page.goto(site.host.page('/scheme.html', html));
    await waitForStatus(page, 'ip-biomarker-card');
    assert.equal((await look(page, 'ip-biomarker-card')).surface, 'rgb(22, 32, 43)');
    await page.emulateMedia({ colorScheme: 'light' });
    assert.equal((await look(page, 'ip-biomarker-card')).surface, 'rgb(255, 255, 255)');
    await page.close();
  });
});
