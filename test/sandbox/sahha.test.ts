import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SAHHA_CLIENT_ID, SAHHA_CLIENT_SECRET, startSahha } from '../../demo/sandbox/sahha.js';
import { call } from '../helpers/http.js';

describe('Sahha sandbox', () => {
  let sahha: Awaited<ReturnType<typeof startSahha>>;
  const auth = (kind: string, token: string) => ({
    headers: { authorization: `${kind} ${token}` },
  });
  let account: string;

  before(async () => {
    sahha = await startSahha();
    const answer = await call(sahha.url, 'POST', '/api/v1/oauth/account/token', {
      body: { clientId: SAHHA_CLIENT_ID, clientSecret: SAHHA_CLIENT_SECRET },
    });
    account = answer.body.accountToken;
    assert.equal(answer.body.expiresIn, 86400);
  });
  after(() => sahha.close());

  it('refuses wrong client credentials and wrong token kinds with 401', async () => {
    const bad = await call(sahha.url, 'POST', '/api/v1/oauth/account/token', {
      body: { clientId: SAHHA_CLIENT_ID, clientSecret: 'nope' },
    });
    assert.equal(bad.status, 401);
    assert.equal(
      (await call(sahha.url, 'GET', '/api/v1/profile/score', auth('account', account))).status,
      401,
    );
    const expired = sahha.engine.issueProfileToken('demo@example.com', -1);
    assert.equal(
      (await call(sahha.url, 'GET', '/api/v1/profile/score', auth('profile', expired))).status,
      401,
    );
  });

  it('registers a profile once (201), then answers 400 "already in use"; /token works for it', async () => {
    const first = await call(sahha.url, 'POST', '/api/v1/oauth/profile/register', {
      ...auth('account', account),
      body: { externalId: 'fresh@example.com' },
    });
    assert.equal(first.status, 201);
    assert.equal(first.body.tokenType, 'Profile');
    assert.ok(first.body.profileToken && first.body.refreshToken);
    const again = await call(sahha.url, 'POST', '/api/v1/oauth/profile/register', {
      ...auth('account', account),
      body: { externalId: 'fresh@example.com' },
    });
    assert.equal(again.status, 400);
    assert.match(again.body.detail, /already in use/);
    const token = await call(sahha.url, 'POST', '/api/v1/oauth/profile/token', {
      ...auth('account', account),
      body: { externalId: 'fresh@example.com' },
    });
    assert.equal(token.status, 200);
    assert.equal(
      (
        await call(
          sahha.url,
          'GET',
          '/api/v1/profile/score',
          auth('profile', token.body.profileToken),
        )
      ).status,
      204,
    );
  });

  it('answers scores and biomarkers for a profile token, filtered by types and categories', async () => {
    const profile = sahha.engine.issueProfileToken('demo@example.com', 600);
    const scores = await call(
      sahha.url,
      'GET',
      '/api/v1/profile/score?types=activity,sleep',
      auth('profile', profile),
    );
    assert.deepEqual(
      scores.body.map((s: { type: string }) => s.type),
      ['activity', 'sleep'],
    );
    assert.ok(['minimal', 'low', 'medium', 'high'].includes(scores.body[0].state));
    assert.ok(scores.body[0].value >= 0 && scores.body[0].value <= 1);
    const weight = await call(
      sahha.url,
      'GET',
      '/api/v1/profile/biomarker?categories=body&types=weight',
      auth('profile', profile),
    );
    assert.equal(weight.status, 200);
    assert.equal(weight.body.length, 7, 'one daily value a day for a week');
    assert.equal(weight.body[0].unit, 'kg');
    assert.equal(typeof weight.body[0].value, 'string');
    assert.equal(weight.body[0].periodicity, 'daily');
  });

  it('answers 204 for a profile without data', async () => {
    const empty = sahha.engine.issueProfileToken('sahha-empty@example.com', 600);
    assert.equal(
      (
        await call(
          sahha.url,
          'GET',
          '/api/v1/profile/biomarker?types=steps',
          auth('profile', empty),
        )
      ).status,
      204,
    );
  });
});
