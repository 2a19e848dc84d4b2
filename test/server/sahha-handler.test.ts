import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  createSahhaEngine,
  SAHHA_CLIENT_ID,
  SAHHA_CLIENT_SECRET,
  type SahhaEngine,
} from '../../demo/sandbox/sahha.js';
import { listen, type Running } from '../../demo/sandbox/http-util.js';
import { createSahhaTokenHandler, type SahhaTokenHandlerOptions } from '../../src/server/index.js';

describe('createSahhaTokenHandler (intelliprove-widgets/server)', () => {
  let engine: SahhaEngine;
  let upstream: Running;
  let seen: { path: string; authorization?: string; body: string }[] = [];
  let user: string | null = 'demo@example.com';

  const handler = (extra: Partial<SahhaTokenHandlerOptions> = {}) =>
    createSahhaTokenHandler({
      clientId: SAHHA_CLIENT_ID,
      clientSecret: SAHHA_CLIENT_SECRET,
      apiBase: upstream.url,
      getUser: () => user,
      onError: () => {},
      ...extra,
    });
  const ask = async (tokens: ReturnType<typeof handler>, body: unknown = { purpose: 'api' }) => {
    const response = await tokens.fetch(
      new Request('http://host.test/api/sahha-token', {
        method: 'POST',
        body: JSON.stringify(body),
      }),
    );
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text), headers: response.headers };
  };

  before(async () => {
    engine = createSahhaEngine();
    upstream = await listen(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ path: req.url!, authorization: req.headers.authorization, body });
      // Replay the body for the engine.
      const { Readable } = await import('node:stream');
      const replay = Object.assign(Readable.from([Buffer.from(body)]), {
        method: req.method,
        url: req.url,
        headers: req.headers,
      });
      return engine.handler(replay as never, res);
    });
  });
  after(() => upstream.close());
  beforeEach(() => {
    seen = [];
    user = 'demo@example.com';
    engine.accountTokenTtl = 24 * 3600;
  });

  it('answers a profile token and its expiry, never cached, for an existing profile', async () => {
    const answer = await ask(handler());
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.ok(answer.body.token);
    const hours = (Date.parse(answer.body.expires_at) - Date.now()) / 3600_000;
    assert.ok(hours > 23.9 && hours <= 24);
    const scores = await fetch(`${upstream.url}/api/v1/profile/score`, {
      headers: { authorization: `profile ${answer.body.token}` },
    });
    assert.equal(scores.status, 200, 'the browser can read with it');
  });

  it('registers the profile on first use, then asks for tokens of the existing profile', async () => {
    user = `first-${Date.now()}@example.com`;
    const tokens = handler();
    assert.equal((await ask(tokens)).status, 200);
    assert.equal((await ask(tokens)).status, 200);
    const paths = seen.map((s) => s.path);
    assert.deepEqual(paths, [
      '/api/v1/oauth/account/token',
      '/api/v1/oauth/profile/register',
      '/api/v1/oauth/profile/token',
    ]);
  });

  it('reuses the account token across requests, and renews it near expiry', async () => {
    const tokens = handler();
    const before = engine.accountTokensIssued();
    await ask(tokens);
    await ask(tokens);
    await ask(tokens);
    assert.equal(engine.accountTokensIssued() - before, 1, 'one account token for three requests');
    engine.accountTokenTtl = 2; // seconds
    const short = handler();
    await ask(short); // register (taken) + token: one account token for both calls
    assert.equal(engine.accountTokensIssued() - before, 2);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await ask(short);
    assert.equal(engine.accountTokensIssued() - before, 3, 'a token at its expiry is renewed');
  });

  it('takes the user only from getUser', async () => {
    const answer = await ask(handler(), {
      purpose: 'api',
      externalId: 'amy@example.com',
      external_user_id: 'amy@example.com',
    });
    assert.equal(answer.status, 200);
    assert.ok(seen.every((s) => !s.body.includes('amy')));
    user = null;
    assert.equal((await ask(handler())).status, 401);
  });

  it('never puts the client secret in an answer or a report, and sends it only to Sahha', async () => {
    const reported: string[] = [];
    const wrong = await ask(
      handler({ clientSecret: 'wrong-secret-value', onError: (e) => reported.push(e.message) }),
    );
    assert.equal(wrong.status, 502);
    assert.match(wrong.body.message, /401.*clientId and clientSecret/);
    assert.ok(!wrong.text.includes('wrong-secret-value'));
    assert.ok(reported.every((m) => !m.includes('wrong-secret-value')));
    const good = await ask(handler());
    assert.ok(!good.text.includes(SAHHA_CLIENT_SECRET));
    const withSecret = seen.filter((s) => s.body.includes(SAHHA_CLIENT_SECRET));
    assert.ok(withSecret.every((s) => s.path === '/api/v1/oauth/account/token'));
  });

  it('answers 400 for purposes Sahha does not serve and for bad bodies', async () => {
    assert.equal((await ask(handler(), { purpose: 'face-scan' })).status, 400);
    assert.equal((await ask(handler(), 'nope')).status, 400);
  });

  it('answers 502 when Sahha is unreachable', async () => {
    const closed = await listen(() => {});
    await closed.close();
    const answer = await ask(handler({ apiBase: closed.url }));
    assert.equal(answer.status, 502);
    assert.ok(!answer.text.includes(SAHHA_CLIENT_SECRET));
  });
});
