import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { listen, type Running } from '../../demo/sandbox/http-util.js';
import { createTokenHandler, type TokenHandlerOptions } from '../../src/server/index.js';
import { host, newUser, post, useIntelliProve } from './setup.js';
import { WAIT_MS } from '../helpers/patience.js';

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
const tokenOfUrl = (url: string) => new URL(url).searchParams.get('action_token')!;

describe('createTokenHandler (intelliprove-widgets/server)', () => {
  const setup = useIntelliProve();
  const { engine, upstream, reports, clock } = setup;
  let user: string | null = 'demo@example.com';
  beforeEach(() => (user = 'demo@example.com'));
  /** The handler, signed in as `user`. */
  const handler = (extra: Partial<TokenHandlerOptions> = {}) =>
    setup.handler({ getUser: () => user, ...extra });
  /** The upstream calls so far, as `METHOD /path`. */
  const calls = () => upstream.calls.map((c) => `${c.method} ${c.path}`);

  /** POSTs JSON (a string as it is) through the Fetch API adapter, in process. */
  const viaFetch = (body: unknown, extra: Partial<TokenHandlerOptions> = {}) =>
    post(handler(extra), 'fetch', body, { 'content-type': 'application/json' });

  it('answers purpose "api" with an action token for the session user', async () => {
    const answer = await viaFetch({ purpose: 'api' });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
    const demo = engine.store.userByExternalId('Sandbox Health', 'demo@example.com')!;
    assert.equal(claimsOf(answer.body.token).sub, demo.user_id);
    assert.equal(
      answer.body.expires_at,
      new Date(claimsOf(answer.body.token).exp * 1000).toISOString(),
    );
    assert.equal(answer.body.unit_system, 'metric');
    assert.equal(answer.body.language, 'en');
    assert.deepEqual(calls(), ['GET /v2/users', 'POST /v2/users/authenticate']);
  });

  it('answers purpose "face-scan" with the plug-in URL, unaltered, valid six hours', async () => {
    const answer = await viaFetch({ purpose: 'face-scan', language: 'nl' });
    assert.equal(answer.status, 200);
    const url = new URL(answer.body.url);
    assert.equal(url.origin, 'http://plugins.test');
    assert.equal(url.searchParams.get('language'), 'nl');
    const sixHours = Math.floor((clock.now() + 6 * 3600_000) / 1000) * 1000;
    assert.equal(Date.parse(answer.body.expires_at), sixHours);
    assert.equal(
      claimsOf(tokenOfUrl(answer.body.url)).exp * 1000,
      Date.parse(answer.body.expires_at),
    );
    const scanCall = upstream.calls.find((c) => c.path === '/v2/userjourneys/scan')!;
    assert.match(scanCall.url, /external_user_id=demo%40example.com/);
    assert.match(scanCall.url, /expire_at=/);
  });

  it('answers purpose "dashboard" and passes disabled_sections on', async () => {
    const answer = await viaFetch({
      purpose: 'dashboard',
      language: 'fr',
      disabled_sections: ['todos', 'metrics'],
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(claimsOf(tokenOfUrl(answer.body.url)).ds, ['todos', 'metrics']);
    assert.equal(new URL(answer.body.url).searchParams.get('language'), 'fr');
    assert.ok(answer.body.expires_at);
  });

  it("gives the user's stored preferences (imperial, language) in the answer", async () => {
    user = 'amy@example.com';
    const answer = await viaFetch({ purpose: 'api' });
    assert.equal(answer.body.unit_system, 'imperial');
    assert.equal(answer.body.language, 'en');
    user = 'jan@example.be';
    assert.equal((await viaFetch({ purpose: 'face-scan' })).body.language, 'nl');
  });

  it('ignores a user id smuggled into the request body or query', async () => {
    const answer = await handler().fetch(
      new Request('http://host.test/api/ip-token?external_user_id=amy@example.com', {
        method: 'POST',
        body: JSON.stringify({
          purpose: 'api',
          external_user_id: 'amy@example.com',
          user_id: 'x',
          user: 'amy@example.com',
        }),
      }),
    );
    const { token } = await answer.json();
    const demo = engine.store.userByExternalId('Sandbox Health', 'demo@example.com')!;
    assert.equal(claimsOf(token).sub, demo.user_id);
    assert.ok(
      upstream.calls.every((c) => !c.url.includes('amy')),
      'amy was never asked for',
    );
  });

  it('answers 401 when getUser gives null, without calling IntelliProve', async () => {
    user = null;
    const answer = await viaFetch({ purpose: 'api' });
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error, 'unauthenticated');
    assert.equal(upstream.calls.length, 0);
  });

  it('creates the IntelliProve user on first use, then reuses it', async () => {
    user = newUser();
    const tokens = handler();
    const ask = (body: object) => post(tokens, 'fetch', body);
    assert.equal((await ask({ purpose: 'api', language: 'sv' })).status, 200);
    assert.deepEqual(calls(), ['GET /v2/users', 'POST /v2/users', 'POST /v2/users/authenticate']);
    assert.equal(engine.store.userByExternalId('Sandbox Health', user)!.language, 'sv');
    upstream.calls = [];
    await ask({ purpose: 'api' });
    assert.deepEqual(calls(), ['POST /v2/users/authenticate'], 'its profile is kept');
    clock.advance(5 * 60_000);
    await ask({ purpose: 'api' });
    assert.deepEqual(
      calls(),
      ['POST /v2/users/authenticate', 'GET /v2/users', 'POST /v2/users/authenticate'],
      'for five minutes',
    );
  });

  it('accepts "already exists" when another request created the user first', async () => {
    user = newUser();
    let first = true;
    const racing: typeof fetch = async (input, init) => {
      if (first && String(input).includes('/v2/users?')) {
        first = false;
        engine.store.createUser('Sandbox Health', user!, {}); // created in between
        return new Response(JSON.stringify({ detail: 'User not found!' }), { status: 404 });
      }
      return fetch(input, init);
    };
    const answer = await viaFetch({ purpose: 'api' }, { fetch: racing });
    assert.equal(answer.status, 200);
  });

  it('answers 400 with a message for bad bodies', async () => {
    const cases: [string, RegExp][] = [
      ['not json', /not valid JSON/],
      ['', /empty/],
      ['[]', /JSON object/],
      ['{"purpose":"everything"}', /purpose/],
      ['{"purpose":"api","language":"de"}', /language/],
      ['{"purpose":"dashboard","disabled_sections":"todos"}', /disabled_sections/],
      ['{"purpose":"dashboard","disabled_sections":["kitchen"]}', /disabled_sections/],
    ];
    for (const [body, message] of cases) {
      const answer = await viaFetch(body);
      assert.equal(answer.status, 400, body);
      assert.equal(answer.body.error, 'invalid-body');
      assert.match(answer.body.message, message, body);
    }
    assert.equal(upstream.calls.length, 0);
  });

  it('answers 405 to other methods and 413 to bodies over the limit', async () => {
    const get = await handler().fetch(new Request('http://host.test/api/ip-token'));
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    const big = await viaFetch(JSON.stringify({ purpose: 'api', pad: 'x'.repeat(20_000) }));
    assert.equal(big.status, 413);
    const small = await viaFetch({ purpose: 'api', pad: 'x'.repeat(300) }, { maxBodyBytes: 256 });
    assert.equal(small.status, 413);
  });

  it('answers 502 without the key when the engine is unreachable', async () => {
    const closed = await listen(() => {});
    await closed.close();
    const answer = await viaFetch({ purpose: 'api' }, { apiBase: closed.url });
    assert.equal(answer.status, 502);
    assert.equal(answer.body.error, 'upstream-failed');
    assert.match(answer.body.message, /unreachable/);
    assert.ok(!answer.text.includes(SANDBOX_API_KEY));
  });

  it('answers 502 without the key when the key is wrong, and reports it redacted', async () => {
    const wrongKey = 'live-key-that-is-wrong';
    const answer = await viaFetch({ purpose: 'face-scan' }, { apiKey: wrongKey });
    assert.equal(answer.status, 502);
    assert.match(answer.body.message, /401.*check the API key/);
    assert.ok(!answer.text.includes(wrongKey));
    assert.equal(reports.length, 1);
    assert.ok(!reports[0]!.message.includes(wrongKey));
  });

  it('redacts the key even when the engine echoes it back', async () => {
    const echo = await listen((req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ detail: `bad key ${req.headers['x-api-key']}` }));
    });
    try {
      const answer = await viaFetch({ purpose: 'api' }, { apiBase: echo.url });
      assert.equal(answer.status, 502);
      assert.match(answer.text, /\[redacted\]/);
      assert.ok(!answer.text.includes(SANDBOX_API_KEY));
    } finally {
      await echo.close();
    }
  });

  it(
    'gives up on an engine that does not answer (timeout) with 504',
    { timeout: WAIT_MS },
    async () => {
      // It never answers; the time passes while it is asked.
      const silent = await listen(() => clock.advance(200));
      try {
        const answer = await viaFetch({ purpose: 'api' }, { apiBase: silent.url, timeoutMs: 200 });
        assert.equal(answer.status, 504);
        assert.equal(answer.body.error, 'timeout');
        assert.match(answer.body.message, /No answer within 200 ms .*GET \/v2\/users/);
      } finally {
        await silent.close();
      }
    },
  );

  it('never follows a redirect that would carry the key to another host', async () => {
    const elsewhere: (string | undefined)[] = [];
    const thief = await listen((req: IncomingMessage, res) => {
      elsewhere.push(req.headers['x-api-key'] as string | undefined);
      res.end('{}');
    });
    const redirector = await listen((_req, res) => {
      res.writeHead(307, { location: `${thief.url}/v2/users` });
      res.end();
    });
    try {
      const answer = await viaFetch({ purpose: 'api' }, { apiBase: redirector.url });
      assert.equal(answer.status, 502);
      assert.deepEqual(elsewhere, []);
    } finally {
      await Promise.all([thief.close(), redirector.close()]);
    }
  });

  it('sends the key only to the engine, and never in an answer to the browser', async () => {
    const answers = [
      await viaFetch({ purpose: 'api' }),
      await viaFetch({ purpose: 'face-scan' }),
      await viaFetch({ purpose: 'dashboard' }),
    ];
    assert.equal(upstream.calls.length, 6, 'a user lookup and a call for each');
    assert.ok(upstream.calls.every((c) => c.headers['x-api-key'] === SANDBOX_API_KEY));
    for (const answer of answers) assert.ok(!answer.text.includes(SANDBOX_API_KEY));
  });

  describe('.node adapter (Node http, Express, Connect)', () => {
    let node: Running;
    before(async () => (node = await host(handler())));
    after(() => node.close());

    it('answers over a real HTTP server', async () => {
      const response = await fetch(`${node.url}/api/ip-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ purpose: 'dashboard', disabled_sections: ['recommendations'] }),
      });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.ok((await response.json()).url.includes('/dashboard/'));
    });

    it('answers 400, 405 and 413 like the Fetch adapter', async () => {
      const bad = await fetch(`${node.url}/api/ip-token`, { method: 'POST', body: '{' });
      assert.equal(bad.status, 400);
      assert.equal((await fetch(`${node.url}/api/ip-token`)).status, 405);
      const big = await fetch(`${node.url}/api/ip-token`, {
        method: 'POST',
        body: 'x'.repeat(40_000),
      });
      assert.equal(big.status, 413);
    });

    it('reads the body itself when a body-parser skipped it (req.body = {})', async () => {
      const tokens = handler();
      const skipped = await listen((req, res) => {
        (req as IncomingMessage & { body?: unknown }).body = {}; // what body-parser 1.x leaves
        return tokens.node(req, res);
      });
      try {
        const response = await fetch(`${skipped.url}/`, {
          method: 'POST',
          body: '{"purpose":"api"}',
        });
        assert.equal(response.status, 200);
      } finally {
        await skipped.close();
      }
    });

    it('parses a raw Buffer body (express.raw)', async () => {
      const tokens = handler();
      const raw = await listen(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        Object.assign(req, { body: Buffer.concat(chunks), _body: true });
        return tokens.node(req, res);
      });
      try {
        const response = await fetch(`${raw.url}/`, { method: 'POST', body: '{"purpose":"api"}' });
        assert.equal(response.status, 200);
      } finally {
        await raw.close();
      }
    });

    it('uses a body that Express already parsed', async () => {
      const tokens = handler();
      const parsed = await listen(async (req, res) => {
        for await (const _chunk of req); // the body-parser read the stream
        Object.assign(req, { body: { purpose: 'api' }, _body: true });
        return tokens.node(req, res);
      });
      try {
        const response = await fetch(`${parsed.url}/`, { method: 'POST' });
        assert.equal(response.status, 200);
        assert.ok((await response.json()).token);
      } finally {
        await parsed.close();
      }
    });
  });

  it('answers 500 when getUser throws, and reports it without the key', async () => {
    const answer = await viaFetch(
      { purpose: 'api' },
      {
        getUser: () => {
          throw new Error(`session store down (${SANDBOX_API_KEY})`);
        },
      },
    );
    assert.equal(answer.status, 500);
    assert.ok(!answer.text.includes(SANDBOX_API_KEY));
    assert.equal(reports.length, 1);
    assert.match(reports[0]!.message, /session store down/);
    assert.ok(!reports[0]!.message.includes(SANDBOX_API_KEY));
  });

  it('refuses to start without an API key or getUser', () => {
    assert.throws(() => createTokenHandler({ apiKey: '', getUser: () => 'x' }), /apiKey/);
    assert.throws(() => createTokenHandler({ apiKey: 'k' } as TokenHandlerOptions), /getUser/);
  });
});
