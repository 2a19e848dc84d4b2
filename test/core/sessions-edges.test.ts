// Attack: sessions across moves, re-inserts, two endpoints, credentials modes and Sahha.
import { expect, fixture, html } from '@open-wc/testing';
import type sinon from 'sinon/pkg/sinon-esm.js';
import type { IpBiomarkerCard, IpFaceScan, IpMetricGauge } from '../../src/entries/index.js';
import { clearSession } from '../../src/entries/index.js';
import { keptAnswers } from '../../src/core/session.js';
import { sandboxEnv } from '../helpers/env.js';
import {
  consoleErrors,
  engineGet,
  filmed,
  mount,
  render,
  scripted,
  textOf,
  type Setup,
} from '../helpers/data.js';
import {
  faceScanOn,
  fakeTimers,
  nextTask,
  overOnTheWire,
  record,
  relayScenario,
  relayUrl,
  scenario,
  until,
} from '../helpers/scenario.js';

const A = 'demo@example.com';
const B = 'amy@example.com';
const frameOf = (el: Element) => el.shadowRoot!.querySelector('iframe');

/** A heart-rate card on an endpoint that signs in as A, then B, once it shows A's value. */
async function cardOfA(): Promise<{ card: IpBiomarkerCard; where: Setup }> {
  const where = await scripted([
    { proxy: true, user: A },
    { proxy: true, user: B },
  ]);
  const card = await render<IpBiomarkerCard>(
    'ip-biomarker-card',
    { biomarker: 'heart_rate', lang: 'en' },
    where,
  );
  await until(() => card.status === 'ready', 'A');
  return { card, where };
}

async function heartRateOf(user: string): Promise<string> {
  const [scan] = await engineGet('/v2/face-scans/latest', user);
  return `${scan.heart_rate} bpm`;
}

describe('sessions', () => {
  consoleErrors();
  let plugins: string;
  let a: string;
  let b: string;
  before(async () => {
    plugins = (await sandboxEnv()).plugins;
    [a, b] = await Promise.all([heartRateOf(A), heartRateOf(B)]);
    expect(a).to.not.equal(b);
  });
  it('face scan: removed, clearSession(), re-inserted in the same task → a new URL for B', async () => {
    const token = await relayScenario(['userA', 'userB']);
    const el = await faceScanOn(token.endpoint);
    await until(() => el.status === 'ready', 'A ready');
    const parent = el.parentElement!;
    // e.g. a framework re-parenting the side panel while the app signs out
    el.remove();
    clearSession();
    parent.append(el);
    await until(
      () => el.status === 'ready' && frameOf(el)?.getAttribute('src')?.includes('userB'),
      "B's plug-in",
    );
    expect(await token.log(), 'a fresh URL was asked for').to.have.length(2);
  });

  it("face scan and dashboard: clearSession() while A's URL is in flight → only B's URL is ever framed", async () => {
    const srcs: string[] = [];
    for (const tag of ['ip-face-scan', 'ip-dashboard']) {
      const token = await scenario(
        { json: { url: await relayUrl(`${tag}-A`) }, delayMs: 400 },
        { json: { url: await relayUrl(`${tag}-B`) } },
      );
      const el = document.createElement(tag) as IpFaceScan;
      el.tokenEndpoint = token.endpoint;
      el.allowedOrigins = plugins;
      const seen = new MutationObserver(() => {
        const src = frameOf(el)?.getAttribute('src');
        if (src) srcs.push(src);
      });
      document.body.append(el);
      await el.updateComplete;
      seen.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true });
      await until(async () => (await token.log()).length === 1, 'A asked');
      clearSession();
      await until(() => el.status === 'ready', 'B ready');
      await overOnTheWire(token.log, 0); // A's answer has come (or its request was dropped)
      await el.updateComplete;
      expect(frameOf(el)!.getAttribute('src')).to.contain(`${tag}-B`);
      el.remove();
    }
    expect(srcs.join(' ')).to.not.contain('-A');
  });

  it('card: removed, clearSession(), re-inserted in the same task → B, never A', async () => {
    const { card, where } = await cardOfA();
    const parent = card.parentElement!;
    card.remove();
    clearSession();
    parent.append(card);
    const film = filmed(card);
    await card.updateComplete;
    await until(() => card.status === 'ready' && textOf(card).includes(b), 'B');
    expect(film.slice(1).join('|')).to.not.contain(a);
    expect(await where.tokenLog(), "A's token, then one for B").to.have.length(2);
  });

  it('card: detached a while, clearSession(), re-inserted → loading then B, no frame of A', async () => {
    const { card, where } = await cardOfA();
    const parent = card.parentElement!;
    card.remove();
    await nextTask();
    await nextTask();
    clearSession();
    const statuses: string[] = [];
    const seen: string[] = [];
    new MutationObserver(() => {
      statuses.push(card.getAttribute('status') ?? '');
      seen.push(textOf(card));
    }).observe(card, { attributes: true, attributeFilter: ['status'] });
    new MutationObserver(() => seen.push(textOf(card))).observe(card.shadowRoot!, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    parent.append(card);
    await until(() => card.status === 'ready' && textOf(card).includes(b), 'B');
    expect(seen.join('|')).to.not.contain(a);
    expect(statuses[0]).to.equal('loading');
    expect(await where.tokenLog()).to.have.length(2);
  });

  it('two token endpoints and two credentials modes: clearSession() refreshes all four tokens', async () => {
    // One token per credentials mode: two answers for A, then two for B.
    const answers = [A, A, B, B].map((user) => ({ proxy: true, user }));
    const e1 = await scripted(answers);
    const e2 = await scripted(answers);
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const cards = [e1, e2].flatMap((where) =>
      ['same-origin', 'include'].map((credentials) =>
        mount<IpBiomarkerCard>(
          root,
          'ip-biomarker-card',
          { biomarker: 'heart_rate', lang: 'en', credentials },
          where,
        ),
      ),
    );
    await until(() => cards.every((c) => c.status === 'ready'), 'A everywhere');
    expect(cards.every((c) => textOf(c).includes(a))).to.equal(true);
    const films = cards.map(filmed);
    clearSession();
    await until(
      () => cards.every((c) => c.status === 'ready' && !textOf(c).includes(a)),
      'all started over',
      8000,
    );
    for (const film of films) expect(film.slice(1).join('|')).to.not.contain(a);
    expect((await e1.tokenLog()).length + (await e2.tokenLog()).length).to.equal(8);
  });

  it('Sahha card and gauge: clearSession() shows B (loading between), never A again', async () => {
    const env = await sandboxEnv();
    /** A token endpoint that answers Sahha tokens for `users` in turn, with the Sahha sandbox. */
    const sahha = async (...users: string[]): Promise<Setup> => ({
      ...(await scripted(users.map((user) => ({ proxy: 'sahha', user })))),
      apiBase: env.sahha,
    });
    const steps = { provider: 'sahha', biomarker: 'steps', lang: 'en' };
    const single = async (user: string) => {
      const el = await render<IpBiomarkerCard>('ip-biomarker-card', steps, await sahha(user));
      await until(() => el.status === 'ready', `${user} steps`);
      const text = el.shadowRoot!.querySelector('[part="value"]')!.textContent!.trim();
      el.remove();
      return text;
    };
    const [stepsA, stepsB] = [await single(A), await single(B)];
    expect(stepsA).to.not.equal(stepsB);
    const where = await sahha(A, B);
    const card = await render<IpBiomarkerCard>('ip-biomarker-card', steps, where);
    const gauge = await render<IpMetricGauge>(
      'ip-metric-gauge',
      { provider: 'sahha', metric: 'sleep', lang: 'en' },
      where,
    );
    await until(() => card.status === 'ready' && gauge.status !== 'loading', 'A');
    const film = filmed(card);
    document.dispatchEvent(new Event('ip-clear-session'));
    await card.updateComplete;
    expect(card.status).to.equal('loading');
    await until(() => card.status === 'ready', 'B');
    expect(card.shadowRoot!.querySelector('[part="value"]')!.textContent!.trim()).to.equal(stepsB);
    expect(film.slice(1).join('|')).to.not.contain(stepsA);
    expect(await where.tokenLog()).to.have.length(2);
  });

  it('keptAnswers stays bounded over 50 reloads of 6 gauges and 2 cards', async () => {
    const where = await scripted([{ proxy: true, user: A }]);
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const els: (IpMetricGauge | IpBiomarkerCard)[] = [
      ...['mental_stress', 'mental_stress', 'sleep_quality', 'sleep_quality'],
      ...['energy_balance', 'energy_balance'],
    ].map((metric) => mount<IpMetricGauge>(root, 'ip-metric-gauge', { metric }, where));
    for (const biomarker of ['heart_rate', 'respiratory_rate'])
      els.push(mount<IpBiomarkerCard>(root, 'ip-biomarker-card', { biomarker }, where));
    await until(() => els.every((e) => e.status === 'ready'), 'ready');
    const base = keptAnswers();
    for (let i = 0; i < 50; i++) {
      els[i % els.length]!.reload();
      if (i % 5 === 0) clearSession();
      await nextTask();
    }
    await until(() => els.every((e) => e.status === 'ready'), 'ready again', 15_000);
    await nextTask();
    expect(keptAnswers()).to.be.at.most(Math.max(base, 2));
    root.remove();
    await nextTask();
    await nextTask();
    expect(keptAnswers()).to.equal(0);
  });
});

