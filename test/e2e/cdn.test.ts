// The script tag served from a CDN: dist/ on a second origin (a static server answering as
// jsDelivr does, with Access-Control-Allow-Origin: *), the page and its token endpoint on the
// first. The chunks come with import() beside the script's own URL, so all of them come from the
// CDN, each once — with Subresource Integrity on the tag too — and a CDN that sends no CORS
// header leaves the elements saying they could not be loaded, not blank.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULT_USER, sessionCookie } from '../../demo/host/host.js';
import { listen, sendHtml, serveFile, type Running } from '../../demo/sandbox/http-util.js';
import { closeClean, recordEvents, waitForStatus, watch } from '../helpers/browser.js';
import { fixtureSite } from '../helpers/fixture-host.js';
import { shownTexts } from '../helpers/framework-app.js';
import { call } from '../helpers/http.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
);
/** A pinned version's dist/, laid out as jsDelivr and unpkg serve an npm package. */
const PACKAGE = `/npm/intelliprove-widgets@${version}/dist`;
/** The same files from a CDN that sends no Access-Control-Allow-Origin. */
const NO_CORS = `/no-cors${PACKAGE}`;
/** The loader's integrity value, as the build writes it for integrators. */
const INTEGRITY = readFileSync(`${DIST}intelliprove-widgets.js.sri`, 'utf8').trim();

const RESULTS = 'ip-biomarker-card, ip-metric-gauge';
const BODY = `<ip-biomarker-card biomarker="heart_rate" history="4"></ip-biomarker-card>
  <ip-metric-gauge metric="mental_stress"></ip-metric-gauge>`;
/** The built chunk whose name starts with `name-`. */
const chunk = (name: string) => readdirSync(`${DIST}chunks`).find((f) => f.startsWith(`${name}-`))!;

/** A static server for dist/ on 127.0.0.1 — another origin and another site than the page's. */
function startCdn(): Promise<Running> {
  return listen(
    (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const cors = path.startsWith(`${PACKAGE}/`);
      if (!cors && !path.startsWith(`${NO_CORS}/`)) return sendHtml(res, 404, 'Not found');
      const file = path.slice((cors ? PACKAGE : NO_CORS).length + 1);
      const headers = {
        'cache-control': 'public, max-age=31536000, immutable',
        ...(cors ? { 'access-control-allow-origin': '*' } : {}),
      };
      return serveFile(res, DIST, file, headers).then((found) => {
        if (!found) sendHtml(res, 404, 'Not found');
      });
    },
    0,
    '127.0.0.1',
    '127.0.0.1',
  );
}

