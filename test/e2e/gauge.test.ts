// Attack tests of the SVG gauge (review), through the built kit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForStatus, watch } from '../helpers/browser.js';
import { fixtureSite, kitPage } from '../helpers/fixture-host.js';

describe('SVG gauge', () => {
  const site = fixtureSite();
  let n = 0;
  /** A page with a gauge (or `body`) and the stylesheet `css`, under the README's strict CSP. */
  const gaugePage = (
    css = '',
    body = '<ip-metric-gauge metric="mental_stress" lang="en"></ip-metric-gauge>',
  ) => {
    const { sandbox, host } = site;
    host.page(`/atk-g-${++n}.css`, css, { 'content-type': 'text/css' });
    return host.page(
      `/atk-g-${n}.html`,
      kitPage(sandbox, body, { head: `<link rel="stylesheet" href="/atk-g-${n}.css">` }),
      {
        'content-security-policy':
          "default-src 'self'; script-src 'self'; style-src 'self'; " +
          `connect-src 'self' ${sandbox.engine.url}; img-src 'self' data:; ` +
          "require-trusted-types-for 'script'; trusted-types lit-html",
      },
    );
  };
  const ready = (page: Page) => waitForStatus(page, 'ip-metric-gauge', ['ready', 'empty', 'error']);

  it('under forced colors (Windows High Contrast) the arc is still told apart from the track', async () => {
    const page = await site.browser.newPage();
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(gaugePage());
    await ready(page);
    const strokes = await page.$eval('ip-metric-gauge', (el) => {
      const svg = el.shadowRoot!.querySelector('svg')!;
      return {
        forced: matchMedia('(forced-colors: active)').matches,
        track: getComputedStyle(svg.querySelector('.track')!).stroke,
        arc: getComputedStyle(svg.querySelector('.arc')!).stroke,
        band: getComputedStyle(svg.querySelector('.band')!).stroke,
      };
    });
    assert.equal(strokes.forced, true);
    assert.notEqual(strokes.arc, strokes.track, `arc and track both ${strokes.arc}`);
    assert.notEqual(strokes.band, strokes.arc, `band and arc both ${strokes.band}`);
    assert.notEqual(strokes.band, strokes.track, `band and track both ${strokes.band}`);
    await page.close();
  });

  it('the confidence band and the details, under the strict CSP with Trusted Types: drawn, no violation', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    await page.goto(
      gaugePage('', '<ip-metric-gauge metric="sleep_quality" lang="en" details></ip-metric-gauge>'),
    );
    await ready(page);
    const shown = await page.$eval('ip-metric-gauge', (el) => {
      const root = el.shadowRoot!;
      const band = root.querySelector<SVGPathElement>('svg .band');
      return {
        status: el.getAttribute('status'),
        band: band ? band.getTotalLength() : 0,
        stroke: band ? getComputedStyle(band).stroke : '',
        basis: root.querySelector('[part="basis"]')?.textContent?.trim() ?? '',
      };
    });
    assert.equal(shown.status, 'ready');
    assert.ok(shown.band > 0, 'a band on the ring');
    assert.notEqual(shown.stroke, 'none');
    assert.match(shown.basis, /^Based on your heart rate/);
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('dark color-scheme: the arc, track and text take their dark values (no violation)', async () => {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    await page.goto(gaugePage(':root { color-scheme: dark; background: #000; }'));
    await ready(page);
    const colors = await page.$eval('ip-metric-gauge', (el) => {
      const root = el.shadowRoot!;
      return {
        track: getComputedStyle(root.querySelector('.track')!).stroke,
        text: getComputedStyle(root.querySelector('[part="value"]')!).color,
        surface: getComputedStyle(root.querySelector('[part="base"]')!).backgroundColor,
      };
    });
    assert.deepEqual(colors, {
      track: 'rgb(42, 58, 74)',
      text: 'rgb(230, 237, 243)',
      surface: 'rgb(22, 32, 43)',
    });
    assert.deepEqual(seen.violations, []);
    await page.close();
  });

  for (const fontSize of ['16px', '24px', '32px']) {
    it(`text zoom (root font-size ${fontSize}): the score stays inside the ring\u2019s hole`, async () => {
      const page = await site.browser.newPage({ viewport: { width: 1000, height: 900 } });
      await page.goto(
        gaugePage(`:root { font-size: ${fontSize}; } ip-metric-gauge { width: 320px; }`),
      );
      await ready(page);
      const geometry = await page.$eval('ip-metric-gauge', (el) => {
        const root = el.shadowRoot!;
        const svg = root.querySelector('svg')!.getBoundingClientRect();
        const value = root.querySelector('[part="value"]')!;
        const range = document.createRange();
        range.selectNodeContents(value);
        const text = range.getBoundingClientRect(); // the glyphs' box
        const scale = svg.width / 200;
        const cx = svg.left + 100 * scale;
        const cy = svg.top + 100 * scale;
        const inner = (84 - 13) * scale; // the ring's inner radius
        const corners = [
          [text.left, text.top],
          [text.right, text.top],
        ].map(([x, y]) => Math.hypot(x! - cx, y! - cy));
        return { inner, farthest: Math.max(...corners), value: value.textContent };
      });
      assert.ok(
        geometry.farthest <= geometry.inner,
        `score "${geometry.value}" reaches ${geometry.farthest.toFixed(1)} px from the centre; the ring starts at ${geometry.inner.toFixed(1)} px`,
      );
      await page.close();
    });
  }
});