describe('a face scan moved while recording', () => {
  consoleErrors();
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });

  for (const RECORD of [false, true])
    it(`after the move the plug-in document restarts; its URL is still refreshed before expiry (${RECORD ? 'moved while recording' : 'control: not recording'})`, async () => {
      const plugins = (await sandboxEnv()).plugins;
      const token = await relayScenario(['first', 'second'], 1);
      const root = await fixture<HTMLElement>(html`<div><section></section></div>`);
      const el = document.createElement('ip-face-scan') as IpFaceScan;
      el.tokenEndpoint = token.endpoint;
      el.allowedOrigins = plugins;
      root.append(el);
      await el.updateComplete;
      clock = fakeTimers(); // once the element has rendered (its first update waits for a task)
      await until(() => el.status === 'ready', 'ready');
      const stages = record(el, 'ip-stage');
      if (RECORD) frameOf(el)!.contentWindow!.postMessage({ stage: 'recordingStarted' }, '*');
      if (RECORD) await until(() => stages.length === 1, 'recording');
      // Moved into another container (a layout change): the iframe's document starts over.
      let loads = 0;
      frameOf(el)!.addEventListener('load', () => loads++);
      root.querySelector('section')!.append(el);
      await until(() => loads === 1, 'the moved iframe reloaded');
      // Messages from the reloaded plug-in still arrive.
      frameOf(el)!.contentWindow!.postMessage({ stage: 'startNewMeasurement' }, '*');
      await until(() => stages.length === (RECORD ? 2 : 1), 'a message after the move');
      clock.tick(60 * 60_000); // well past the 20-minute expiry
      expect(el.status, 'the refresh starts at once: the plug-in is not recording').to.equal(
        'loading',
      );
      await until(
        () => el.status === 'ready' && frameOf(el)?.getAttribute('src')?.includes('second'),
        'the fresh URL',
      );
      expect(
        await token.log(),
        'the URL (now expired) was replaced: the plug-in is not recording',
      ).to.have.length(2);
    });
});
