// CONTRACT.md §6 "Under load and faults": one user creation however many requests race, one
// deadline per request, upstream bodies capped at 1 MiB, no secret in any shape in an answer or
// a report, and no expires_at the handler cannot stand behind.
import assert from 'node:assert/strict';
import { request as httpRequest, type ServerResponse } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createEngine, SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import {
  createSahhaEngine,
  SAHHA_CLIENT_ID,
  SAHHA_CLIENT_SECRET,
} from '../../demo/sandbox/sahha.js';
import {
  createSahhaTokenHandler,
  createTokenHandler,
  type SahhaTokenHandlerOptions,
  type TokenHandler,
  type TokenHandlerOptions,
} from '../../src/server/index.js';
import {
  eventually,
  fakeUpstream,
  host,
  json,
  post,
  sleep,
  type FakeUpstream,
} from './fake-upstream.js';

const MiB = 1024 * 1024;
const ADAPTERS = ['fetch', 'node'] as const;
/** A test fails rather than hangs when a deadline does not hold. */
const bounded = { timeout: 8000 };

let fresh = 0;
const newUser = () => `new-${Date.now()}-${fresh++}@example.com`;
const jwt = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;

/** Streams `bytes` of JSON-ish filler without a content-length, until the reader hangs up. */
async function flood(res: ServerResponse, bytes: number): Promise<true> {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let closed = false;
  res.once('close', () => (closed = true));
  for (let sent = 0; sent < bytes && !closed; sent += chunk.length) {
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearInterval(check);
          resolve();
        };
        res.once('drain', done);
        // A reader that hung up never drains.
        const check = setInterval(() => closed && done(), 20);
      });
    }
  }
  res.end();
  return true;
}

/** The shapes a secret may be echoed in: verbatim and URL-encoded (three ways). */
function shapes(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  return [
    secret,
    encoded,
    encoded.replace(/%20/g, '+'),
    new URLSearchParams({ s: secret }).toString().slice(2),
    encodeURI(secret),
  ];
}
const mixedCase = (text: string) =>
  [...text].map((c, i) => (i % 2 ? c.toLowerCase() : c.toUpperCase())).join('');
/** Every shape as is, upper-, lower- and mixed-case: what a careless upstream echoes. */
const echoOf = (secret: string) =>
  shapes(secret)
    .flatMap((s) => [s, s.toUpperCase(), s.toLowerCase(), mixedCase(s)])
    .join(' | ');
/** Whether any shape of `secret` appears in `text`, in any letter case. */
const leaks = (text: string, secret: string) =>
  shapes(secret).some((shape) => text.toLowerCase().includes(shape.toLowerCase()));

