import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listen } from '../../demo/sandbox/http-util.js';
import { SAHHA_CLIENT_SECRET } from '../../demo/sandbox/sahha.js';
import { post, useSahha } from './setup.js';

describe('createSahhaTokenHandler (intelliprove-widgets/server)', () => {
  const { engine, upstream, reports, clock, handler } = useSahha();

  it('answers a profile token and its expiry, never cached, for an existing profile', async () => {
    const answer = await post(handler());
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.ok(answer.body.token);
    assert.equal(answer.body.expires_at, new Date(clock.now() + 24 * 3600_000).toISOString());
    const scores = await fetch(`${upstream.url}/api/v1/profile/score`, {
      headers: { authorization: `profile ${answer.body.token}` },
    });
    assert.equal(scores.status, 200, 'the browser can read with it');
  });

  it('registers the profile on first use, then asks for tokens of the existing profile', async () => {
    const user = `first-${Date.now()}@example.com`;
    const tokens = handler({ getUser: () => user });
    assert.equal((await post(tokens)).status, 200);
    assert.equal((await post(tokens)).status, 200);
    assert.deepEqual(
      upstream.calls.map((c) => c.path),
      [
        '/api/v1/oauth/account/token',
        '/api/v1/oauth/profile/register',
        '/api/v1/oauth/profile/token',
      ],
    );
  });

  it('reuses the account token across requests, and renews it ten minutes before it expires', async () => {
    const issued = engine.accountTokensIssued();
    const tokens = handler();
    await post(tokens); // register (taken) + token: one account token for both calls
    await post(tokens);
    assert.equal(engine.accountTokensIssued() - issued, 1, 'one account token for two requests');
    // The sandbox's account tokens live 24 hours.
    clock.advance(24 * 3600_000 - 10 * 60_000 - 1);
    await post(tokens);
    assert.equal(engine.accountTokensIssued() - issued, 1, 'still kept a moment before');
    clock.advance(1);
    await post(tokens);
    assert.equal(engine.accountTokensIssued() - issued, 2, 'renewed ten minutes before expiry');
  });

  it('takes the user only from getUser', async () => {
    const answer = await post(handler(), 'fetch', {
      purpose: 'api',
      externalId: 'amy@example.com',
      external_user_id: 'amy@example.com',
    });
    assert.equal(answer.status, 200);
    assert.ok(upstream.calls.every((c) => !c.body.includes('amy')));
    assert.equal((await post(handler({ getUser: () => null }))).status, 401);
  });

  it('never puts the client secret in an answer or a report, and sends it only to Sahha', async () => {
    const wrong = await post(handler({ clientSecret: 'wrong-secret-value' }));
    assert.equal(wrong.status, 502);
    assert.match(wrong.body.message, /401.*clientId and clientSecret/);
    assert.ok(!wrong.text.includes('wrong-secret-value'));
    assert.equal(reports.length, 1);
    assert.ok(!reports[0]!.message.includes('wrong-secret-value'));
    const good = await post(handler());
    assert.ok(!good.text.includes(SAHHA_CLIENT_SECRET));
    const withSecret = upstream.calls.filter((c) => c.body.includes(SAHHA_CLIENT_SECRET));
    assert.ok(withSecret.every((c) => c.path === '/api/v1/oauth/account/token'));
  });

  it('answers 400 for purposes Sahha does not serve and for bad bodies', async () => {
    assert.equal((await post(handler(), 'fetch', { purpose: 'face-scan' })).status, 400);
    assert.equal((await post(handler(), 'fetch', 'nope')).status, 400);
  });

  it('answers 502 when Sahha is unreachable', async () => {
    const closed = await listen(() => {});
    await closed.close();
    const answer = await post(handler({ apiBase: closed.url }));
    assert.equal(answer.status, 502);
    assert.ok(!answer.text.includes(SAHHA_CLIENT_SECRET));
  });
});
