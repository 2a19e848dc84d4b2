// Attack: requests that should be aborted, and sharing that should hold, observed on fetch itself.
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon/pkg/sinon-esm.js';
import type { IpBiomarkerCard, IpMetricGauge } from '../../src/entries/index.js';
import { clearSession } from '../../src/entries/index.js';
import { consoleErrors, mount, render, scripted } from '../helpers/data.js';
import { faceScanOn, nextTask, relayUrl, scenario, until } from '../helpers/scenario.js';

const SLOW = { proxy: true, delayMs: 3000 } as const;

/** Every fetch the kit makes from now on: its URL and signal. */
function watchFetch() {
  const calls: { url: string; signal?: AbortSignal | null }[] = [];
  const real = window.fetch;
  const stub = sinon.stub(window, 'fetch').callsFake((input, init) => {
    const url = typeof input === 'string' ? input : ((input as Request).url ?? String(input));
    if (!url.includes('/__ip/scenarios')) calls.push({ url, signal: init?.signal });
    return real(input as RequestInfo, init);
  });
  return { calls, restore: () => stub.restore() };
}

describe('aborts and sharing', () => {
  consoleErrors();
  let watch: ReturnType<typeof watchFetch> | undefined;
  afterEach(() => {
    watch?.restore();
    watch = undefined;
  });

  it('clearSession() aborts a pending API token request on the wire', async () => {
    const where = await scripted([SLOW, { proxy: true }]);
    watch = watchFetch();
    const card = await render<IpBiomarkerCard>(
      'ip-biomarker-card',
      { biomarker: 'heart_rate' },
      where,
    );
    await until(() => watch!.calls.some((c) => c.url.includes(where.endpoint)), 'asked');
    const first = watch.calls.find((c) => c.url.includes(where.endpoint))!;
    clearSession();
    expect(first.signal!.aborted).to.equal(true);
    await until(() => card.status === 'ready', 'ready');
  });

  it('a removed card aborts its pending API read after the task; a moved one does not', async () => {
    const where = await scripted(undefined, [SLOW]);
    watch = watchFetch();
    const root = await fixture<HTMLElement>(html`<div><section></section></div>`);
    const card = mount(root, 'ip-biomarker-card', { biomarker: 'heart_rate' }, where);
    await until(() => watch!.calls.some((c) => c.url.startsWith(where.apiBase)), 'reading');
    const read = watch.calls.find((c) => c.url.startsWith(where.apiBase))!;
    root.querySelector('section')!.append(card); // moved
    await nextTask();
    await nextTask();
    expect(read.signal!.aborted, 'a move keeps the read').to.equal(false);
    card.remove();
    await nextTask();
    await nextTask();
    expect(read.signal!.aborted, 'removal aborts it').to.equal(true);
  });

  it('a read two cards wait for goes on when one of them is removed, and ends when both are', async () => {
    const where = await scripted(undefined, [SLOW]);
    watch = watchFetch();
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const cards = ['heart_rate', 'respiratory_rate'].map((biomarker) =>
      mount<IpBiomarkerCard>(root, 'ip-biomarker-card', { biomarker }, where),
    );
    await until(() => watch!.calls.some((c) => c.url.startsWith(where.apiBase)), 'reading');
    const reads = () => watch!.calls.filter((c) => c.url.startsWith(where.apiBase));
    cards[0]!.remove();
    await nextTask();
    await nextTask();
    expect(reads(), 'one read for both').to.have.length(1);
    expect(reads()[0]!.signal!.aborted, 'the other card still waits for it').to.equal(false);
    await until(() => cards[1]!.status === 'ready', 'the other card shows its value');
    expect(reads()).to.have.length(1);
  });

  it('a removed face scan aborts its pending token request', async () => {
    const token = await scenario({ json: { url: await relayUrl() }, delayMs: 3000 });
    watch = watchFetch();
    const el = await faceScanOn(token.endpoint);
    await until(() => watch!.calls.some((c) => c.url.includes(token.endpoint)), 'asked');
    el.remove();
    await nextTask();
    expect(watch.calls.find((c) => c.url.includes(token.endpoint))!.signal!.aborted).to.equal(true);
  });

  it('eight elements whose token the API refuses: two token requests in all, then errors', async () => {
    const where = await scripted(
      [1, 2, 3, 4].map((n) => ({ json: { token: `refused-${n}` } })),
      [{ status: 401, json: { detail: 'nope' } }],
    );
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const els: (IpMetricGauge | IpBiomarkerCard)[] = [
      ...['mental_stress', 'sleep_quality', 'wellbeing_mental', 'energy_balance'].map((metric) =>
        mount<IpMetricGauge>(root, 'ip-metric-gauge', { metric }, where),
      ),
      ...['heart_rate', 'respiratory_rate', 'blood_pressure', 'heart_rate_variability'].map(
        (biomarker) => mount<IpBiomarkerCard>(root, 'ip-biomarker-card', { biomarker }, where),
      ),
    ];
    await until(() => els.every((e) => e.status === 'error'), 'all errors');
    expect(await where.tokenLog()).to.have.length(2);
    expect((await where.apiLog()).length, 'three distinct reads, each tried twice').to.equal(6);
  });

  it('relative and absolute spellings of one endpoint share one token', async () => {
    const where = await scripted();
    const a = await render<IpBiomarkerCard>(
      'ip-biomarker-card',
      { biomarker: 'heart_rate' },
      where,
    );
    const b = await render<IpMetricGauge>('ip-metric-gauge', {
      'token-endpoint': new URL(where.endpoint, location.href).href,
      'api-base': where.apiBase,
      metric: 'mental_stress',
    });
    await until(() => a.status === 'ready' && b.status === 'ready', 'ready');
    expect(await where.tokenLog()).to.have.length(1);
  });
});
