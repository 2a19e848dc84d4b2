// Attack: the API read's 8 s clock starts before its token is fetched, so a slow (but in-budget)
// token endpoint eats the API read's time.
import { expect } from '@open-wc/testing';
import sinon from 'sinon/pkg/sinon-esm.js';
import type { IpBiomarkerCard } from '../../src/entries/index.js';
import '../../src/entries/index.js';
import { render, textOf } from '../helpers/data.js';
import { apiScenario, record, scenario, until } from '../helpers/scenario.js';

describe('token time counted against the API read', () => {
  let errors: sinon.SinonStub;
  beforeEach(() => (errors = sinon.stub(console, 'error')));
  afterEach(() => errors.restore());

  it('token endpoint 5 s (< 8 s), API 3.5 s (< 8 s): the card shows the value', async function () {
    this.timeout(30_000);
    const token = await scenario({ proxy: true, delayMs: 5000 });
    const api = await apiScenario({ proxy: true, delayMs: 3500 });
    const card = await render<IpBiomarkerCard>('ip-biomarker-card', {
      'token-endpoint': token.endpoint,
      'api-base': api.apiBase,
      biomarker: 'heart_rate',
      lang: 'en',
    });
    const failures = record(card, 'ip-error');
    await until(() => card.status !== 'loading' && card.status !== 'idle', 'settled', 20_000);
    expect(
      failures.map((e) => e.detail.message),
      'no error: each request answered within its own 8 s',
    ).to.deep.equal([]);
    expect(card.status).to.equal('ready');
    expect(textOf(card)).to.match(/\d+ bpm/);
  });

  it('an expired token (401), renewal 4 s, retried read 1 s, after a 3.5 s first read: shown', async function () {
    this.timeout(30_000);
    // First token: a bogus one the API refuses; the renewal is real but slow.
    const token = await scenario(
      { json: { token: 'expired-token' } },
      { proxy: true, delayMs: 4000 },
    );
    const api = await apiScenario(
      { status: 401, json: { detail: 'expired' }, delayMs: 3500 },
      { proxy: true, delayMs: 1000 },
    );
    const card = await render<IpBiomarkerCard>('ip-biomarker-card', {
      'token-endpoint': token.endpoint,
      'api-base': api.apiBase,
      biomarker: 'heart_rate',
      lang: 'en',
    });
    const failures = record(card, 'ip-error');
    await until(() => card.status !== 'loading' && card.status !== 'idle', 'settled', 20_000);
    expect(failures.map((e) => e.detail.message)).to.deep.equal([]);
    expect(card.status).to.equal('ready');
  });
});