/** Sends `{`, then a space every 200 ms, to the `.node` adapter; resolves with the status. */
async function trickleToNode(tokens: TokenHandler): Promise<{ status: number; ms: number }> {
  const server = await host(tokens);
  const started = Date.now();
  try {
    return await new Promise((resolve, reject) => {
      const req = httpRequest(`${server.url}/api/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '1000' },
      });
      const timer = setInterval(() => req.write(' '), 200);
      req.on('response', (res) => {
        clearInterval(timer);
        res.resume();
        resolve({ status: res.statusCode!, ms: Date.now() - started });
        req.destroy();
      });
      req.on('error', (error) => {
        clearInterval(timer);
        reject(error);
      });
      req.write('{');
    });
  } finally {
    await server.close();
  }
}

describe('the IntelliProve token handler under load and faults', () => {
  let upstream: FakeUpstream;
  const reports: Error[] = [];
  const handler = (extra: Partial<TokenHandlerOptions> = {}) =>
    createTokenHandler({
      apiKey: SANDBOX_API_KEY,
      apiBase: upstream.url,
      getUser: () => 'demo@example.com',
      onError: (error) => reports.push(error),
      ...extra,
    });

  before(async () => {
    upstream = await fakeUpstream(createEngine({ pluginOrigin: 'http://plugins.test' }).handler);
  });
  after(() => upstream.close());
  beforeEach(() => {
    upstream.calls = [];
    upstream.route = undefined;
    reports.length = 0;
  });

  describe('one user creation however many first requests race', () => {
    it('50 parallel first requests: one GET and one POST /v2/users, all 200', async () => {
      const user = newUser();
      // A lookup that takes a moment, as it does over the Internet, so that all 50 overlap.
      upstream.route = async (call) => {
        if (call.path === '/v2/users') await sleep(100);
        return false;
      };
      const tokens = handler({ getUser: () => user });
      const answers = await Promise.all(Array.from({ length: 50 }, () => post(tokens, 'fetch')));
      assert.deepEqual(
        answers.map((a) => a.status),
        Array(50).fill(200),
      );
      assert.equal(upstream.count('POST', '/v2/users'), 1);
      assert.equal(upstream.count('GET', '/v2/users'), 1);
      assert.equal(upstream.count('POST', '/v2/users/authenticate'), 50);
    });

    it('keeps no failed creation: the next request tries again', async () => {
      const user = newUser();
      let failures = 1;
      upstream.route = (call, res) =>
        call.method === 'POST' && call.path === '/v2/users' && failures-- > 0
          ? json(res, 500, { detail: 'database hiccup' })
          : false;
      const tokens = handler({ getUser: () => user });
      const first = await Promise.all(Array.from({ length: 5 }, () => post(tokens, 'fetch')));
      assert.deepEqual(
        first.map((a) => a.status),
        Array(5).fill(502),
      );
      assert.equal(upstream.count('POST', '/v2/users'), 1, 'the racing requests shared it');
      const next = await post(tokens, 'fetch');
      assert.equal(next.status, 200);
      assert.equal(upstream.count('POST', '/v2/users'), 2);
    });

    it(
      'a waiter at its deadline does not abort the shared lookup for the others',
      bounded,
      async () => {
        const user = newUser();
        let delayed = false;
        upstream.route = async (call) => {
          if (call.method === 'GET' && call.path === '/v2/users' && !delayed) {
            delayed = true;
            await sleep(1500);
          }
          return false;
        };
        const tokens = handler({
          timeoutMs: 2000,
          // A's session lookup takes 1 s: A starts the user lookup at 1 s and gives up at 2 s.
          getUser: async (request) => {
            if ((request as Request).headers.get('x-who') === 'a') await sleep(1000);
            return user;
          },
        });
        const a = post(tokens, 'fetch', { purpose: 'api' }, { 'x-who': 'a' });
        await sleep(1100);
        // B joins the lookup A started; its own deadline is at 3.1 s, the lookup ends at 2.5 s.
        const b = post(tokens, 'fetch', { purpose: 'api' }, { 'x-who': 'b' });
        assert.equal((await a).status, 504);
        assert.equal((await b).status, 200);
        const lookups = upstream.calls.filter((c) => c.method === 'GET' && c.path === '/v2/users');
        assert.equal(lookups.length, 1);
        assert.equal(lookups[0]!.aborted, false, 'the shared lookup ran to its end');
        assert.equal(upstream.count('POST', '/v2/users'), 1);
      },
    );
  });

  describe('one deadline for the whole request', () => {
    for (const via of ADAPTERS) {
      it(`upstream calls that together outlast timeoutMs → 504 (.${via})`, bounded, async () => {
        // Each call alone is well within the deadline; the two together are not.
        upstream.route = async () => {
          await sleep(900);
          return false;
        };
        const answer = await post(handler({ timeoutMs: 1500 }), via);
        assert.equal(answer.status, 504);
        assert.equal(answer.body.error, 'timeout');
        assert.match(answer.body.message, /1500 ms.*POST \/v2\/users\/authenticate/);
        assert.ok(answer.ms < 2500, `answered after ${answer.ms} ms`);
        const authenticate = upstream.calls.find((c) => c.path === '/v2/users/authenticate')!;
        // Aborted at the deadline, not left to run on.
        await eventually(() => authenticate.aborted, 500);
        assert.equal(reports.length, 1, 'reported once');
        assert.match(reports[0]!.message, /1500 ms/);
      });

      it(`a getUser that hangs → 504, and its signal aborts (.${via})`, bounded, async () => {
        let signal: AbortSignal | undefined;
        const answer = await post(
          handler({
            timeoutMs: 800,
            getUser: (_request, context) => {
              signal = context.signal;
              return new Promise(() => {});
            },
          }),
          via,
        );
        assert.equal(answer.status, 504);
        assert.match(answer.body.message, /getUser/);
        assert.ok(answer.ms < 1800, `answered after ${answer.ms} ms`);
        assert.equal(signal?.aborted, true);
        assert.equal(upstream.calls.length, 0);
      });
    }

    it('a request body that trickles in is cut off by the deadline (.node)', bounded, async () => {
      const { status, ms } = await trickleToNode(handler({ timeoutMs: 1000 }));
      assert.equal(status, 504);
      assert.ok(ms < 2000, `answered after ${ms} ms`);
      assert.equal(upstream.calls.length, 0);
    });

    it('a request body that trickles in is cut off by the deadline (.fetch)', bounded, async () => {
      let cancelled = false;
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new TextEncoder().encode('{')),
        pull: async (controller) => {
          await sleep(200);
          controller.enqueue(new TextEncoder().encode(' '));
        },
        cancel: () => void (cancelled = true),
      });
      const started = Date.now();
      const response = await handler({ timeoutMs: 1000 }).fetch(
        new Request('http://host.test/api/token', {
          method: 'POST',
          body,
          duplex: 'half',
        } as RequestInit),
      );
      assert.equal(response.status, 504);
      assert.equal((await response.json()).error, 'timeout');
      assert.ok(Date.now() - started < 2000);
      assert.ok(cancelled, 'the rest of the body is not read');
    });
  });

  describe('upstream bodies capped at 1 MiB', () => {
    it('a 2 MiB answer with a content-length → 502 naming the call', async () => {
      upstream.route = (call, res) =>
        call.path === '/v2/users'
          ? json(res, 200, { user_id: 'u1', pad: 'x'.repeat(2 * MiB) })
          : false;
      const answer = await post(handler(), 'fetch');
      assert.equal(answer.status, 502);
      assert.equal(answer.body.error, 'upstream-failed');
      assert.match(answer.body.message, /GET \/v2\/users.*1 MiB/);
    });

    it('a streamed answer past 1 MiB → 502, and the rest is not read', bounded, async () => {
      upstream.route = (call, res) =>
        call.path === '/v2/users/authenticate' ? flood(res, 64 * MiB) : false;
      const answer = await post(handler(), 'node');
      assert.equal(answer.status, 502);
      assert.match(answer.body.message, /POST \/v2\/users\/authenticate.*1 MiB/);
      const authenticate = upstream.calls.find((c) => c.path === '/v2/users/authenticate')!;
      await eventually(() => authenticate.aborted);
    });

    it('an answer just under 1 MiB is read', async () => {
      upstream.route = (call, res) =>
        call.path === '/v2/users'
          ? json(res, 200, { user_id: 'u1', language: 'nl', pad: 'x'.repeat(MiB - 100) })
          : false;
      const answer = await post(handler(), 'fetch');
      assert.equal(answer.status, 200);
      assert.equal(answer.body.language, 'nl');
    });
  });

  describe('redaction', () => {
    const key = 'Sk_Live/Key+With Spaces&=~!42';

    it('the key echoed verbatim, URL-encoded, in any case: not in answer or report', async () => {
      upstream.route = (call, res) =>
        json(res, 500, { detail: `unknown key: ${echoOf(String(call.headers['x-api-key']))}` });
      const answer = await post(handler({ apiKey: key }), 'fetch');
      assert.equal(answer.status, 502);
      assert.match(answer.text, /\[redacted\]/);
      assert.ok(!leaks(answer.text, key), answer.text);
      assert.ok(reports.length > 0);
      for (const report of reports) {
        assert.ok(!leaks(`${report.message} ${report.stack}`, key), report.message);
      }
    });

    it('a getUser failure that quotes the key is reported without it', async () => {
      const answer = await post(
        handler({
          apiKey: key,
          getUser: () => {
            throw new Error(`session store said ${encodeURIComponent(key).toUpperCase()}`);
          },
        }),
        'node',
      );
      assert.equal(answer.status, 500);
      assert.equal(reports.length, 1);
      assert.ok(!leaks(`${reports[0]!.message} ${reports[0]!.stack}`, key));
    });
  });

  describe('expiries', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const tokenWith = (exp: unknown) => (call: { path: string }, res: ServerResponse) =>
      call.path === '/v2/users/authenticate' ? json(res, 200, { token: jwt({ exp }) }) : false;

    for (const [what, exp] of [
      ['far in the future (1e15)', 1e15],
      ['two years ahead', now() + 2 * 366 * 86400],
      ['not a number', 'NaN'],
      ['null', null],
      ['already passed', now() - 60],
    ] as const) {
      it(`an action token whose exp is ${what} → 502, never 500`, async () => {
        upstream.route = tokenWith(exp);
        const answer = await post(handler(), 'fetch');
        assert.equal(answer.status, 502, answer.text);
        assert.match(answer.body.message, /POST \/v2\/users\/authenticate.*expir/);
      });
    }

    it('a sane exp is answered as an ISO-8601 UTC time', async () => {
      const exp = now() + 3600;
      upstream.route = tokenWith(exp);
      const answer = await post(handler(), 'fetch');
      assert.equal(answer.status, 200);
      assert.equal(answer.body.expires_at, new Date(exp * 1000).toISOString());
      assert.match(answer.body.expires_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('a plug-in URL whose action token has expired → 502', async () => {
      upstream.route = (call, res) =>
        call.path === '/v2/userjourneys/scan'
          ? json(res, 200, `http://plugins.test/scan?action_token=${jwt({ exp: now() - 5 })}`)
          : false;
      const answer = await post(handler(), 'fetch', { purpose: 'face-scan' });
      assert.equal(answer.status, 502);
      assert.match(answer.body.message, /GET \/v2\/userjourneys\/scan.*expir/);
    });
  });
});

