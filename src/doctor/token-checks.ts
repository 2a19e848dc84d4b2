/**
 * The token endpoint, asked as the kit asks it (CONTRACT §5): once per purpose with the
 * integrator's session headers, and once without them. Each answer is held against what the
 * kit accepts — judged by the kit's own parser and plug-in URL rule.
 */
import { IpError } from '../core/errors.js';
import { parseGrant } from '../core/token-grant.js';
import type { TokenPurpose, TokenRequest } from '../protocol/contract.js';
import { checkPluginUrl, type ProviderId } from '../protocol/origins.js';
import { fail, pass, type Check } from './report.js';
import { secretsIn } from './secrets.js';

export interface Endpoint {
  url: URL;
  provider: ProviderId;
}

export interface AskOptions {
  /** The page's URL: its origin is the `Origin` the kit's requests carry. */
  page: URL;
  headers: ReadonlyArray<readonly [string, string]>;
  allowedOrigins: readonly string[];
  timeoutMs: number;
}

/** What the checks found out besides: the plug-in URLs the endpoint gave, by purpose. */
export interface EndpointFindings {
  checks: Check[];
  pluginUrls: Array<{ purpose: TokenPurpose; url: URL }>;
}

const PURPOSES: Record<ProviderId, TokenPurpose[]> = {
  intelliprove: ['api', 'face-scan', 'dashboard'],
  sahha: ['api'],
};
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
/** An ISO-8601 date-time that ends in `Z` or an offset such as `+02:00`. */
const WITH_OFFSET = /T[\d:.]+(Z|[+-]\d\d:?\d\d)$/i;

interface Answer {
  response?: Response;
  text: string;
  error?: string;
}

