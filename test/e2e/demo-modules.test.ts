// What each page `npm start` serves loads of the kit: every module once, one Lit, chart.js only
// where a trend is drawn, a language's texts only where it is spoken.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Request } from 'playwright-core';
import { KIT_TAGS, waitForStatus } from '../helpers/browser.js';
import { fixtureSite } from '../helpers/fixture-host.js';
import { waitFor } from '../helpers/wait.js';

/** The hashed file name of a language's chunk, as built. */
const expectLocale = (lang: string) =>
  readdirSync(new URL('../../dist/chunks/', import.meta.url)).find((f) =>
    f.startsWith(`${lang}-`),
  )!;

describe('demo host pages', () => {
  const site = fixtureSite();

  it('loads every module once on every demo page: one Lit, chart.js only with a trend, in one file', async () => {
    /** What a page fetched of the kit, and how many copies of Lit and chart.js ran. */
    const load = async (path: string) => {
      const page = await site.browser.newPage();
      // The kit's files (the plug-in frames have /assets/ of their own, on their origin).
      const kitFile = (url: URL) =>
        url.origin === site.sandbox.host.url && url.pathname.startsWith('/assets/');
      const files: Promise<{ name: string; text: string }>[] = [];
      const inFlight = new Set<Request>();
      page.on('request', (request) => {
        if (kitFile(new URL(request.url()))) inFlight.add(request);
      });
      page.on('requestfailed', (request) => inFlight.delete(request));
      page.on('requestfinished', (request) => inFlight.delete(request));
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (kitFile(url))
          files.push(response.text().then((text) => ({ name: url.pathname.slice(8), text })));
      });
      await page.goto(site.sandbox.host.url + path);
      // Every element on the page has shown what it shows: by then it has asked for all it
      // loads (the chart code, a language's texts, a provider); then those files arrive.
      await waitForStatus(page, KIT_TAGS.join(), ['ready', 'empty'], 30_000);
      await waitFor(() => inFlight.size === 0, `${path}: the kit's files to arrive`, 30_000);
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
    const pages = [
      '/',
      '/cards.html',
      '/cms.html',
      '/nl.html',
      '/scan.html',
      '/theme.html',
      '/recommendations.html',
    ];
    const loaded = new Map<string, Awaited<ReturnType<typeof load>>>();
    // One after the other, each in a window of its own.
    for (const path of [...pages, '/gauges.html']) loaded.set(path, await load(path));
    for (const path of pages) {
      const { names, lits, charts } = loaded.get(path)!;
      assert.equal(new Set(names).size, names.length, `${path}: a file fetched twice`);
      assert.equal(lits, 1, `${path}: copies of Lit`);
      const trend = path === '/' || path === '/nl.html' || path === '/theme.html';
      assert.equal(charts, trend ? 1 : 0, `${path}: chart.js only for a card with history`);
      const sahha = names.some((name) => name.includes('sahha'));
      assert.equal(sahha, path === '/', `${path}: the Sahha provider only where it is used`);
      const recommendations = names.some((name) => name.startsWith('chunks/recommendations-'));
      const shows = path === '/' || path === '/recommendations.html';
      assert.equal(recommendations, shows, `${path}: <ip-recommendations> only where it is`);
    }
    const nl = loaded.get('/nl.html')!;
    assert.ok(nl.names.includes(`chunks/${expectLocale('nl')}`), 'the Dutch texts');
    assert.ok(!nl.names.some((name) => /\/(fr|da|sv)-/.test(name)), 'no other language');
    const gauges = loaded.get('/gauges.html')!;
    assert.equal(gauges.charts, 0, 'gauges alone receive no chart.js');
    assert.equal(gauges.lits, 1);
  });
});
