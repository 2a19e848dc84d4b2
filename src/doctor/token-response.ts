/**
 * How a token endpoint's answer came back, held against what the kit accepts: it was reached,
 * answered 200 (not a redirect to a login page, not 401), readable from the page (CORS), JSON,
 * and not to be cached.
 */
import { fail, pass, type Check } from './report.js';
import { where, type Answer, type AskOptions, type Endpoint } from './token-request.js';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** Checks how `answer` came back; returns its response if its body is worth reading. */
export function checkResponse(
  group: string,
  endpoint: Endpoint,
  answer: Answer,
  options: AskOptions,
  checks: Check[],
): Response | undefined {
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
  return response;
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