async function ask(
  endpoint: Endpoint,
  body: TokenRequest,
  options: AskOptions,
  withSession: boolean,
) {
  const headers = new Headers({ 'content-type': 'application/json', origin: options.page.origin });
  if (withSession) for (const [name, value] of options.headers) headers.append(name, value);
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return { response, text: await response.text() } satisfies Answer;
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${options.timeoutMs / 1000} s`
        : String((error as Error).cause ?? error);
    return { text: '', error: reason } satisfies Answer;
  }
}

const where = (response: Response, page: URL) => {
  const location = response.headers.get('location');
  return location ? new URL(location, page).href : 'somewhere (no Location header)';
};

/** Checks one purpose's answer; returns the plug-in URL it gave, if the kit would load it. */
function checkAnswer(
  group: string,
  endpoint: Endpoint,
  request: TokenRequest,
  answer: Answer,
  options: AskOptions,
  checks: Check[],
): URL | undefined {
  const { response, text } = answer;
  if (!response) {
    checks.push(
      fail(
        group,
        `The endpoint could not be reached: ${answer.error}.`,
        `Serve POST ${endpoint.url.pathname} on ${endpoint.url.origin}.`,
      ),
    );
    return;
  }
  const status = response.status;
  if (status >= 300 && status < 400) {
    checks.push(
      fail(
        group,
        `It redirects (${status}) to ${where(response, options.page)}.`,
        'Answer the request itself, with 200 and JSON. A redirect to a login page means the request carried no session: pass the signed-in session with --header (e.g. --header "Cookie: session=…"); for a request without one, answer 401.',
      ),
    );
    return;
  }
  if (status === 401 || status === 403) {
    checks.push(
      fail(
        group,
        `It answers ${status} with the headers given.`,
        options.headers.length
          ? 'The --header values do not make a signed-in session: copy them from a signed-in browser (DevTools → Network → the token request → Request Headers).'
          : 'Pass the signed-in session with --header (e.g. --header "Cookie: session=…").',
      ),
    );
    return;
  }
  if (status !== 200) {
    checks.push(
      fail(
        group,
        `It answers ${status}: ${text.slice(0, 120).trim() || 'no body'}.`,
        'Answer 200 with the JSON of CONTRACT §5; the kit retries 5xx a few times and gives up on any other status.',
      ),
    );
    return;
  }
  checks.push(pass(group, 'It answers 200.'));
  if (endpoint.url.origin !== options.page.origin)
    checks.push(checkCors(group, response, options.page));
  const type = response.headers.get('content-type') ?? '';
  if (!JSON_TYPE.test(type)) {
    checks.push(
      fail(
        group,
        `Its answer is ${type || 'untyped'}, not JSON${/html/i.test(type) ? ' (an HTML page: a login page, an error page, or another route)' : ''}.`,
        'Send the answer as "Content-Type: application/json".',
      ),
    );
    return;
  }
  checks.push(pass(group, 'Its answer is JSON.'));
  if (/(^|,)\s*no-store\s*(,|;|$)/i.test(response.headers.get('cache-control') ?? ''))
    checks.push(pass(group, 'It says "Cache-Control: no-store".'));
  else
    checks.push(
      fail(
        group,
        `It says "Cache-Control: ${response.headers.get('cache-control') ?? '(nothing)'}": a shared cache or the browser may keep one user's token for the next.`,
        'Send "Cache-Control: no-store" with every answer.',
      ),
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    checks.push(
      fail(
        group,
        'Its body is not valid JSON.',
        'Send a JSON object such as {"token": "…", "expires_at": "…"}.',
      ),
    );
    return;
  }
  const secrets = secretsIn(body, response.headers);
  if (secrets.length)
    checks.push(
      fail(
        group,
        `It sends what looks like a secret: ${secrets.join(', ')}.`,
        'Keep the API key, client secrets and account tokens on the server: answer only token or url, expires_at, unit_system and language.',
      ),
    );
  else checks.push(pass(group, 'Nothing in it looks like an API key or a client secret.'));
  let url: URL | undefined;
  try {
    const grant = parseGrant(body, request, endpoint.url.href);
    checks.push(
      pass(
        group,
        `Its answer has what the kit needs (${request.purpose === 'api' ? 'token' : 'url'}, as a string).`,
      ),
    );
    if (grant.url) {
      url = checkPluginUrl(grant.url, options.allowedOrigins) ?? undefined;
      if (url) checks.push(pass(group, `The kit accepts its plug-in URL (${url.origin}).`));
      else {
        const origin = URL.canParse(grant.url) ? new URL(grant.url).origin : grant.url.slice(0, 60);
        checks.push(
          fail(
            group,
            `The kit would refuse its plug-in URL (${origin}): only https://intelliprove.com, its subdomains and allowed-origins are loaded.`,
            `Return the URL IntelliProve gave, unaltered; or, for your own plug-in host, add "${origin}" to data-allowed-origins on the kit's script tag.`,
          ),
        );
      }
    }
  } catch (error) {
    checks.push(
      fail(
        group,
        IpError.from(error).message.replace(/ See CONTRACT §5\.$/, '.'),
        'Answer as CONTRACT §5 says: {"token": "…"} for purpose "api", {"url": "…"} (or the bare URL string) for the plug-ins, with "expires_at".',
      ),
    );
    return url;
  }
  checkExpiry(group, body, response, checks);
  return url;
}

/** A token endpoint on another origin must let the page read its answer (CORS). */
function checkCors(group: string, response: Response, page: URL): Check {
  const allowed = response.headers.get('access-control-allow-origin');
  if (allowed === page.origin)
    return pass(group, `It lets ${page.origin} read its answer (Access-Control-Allow-Origin).`);
  return fail(
    group,
    `It is on another origin than the page and ${allowed ? `allows only ${allowed}` : 'sends no Access-Control-Allow-Origin'}: the browser will not let the kit read it.`,
    `Answer with "Access-Control-Allow-Origin: ${page.origin}" (and "Access-Control-Allow-Credentials: true" with credentials="include" on the elements), or serve the endpoint from the page's origin.`,
  );
}

