// Attack: a user whose clock is 5 h ahead, and a token endpoint that gives no expires_at (the
// JWT's exp is the token's life, CONTRACT §4): expiry must be judged against the endpoint's clock.
import { expect } from '@open-wc/testing';
import sinon from 'sinon/pkg/sinon-esm.js';
import type { IpBiomarkerCard } from '../../src/entries/index.js';
import '../../src/entries/index.js';
import { render } from '../helpers/data.js';
import { apiScenario, scenario, until } from '../helpers/scenario.js';

const HOUR = 3600_000;

describe('API token expiry on a skewed user clock', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });

  for (const [name, override] of [
    ['control: with expires_at', {}],
    ['without expires_at (JWT exp only)', { expires_at: null }],
  ] as const) {
    it(`a 4 h action token is used, not renewed, a minute later (${name})`, async () => {
      const token = await scenario({ proxy: true, override });
      const api = await apiScenario({ proxy: true });
      // The user's clock is 5 h ahead of the token endpoint's (its Date header tells).
      clock = sinon.useFakeTimers({ now: Date.now() + 5 * HOUR, toFake: ['Date'] });
      const where = { 'token-endpoint': token.endpoint, 'api-base': api.apiBase, lang: 'en' };
      const first = await render<IpBiomarkerCard>('ip-biomarker-card', {
        ...where,
        biomarker: 'heart_rate',
      });
      await until(() => first.status === 'ready', 'first card');
      clock.tick(60_000);
      const second = await render<IpBiomarkerCard>('ip-biomarker-card', {
        ...where,
        biomarker: 'respiratory_rate',
      });
      await until(() => second.status === 'ready', 'second card');
      expect(await token.log(), 'the token has 4 h to live: no new token request').to.have.length(
        1,
      );
      expect((await api.log()).length, 'the shown answer is shared').to.equal(1);
    });
  }
});
