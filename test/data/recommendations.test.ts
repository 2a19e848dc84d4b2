import { expect, fixture, html } from '@open-wc/testing';
import type { IpRecommendations } from '../../src/entries/index.js';
import { clearSession } from '../../src/entries/index.js';
import { announceScan } from '../../src/core/scan-signal.js';
import {
  consoleErrors,
  engineGet,
  filmed,
  render,
  scripted,
  settled,
  setup,
  textOf,
  type Setup,
} from '../helpers/data.js';
import { record, statusTrail, until } from '../helpers/scenario.js';

const recommendations = (attributes: Record<string, string>, where?: Setup) =>
  render<IpRecommendations>('ip-recommendations', attributes, where);

/** A recommendation as the API sends one: number `n`, with `over` changed. */
const item = (n: number, over: Record<string, unknown> = {}) => ({
  title: `Tip ${n}`,
  description: `What tip ${n} is about.`,
  action_url: `https://example.com/tips/${n}`,
  action_text: 'Take me there',
  image_url: null,
  related_metric: 'sleep_quality',
  relevance: n,
  lookup_key: `tip_${n}`,
  ...over,
});
/** An API that answers `items` to every read. */
const answering = (...items: unknown[]) =>
  scripted(undefined, [{ json: { recommendations: items } }]);

