// Attack: the server half's redaction, expiries and races (CONTRACT §6 "Under load and faults").
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createEngine, SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import {
  createSahhaEngine,
  SAHHA_CLIENT_ID,
  SAHHA_CLIENT_SECRET,
} from '../../demo/sandbox/sahha.js';
import { createSahhaTokenHandler, createTokenHandler } from '../../src/server/index.js';
import { fakeUpstream, json, post, sleep, type FakeUpstream } from './fake-upstream.js';

let fresh = 0;
const newUser = () => `zz-${Date.now()}-${fresh++}@example.com`;

/** Python's urllib.parse.quote (safe='/') and quote_plus (safe=''): RFC 3986 unreserved only. */
const pyQuote = (text: string, safe = '/') =>
  [...new TextEncoder().encode(text)]
    .map((byte) => {
      const c = String.fromCharCode(byte);
      return /[A-Za-z0-9_.\-~]/.test(c) || safe.includes(c)
        ? c
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
const pyQuotePlus = (text: string) =>
  pyQuote(text.replace(/ /g, '\u0000'), '').replace(/%00/g, '+');

describe('IntelliProve token handler', () => {
  let upstream: FakeUpstream;
  const reports: Error[] = [];
  before(async () => {
    upstream = await fakeUpstream(createEngine({ pluginOrigin: 'http://plugins.test' }).handler);
  });
  after(() => upstream.close());
  beforeEach(() => {
    upstream.calls = [];
    upstream.route = undefined;
    reports.length = 0;
  });

  // The key of the repo's own redaction test, echoed the way a Python (FastAPI) upstream
  // would write it into a URL: urllib.parse.quote / quote_plus (urlencode).
  const key = 'Sk_Live/Key+With Spaces&=~!42';
  for (const [name, shape] of [
    ['quote()', pyQuote(key)],
    ['quote_plus() / urlencode()', pyQuotePlus(key)],
  ] as const) {
    it(`the API key echoed URL-encoded by Python's ${name} is not in the answer or report`, async () => {
      upstream.route = (_call, res) =>
        json(res, 401, { detail: `invalid key; see https://docs.test/keys?api_key=${shape}` });
      const tokens = createTokenHandler({
        apiKey: key,
        apiBase: upstream.url,
        getUser: () => 'demo@example.com',
        onError: (error) => reports.push(error),
      });
      const answer = await post(tokens, 'fetch');
      assert.equal(answer.status, 502);
      assert.ok(!answer.text.includes(shape), `answer: ${answer.text}`);
      for (const report of reports) assert.ok(!report.message.includes(shape), report.message);
    });
  }

  it('60 racing first requests of all three purposes create the user once', async () => {
    const user = newUser();
    upstream.route = async (call) => {
      if (call.path === '/v2/users') await sleep(80);
      return false;
    };
    const tokens = createTokenHandler({
      apiKey: SANDBOX_API_KEY,
      apiBase: upstream.url,
      getUser: () => user,
      onError: (error) => reports.push(error),
    });
    const purposes = ['api', 'face-scan', 'dashboard'];
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        post(tokens, i % 2 ? 'node' : 'fetch', { purpose: purposes[i % 3], language: 'nl' }),
      ),
    );
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(60).fill(200),
    );
    assert.equal(upstream.count('POST', '/v2/users'), 1);
    for (const a of answers) assert.ok(Date.parse(a.body.expires_at) > Date.now());
  });
});

describe('Sahha token handler', () => {
  let upstream: FakeUpstream;
  const reports: Error[] = [];
  before(async () => {
    upstream = await fakeUpstream(createSahhaEngine().handler);
  });
  after(() => upstream.close());
  beforeEach(() => {
    upstream.calls = [];
    upstream.route = undefined;
    reports.length = 0;
  });
  const handler = () =>
    createSahhaTokenHandler({
      clientId: SAHHA_CLIENT_ID,
      clientSecret: SAHHA_CLIENT_SECRET,
      apiBase: upstream.url,
      getUser: newUser,
      onError: (error) => reports.push(error),
    });

  for (const expiresIn of [1e-4, 0.0009]) {
    it(`a profile token with expiresIn ${expiresIn} s → 502, never an expires_at already past`, async () => {
      upstream.route = (call, res) =>
        call.path === '/api/v1/oauth/profile/register'
          ? json(res, 200, { profileToken: 'profile-token', expiresIn })
          : false;
      const answer = await post(handler(), 'fetch');
      const received = Date.now();
      if (answer.status === 200) {
        assert.ok(
          Date.parse(answer.body.expires_at) > received,
          `answered 200 with expires_at ${answer.body.expires_at}, received at ${new Date(received).toISOString()}`,
        );
      } else assert.equal(answer.status, 502);
    });
  }

  it('20 racing first requests fetch the account token once, no client secret in any answer', async () => {
    let accountCalls = 0;
    upstream.route = async (call) => {
      if (call.path === '/api/v1/oauth/account/token') {
        accountCalls++;
        await sleep(50);
      }
      return false;
    };
    const tokens = handler();
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(tokens, 'fetch')));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(20).fill(200),
    );
    assert.equal(accountCalls, 1);
    // The leaked-secret scan: neither the client secret nor an account token in any answer.
    for (const a of answers) assert.ok(!a.text.includes(SAHHA_CLIENT_SECRET));
  });
});