describe('the Sahha token handler under load and faults', () => {
  let upstream: FakeUpstream;
  const reports: Error[] = [];
  const handler = (extra: Partial<SahhaTokenHandlerOptions> = {}) =>
    createSahhaTokenHandler({
      clientId: SAHHA_CLIENT_ID,
      clientSecret: SAHHA_CLIENT_SECRET,
      apiBase: upstream.url,
      getUser: () => 'demo@example.com',
      onError: (error) => reports.push(error),
      ...extra,
    });
  const grant = (body: unknown) => (call: { path: string }, res: ServerResponse) =>
    call.path === '/api/v1/oauth/profile/register' ? json(res, 200, body) : false;

  before(async () => {
    upstream = await fakeUpstream(createSahhaEngine().handler);
  });
  after(() => upstream.close());
  beforeEach(() => {
    upstream.calls = [];
    upstream.route = undefined;
    reports.length = 0;
  });

  it('20 parallel first requests: one account token, one registration, all 200', async () => {
    const user = newUser();
    upstream.route = async () => {
      await sleep(50);
      return false;
    };
    const tokens = handler({ getUser: () => user });
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(tokens, 'fetch')));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(20).fill(200),
    );
    assert.equal(upstream.count('POST', '/api/v1/oauth/account/token'), 1);
    assert.equal(upstream.count('POST', '/api/v1/oauth/profile/register'), 1);
  });

  for (const via of ADAPTERS) {
    it(`calls that together outlast timeoutMs → 504 (.${via})`, bounded, async () => {
      upstream.route = async () => {
        await sleep(900);
        return false;
      };
      const answer = await post(handler({ timeoutMs: 1500 }), via);
      assert.equal(answer.status, 504);
      assert.equal(answer.body.error, 'timeout');
      assert.ok(answer.ms < 2500, `answered after ${answer.ms} ms`);
      await eventually(() => upstream.calls.some((c) => c.aborted), 500);
    });

    it(`a getUser that hangs → 504 (.${via})`, bounded, async () => {
      const answer = await post(
        handler({ timeoutMs: 800, getUser: () => new Promise(() => {}) }),
        via,
      );
      assert.equal(answer.status, 504);
      assert.ok(answer.ms < 1800, `answered after ${answer.ms} ms`);
    });
  }

  it('a trickling request body is cut off by the deadline (.node)', bounded, async () => {
    const { status, ms } = await trickleToNode(handler({ timeoutMs: 1000 }));
    assert.equal(status, 504);
    assert.ok(ms < 2000, `answered after ${ms} ms`);
  });

  it('a 2 MiB answer → 502 naming the call', async () => {
    upstream.route = (call, res) =>
      call.path === '/api/v1/oauth/account/token'
        ? json(res, 200, { accountToken: 'x'.repeat(2 * MiB), expiresIn: 3600 })
        : false;
    const answer = await post(handler(), 'fetch');
    assert.equal(answer.status, 502);
    assert.match(answer.body.message, /POST \/api\/v1\/oauth\/account\/token.*1 MiB/);
  });

  describe('redaction', () => {
    const clientSecret = 'Client Secret/&+Value~9';
    const accountToken = 'Acct.Token/With+Plus==';

    it('client secret and account token, in any shape: not in answer or report', async () => {
      upstream.route = (call, res) => {
        if (call.path === '/api/v1/oauth/account/token')
          return json(res, 200, { accountToken, expiresIn: 3600 });
        const echoed = String(call.headers.authorization).replace(/^account /, '');
        return json(res, 500, {
          detail: `bad token ${echoOf(echoed)} for client ${echoOf(clientSecret)}`,
        });
      };
      const answer = await post(handler({ clientSecret }), 'fetch');
      assert.equal(answer.status, 502);
      assert.match(answer.text, /\[redacted\]/);
      for (const secret of [clientSecret, accountToken]) {
        assert.ok(!leaks(answer.text, secret), answer.text);
        for (const report of reports) {
          assert.ok(!leaks(`${report.message} ${report.stack}`, secret), report.message);
        }
      }
    });

    it('an upstream that hands the account token out as a profile token → 502', async () => {
      upstream.route = (call, res) => {
        if (call.path === '/api/v1/oauth/account/token')
          return json(res, 200, { accountToken, expiresIn: 3600 });
        return json(res, 200, { profileToken: accountToken, expiresIn: 3600 });
      };
      const answer = await post(handler({ clientSecret }), 'fetch');
      assert.equal(answer.status, 502);
      assert.ok(!leaks(answer.text, accountToken));
    });
  });

  describe('expiries', () => {
    for (const expiresIn of [-60, 0, 'soon', '3600', 1e12, Number.MAX_VALUE]) {
      it(`a profile token with expiresIn ${JSON.stringify(expiresIn)} → 502`, async () => {
        upstream.route = grant({ profileToken: 'profile-token', expiresIn });
        const answer = await post(handler({ getUser: newUser }), 'fetch');
        assert.equal(answer.status, 502, answer.text);
        assert.match(answer.body.message, /expir/);
      });
    }

    it('an account token with a negative expiresIn → 502, and it is not kept', async () => {
      upstream.route = (call, res) =>
        call.path === '/api/v1/oauth/account/token'
          ? json(res, 200, { accountToken: 'account-token', expiresIn: -1 })
          : false;
      const tokens = handler();
      const answer = await post(tokens, 'fetch');
      assert.equal(answer.status, 502);
      assert.match(answer.body.message, /account\/token.*expir/);
      upstream.route = undefined;
      assert.equal((await post(tokens, 'fetch')).status, 200);
    });

    it('a sane expiresIn is answered as an ISO-8601 UTC time that far ahead', async () => {
      upstream.route = grant({ profileToken: 'profile-token', expiresIn: 3600 });
      const started = Date.now();
      const answer = await post(handler({ getUser: newUser }), 'fetch');
      assert.equal(answer.status, 200);
      assert.match(answer.body.expires_at, /Z$/);
      const ahead = Date.parse(answer.body.expires_at) - started;
      assert.ok(ahead >= 3600_000 && ahead < 3600_000 + 5000, `${ahead} ms ahead`);
    });
  });
});
