// The browser tests' servers are real: a same-origin token endpoint built on the server half,
// and the sandbox engine answering CORS calls with the action token it issued.
import { expect } from '@open-wc/testing';
import { sandboxEnv } from '../helpers/env.js';

describe('sandbox servers for browser tests', () => {
  it('issues an action token on the page origin that the engine accepts cross-origin', async () => {
    const env = await sandboxEnv();
    const answer = await fetch(env.tokenEndpoint, {
      method: 'POST',
      body: JSON.stringify({ purpose: 'api' }),
    });
    expect(answer.status).to.equal(200);
    const { token } = await answer.json();
    const latest = await fetch(`${env.engine}/v2/face-scans/latest`, {
      headers: { authorization: `Token ${token}` },
    });
    expect(latest.status).to.equal(200);
    const [scan] = await latest.json();
    expect(scan.heart_rate).to.be.a('number');
  });
});