function checkExpiry(group: string, body: unknown, response: Response, checks: Check[]): void {
  if (typeof body === 'string') {
    checks.push(
      pass(
        group,
        'A bare URL string: the kit accepts it and assumes IntelliProve’s six hours; answering {"url", "expires_at"} lets it renew in time if your URLs live shorter.',
      ),
    );
    return;
  }
  const expires = (body as { expires_at?: unknown }).expires_at;
  if (typeof expires !== 'string') {
    checks.push(
      fail(
        group,
        'It gives no "expires_at".',
        'Add "expires_at": when the token or URL stops working, as ISO-8601 with a UTC offset (e.g. "2026-12-01T14:00:00Z").',
      ),
    );
    return;
  }
  if (!WITH_OFFSET.test(expires.trim())) {
    checks.push(
      fail(
        group,
        `Its "expires_at" (${expires}) has no UTC offset: read in another time zone, it is hours off.`,
        'End it in "Z" or an offset such as "+01:00" (in JavaScript, date.toISOString()).',
      ),
    );
    return;
  }
  // Judged on the endpoint's own clock (its Date header) when it sends one, as the kit does.
  const date = Date.parse(response.headers.get('date') ?? '');
  const now = Number.isNaN(date) ? Date.now() : date;
  if (Date.parse(expires) <= now)
    checks.push(
      fail(
        group,
        `Its "expires_at" (${expires}) is not in the future.`,
        'Give the time the token or URL stops working, later than now (check the server clock and the expiry arithmetic).',
      ),
    );
  else
    checks.push(
      pass(group, `Its "expires_at" (${expires}) has a UTC offset and is in the future.`),
    );
}

/** The endpoint, checked for each purpose its provider has, and without the session. */
export async function checkEndpoint(
  endpoint: Endpoint,
  options: AskOptions,
): Promise<EndpointFindings> {
  const checks: Check[] = [];
  const pluginUrls: EndpointFindings['pluginUrls'] = [];
  const label = `Token endpoint ${endpoint.url.href}${endpoint.provider === 'sahha' ? ' (Sahha)' : ''}`;
  for (const purpose of PURPOSES[endpoint.provider]) {
    const request: TokenRequest = {
      purpose,
      language: 'en',
      ...(purpose === 'dashboard' && { disabled_sections: [] }),
    };
    const answer = await ask(endpoint, request, options, true);
    const url = checkAnswer(
      `${label}, purpose "${purpose}"`,
      endpoint,
      request,
      answer,
      options,
      checks,
    );
    if (url) pluginUrls.push({ purpose, url });
  }
  const group = `${label}, without the session`;
  const { response, error } = await ask(
    endpoint,
    { purpose: 'api', language: 'en' },
    options,
    false,
  );
  if (!response)
    checks.push(
      fail(
        group,
        `The endpoint could not be reached: ${error}.`,
        `Serve POST ${endpoint.url.pathname}.`,
      ),
    );
  else if (response.status === 401 || response.status === 403)
    checks.push(pass(group, `It answers ${response.status}: no session, no token.`));
  else if (response.status >= 200 && response.status < 300)
    checks.push(
      fail(
        group,
        `It answers ${response.status} to a request without the session: it gives tokens to anyone.`,
        'Answer 401 when the request carries no signed-in session (with the server half: getUser returns null).',
      ),
    );
  else if (response.status >= 300 && response.status < 400)
    checks.push(
      fail(
        group,
        `It redirects (${response.status}) to ${where(response, options.page)} when there is no session.`,
        'Answer 401 instead: the kit shows its signed-out state on 401, and cannot follow a login page.',
      ),
    );
  else
    checks.push(
      fail(
        group,
        `It answers ${response.status} to a request without the session.`,
        'Answer 401 when the request carries no signed-in session.',
      ),
    );
  return { checks, pluginUrls };
}
