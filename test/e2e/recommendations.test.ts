// <ip-recommendations> from the script-tag build: a chunk of its own, under the strictest CSP a
// host would send (Trusted Types on), with the sandbox engine's pictures and tracking links.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closeClean, waitForStatus, watch } from '../helpers/browser.js';
import { fixtureSite, kitPage } from '../helpers/fixture-host.js';
import { shownTexts } from '../helpers/framework-app.js';

describe('<ip-recommendations> end to end', () => {
  const site = fixtureSite();
  /** The strict policy, with the engine for the API and `img-src` (by default as cspFor writes it). */
  const strict = (img = `'self' https://*.intelliprove.com ${site.sandbox.engine.url}`) =>
    "default-src 'self'; script-src 'self'; style-src 'self'; " +
    `connect-src 'self' ${site.sandbox.engine.url}; img-src ${img}; ` +
    "require-trusted-types-for 'script'; trusted-types lit-html";

  it('renders under a strict CSP with Trusted Types with zero violations, pictures and links shown', async () => {
    const { sandbox, host, browser } = site;
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const seen = await watch(page);
    const kit: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/assets/')) kit.push(url.pathname.slice('/assets/'.length));
    });
    const body = `
      <ip-recommendations></ip-recommendations>
      <ip-recommendations lang="nl" related-metric="sleep_quality"></ip-recommendations>`;
    await page.goto(
      host.page('/recs.html', kitPage(sandbox, body), { 'content-security-policy': strict() }),
    );
    await waitForStatus(page, 'ip-recommendations');
    const [all, sleep] = await shownTexts(page, 'ip-recommendations');
    // The demo user's, weakest metric first; the API's language (en) and texts.
    assert.match(all!, /^Recommendations Keep a steady bedtime .*Take a breathing break/);
    assert.match(all!, /Take me there \(opens in a new tab\)/);
    assert.match(sleep!, /^Aanbevelingen Ga op vaste tijden slapen .*Breng me erheen/);
    const shown = await page.$$eval('ip-recommendations', (els) =>
      els.map((el) => ({
        images: [...el.shadowRoot!.querySelectorAll('img')].map(
          (img) => img.complete && img.naturalWidth > 0 && new URL(img.src).pathname,
        ),
        links: [...el.shadowRoot!.querySelectorAll('a')].map((a) => [a.target, a.rel]),
      })),
    );
    await page.waitForFunction(() =>
      [...document.querySelectorAll('ip-recommendations')].every((el) =>
        [...el.shadowRoot!.querySelectorAll('img')].every((img) => img.naturalWidth > 0),
      ),
    );
    assert.ok(shown[0]!.images.length >= 4, 'a picture for each');
    assert.ok(shown[1]!.links.every(([target, rel]) => target === '_blank' && rel === 'noopener'));
    // A chunk of its own: no card, gauge or embed code on a page with only recommendations.
    const chunks = kit.filter((file) => file.startsWith('chunks/'));
    assert.ok(
      chunks.some((file) => /^chunks\/recommendations-/.test(file)),
      chunks.join(),
    );
    assert.ok(
      !chunks.some((f) => /(biomarker-card|metric-gauge|face-scan|dashboard|embeds)-/.test(f)),
    );
    await closeClean(page, seen);
  });

  it('is never loaded by a page without it', async () => {
    const { sandbox, host, browser } = site;
    const page = await browser.newPage();
    const files: string[] = [];
    page.on('request', (r) => files.push(new URL(r.url()).pathname));
    await page.goto(
      host.page(
        '/no-recs.html',
        kitPage(sandbox, '<ip-biomarker-card biomarker="heart_rate"></ip-biomarker-card>'),
      ),
    );
    await waitForStatus(page, 'ip-biomarker-card');
    await page.waitForLoadState('networkidle');
    assert.ok(files.some((f) => f.includes('/chunks/biomarker-card-')));
    assert.ok(!files.some((f) => f.includes('recommendations')), files.join('\n'));
    await page.close();
  });

  it("shows the placeholder for a picture the page's CSP blocks, and nothing else goes wrong", async () => {
    const { sandbox, host, browser } = site;
    const page = await browser.newPage();
    const seen = await watch(page);
    // A policy without the engine in img-src: the pictures are blocked, the list still shows.
    const csp = strict("'self'");
    await page.goto(
      host.page(
        '/recs-no-img.html',
        kitPage(sandbox, '<ip-recommendations limit="2"></ip-recommendations>'),
        { 'content-security-policy': csp },
      ),
    );
    await waitForStatus(page, 'ip-recommendations');
    await page.waitForFunction(
      () =>
        document.querySelector('ip-recommendations')!.shadowRoot!.querySelectorAll('.placeholder')
          .length === 2,
    );
    // Only the pictures were refused (the browser may report each more than once).
    assert.ok(seen.violations.length > 0);
    assert.deepEqual(
      [
        ...new Set(
          seen.violations.map((v) => `${v.split(' ')[0]} ${new URL(v.split(' ')[1]!).origin}`),
        ),
      ],
      [`img-src ${sandbox.engine.url}`],
    );
    assert.equal(await page.getAttribute('ip-recommendations', 'status'), 'ready');
    await page.close();
  });
});
