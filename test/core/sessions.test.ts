// Sessions (CONTRACT §4): one user's health data never reaches the next. Real token endpoints
// that sign in as user A, then as user B, in front of the sandbox engine.
import { expect, fixture, html } from '@open-wc/testing';
import type { IpBiomarkerCard, IpMetricGauge } from '../../src/entries/index.js';
import { clearSession } from '../../src/entries/index.js';
import { keptAnswers } from '../../src/core/session.js';
import {
  consoleErrors,
  engineGet,
  filmed,
  mount,
  render,
  scripted,
  textOf,
} from '../helpers/data.js';
import {
  faceScanOn,
  nextTask,
  overOnTheWire,
  record,
  relayScenario,
  until,
} from '../helpers/scenario.js';

const A = 'demo@example.com';
const B = 'amy@example.com';

interface Values {
  heartRate: string;
  stress: string;
}

async function valuesOf(user: string): Promise<Values> {
  const [scan] = await engineGet('/v2/face-scans/latest', user);
  const { metrics } = await engineGet('/v2/metrics', user);
  return {
    heartRate: `${scan.heart_rate} bpm`,
    stress: String(Math.round(metrics.mental_stress.score * 10) / 10),
  };
}

describe('sessions', () => {
  let a: Values;
  let b: Values;
  consoleErrors();
  before(async () => {
    [a, b] = await Promise.all([valuesOf(A), valuesOf(B)]);
    expect(a.heartRate, 'the two users differ').to.not.equal(b.heartRate);
    expect(a.stress, 'the two users differ').to.not.equal(b.stress);
  });

  /** A card and a gauge on a token endpoint that signs in as A, then as B. */
  async function results() {
    const where = await scripted([
      { proxy: true, user: A },
      { proxy: true, user: B },
    ]);
    const on = `lang="en" token-endpoint="${where.endpoint}" api-base="${where.apiBase}"`;
    const root = await fixture<HTMLElement>(
      `<div><ip-biomarker-card biomarker="heart_rate" ${on}></ip-biomarker-card>
        <ip-metric-gauge metric="mental_stress" ${on}></ip-metric-gauge></div>`,
    );
    const card = root.querySelector<IpBiomarkerCard>('ip-biomarker-card')!;
    const gauge = root.querySelector<IpMetricGauge>('ip-metric-gauge')!;
    await until(() => card.status === 'ready' && gauge.status === 'ready', 'A shown');
    expect(textOf(card)).to.contain(a.heartRate);
    expect(textOf(gauge)).to.contain(a.stress);
    return { where, root, card, gauge };
  }

  for (const [name, end] of [
    ['clearSession()', () => clearSession()],
    ['ip-clear-session on document', () => document.dispatchEvent(new Event('ip-clear-session'))],
  ] as const) {
    it(`${name} with the elements kept mounted: loading, then B's values, never A's again`, async () => {
      const { where, card, gauge } = await results();
      const cardFilm = filmed(card);
      const gaugeFilm = filmed(gauge);
      const loads = record(card, 'ip-load');
      end();
      await card.updateComplete;
      expect(card.status).to.equal('loading');
      expect(gauge.status).to.equal('loading');
      await until(() => card.status === 'ready' && gauge.status === 'ready', 'B shown');
      expect(textOf(card)).to.contain(b.heartRate);
      expect(textOf(gauge)).to.contain(b.stress);
      expect(cardFilm.slice(1).join('|')).to.not.contain(a.heartRate);
      expect(gaugeFilm.slice(1).join('|')).to.not.contain(a.stress);
      expect((loads[0]!.detail.data as { value: number }).value).to.equal(parseFloat(b.heartRate));
      expect(await where.tokenLog(), 'a fresh token request').to.have.length(2);
    });
  }

  it('clearSession() while reads of A are in flight: none of them lands', async () => {
    const where = await scripted([
      { proxy: true, user: A, delayMs: 400 },
      { proxy: true, user: B },
    ]);
    const card = await render<IpBiomarkerCard>(
      'ip-biomarker-card',
      { biomarker: 'heart_rate' },
      where,
    );
    const film = filmed(card);
    await until(async () => (await where.tokenLog()).length === 1, "A's token asked for");
    clearSession();
    await until(() => card.status === 'ready', 'B shown');
    await overOnTheWire(where.tokenLog, 0); // A's answer has come (or its request was dropped)
    await card.updateComplete;
    expect(textOf(card)).to.contain(b.heartRate);
    expect(film.join('|')).to.not.contain(a.heartRate);
  });

  it("sign-out, then sign-in with new elements: B's values from a fresh token", async () => {
    const { where, root } = await results();
    root.replaceChildren(); // signed out: the results page goes
    await nextTask();
    expect(keptAnswers(), 'nothing kept once the last element left').to.equal(0);
    const card = mount<IpBiomarkerCard>(
      root,
      'ip-biomarker-card',
      { biomarker: 'heart_rate' },
      where,
    );
    const film = filmed(card);
    await until(() => card.status === 'ready', 'B shown');
    expect(textOf(card)).to.contain(b.heartRate);
    expect(film.join('|')).to.not.contain(a.heartRate);
    expect(await where.tokenLog()).to.have.length(2);
  });

  it('moving an element, or a remount in the same task (StrictMode), keeps its token: one request', async () => {
    const where = await scripted([{ proxy: true, user: A }]);
    const root = await fixture<HTMLElement>(html`<div><section></section></div>`);
    const card = mount<IpBiomarkerCard>(
      root,
      'ip-biomarker-card',
      { biomarker: 'heart_rate' },
      where,
    );
    await until(() => card.status === 'ready', 'ready');
    // Moved into another container, then unmounted and mounted again within the task.
    root.querySelector('section')!.append(card);
    card.remove();
    await Promise.resolve();
    root.append(card);
    await nextTask();
    const gauge = mount<IpMetricGauge>(root, 'ip-metric-gauge', { metric: 'mental_stress' }, where);
    await until(() => gauge.status === 'ready', 'a later gauge');
    expect(card.status).to.equal('ready');
    expect(textOf(card)).to.contain(a.heartRate);
    expect(await where.tokenLog()).to.have.length(1);
    expect((await where.apiLog()).map((r) => r.path)).to.deep.equal([
      '/v2/face-scans/latest',
      '/v2/metrics',
    ]);
  });

  it('keeps an answer only while an element shows it: 300 cards of different scans, removed, leave nothing', async function () {
    // 300 elements rendered and removed: slow on a busy machine. It checks memory, not time.
    this.timeout(100_000);
    const where = await scripted(
      [{ proxy: true, user: A }],
      [{ json: { face_scan_id: 'x', heart_rate: 61, timestamp: '2026-11-30T08:00:00Z' } }],
    );
    // One card stays on the page all along, so the session (and what it keeps) goes on.
    const keeper = await render<IpBiomarkerCard>(
      'ip-biomarker-card',
      { biomarker: 'heart_rate', 'face-scan-id': 'kept' },
      where,
    );
    await until(() => keeper.status === 'ready', 'the card that stays');
    const before = keptAnswers();
    const root = document.createElement('div');
    document.body.append(root);
    const failures = record(root, 'ip-error');
    const settled = (card: IpBiomarkerCard) => !['idle', 'loading'].includes(card.status);
    // All 300 at once: a card's time limits do not count its wait for a turn at the gate
    // (request-gate.test.ts), so every one of them shows its answer, however busy the machine.
    const mounted = Array.from({ length: 300 }, (_, i) =>
      mount<IpBiomarkerCard>(
        root,
        'ip-biomarker-card',
        { biomarker: 'heart_rate', 'face-scan-id': `scan-${i}` },
        where,
      ),
    );
    await until(() => mounted.every(settled), 'all 300 cards', 60_000);
    const cards = [...root.children] as IpBiomarkerCard[];
    const statuses = new Map<string, number>();
    for (const { status } of cards) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const why = [...new Set(failures.map((event) => event.detail.message))].join(' | ');
    expect(Object.fromEntries(statuses), `every card shows its answer (${why})`).to.deep.equal({
      ready: 300,
    });
    expect(keptAnswers() - before, 'each shown answer is kept').to.equal(300);
    root.remove();
    await nextTask();
    await nextTask();
    expect(keptAnswers(), "only the staying card's answer").to.equal(before);
    expect(keeper.status).to.equal('ready');
  });

  it('a face scan loads a new URL into a fresh iframe on clearSession(), even mid-recording', async () => {
    const token = await relayScenario(['a', 'b']);
    const el = await faceScanOn(token.endpoint);
    await until(() => el.status === 'ready', 'ready');
    const first = el.shadowRoot!.querySelector('iframe')!;
    const stages = record(el, 'ip-stage');
    first.contentWindow!.postMessage({ stage: 'recordingStarted' }, '*');
    await until(() => stages.length === 1, 'recording');
    clearSession();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('iframe'), "A's plug-in is gone at once").to.equal(null);
    await until(() => el.status === 'ready', 'ready again');
    const second = el.shadowRoot!.querySelector('iframe')!;
    expect(second).to.not.equal(first);
    expect(second.getAttribute('src')).to.contain('tag=b');
    expect(await token.log()).to.have.length(2);
  });
});
