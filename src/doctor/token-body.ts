/**
 * What a token endpoint's answer says, held against what the kit accepts — judged by the
 * kit's own parser and plug-in URL rule: valid JSON, no secrets, the token or URL the purpose
 * needs, a plug-in URL the kit would load, and an expiry it can read.
 */
import { IpError } from '../core/errors.js';
import { parseGrant } from '../core/token-grant.js';
import type { TokenRequest } from '../protocol/contract.js';
import { checkPluginUrl, MAX_URL_LENGTH } from '../protocol/origins.js';
import { fail, pass, type Check } from './report.js';
import { secretsIn } from './secrets.js';
import type { AskOptions, Endpoint } from './token-request.js';

/** An ISO-8601 date-time that ends in `Z` or an offset such as `+02:00`. */
const WITH_OFFSET = /T[\d:.]+(Z|[+-]\d\d:?\d\d)$/i;

/** Checks the body of a 200 JSON answer; returns the plug-in URL it gave, if the kit would load it. */
export function checkBody(
  group: string,
  endpoint: Endpoint,
  request: TokenRequest,
  response: Response,
  text: string,
  options: AskOptions,
  checks: Check[],
): URL | undefined {
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
      if (url && url.href.length > MAX_URL_LENGTH) {
        checks.push(
          fail(
            group,
            `Its plug-in URL is ${url.href.length} characters long, more than a browser loads (${MAX_URL_LENGTH}): the kit refuses it.`,
            'Return the URL IntelliProve gave, unaltered.',
          ),
        );
        url = undefined;
      } else if (url) checks.push(pass(group, `The kit accepts its plug-in URL (${url.origin}).`));
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