describe('the script tag from a CDN', () => {
  const site = fixtureSite();
  let cdn: Running;
  before(async () => (cdn = await startCdn()));
  after(() => cdn?.close());

  /**
   * Opens a page on the first origin whose kit is `src` on the CDN (with `attributes`), under a
   * strict CSP whose script-src is that folder of the CDN alone (as the README advises); returns
   * it, what it saw, and every URL it asked for, in order.
   */
  async function open(path: string, src: string, attributes = '') {
    const { sandbox, host, browser } = site;
    const csp =
      `default-src 'self'; script-src ${cdn.url}${src}/; style-src 'self'; ` +
      `connect-src 'self' ${sandbox.engine.url}; img-src 'self' data:; ` +
      "require-trusted-types-for 'script'; trusted-types lit-html";
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CDN</title>
      <link rel="icon" href="/favicon.svg">
      <script src="${cdn.url}${src}/intelliprove-widgets.js" ${attributes}
        data-token-endpoint="/api/ip-token" data-api-base="${sandbox.engine.url}"
        data-lang="nl"></script></head><body>${BODY}</body></html>`;
    // A page of its own context: nothing cached from the one before.
    const page = await browser.newPage();
    const seen = await watch(page);
    const events = await recordEvents(page, ['ip-error']);
    const requested: URL[] = [];
    page.on('request', (request) => requested.push(new URL(request.url())));
    await page.goto(host.page(path, html, { 'content-security-policy': csp }));
    return { page, seen, events, requested };
  }

  /** What the sandbox holds for the demo host's user: the latest heart rate, the stress score. */
  async function sandboxValues() {
    const { body } = await call(site.host.url, 'POST', '/api/ip-token', {
      body: { purpose: 'api' },
      headers: { cookie: sessionCookie(DEFAULT_USER).split(';')[0]! },
    });
    const engine = site.sandbox.engine.url;
    const latest = await call(engine, 'GET', '/v2/face-scans/latest', { token: body.token });
    const metrics = await call(engine, 'GET', '/v2/metrics', { token: body.token });
    const scan = Array.isArray(latest.body) ? latest.body[0] : latest.body;
    const nl = (n: number) => new Intl.NumberFormat('nl', { maximumFractionDigits: 1 }).format(n);
    return { heartRate: nl(scan.heart_rate), stress: nl(metrics.body.metrics.mental_stress.score) };
  }

  /**
   * The card and the gauge show the sandbox's values in Dutch, the card draws its trend, and the
   * kit's files — the loader, Lit and the core, both elements, the Dutch texts, chart.js — all
   * came from the CDN, each once; nothing of the kit from the page's origin; no error.
   */
  async function worksFromCdn({ page, seen, requested }: Awaited<ReturnType<typeof open>>) {
    await waitForStatus(page, RESULTS, ['ready', 'error']);
    const [card, gauge] = await shownTexts(page, RESULTS);
    const statuses = await page.$$eval(RESULTS, (els) =>
      els.map((el) => el.getAttribute('status')),
    );
    assert.deepEqual(statuses, ['ready', 'ready'], `shown: ${card} | ${gauge} | ${seen.errors}`);
    const { heartRate, stress } = await sandboxValues();
    assert.match(card!, new RegExp(`^Hartslag ${heartRate} slagen/min`));
    assert.match(gauge!, new RegExp(`^Mentale stress ${stress} `));
    await page.waitForFunction(
      () => document.querySelector('ip-biomarker-card')!.shadowRoot!.querySelector('canvas')?.width,
    );

    const scripts = requested.filter((url) => url.pathname.endsWith('.js'));
    assert.deepEqual(
      scripts.filter((url) => url.origin !== cdn.url).map(String),
      [],
      'scripts from elsewhere than the CDN',
    );
    const files = scripts.map((url) => url.pathname.slice(url.pathname.indexOf('/dist/') + 6));
    assert.deepEqual(
      files.filter((file, n) => files.indexOf(file) !== n),
      [],
      'files fetched twice',
    );
    for (const name of ['kit', 'data', 'biomarker-card', 'metric-gauge', 'nl', 'trend-chart'])
      assert.ok(files.includes(`chunks/${chunk(name)}`), `${name} from the CDN: ${files}`);
    assert.equal(files[0], 'intelliprove-widgets.js');
    await closeClean(page, seen);
  }

  it('a plain tag: every chunk from the script’s own origin, once, under a CSP allowing only its folder', async () =>
    worksFromCdn(await open('/cdn.html', PACKAGE)));

  it('works with Subresource Integrity: the value the build writes, crossorigin="anonymous"', async () => {
    assert.match(INTEGRITY, /^sha384-[A-Za-z0-9+/]{64}$/);
    await worksFromCdn(
      await open('/cdn-sri.html', PACKAGE, `integrity="${INTEGRITY}" crossorigin="anonymous"`),
    );
  });

  it('a CDN without Access-Control-Allow-Origin: each element says, in its language, it could not be loaded', async () => {
    const { page, seen, events } = await open('/cdn-no-cors.html', NO_CORS);
    await waitForStatus(page, RESULTS, ['error']);
    const shown = await page.$$eval(RESULTS, (els) =>
      els.map((el) => [el.textContent, el.getAttribute('role')]),
    );
    const message = 'Deze gezondheidswidget kon niet worden geladen.';
    assert.deepEqual(shown, [
      [message, 'alert'],
      [message, 'alert'],
    ]);
    assert.deepEqual(
      (await events()).map((event) => event.detail.code),
      ['load-failed', 'load-failed'],
    );
    // The kit's own message names the fix (the browser's CORS errors come with it).
    const kit = seen.errors.filter((error) => error.startsWith('[intelliprove-widgets]'));
    assert.equal(kit.length, 2, seen.errors.join('\n'));
    for (const error of kit)
      assert.match(error, /could not be loaded.*Access-Control-Allow-Origin/);
    assert.deepEqual(seen.violations, [], 'CSP violations');
    await page.close();
  });
});
