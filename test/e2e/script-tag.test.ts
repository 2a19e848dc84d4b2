// The script tag in the ways CMSs and tag managers include it: async, defer, injected by
// another script, from a sub-path on another path layout, and twice (from one URL or two). Each
// page relies on the tag's data-* defaults alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitForStatus, watch } from '../helpers/browser.js';
import { CDN_PATH, fixtureSite } from '../helpers/fixture-host.js';

describe('the script tag', () => {
  const site = fixtureSite();

  const data = () =>
    `data-token-endpoint="/api/ip-token" data-api-base="${site.sandbox.engine.url}" ` +
    `data-allowed-origins="${site.sandbox.plugins.url}" data-lang="nl"`;
  const BODY = `<ip-face-scan></ip-face-scan><ip-metric-gauge metric="mental_stress"></ip-metric-gauge>`;

  /** Loads `html` and waits until both elements are ready; returns errors seen. */
  async function works(path: string, html: string, extra: Record<string, string> = {}) {
    for (const [file, body] of Object.entries(extra)) {
      site.host.page(file, body, { 'content-type': 'text/javascript; charset=utf-8' });
    }
    const page = await site.browser.newPage();
    const seen = await watch(page);
    await page.goto(
      site.host.page(
        path,
        html.replace('<!doctype html>', '<!doctype html><link rel="icon" href="/favicon.svg">'),
      ),
    );
    await waitForStatus(page, 'ip-face-scan, ip-metric-gauge', ['ready'], 15_000);
    const label = await page.$eval(
      'ip-metric-gauge',
      (el) => el.shadowRoot!.querySelector('[part="label"]')!.textContent,
    );
    assert.equal(label, 'Mentale stress', 'data-lang="nl" applied');
    assert.deepEqual(seen.errors, []);
    await page.close();
  }

  it('works with async', () =>
    works(
      '/async.html',
      `<!doctype html><script async src="/assets/intelliprove-widgets.js" ${data()}></script>${BODY}`,
    ));

  it('works with defer', () =>
    works(
      '/defer.html',
      `<!doctype html><script defer src="/assets/intelliprove-widgets.js" ${data()}></script>${BODY}`,
    ));

  it('works when injected by another script (a tag manager), after the page has loaded', () =>
    works('/injected.html', `<!doctype html>${BODY}<script src="/tag-manager.js"></script>`, {
      '/tag-manager.js': `window.addEventListener('load', () => {
        const tag = document.createElement('script');
        tag.src = '/assets/intelliprove-widgets.js';
        tag.dataset.tokenEndpoint = '/api/ip-token';
        tag.dataset.apiBase = ${JSON.stringify(site.sandbox.engine.url)};
        tag.dataset.allowedOrigins = ${JSON.stringify(site.sandbox.plugins.url)};
        tag.dataset.lang = 'nl';
        document.head.append(tag);
      });`,
    }));

  it('loads its chunks relative to its own URL, from a deep sub-path', () =>
    works(
      '/cdn.html',
      `<!doctype html><script src="${CDN_PATH}/intelliprove-widgets.js" ${data()}></script>${BODY}`,
    ));

  it('survives being included twice, from the same URL', () =>
    works(
      '/twice-same.html',
      `<!doctype html><script src="/assets/intelliprove-widgets.js" ${data()}></script>
       <script src="/assets/intelliprove-widgets.js" ${data()}></script>${BODY}`,
    ));

  it('survives being included twice, from two URLs', () =>
    works(
      '/twice.html',
      `<!doctype html><script src="/assets/intelliprove-widgets.js" ${data()}></script>
       <script src="${CDN_PATH}/intelliprove-widgets.js" ${data()}></script>${BODY}`,
    ));
});
