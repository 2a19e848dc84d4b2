import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OTHER_CUSTOMER_API_KEY, SANDBOX_API_KEY, startEngine } from '../../demo/sandbox/engine.js';
import { METRICS, SCAN_BIOMARKERS, WELLBEING_SCORES } from '../../src/protocol/health.js';
import { call } from '../helpers/http.js';

const KEY = SANDBOX_API_KEY;
const UNAUTHORIZED = { detail: 'Missing or invalid authentication credentials.' };

describe('sandbox engine (IntelliProve v2 contract)', () => {
  let engine: Awaited<ReturnType<typeof startEngine>>;
  let base: string;
  const get = (path: string, opts = {}) => call(base, 'GET', path, opts);
  const post = (path: string, opts = {}) => call(base, 'POST', path, opts);
  const tokenFor = async (external: string) =>
    (await post('/v2/users/authenticate', { key: KEY, body: { external_user_id: external } })).body
      .token as string;

  before(async () => {
    engine = await startEngine({ pluginOrigin: 'http://plugins.test' });
    base = engine.url;
  });
  after(() => engine.close());

  describe('authentication', () => {
    it('answers 401 without credentials, with an unknown key and with a forged token', async () => {
      assert.deepEqual((await get('/v2/metrics')).body, UNAUTHORIZED);
      assert.equal((await get('/v2/metrics')).status, 401);
      assert.equal(
        (await get('/v2/users?external_user_id=demo@example.com', { key: 'nope' })).status,
        401,
      );
      const token = await tokenFor('demo@example.com');
      const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      assert.equal((await get('/v2/metrics', { token: forged })).status, 401);
    });

    it('answers 401 for an expired action token', async () => {
      const user = engine.engine.store.userByExternalId('Sandbox Health', 'demo@example.com')!;
      const expired = engine.engine.issueToken(user, 'api', -10);
      const answer = await get('/v2/face-scans/latest', { token: expired });
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.body, UNAUTHORIZED);
    });

    it('keeps action tokens off API-key-only endpoints (403)', async () => {
      const token = await tokenFor('demo@example.com');
      const answer = await get('/v2/users?external_user_id=demo@example.com', { token });
      assert.equal(answer.status, 403);
      assert.match(answer.body.detail, /API key/);
      assert.equal((await get('/v2/questions/all', { token })).status, 403);
    });

    it("does not let an action token read another user's data", async () => {
      const demo = await tokenFor('demo@example.com');
      const amy = await tokenFor('amy@example.com');
      const amysScan = (await get('/v2/face-scans/latest', { token: amy })).body[0].face_scan_id;
      const answer = await get(`/v2/face-scans/${amysScan}`, { token: demo });
      assert.equal(answer.status, 403);
      assert.equal((await get(`/v2/face-scans/${amysScan}`, { token: amy })).status, 200);
      const named = await get('/v2/metrics?external_user_id=amy@example.com', { token: demo });
      assert.equal(named.status, 403);
    });

    it("keeps one customer's API key away from another customer's users", async () => {
      const answer = await get('/v2/users?external_user_id=demo@example.com', {
        key: OTHER_CUSTOMER_API_KEY,
      });
      assert.equal(answer.status, 404);
      assert.deepEqual(answer.body, { detail: 'User not found!' });
      const scan = (
        await get('/v2/face-scans/latest?external_user_id=demo@example.com', { key: KEY })
      ).body[0];
      assert.equal(
        (await get(`/v2/face-scans/${scan.face_scan_id}`, { key: OTHER_CUSTOMER_API_KEY })).status,
        404,
      );
    });

    it('answers CORS preflights for browser calls', async () => {
      const response = await fetch(`${base}/v2/metrics`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:8080',
          'access-control-request-headers': 'authorization',
        },
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.match(response.headers.get('access-control-allow-headers')!, /authorization/);
    });
  });

  describe('users', () => {
    it('creates, reads, updates and deletes a user', async () => {
      const created = await post('/v2/users', {
        key: KEY,
        body: {
          external_user_id: 'crud@example.com',
          birth_date: '1990-01-31',
          sex: 'F',
          language: 'da',
          preferred_unit_system: 'imperial',
        },
      });
      assert.equal(created.status, 201);
      assert.equal(created.body.customer, 'Sandbox Health');
      assert.equal(created.body.external_user_id, 'crud@example.com');
      assert.equal(created.body.preferred_unit_system, 'imperial');
      const id = created.body.user_id;

      const read = await get('/v2/users?external_user_id=crud@example.com', { key: KEY });
      assert.equal(read.status, 200);
      assert.equal(read.body.user_id, id);
      assert.equal(read.body.language, 'da');
      assert.equal(
        'external_user_id' in read.body,
        false,
        'only a hash of the external id is kept',
      );

      const updated = await call(base, 'PUT', `/v2/users/${id}`, {
        key: KEY,
        body: { language: 'sv' },
      });
      assert.equal(updated.status, 200);
      assert.equal(updated.body.language, 'sv');
      assert.equal(updated.body.sex, 'F', 'fields not given stay unchanged');

      assert.equal(
        (await call(base, 'DELETE', `/v2/users/?user_id=${id}`, { key: KEY })).status,
        204,
      );
      assert.equal(
        (await get('/v2/users?external_user_id=crud@example.com', { key: KEY })).status,
        404,
      );
    });

    it('answers 409 when the user exists', async () => {
      const answer = await post('/v2/users', {
        key: KEY,
        body: { external_user_id: 'demo@example.com' },
      });
      assert.equal(answer.status, 409);
      assert.match(answer.body.detail, /already exists/);
    });

    it('answers 422 with loc/msg/type for malformed bodies', async () => {
      const missing = await post('/v2/users', { key: KEY, body: { language: 'en' } });
      assert.equal(missing.status, 422);
      assert.deepEqual(missing.body.detail[0], {
        loc: ['body', 'external_user_id'],
        msg: 'field required',
        type: 'value_error.missing',
      });
      const badJson = await post('/v2/users', {
        key: KEY,
        raw: '{"external_user_id": ',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(badJson.status, 422);
      assert.equal(badJson.body.detail[0].type, 'value_error.jsondecode');
      const badSex = await post('/v2/users', {
        key: KEY,
        body: { external_user_id: 'x@example.com', sex: 'X' },
      });
      assert.equal(badSex.status, 422);
      assert.deepEqual(badSex.body.detail[0].loc, ['body', 'sex']);
    });

    it('issues action tokens that carry an expiry', async () => {
      const answer = await post('/v2/users/authenticate', {
        key: KEY,
        body: { external_user_id: 'demo@example.com' },
      });
      assert.equal(answer.status, 201);
      const claims = JSON.parse(
        Buffer.from(answer.body.token.split('.')[1], 'base64url').toString(),
      );
      assert.ok(claims.exp > Date.now() / 1000 + 3600);
      const unknown = await post('/v2/users/authenticate', {
        key: KEY,
        body: { external_user_id: 'ghost@example.com' },
      });
      assert.equal(unknown.status, 404);
    });
  });

  describe('plug-in URLs', () => {
    it('answers the face-scan URL as a JSON string, honouring language and expire_at', async () => {
      const expire = new Date(Date.now() + 3600_000).toISOString();
      const answer = await get(
        `/v2/userjourneys/scan?external_user_id=demo@example.com&language=nl&expire_at=${expire}`,
        { key: KEY },
      );
      assert.equal(answer.status, 200);
      assert.equal(typeof answer.body, 'string');
      const url = new URL(answer.body);
      assert.equal(url.origin, 'http://plugins.test');
      assert.equal(url.searchParams.get('language'), 'nl');
      const claims = JSON.parse(
        Buffer.from(url.searchParams.get('action_token')!.split('.')[1]!, 'base64url').toString(),
      );
      assert.ok(Math.abs(claims.exp - Date.parse(expire) / 1000) <= 1);
      assert.ok(url.searchParams.get('patient'));
    });

    it('answers the dashboard URL (201) and validates disabled_sections', async () => {
      const answer = await post('/v2/dashboards/health', {
        key: KEY,
        body: {
          external_user_id: 'demo@example.com',
          language: 'fr',
          disabled_sections: ['todos', 'recommendations'],
        },
      });
      assert.equal(answer.status, 201);
      const url = new URL(answer.body);
      assert.equal(url.pathname, '/dashboard/');
      assert.equal(url.searchParams.get('language'), 'fr');
      const bad = await post('/v2/dashboards/health', {
        key: KEY,
        body: { external_user_id: 'demo@example.com', disabled_sections: ['everything'] },
      });
      assert.equal(bad.status, 422);
    });

    it('needs the API key, not an action token', async () => {
      const token = await tokenFor('demo@example.com');
      assert.equal((await get('/v2/userjourneys/scan', { token })).status, 403);
      assert.equal((await get('/v2/userjourneys/scan', { key: KEY })).status, 422);
    });
  });

  describe('face scans', () => {
    it('lists the latest scan, newest first, with all biomarkers', async () => {
      const token = await tokenFor('demo@example.com');
      const latest = await get('/v2/face-scans/latest?count=3', { token });
      assert.equal(latest.status, 200);
      assert.equal(latest.body.length, 3);
      assert.ok(latest.body[0].timestamp_epoch > latest.body[1].timestamp_epoch);
      for (const key of ['face_scan_id', ...SCAN_BIOMARKERS, 'timestamp_epoch', 'timestamp']) {
        assert.ok(key in latest.body[0], key);
      }
      assert.equal(
        (await get('/v2/face-scans/latest', { token })).body.length,
        1,
        'count defaults to 1',
      );
    });

    it('lists scans with count/order/start/end (count 10 and asc by default)', async () => {
      const token = await tokenFor('demo@example.com');
      const all = (await get('/v2/face-scans/', { token })).body;
      assert.equal(all.length, 10);
      assert.ok(all[0].timestamp_epoch < all[9].timestamp_epoch);
      const desc = (await get('/v2/face-scans/?count=4&order=desc', { token })).body;
      assert.equal(desc.length, 4);
      assert.ok(desc[0].timestamp_epoch > desc[3].timestamp_epoch);
      const start = new Date(desc[1].timestamp_epoch * 1000).toISOString();
      assert.equal((await get(`/v2/face-scans/?start=${start}`, { token })).body.length, 2);
      assert.equal((await get('/v2/face-scans/?count=zero', { token })).status, 422);
      assert.equal((await get('/v2/face-scans/?order=sideways', { token })).status, 422);
    });

    it('reads one scan by id, 400 for a malformed id, 404 for an unknown one', async () => {
      const token = await tokenFor('demo@example.com');
      const latest = (await get('/v2/face-scans/latest', { token })).body[0];
      const one = await get(`/v2/face-scans/${latest.face_scan_id}`, { token });
      assert.deepEqual(one.body, latest);
      assert.deepEqual((await get('/v2/face-scans/not-a-uuid', { token })).body, {
        detail: 'Invalid uuid provided!',
      });
      assert.equal(
        (await get('/v2/face-scans/00000000-0000-4000-8000-000000000000', { token })).status,
        404,
      );
    });

    it('answers 204 for a user with no scans', async () => {
      const token = await tokenFor('new@example.com');
      for (const path of [
        '/v2/face-scans/latest',
        '/v2/face-scans/',
        '/v2/metrics',
        '/v2/userprofiles/wellbeing',
      ]) {
        const answer = await get(path, { token });
        assert.equal(answer.status, 204, path);
        assert.equal(answer.text, '');
      }
    });

    it('keeps locked biomarkers null', async () => {
      const token = await tokenFor('jan@example.be');
      const scan = (await get('/v2/face-scans/latest', { token })).body[0];
      assert.equal(scan.systolic_blood_pressure, null);
      assert.equal(scan.resonant_breathing_score, null);
      assert.equal(typeof scan.heart_rate, 'number');
    });

    it('reads with the API key and external_user_id', async () => {
      const answer = await get('/v2/face-scans/latest?external_user_id=amy@example.com', {
        key: KEY,
      });
      assert.equal(answer.status, 200);
      assert.equal((await get('/v2/face-scans/latest', { key: KEY })).status, 422);
    });
  });

  describe('metrics, wellbeing, recommendations, questions', () => {
    it('answers metrics with scores and confidences, null where data is missing', async () => {
      const token = await tokenFor('jan@example.be');
      const answer = await get('/v2/metrics', { token });
      assert.equal(answer.status, 200);
      const { metrics, last_update } = answer.body;
      assert.deepEqual(Object.keys(metrics).sort(), [...METRICS].sort());
      assert.equal(metrics.sleep_quality, null);
      assert.equal(metrics.hypertension, null, 'no blood pressure, no hypertension metric');
      assert.ok(metrics.energy_balance.score >= 0 && metrics.energy_balance.score <= 100);
      assert.ok(metrics.energy_balance.confidence > 0);
      assert.ok(!Number.isNaN(Date.parse(last_update)));
    });

    it('answers wellbeing scores between 0 and 100', async () => {
      const token = await tokenFor('demo@example.com');
      const body = (await get('/v2/userprofiles/wellbeing', { token })).body;
      for (const key of Object.values(WELLBEING_SCORES))
        assert.ok(body[key] >= 0 && body[key] <= 100, key);
    });

    it('answers recommendations in the asked language, most relevant first', async () => {
      const token = await tokenFor('claire@example.fr');
      const body = (await get('/v2/recommendations?language=nl', { token })).body;
      assert.ok(body.recommendations.length > 0);
      assert.equal(body.recommendations[0].relevance, 1);
      assert.ok(
        [
          'title',
          'description',
          'action_url',
          'action_text',
          'image_url',
          'related_metric',
          'relevance',
          'lookup_key',
        ].every((k) => k in body.recommendations[0]),
      );
      const french = (await get('/v2/recommendations', { token })).body.recommendations[0].title;
      assert.notEqual(french, body.recommendations[0].title, "defaults to the user's own language");
    });

    it("answers recommendations in each seeded user's language, and an empty list for a new user", async () => {
      const titles = new Set<string>();
      for (const user of [
        'demo@example.com',
        'jan@example.be',
        'amy@example.com',
        'claire@example.fr',
        'mads@example.dk',
        'ingrid@example.se',
      ]) {
        const answer = await get('/v2/recommendations', { token: await tokenFor(user) });
        assert.equal(answer.status, 200, user);
        assert.ok(answer.body.recommendations.length > 0, user);
        titles.add(answer.body.recommendations[0].title);
      }
      assert.ok(titles.size >= 5, 'in their own languages');
      const empty = await get('/v2/recommendations', { token: await tokenFor('new@example.com') });
      assert.equal(empty.status, 200);
      assert.deepEqual(empty.body, { recommendations: [] });
    });

    it("serves each recommendation's image and tracking link on its own origin, without a credential", async () => {
      const token = await tokenFor('demo@example.com');
      const [first] = (await get('/v2/recommendations?language=da', { token })).body
        .recommendations;
      const image = new URL(first.image_url);
      const action = new URL(first.action_url);
      assert.equal(image.origin, base);
      assert.equal(action.origin, base);
      const picture = await fetch(image);
      assert.equal(picture.status, 200);
      assert.equal(picture.headers.get('content-type'), 'image/svg+xml');
      assert.match(await picture.text(), /^<svg/);
      const page = await fetch(action);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      assert.ok((await page.text()).includes(first.title), 'the page in the asked language');
      assert.equal((await fetch(`${base}/sandbox/images/%2e%2e%2fengine.ts`)).status, 404);
      assert.equal((await fetch(`${base}/v2/tracking/nope`)).status, 404);
    });

    it('stores integer answers and rejects others; an answer changes the metrics', async () => {
      assert.ok(
        (await get('/v2/questions/all', { key: KEY })).body.includes('average_sleep_hours'),
      );
      const userId = (await get('/v2/users?external_user_id=jan@example.be', { key: KEY })).body
        .user_id;
      const bad = await post(`/v2/questions/answer?user_id=${userId}`, {
        key: KEY,
        body: { lookup_key: 'average_sleep_hours', value: 7.5 },
      });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.detail[0].loc, ['body', 'value']);
      const ok = await post(`/v2/questions/answer?user_id=${userId}`, {
        key: KEY,
        body: { lookup_key: 'average_sleep_hours', value: 8, timezone: 'Europe/Brussels' },
      });
      assert.equal(ok.status, 201);
      assert.deepEqual(ok.body, { lookup_key: 'average_sleep_hours', value: 8, user_id: userId });
      const many = await post(`/v2/questions/answer/many?user_id=${userId}`, {
        key: KEY,
        body: [
          { lookup_key: 'age', value: 47 },
          { lookup_key: 'weight', value: 82 },
        ],
      });
      assert.equal(many.status, 201);
      assert.equal(many.body.length, 2);
      const token = await tokenFor('jan@example.be');
      assert.notEqual((await get('/v2/metrics', { token })).body.metrics.sleep_quality, null);
    });
  });

  describe('scans made by the stand-in plug-in', () => {
    it('stores a scan for a face-scan session token, and the metrics move', async () => {
      const user = engine.engine.store.userByExternalId('Sandbox Health', 'new@example.com')!;
      const session = engine.engine.issueToken(user, 'face-scan', 600);
      const stored = await post('/v2/face-scans', { token: session, body: { quality: 0.9 } });
      assert.equal(stored.status, 201);
      assert.ok(stored.body.heart_rate > 30 && stored.body.heart_rate < 150);
      const token = await tokenFor('new@example.com');
      assert.equal(
        (await get('/v2/face-scans/latest', { token })).body[0].face_scan_id,
        stored.body.face_scan_id,
      );
      assert.equal((await get('/v2/metrics', { token })).status, 200);
      assert.equal(
        (await post('/v2/face-scans', { token, body: {} })).status,
        403,
        'API tokens cannot store scans',
      );
    });
  });
});
