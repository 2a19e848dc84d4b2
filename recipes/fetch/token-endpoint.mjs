/**
 * The IntelliProve token endpoint for intelliprove-widgets, as a Fetch function: Cloudflare
 * Workers, Deno (`deno serve --allow-net --allow-env`), Bun (`bun run`), or any runtime that
 * calls `export default { fetch(request, env) }`. No dependencies.
 *
 * Where it goes: on your site's own origin, at the path the page's script tag names (a Workers
 * route such as `example.com/api/ip-token`), so the browser sends your session cookie with it:
 *
 *   <script src="/assets/intelliprove-widgets.js" data-token-endpoint="/api/ip-token"></script>
 *
 * What to replace: `currentUser(request, env)` between the ▼▼▼ and ▲▲▲ lines, nothing else.
 *
 * Configuration: INTELLIPROVE_API_KEY (a secret, e.g. `wrangler secret put INTELLIPROVE_API_KEY`;
 * it never leaves this function) and INTELLIPROVE_API_BASE (default
 * https://engine.intelliprove.com), from `env` or else the process environment.
 *
 * What it answers is CONTRACT §5 of intelliprove-widgets; `npx intelliprove-widgets doctor
 * https://your.site/page-with-the-kit --header "Cookie: …"` checks it from outside. On Node, the
 * kit's own `createTokenHandler` (intelliprove-widgets/server) does the same with more care
 * (racing first requests, one deadline, redaction in every encoding).
 */

// ▼▼▼ REPLACE THIS FUNCTION: who is signed in, from your own session ▼▼▼
/**
 * The signed-in user's id (e.g. their e-mail) from YOUR session, or null. Read your session
 * cookie (`request.headers.get('cookie')`) and look it up or verify it: a KV store under `env`,
 * a signed cookie, your auth provider's JWT. Never take the user from the request body or the
 * query string: anyone can write those.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
async function currentUser(request, env) {
  return null;
}
// ▲▲▲ up to here ▲▲▲

const LANGUAGES = ['en', 'nl', 'fr', 'da', 'sv'];
const SECTIONS = ['main', 'metrics', 'biomarkers', 'recommendations', 'todos'];
const PURPOSES = ['face-scan', 'dashboard', 'api'];
const MAX_BODY_BYTES = 16 * 1024;
const MAX_UPSTREAM_BYTES = 1024 * 1024;
const TIMEOUT_MS = 10_000; // the whole request: every upstream call together
const PLUGIN_URL_MS = 6 * 3600_000; // IntelliProve's plug-in URLs are valid six hours
const FALLBACK_TOKEN_MS = 3600_000; // for an action token that carries no `exp`

class Failure extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
const upstreamFailure = (message) => new Failure(502, 'upstream-failed', `IntelliProve ${message}`);

/** A setting from `env` (Workers), else the process environment (Deno, Bun, Node). */
function setting(env, name) {
  if (typeof env?.[name] === 'string') return env[name];
  try {
    return globalThis.process?.env?.[name] ?? globalThis.Deno?.env.get(name);
  } catch {
    return undefined; // Deno without --allow-env
  }
}

function answer(status, body, extra = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...extra,
    },
  });
}

const detailOf = (body) =>
  typeof body?.detail === 'string' ? body.detail : body?.detail ? JSON.stringify(body.detail) : '';

function failed(what, { status, body }) {
  const hint = status === 401 || status === 403 ? ' (check INTELLIPROVE_API_KEY)' : '';
  const detail = detailOf(body);
  return upstreamFailure(`${what} answered ${status}${detail ? `: ${detail}` : ''}${hint}`);
}

