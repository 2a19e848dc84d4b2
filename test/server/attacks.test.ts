// Attack: the server half's redaction, expiries and races (CONTRACT §6 "Under load and faults").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SAHHA_CLIENT_SECRET } from '../../demo/sandbox/sahha.js';
import { json } from './fake-upstream.js';
import { assertAll, newUser, post, useIntelliProve, useSahha } from './setup.js';
import { gathering } from './wait.js';

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
  const { upstream, reports, handler } = useIntelliProve();

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
      const answer = await post(handler({ apiKey: key }));
      assert.equal(answer.status, 502);
      assert.ok(!answer.text.includes(shape), `answer: ${answer.text}`);
      assert.equal(reports.length, 1);
      assert.ok(!reports[0]!.message.includes(shape), reports[0]!.message);
    });
  }

  it('60 racing first requests of all three purposes create the user once', async () => {
    const user = newUser();
    const everyone = gathering(60);
    upstream.route = async (call) => {
      if (call.path === '/v2/users') await everyone.done;
      return false;
    };
    const tokens = handler({ getUser: () => (everyone.arrive(), user) });
    const purposes = ['api', 'face-scan', 'dashboard'];
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        post(tokens, i % 2 ? 'node' : 'fetch', { purpose: purposes[i % 3], language: 'nl' }),
      ),
    );
    assertAll(answers, 200);
    assert.equal(upstream.count('POST', '/v2/users'), 1);
    for (const a of answers) assert.ok(Date.parse(a.body.expires_at) > Date.now());
  });
});

describe('Sahha token handler', () => {
  const { upstream, handler } = useSahha();

  for (const expiresIn of [1e-4, 0.0009]) {
    it(`a profile token with expiresIn ${expiresIn} s → 502, never an expires_at already past`, async () => {
      upstream.route = (call, res) =>
        call.path === '/api/v1/oauth/profile/register'
          ? json(res, 200, { profileToken: 'profile-token', expiresIn })
          : false;
      const answer = await post(handler({ getUser: newUser }));
      assert.equal(answer.status, 502, `answered ${answer.status}: ${answer.text}`);
    });
  }

  it('20 racing first requests fetch the account token once, no client secret in any answer', async () => {
    const everyone = gathering(20);
    upstream.route = async () => {
      await everyone.done;
      return false;
    };
    const tokens = handler({ getUser: () => (everyone.arrive(), newUser()) });
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(tokens)));
    assertAll(answers, 200);
    assert.equal(upstream.count('POST', '/api/v1/oauth/account/token'), 1);
    // The leaked-secret scan: neither the client secret nor an account token in any answer.
    for (const a of answers) assert.ok(!a.text.includes(SAHHA_CLIENT_SECRET));
  });
});
