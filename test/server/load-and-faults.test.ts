// CONTRACT.md §6 "Under load and faults": one user creation however many requests race, one
// deadline per request, upstream bodies capped at 1 MiB, no secret in any shape in an answer or
// a report, and no expires_at the handler cannot stand behind.
import assert from 'node:assert/strict';
import { request as httpRequest, type ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import type { TokenHandler } from '../../src/server/index.js';
import type { FakeClock } from './fake-clock.js';
import { json } from './fake-upstream.js';
import { ADAPTERS, assertAll, host, newUser, post, useIntelliProve, useSahha } from './setup.js';
import { eventually, gathering } from './wait.js';
import { WAIT_MS } from '../helpers/patience.js';

const MiB = 1024 * 1024;
/** A test fails rather than hangs when a deadline does not hold. */
const bounded = { timeout: WAIT_MS };

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

/**
 * Sends `{`, then a space every 300 ms of `clock` time, to the `.node` adapter, past its
 * `timeoutMs` of 1000; resolves with the status it answers.
 */
async function trickleToNode(tokens: TokenHandler, clock: FakeClock): Promise<number> {
  const server = await host(tokens);
  try {
    return await new Promise((resolve, reject) => {
      const req = httpRequest(`${server.url}/api/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '1000' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
        req.destroy();
      });
      req.on('error', reject);
      req.write('{');
      // Once the request's deadline runs: each space comes in time, the body never does.
      void clock.timers().then(() => {
        for (let ms = 300; ms < 1000; ms += 300) {
          clock.advance(300);
          req.write(' ');
        }
        clock.advance(300);
      });
    });
  } finally {
    await server.close();
  }
}

/**
 * A route for upstream calls that each take `ms` (of `clock` time): the first is answered, the
 * second never is — it is left to the deadline.
 */
function slowCalls(clock: FakeClock, ms: number) {
  let calls = 0;
  return () => {
    clock.advance(ms);
    return ++calls === 2;
  };
}

describe('the IntelliProve token handler under load and faults', () => {
  const { upstream, reports, clock, handler } = useIntelliProve();

  describe('one user creation however many first requests race', () => {
    it('50 parallel first requests: one GET and one POST /v2/users, all 200', async () => {
      const user = newUser();
      // The lookup waits for all 50 requests to be in, so that all 50 overlap.
      const everyone = gathering(50);
      upstream.route = async (call) => {
        if (call.path === '/v2/users') await everyone.done;
        return false;
      };
      const tokens = handler({ getUser: () => (everyone.arrive(), user) });
      assertAll(await Promise.all(Array.from({ length: 50 }, () => post(tokens))), 200);
      assert.equal(upstream.count('POST', '/v2/users'), 1);
      assert.equal(upstream.count('GET', '/v2/users'), 1);
      assert.equal(upstream.count('POST', '/v2/users/authenticate'), 50);
    });

    it('keeps no failed creation: the next request tries again', async () => {
      const user = newUser();
      const everyone = gathering(5);
      let failures = 1;
      upstream.route = async (call, res) => {
        if (call.path === '/v2/users') await everyone.done;
        return call.method === 'POST' && call.path === '/v2/users' && failures-- > 0
          ? json(res, 500, { detail: 'database hiccup' })
          : false;
      };
      const tokens = handler({ getUser: () => (everyone.arrive(), user) });
      assertAll(await Promise.all(Array.from({ length: 5 }, () => post(tokens))), 502);
      assert.equal(upstream.count('POST', '/v2/users'), 1, 'the racing requests shared it');
      const next = await post(tokens);
      assert.equal(next.status, 200);
      assert.equal(upstream.count('POST', '/v2/users'), 2);
    });

    it(
      'a waiter at its deadline does not abort the shared lookup for the others',
      bounded,
      async () => {
        const user = newUser();
        let answerLookup!: () => void;
        const lookupMayAnswer = new Promise<void>((resolve) => (answerLookup = resolve));
        upstream.route = async (call) => {
          if (call.method === 'GET' && call.path === '/v2/users' && upstream.calls.length === 1)
            await lookupMayAnswer;
          return false;
        };
        const bIsIn = gathering(1);
        const tokens = handler({
          timeoutMs: 2000,
          // A's session lookup takes 1 s: A starts the user lookup at 1 s and gives up at 2 s.
          getUser: (request) => {
            if ((request as Request).headers.get('x-who') === 'a') clock.advance(1000);
            else bIsIn.arrive();
            return user;
          },
        });
        const a = post(tokens, 'fetch', { purpose: 'api' }, { 'x-who': 'a' });
        await eventually(() => upstream.calls.length === 1);
        clock.advance(100);
        // B joins the lookup A started; its own deadline is at 3.1 s, the lookup's at 3 s.
        const b = post(tokens, 'fetch', { purpose: 'api' }, { 'x-who': 'b' });
        await bIsIn.done;
        clock.advance(900);
        assert.equal((await a).status, 504);
        clock.advance(500);
        answerLookup(); // at 2.5 s
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
        upstream.route = slowCalls(clock, 900);
        const answer = await post(handler({ timeoutMs: 1500 }), via);
        assert.equal(answer.status, 504);
        assert.equal(answer.body.error, 'timeout');
        assert.match(answer.body.message, /1500 ms.*POST \/v2\/users\/authenticate/);
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
              clock.advance(800);
              return new Promise(() => {});
            },
          }),
          via,
        );
        assert.equal(answer.status, 504);
        assert.match(answer.body.message, /getUser/);
        assert.equal(signal?.aborted, true);
        assert.equal(upstream.calls.length, 0);
      });
    }

    it('a request body that trickles in is cut off by the deadline (.node)', bounded, async () => {
      assert.equal(await trickleToNode(handler({ timeoutMs: 1000 }), clock), 504);
      assert.equal(upstream.calls.length, 0);
    });

    it(
      'a request body that stops coming is cut off by the deadline (.fetch)',
      bounded,
      async () => {
        let cancelled = false;
        const body = new ReadableStream<Uint8Array>({
          start: (controller) => controller.enqueue(new TextEncoder().encode('{')),
          pull: () => new Promise<void>(() => {}), // the rest never comes
          cancel: () => void (cancelled = true),
        });
        const response = handler({ timeoutMs: 1000 }).fetch(
          new Request('http://host.test/api/token', {
            method: 'POST',
            body,
            duplex: 'half',
          } as RequestInit),
        );
        await clock.timers();
        clock.advance(1000);
        assert.equal((await response).status, 504);
        assert.equal((await (await response).json()).error, 'timeout');
        assert.ok(cancelled, 'the rest of the body is not read');
      },
    );
  });

  describe('upstream bodies capped at 1 MiB', () => {
    it('a 2 MiB answer with a content-length → 502 naming the call', async () => {
      upstream.route = (call, res) =>
        call.path === '/v2/users'
          ? json(res, 200, { user_id: 'u1', pad: 'x'.repeat(2 * MiB) })
          : false;
      const answer = await post(handler());
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
      const answer = await post(handler());
      assert.equal(answer.status, 200);
      assert.equal(answer.body.language, 'nl');
    });
  });

  describe('redaction', () => {
    const key = 'Sk_Live/Key+With Spaces&=~!42';

    it('the key echoed verbatim, URL-encoded, in any case: not in answer or report', async () => {
      upstream.route = (call, res) =>
        json(res, 500, { detail: `unknown key: ${echoOf(String(call.headers['x-api-key']))}` });
      const answer = await post(handler({ apiKey: key }));
      assert.equal(answer.status, 502);
      assert.match(answer.text, /\[redacted\]/);
      assert.ok(!leaks(answer.text, key), answer.text);
      assert.equal(reports.length, 1);
      assert.ok(!leaks(`${reports[0]!.message} ${reports[0]!.stack}`, key), reports[0]!.message);
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
    const now = () => Math.floor(clock.now() / 1000);
    const tokenWith = (exp: unknown) => (call: { path: string }, res: ServerResponse) =>
      call.path === '/v2/users/authenticate' ? json(res, 200, { token: jwt({ exp }) }) : false;

    for (const [what, exp] of [
      ['far in the future (1e15)', () => 1e15],
      ['two years ahead', () => now() + 2 * 366 * 86400],
      ['not a number', () => 'NaN'],
      ['null', () => null],
      ['already passed', () => now() - 60],
    ] as const) {
      it(`an action token whose exp is ${what} → 502, never 500`, async () => {
        upstream.route = tokenWith(exp());
        const answer = await post(handler());
        assert.equal(answer.status, 502, answer.text);
        assert.match(answer.body.message, /POST \/v2\/users\/authenticate.*expir/);
      });
    }

    it('a sane exp is answered as an ISO-8601 UTC time', async () => {
      const exp = now() + 3600;
      upstream.route = tokenWith(exp);
      const answer = await post(handler());
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
  const { upstream, reports, clock, handler } = useSahha();
  const grant = (body: unknown) => (call: { path: string }, res: ServerResponse) =>
    call.path === '/api/v1/oauth/profile/register' ? json(res, 200, body) : false;

  it('20 parallel first requests: one account token, one registration, all 200', async () => {
    const user = newUser();
    const everyone = gathering(20);
    upstream.route = async () => {
      await everyone.done;
      return false;
    };
    const tokens = handler({ getUser: () => (everyone.arrive(), user) });
    assertAll(await Promise.all(Array.from({ length: 20 }, () => post(tokens))), 200);
    assert.equal(upstream.count('POST', '/api/v1/oauth/account/token'), 1);
    assert.equal(upstream.count('POST', '/api/v1/oauth/profile/register'), 1);
  });

  for (const via of ADAPTERS) {
    it(`calls that together outlast timeoutMs → 504 (.${via})`, bounded, async () => {
      upstream.route = slowCalls(clock, 900);
      const answer = await post(handler({ timeoutMs: 1500 }), via);
      assert.equal(answer.status, 504);
      assert.equal(answer.body.error, 'timeout');
      assert.match(answer.body.message, /1500 ms.*register/);
      await eventually(() => upstream.calls[1]?.aborted === true, 500);
    });

    it(`a getUser that hangs → 504 (.${via})`, bounded, async () => {
      const hang = () => {
        clock.advance(800);
        return new Promise<never>(() => {});
      };
      const answer = await post(handler({ timeoutMs: 800, getUser: hang }), via);
      assert.equal(answer.status, 504);
      assert.match(answer.body.message, /getUser/);
    });
  }

  it('a trickling request body is cut off by the deadline (.node)', bounded, async () => {
    assert.equal(await trickleToNode(handler({ timeoutMs: 1000 }), clock), 504);
    assert.equal(upstream.calls.length, 0);
  });

  it('a 2 MiB answer → 502 naming the call', async () => {
    upstream.route = (call, res) =>
      call.path === '/api/v1/oauth/account/token'
        ? json(res, 200, { accountToken: 'x'.repeat(2 * MiB), expiresIn: 3600 })
        : false;
    const answer = await post(handler());
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
      const answer = await post(handler({ clientSecret }));
      assert.equal(answer.status, 502);
      assert.match(answer.text, /\[redacted\]/);
      assert.equal(reports.length, 1);
      for (const secret of [clientSecret, accountToken]) {
        assert.ok(!leaks(answer.text, secret), answer.text);
        const report = reports[0]!;
        assert.ok(!leaks(`${report.message} ${report.stack}`, secret), report.message);
      }
    });

    it('an upstream that hands the account token out as a profile token → 502', async () => {
      upstream.route = (call, res) => {
        if (call.path === '/api/v1/oauth/account/token')
          return json(res, 200, { accountToken, expiresIn: 3600 });
        return json(res, 200, { profileToken: accountToken, expiresIn: 3600 });
      };
      const answer = await post(handler({ clientSecret }));
      assert.equal(answer.status, 502);
      assert.ok(!leaks(answer.text, accountToken));
    });
  });

  describe('expiries', () => {
    for (const expiresIn of [-60, 0, 'soon', '3600', 1e12, Number.MAX_VALUE]) {
      it(`a profile token with expiresIn ${JSON.stringify(expiresIn)} → 502`, async () => {
        upstream.route = grant({ profileToken: 'profile-token', expiresIn });
        const answer = await post(handler({ getUser: newUser }));
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
      const answer = await post(tokens);
      assert.equal(answer.status, 502);
      assert.match(answer.body.message, /account\/token.*expir/);
      upstream.route = undefined;
      assert.equal((await post(tokens)).status, 200);
    });

    it('a sane expiresIn is answered as an ISO-8601 UTC time that far ahead', async () => {
      upstream.route = grant({ profileToken: 'profile-token', expiresIn: 3600 });
      const answer = await post(handler({ getUser: newUser }));
      assert.equal(answer.status, 200);
      assert.equal(answer.body.expires_at, new Date(clock.now() + 3600_000).toISOString());
    });
  });
});