const titles = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part="title"]')].map((t) => t.textContent!.trim());
const parts = (el: Element, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
/** The images served on the test page's origin, which is the scripted API's origin too. */
const picture = (metric = 'sleep_quality') =>
  `${location.origin}/demo/sandbox/images/${metric}.svg`;

describe('<ip-recommendations>', () => {
  const errors = consoleErrors();

  it("shows the sandbox user's recommendations as a list of articles, most relevant first", async () => {
    const { recommendations: sent } = await engineGet('/v2/recommendations?language=en');
    const where = await setup();
    const el = await recommendations({ lang: 'en' }, where);
    const loads = record(el, 'ip-load');
    await settled(el);
    expect(el.status).to.equal('ready');
    const list = el.shadowRoot!.querySelector('ul')!;
    expect(list.getAttribute('part')).to.equal('list');
    const items = [...list.children];
    expect(items.map((li) => `${li.localName} ${li.getAttribute('part')}`)).to.deep.equal(
      items.map(() => 'li item'),
    );
    expect(items.filter((li) => !li.querySelector('article h3'))).to.deep.equal([]);
    const ranked = [...sent].sort((a, b) => a.relevance - b.relevance);
    expect(titles(el)).to.deep.equal(ranked.map((r: { title: string }) => r.title));
    expect(textOf(el))
      .to.match(/^Recommendations /)
      .and.contain(ranked[0].description);
    expect(loads).to.have.length(1);
    // The engine's pictures and tracking links, on the API's origin: shown.
    const images = parts(el, 'image') as HTMLImageElement[];
    expect(images.map((img) => img.localName)).to.deep.equal(ranked.map(() => 'img'));
    await until(() => images.every((img) => img.complete && img.naturalWidth > 0), 'pictures');
    const links = parts(el, 'action') as HTMLAnchorElement[];
    expect(links).to.have.length(ranked.length);
    expect(new URL(links[0]!.href).origin).to.equal(new URL(where.apiBase).origin);
    expect((await where.apiLog()).map((r) => r.path)).to.deep.equal([
      '/v2/recommendations?language=en',
    ]);
    await expect(el).to.be.accessible();
  });

  it('orders by relevance, the ones without a usable relevance last', async () => {
    const where = await answering(
      item(3),
      item(9, { relevance: 'first' }),
      item(1),
      item(8, { relevance: null }),
      item(2),
      item(7, { relevance: -1 }),
    );
    const el = await recommendations({}, where);
    await settled(el);
    expect(titles(el)).to.deep.equal(['Tip 1', 'Tip 2', 'Tip 3', 'Tip 9', 'Tip 8', 'Tip 7']);
  });

  it('shows at most `limit`, the most relevant, and a new limit reads nothing again', async () => {
    const where = await answering(item(4), item(2), item(1), item(3));
    const el = await recommendations({ limit: '2' }, where);
    await settled(el);
    expect(titles(el)).to.deep.equal(['Tip 1', 'Tip 2']);
    const statuses = statusTrail(el);
    el.limit = 3;
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Tip 1', 'Tip 2', 'Tip 3']);
    el.removeAttribute('limit');
    await el.updateComplete;
    expect(titles(el)).to.have.length(4);
    expect(statuses(), 'shown in place').to.deep.equal([]);
    expect(await where.apiLog()).to.have.length(1);
  });

  it('shows only the related metric with related-metric, and "no recommendations yet" when none is', async () => {
    const where = await answering(
      item(1, { related_metric: 'mental_stress' }),
      item(2),
      item(3, { related_metric: 'energy_balance' }),
      item(4),
    );
    const el = await recommendations({ 'related-metric': 'sleep_quality' }, where);
    await settled(el);
    expect(titles(el)).to.deep.equal(['Tip 2', 'Tip 4']);
    el.relatedMetric = 'mental_stress';
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Tip 1']);
    el.relatedMetric = 'hypertension';
    await el.updateComplete;
    expect(el.status).to.equal('empty');
    expect(textOf(el)).to.contain('No recommendations yet');
    expect(await where.apiLog()).to.have.length(1);
  });

  it('names the metrics when related-metric is not one, and the limit when it is not a number; asks for nothing', async () => {
    const where = await setup();
    const el = await recommendations({ 'related-metric': 'sleep' }, where);
    await settled(el);
    expect(el.status).to.equal('error');
    expect(textOf(el)).to.contain('not set up correctly');
    expect(el.shadowRoot!.querySelector('[part="retry-button"]')).to.equal(null);
    expect(
      errors().calledWithMatch(
        /related-metric="sleep" is not a metric; use one of: energy_balance, general_fitness, hypertension, mental_health_risk, mental_stress, sleep_quality/,
      ),
    ).to.equal(true);
    el.relatedMetric = 'sleep_quality';
    el.setAttribute('limit', 'three');
    await until(() => errors().calledWithMatch(/limit="three" is not a number/), 'limit named');
    expect(el.status).to.equal('error');
    el.setAttribute('limit', '1');
    await until(() => el.status === 'ready' || el.status === 'empty', 'shown once set right');
    expect(await where.tokenLog()).to.have.length(1);
    expect(await where.apiLog()).to.have.length(1);
  });

  for (const [what, answer] of [
    ['HTTP 204', { status: 204, body: '' }],
    ['an empty list', { json: { recommendations: [] } }],
    ['a bare []', { json: [] }],
  ] as const) {
    it(`says "no recommendations yet" for ${what}, without ip-error`, async () => {
      const where = await scripted(undefined, [answer]);
      const el = await recommendations({ lang: 'en' }, where);
      const failures = record(el, 'ip-error');
      await settled(el);
      expect(el.status).to.equal('empty');
      expect(textOf(el)).to.contain('No recommendations yet');
      expect(el.shadowRoot!.querySelector('ul')).to.equal(null);
      expect(failures).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  }

  it('shows the empty state for the sandbox user without scans', async () => {
    const el = await recommendations({ lang: 'en' }, await setup('new@example.com'));
    await settled(el);
    expect(el.status).to.equal('empty');
    expect(textOf(el)).to.contain('No recommendations yet');
  });

  it('renews the token once on a 401, and shows the list', async () => {
    const where = await scripted(
      [
        {
          json: { token: 'expired.token.value', expires_at: new Date(Date.now() + 3600_000) },
        },
        { proxy: true },
      ],
      [{ proxy: true }],
    );
    const el = await recommendations({}, where);
    await settled(el);
    expect(el.status).to.equal('ready');
    expect(await where.tokenLog(), 'one renewal').to.have.length(2);
    const calls = await where.apiLog();
    expect(calls).to.have.length(2);
    expect(calls[0]!.authorization).to.equal('Token expired.token.value');
    expect(calls[1]!.authorization)
      .to.match(/^Token /)
      .and.not.equal('Token expired.token.value');
  });

  it('shows an error after a second 401, and on a 500 an error whose retry works', async () => {
    const bad = { json: { token: 'bad.token', expires_at: new Date(Date.now() + 3600_000) } };
    const signedOut = await scripted([bad], [{ proxy: true }]);
    const el = await recommendations({}, signedOut);
    const failures = record(el, 'ip-error');
    await settled(el);
    expect(el.status).to.equal('error');
    expect(await signedOut.tokenLog()).to.have.length(2);
    expect(failures[0]!.detail).to.include({ code: 'api-error', status: 401 });
    await expect(el).to.be.accessible();

    const flaky = await scripted(undefined, [
      { status: 500, json: { detail: 'Internal Server Error' } },
      { proxy: true },
    ]);
    const again = await recommendations({}, flaky);
    await settled(again);
    expect(again.status).to.equal('error');
    expect(textOf(again)).to.contain('could not be loaded');
    again.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await until(() => again.status === 'ready', 'ready after retry');
    expect(await flaky.apiLog()).to.have.length(2);
  });

  for (const [what, body] of [
    ['recommendations that are a string', '{"recommendations": "many"}'],
    ['a list of numbers', '{"recommendations": [1, 2]}'],
    ['no recommendations at all', '{"tips": []}'],
  ] as const) {
    it(`shows an error (invalid-response) for ${what}`, async () => {
      const failures = record(document, 'ip-error');
      const el = await recommendations({ lang: 'en' }, await scripted(undefined, [{ body }]));
      await settled(el);
      expect(el.status).to.equal('error');
      expect(textOf(el)).to.contain('could not use');
      expect(failures.map((e) => e.detail.code)).to.deep.equal(['invalid-response']);
      const said = /GET \/v2\/recommendations\?language=en with .*cannot show/;
      expect(errors().calledWithMatch(said)).to.equal(true);
    });
  }

  it('leaves out an item without a title to show, and shows the rest', async () => {
    const where = await answering(item(1, { title: '  ' }), item(2, { title: 7 }), item(3));
    const el = await recommendations({}, where);
    await settled(el);
    expect(titles(el)).to.deep.equal(['Tip 3']);
  });

  it('shows its error with retry within 20 s when the API never answers; the retry works', async () => {
    const where = await scripted(undefined, [{ proxy: true, delayMs: 40_000 }, { proxy: true }]);
    const started = performance.now();
    const el = await recommendations({ lang: 'en' }, where);
    await settled(el, 25_000);
    expect(performance.now() - started).to.be.below(20_000);
    expect(el.status).to.equal('error');
    expect(textOf(el)).to.contain('could not be loaded');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await until(() => el.status === 'ready', 'ready after retry');
  });

  it('never puts a hostile action_url or image_url into the DOM', async () => {
    const where = await answering(
      item(1, { action_url: 'javascript:alert(1)', image_url: 'http://evil.test/1.png' }),
      item(2, {
        action_url: 'data:text/html,<script>alert(2)</script>',
        image_url: 'data:image/svg+xml,<svg onload="alert(2)"/>',
      }),
      item(3, { action_url: 'http://evil.test/3', image_url: 'javascript:alert(3)' }),
      item(4, { action_url: '//evil.test/4', image_url: 'https:evil.test/4.png' }),
      item(5, { action_url: 'https://user:pw@evil.test/5', image_url: ' https://evil.test/5' }),
      item(6, {
        action_url: 'JaVaScRiPt:alert(6)',
        image_url: 42,
        title: '<img src=x onerror=alert(6)>',
      }),
      item(7, { action_url: 'https://example.com/safe', image_url: picture() }),
    );
    const el = await recommendations({ lang: 'en' }, where);
    await settled(el);
    expect(titles(el)).to.have.length(7);
    const dom = el.shadowRoot!.innerHTML;
    expect(dom).to.not.match(/javascript:|data:|evil\.test/i);
    expect(el.shadowRoot!.querySelectorAll('[onerror], [onload], script')).to.have.length(0);
    expect(el.shadowRoot!.querySelectorAll('img:not([src])')).to.have.length(0);
    // The hostile title is text, not markup.
    expect(titles(el)[5]).to.equal('<img src=x onerror=alert(6)>');
    // Only the last one has a link and a picture; the others have neither, and the placeholder.
    const links = parts(el, 'action') as HTMLAnchorElement[];
    expect(links.map((a) => a.href)).to.deep.equal(['https://example.com/safe']);
    expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(1);
    expect(el.shadowRoot!.querySelectorAll('.placeholder')).to.have.length(6);
    await expect(el).to.be.accessible();
  });

  it('opens an action link in a new tab with rel="noopener"; an item without a link has no link text', async () => {
    const where = await answering(
      item(1),
      item(2, { action_text: null }),
      item(3, { action_url: null }),
    );
    const el = await recommendations({ lang: 'en' }, where);
    await settled(el);
    const links = parts(el, 'action') as HTMLAnchorElement[];
    expect(links).to.have.length(2);
    for (const link of links) {
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener');
      expect(link.localName).to.equal('a');
    }
    expect(links[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Take me there (opens in a new tab)',
    );
    expect(links[1]!.textContent).to.contain('Learn more');
    const third = parts(el, 'item')[2]!;
    expect(third.querySelector('a')).to.equal(null);
    expect(third.textContent).to.not.contain('Take me there');
  });

  it('shows an image lazily with the title as alt; the placeholder when it is missing or broken', async () => {
    const where = await answering(
      item(1, { image_url: picture() }),
      item(2),
      item(3, { image_url: `${location.origin}/no/such/image.png` }),
    );
    const el = await recommendations({}, where);
    await settled(el);
    const [first, second, third] = parts(el, 'item');
    const image = first!.querySelector<HTMLImageElement>('img[part="image"]')!;
    expect(image.getAttribute('loading')).to.equal('lazy');
    expect(image.alt).to.equal('Tip 1');
    await until(() => image.complete && image.naturalWidth > 0, 'the picture loaded');
    expect(second!.querySelector('img')).to.equal(null);
    expect(
      second!.querySelector('[part="image"].placeholder')!.getAttribute('aria-hidden'),
    ).to.equal('true');
    await until(
      () => third!.querySelector('[part="image"].placeholder'),
      'broken: the placeholder',
    );
    expect(third!.querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sends lang="nl" as language=nl and speaks Dutch; a new lang reads again', async () => {
    const where = await setup();
    const dutch = (await engineGet('/v2/recommendations?language=nl')).recommendations;
    const french = (await engineGet('/v2/recommendations?language=fr')).recommendations;
    const el = await recommendations({ lang: 'nl' }, where);
    await settled(el);
    expect((await where.apiLog()).map((r) => r.path)).to.deep.equal([
      '/v2/recommendations?language=nl',
    ]);
    expect(textOf(el)).to.match(/^Aanbevelingen /);
    expect(titles(el)).to.include(dutch[0].title);
    expect(parts(el, 'action')[0]!.textContent)
      .to.contain('Breng me erheen')
      .and.contain('tabblad');
    el.lang = 'fr';
    await until(() => titles(el).includes(french[0].title), 'French titles');
    expect(textOf(el)).to.match(/^Recommandations /);
    expect((await where.apiLog()).map((r) => r.path)).to.deep.equal([
      '/v2/recommendations?language=nl',
      '/v2/recommendations?language=fr',
    ]);
  });

  it("reads again when an ancestor's lang changes, and asks in the user's own language when the page names none", async () => {
    const where = await setup('jan@example.be'); // a Dutch user
    const root = await fixture<HTMLElement>(html`<div></div>`);
    root.innerHTML = `<ip-recommendations token-endpoint="${where.endpoint}" api-base="${where.apiBase}"></ip-recommendations>`;
    const el = root.querySelector<IpRecommendations>('ip-recommendations')!;
    const html_ = document.documentElement;
    const pageLang = html_.getAttribute('lang');
    html_.removeAttribute('lang');
    try {
      await settled(el);
      expect((await where.apiLog()).map((r) => r.path)).to.deep.equal([
        '/v2/recommendations?language=nl',
      ]);
      expect(textOf(el)).to.match(/^Aanbevelingen /);
      root.setAttribute('lang', 'sv');
      await until(() => textOf(el).startsWith('Rekommendationer '), 'Swedish');
      await settled(el);
      expect((await where.apiLog()).map((r) => r.path)).to.deep.equal([
        '/v2/recommendations?language=nl',
        '/v2/recommendations?language=sv',
      ]);
    } finally {
      if (pageLang !== null) html_.setAttribute('lang', pageLang);
    }
  });

  it("clearSession() drops the list: loading, then the next user's, never the last one's again", async () => {
    const A = 'demo@example.com';
    const B = 'amy@example.com';
    const of = async (user: string) =>
      (
        (await engineGet('/v2/recommendations?language=en', user)).recommendations as {
          title: string;
        }[]
      ).map((r) => r.title);
    const [a, b] = await Promise.all([of(A), of(B)]);
    const onlyA = a.filter((title) => !b.includes(title));
    expect(onlyA.length, 'the two users differ').to.be.above(0);
    const where = await scripted([
      { proxy: true, user: A },
      { proxy: true, user: B },
    ]);
    const el = await recommendations({ lang: 'en' }, where);
    await settled(el);
    expect(titles(el)).to.include(onlyA[0]);
    const film = filmed(el);
    clearSession();
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    await until(() => el.status === 'ready', "B's shown");
    expect([...titles(el)].sort()).to.deep.equal([...b].sort());
    for (const title of onlyA) expect(film.slice(1).join('|')).to.not.contain(title);
    expect(await where.tokenLog(), 'a fresh token').to.have.length(2);
  });

  it('reloads after a face scan on the page, and on reload()', async () => {
    const where = await setup();
    const el = await recommendations({}, where);
    await settled(el);
    announceScan({ tokenEndpoint: where.endpoint, faceScanId: 'recs-1' });
    await until(async () => (await where.apiLog()).length === 2, 'read after the scan');
    await settled(el);
    el.reload();
    await until(async () => (await where.apiLog()).length === 3, 'reload()');
    await settled(el);
    expect(el.status).to.equal('ready');
  });

  it('has only IntelliProve: provider="sahha" is invalid-attribute naming it, and nothing is asked', async () => {
    const where = await setup();
    const failures = record(document, 'ip-error');
    const el = await recommendations({ provider: 'sahha' }, where);
    await settled(el);
    expect(el.status).to.equal('error');
    expect(failures[0]!.detail.code).to.equal('invalid-attribute');
    expect(errors().calledWithMatch(/provider="sahha" .*use one of: intelliprove\./)).to.equal(
      true,
    );
    expect(await where.tokenLog()).to.have.length(0);
  });

  it('is stacked in a narrow box and a grid in a wide one (container queries)', async () => {
    const where = await answering(item(1, { image_url: picture() }), item(2), item(3), item(4));
    const root = await fixture<HTMLElement>(html`<div></div>`);
    root.innerHTML = `<ip-recommendations token-endpoint="${where.endpoint}" api-base="${where.apiBase}"></ip-recommendations>`;
    const el = root.querySelector<IpRecommendations>('ip-recommendations')!;
    await settled(el);
    const columns = () =>
      getComputedStyle(el.shadowRoot!.querySelector('ul')!).gridTemplateColumns.split(' ').length;
    const imageBesideText = () => {
      const article = el.shadowRoot!.querySelector('article')!;
      const image = article.querySelector('[part="image"]')!.getBoundingClientRect();
      const title = article.querySelector('h3')!.getBoundingClientRect();
      return title.left >= image.right;
    };
    el.style.width = '340px';
    await until(() => columns() === 1, 'one column');
    expect(imageBesideText(), 'the thumbnail beside the text').to.equal(true);
    el.style.width = '980px';
    await until(() => columns() >= 3, 'a grid');
    expect(imageBesideText(), 'the image above the text').to.equal(false);
  });

  it('is accessible while loading', async () => {
    const where = await scripted([{ proxy: true, delayMs: 800 }]);
    const el = await recommendations({}, where);
    expect(el.status).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[role="status"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    await settled(el);
  });
});
