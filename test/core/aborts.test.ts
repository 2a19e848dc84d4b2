// Attack: requests that should be aborted, and sharing that should hold, observed on fetch itself.
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon/pkg/sinon-esm.js';
import type { IpBiomarkerCard, IpFaceScan, IpMetricGauge } from '../../src/entries/index.js';
import { clearSession } from '../../src/entries/index.js';
import { sandboxEnv } from '../helpers/env.js';
import { render } from '../helpers/data.js';
import { apiScenario, relayUrl, scenario, until } from '../helpers/scenario.js';

const nextTask = () => new Promise((resolve) => setTimeout(resolve));
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
  let errors: sinon.SinonStub;
  let watch: ReturnType<typeof watchFetch> | undefined;
  beforeEach(() => (errors = sinon.stub(console, 'error')));
  afterEach(() => {
    errors.restore();
    watch?.restore();
    watch = undefined;
  });

  it('clearSession() aborts a pending API token request on the wire', async () => {
    const token = await scenario(SLOW, { proxy: true });
    const api = await apiScenario({ proxy: true });
    watch = watchFetch();
    const card = await render<IpBiomarkerCard>('ip-biomarker-card', {
      'token-endpoint': token.endpoint,
      'api-base': api.apiBase,
      biomarker: 'heart_rate',
    });
    await until(() => watch!.calls.some((c) => c.url.includes(token.endpoint)), 'asked');
    const first = watch.calls.find((c) => c.url.includes(token.endpoint))!;
    clearSession();
    expect(first.signal!.aborted).to.equal(true);
    await until(() => card.status === 'ready', 'ready');
  });

  it('a removed card aborts its pending API read after the task; a moved one does not', async () => {
    const token = await scenario({ proxy: true });
    const api = await apiScenario(SLOW);
    watch = watchFetch();
    const root = await fixture<HTMLElement>(html`<div><section></section></div>`);
    const card = document.createElement('ip-biomarker-card') as IpBiomarkerCard;
    card.setAttribute('biomarker', 'heart_rate');
    card.tokenEndpoint = token.endpoint;
    card.apiBase = api.apiBase;
    root.append(card);
    await until(() => watch!.calls.some((c) => c.url.startsWith(api.apiBase)), 'reading');
    const read = watch.calls.find((c) => c.url.startsWith(api.apiBase))!;
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
    const token = await scenario({ proxy: true });
    const api = await apiScenario(SLOW);
    watch = watchFetch();
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const cards = ['heart_rate', 'respiratory_rate'].map((biomarker) => {
      const card = document.createElement('ip-biomarker-card') as IpBiomarkerCard;
      card.setAttribute('biomarker', biomarker);
      card.tokenEndpoint = token.endpoint;
      card.apiBase = api.apiBase;
      root.append(card);
      return card;
    });
    await until(() => watch!.calls.some((c) => c.url.startsWith(api.apiBase)), 'reading');
    const reads = () => watch!.calls.filter((c) => c.url.startsWith(api.apiBase));
    cards[0]!.remove();
    await nextTask();
    await nextTask();
    expect(reads(), 'one read for both').to.have.length(1);
    expect(reads()[0]!.signal!.aborted, 'the other card still waits for it').to.equal(false);
    await until(() => cards[1]!.status === 'ready', 'the other card shows its value', 6000);
    expect(reads()).to.have.length(1);
  });

  it('a removed face scan aborts its pending token request', async () => {
    const plugins = (await sandboxEnv()).plugins;
    const token = await scenario({ json: { url: await relayUrl() }, delayMs: 3000 });
    watch = watchFetch();
    const el = await fixture<IpFaceScan>(
      html`<ip-face-scan
        token-endpoint=${token.endpoint}
        allowed-origins=${plugins}
      ></ip-face-scan>`,
    );
    await until(() => watch!.calls.some((c) => c.url.includes(token.endpoint)), 'asked');
    el.remove();
    await nextTask();
    expect(watch.calls.find((c) => c.url.includes(token.endpoint))!.signal!.aborted).to.equal(true);
  });

  it('eight elements whose token the API refuses: two token requests in all, then errors', async () => {
    const token = await scenario(...[1, 2, 3, 4].map((n) => ({ json: { token: `refused-${n}` } })));
    const api = await apiScenario({ status: 401, json: { detail: 'nope' } });
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const els: (IpMetricGauge | IpBiomarkerCard)[] = [];
    for (const metric of ['mental_stress', 'sleep_quality', 'wellbeing_mental', 'energy_balance']) {
      const g = document.createElement('ip-metric-gauge') as IpMetricGauge;
      g.setAttribute('metric', metric);
      g.tokenEndpoint = token.endpoint;
      g.apiBase = api.apiBase;
      root.append(g);
      els.push(g);
    }
    for (const biomarker of [
      'heart_rate',
      'respiratory_rate',
      'blood_pressure',
      'heart_rate_variability',
    ]) {
      const c = document.createElement('ip-biomarker-card') as IpBiomarkerCard;
      c.setAttribute('biomarker', biomarker);
      c.tokenEndpoint = token.endpoint;
      c.apiBase = api.apiBase;
      root.append(c);
      els.push(c);
    }
    await until(() => els.every((e) => e.status === 'error'), 'all errors');
    expect(await token.log()).to.have.length(2);
    expect((await api.log()).length, 'three distinct reads, each tried twice').to.equal(6);
  });

  it('relative and absolute spellings of one endpoint share one token', async () => {
    const token = await scenario({ proxy: true });
    const api = await apiScenario({ proxy: true });
    const a = await render<IpBiomarkerCard>('ip-biomarker-card', {
      'token-endpoint': token.endpoint,
      'api-base': api.apiBase,
      biomarker: 'heart_rate',
    });
    const b = await render<IpMetricGauge>('ip-metric-gauge', {
      'token-endpoint': new URL(token.endpoint, location.href).href,
      'api-base': api.apiBase,
      metric: 'mental_stress',
    });
    await until(() => a.status === 'ready' && b.status === 'ready', 'ready');
    expect(await token.log()).to.have.length(1);
  });
});