/** The `exp` of a JWT in ms, unverified (when to ask again), or undefined. */
function jwtExpiry(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const { exp } = JSON.parse(atob(payload));
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** `ms` as ISO-8601 in UTC ("Z"); an expiry passed or absurdly far ahead is a 502. */
function iso(what, ms) {
  const now = Date.now();
  if (!(ms > now + 1000 && ms <= now + 366 * 86400_000))
    throw upstreamFailure(`${what}: an expiry that has passed or makes no sense`);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The browser's request, or a 400. */
function parse(text) {
  const bad = (message) => new Failure(400, 'invalid-body', message);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw bad('The request body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw bad('Send a JSON object such as {"purpose":"api"}.');
  if (!PURPOSES.includes(body.purpose))
    throw bad(`"purpose" must be one of ${PURPOSES.join(', ')}.`);
  let language = body.language ?? undefined;
  if (language !== undefined) {
    language = typeof language === 'string' ? language.split(/[-_]/)[0].toLowerCase() : '';
    if (!LANGUAGES.includes(language)) throw bad('"language" must be one of en, nl, fr, da, sv.');
  }
  const sections = body.disabled_sections ?? [];
  if (!Array.isArray(sections) || !sections.every((s) => SECTIONS.includes(s)))
    throw bad(`"disabled_sections" must be a list of ${SECTIONS.join(', ')}.`);
  return { purpose: body.purpose, language, sections: [...new Set(sections)] };
}

/** What IntelliProve gives `user` for the request `asked`. */
async function issue({ key, base, signal }, user, asked) {
  /** One call with the API key, to `base` only: a redirect is a failure, never followed. */
  async function call(method, path, body) {
    const what = `${method} ${path.split('?')[0]}`;
    let response, text;
    try {
      response = await fetch(base + path, {
        method,
        headers: {
          accept: 'application/json',
          'x-api-key': key,
          ...(body && { 'content-type': 'application/json' }),
        },
        body: body && JSON.stringify(body),
        redirect: 'manual',
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (signal.aborted)
        throw new Failure(504, 'timeout', `IntelliProve ${what}: no answer in time.`);
      throw upstreamFailure(`${what}: unreachable (${error?.cause?.code ?? error?.message})`);
    }
    if (text.length > MAX_UPSTREAM_BYTES) throw upstreamFailure(`${what} answered over 1 MiB`);
    let parsed = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: judged by its status, and found wanting below
    }
    return {
      what,
      status: response.status,
      ok: [200, 201].includes(response.status),
      body: parsed,
    };
  }

  /** A plug-in URL answer: {url, expires_at}, at most `latest` or its action token's `exp`. */
  function pluginUrl(upstream, latest) {
    if (!upstream.ok) throw failed(upstream.what, upstream);
    const url = typeof upstream.body === 'string' && URL.canParse(upstream.body) && upstream.body;
    if (!url || !/^https?:$/.test(new URL(url).protocol))
      throw upstreamFailure(`${upstream.what} did not answer with a URL`);
    const token = new URL(url).searchParams.get('action_token');
    const exp = (token && jwtExpiry(token)) || latest;
    return { url, expires_at: iso(upstream.what, Math.min(latest, exp)) };
  }

  // The user's profile, creating the user on first use ("already exists": created meanwhile).
  const query = `/v2/users?${new URLSearchParams({ external_user_id: user })}`;
  let profile = await call('GET', query);
  if (profile.status === 404) {
    const created = await call('POST', '/v2/users', {
      external_user_id: user,
      ...(asked.language && { language: asked.language }),
    });
    const exists = [400, 409].includes(created.status) && /exist/i.test(detailOf(created.body));
    if (created.ok) profile = created;
    else if (exists) profile = await call('GET', query);
    else throw failed('POST /v2/users', created);
  }
  if (!profile.ok) throw failed('GET /v2/users', profile);
  const stored = profile.body && typeof profile.body === 'object' ? profile.body : {};
  const language = asked.language ?? (LANGUAGES.includes(stored.language) ? stored.language : '');

  let result;
  if (asked.purpose === 'api') {
    const upstream = await call('POST', '/v2/users/authenticate', { external_user_id: user });
    if (!upstream.ok) throw failed(upstream.what, upstream);
    const token = upstream.body?.token;
    if (typeof token !== 'string' || !token)
      throw upstreamFailure(`${upstream.what} did not answer with a token`);
    const expires = jwtExpiry(token) ?? Date.now() + FALLBACK_TOKEN_MS;
    result = { token, expires_at: iso(upstream.what, expires) };
  } else if (asked.purpose === 'face-scan') {
    const latest = Math.floor((Date.now() + PLUGIN_URL_MS) / 1000) * 1000;
    const params = new URLSearchParams({
      external_user_id: user,
      expire_at: iso('expire_at', latest),
    });
    if (language) params.set('language', language);
    result = pluginUrl(await call('GET', `/v2/userjourneys/scan?${params}`), latest);
  } else {
    const upstream = await call('POST', '/v2/dashboards/health', {
      external_user_id: user,
      ...(language && { language }),
      disabled_sections: asked.sections,
    });
    result = pluginUrl(upstream, Date.now() + PLUGIN_URL_MS);
  }
  if (['metric', 'imperial'].includes(stored.preferred_unit_system))
    result.unit_system = stored.preferred_unit_system;
  if (typeof stored.language === 'string' && stored.language) result.language = stored.language;
  return result;
}

/** The message without the key, verbatim, URL-encoded or in other letter case. */
function redact(message, key) {
  if (!key) return message;
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const forms = [key, encodeURIComponent(key)].map(escape).join('|');
  return message.replace(new RegExp(forms, 'gi'), '[redacted]');
}

export default {
  async fetch(request, env) {
    const key = setting(env, 'INTELLIPROVE_API_KEY') ?? '';
    const base = (setting(env, 'INTELLIPROVE_API_BASE') || 'https://engine.intelliprove.com')
      .trim()
      .replace(/\/+$/, '');
    try {
      if (request.method !== 'POST') throw new Failure(405, 'method-not-allowed', 'POST only.');
      // The kit always sends JSON. A cross-site form cannot (that takes a CORS preflight, which
      // this endpoint never grants), so the check keeps other sites out.
      if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? ''))
        throw new Failure(415, 'invalid-body', 'Send "Content-Type: application/json".');
      const tooLarge = new Failure(413, 'too-large', 'The request body is over 16 KiB.');
      if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) throw tooLarge;
      const raw = await request.arrayBuffer();
      if (raw.byteLength > MAX_BODY_BYTES) throw tooLarge;
      const asked = parse(new TextDecoder().decode(raw));
      const user = await currentUser(request, env);
      if (typeof user !== 'string' || !user)
        throw new Failure(401, 'unauthenticated', 'Sign in first: no user for this session.');
      if (!key) throw new Failure(500, 'not-configured', 'INTELLIPROVE_API_KEY is not set.');
      const signal = AbortSignal.timeout(TIMEOUT_MS);
      return answer(200, await issue({ key, base, signal }, user, asked));
    } catch (error) {
      const failure =
        error instanceof Failure
          ? error
          : new Failure(500, 'internal-error', `The token endpoint failed: ${error}`);
      const message = redact(failure.message, key);
      if (failure.status >= 500) console.error('intelliprove token endpoint:', message);
      if (failure.code === 'internal-error')
        return answer(500, { error: failure.code, message: 'The token endpoint failed.' });
      const allow = failure.status === 405 ? { allow: 'POST' } : {};
      return answer(failure.status, { error: failure.code, message }, allow);
    }
  },
};
