/**
 * The token endpoint, asked as the kit asks it (CONTRACT §5): once per purpose with the
 * integrator's session headers, and once without them. Each answer is held against what the
 * kit accepts (token-response.ts: how it came back; token-body.ts: what it says).
 */
import type { TokenPurpose, TokenRequest } from '../protocol/contract.js';
import type { ProviderId } from '../protocol/origins.js';
import { fail, pass, type Check } from './report.js';
import { checkBody } from './token-body.js';
import { ask, where, type AskOptions, type Endpoint } from './token-request.js';
import { checkResponse } from './token-response.js';

export type { AskOptions, Endpoint };

/** What the checks found out besides: the plug-in URLs the endpoint gave, by purpose. */
export interface EndpointFindings {
  checks: Check[];
  pluginUrls: Array<{ purpose: TokenPurpose; url: URL }>;
}

const PURPOSES: Record<ProviderId, TokenPurpose[]> = {
  intelliprove: ['api', 'face-scan', 'dashboard'],
  sahha: ['api'],
};

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
    const group = `${label}, purpose "${purpose}"`;
    const answer = await ask(endpoint, request, options, true);
    const response = checkResponse(group, endpoint, answer, options, checks);
    const url =
      response && checkBody(group, endpoint, request, response, answer.text, options, checks);
    if (url) pluginUrls.push({ purpose, url });
  }
  checks.push(await checkWithoutSession(`${label}, without the session`, endpoint, options));
  return { checks, pluginUrls };
}

/** Asked without the session, the endpoint must refuse (401 or 403). */
async function checkWithoutSession(
  group: string,
  endpoint: Endpoint,
  options: AskOptions,
): Promise<Check> {
  const request: TokenRequest = { purpose: 'api', language: 'en' };
  const { response, error } = await ask(endpoint, request, options, false);
  if (!response)
    return fail(
      group,
      `The endpoint could not be reached: ${error}.`,
      `Serve POST ${endpoint.url.pathname}.`,
    );
  const { status } = response;
  if (status === 401 || status === 403)
    return pass(group, `It answers ${status}: no session, no token.`);
  if (status >= 200 && status < 300)
    return fail(
      group,
      `It answers ${status} to a request without the session: it gives tokens to anyone.`,
      'Answer 401 when the request carries no signed-in session (with the server half: getUser returns null).',
    );
  if (status >= 300 && status < 400)
    return fail(
      group,
      `It redirects (${status}) to ${where(response, options.page)} when there is no session.`,
      'Answer 401 instead: the kit shows its signed-out state on 401, and cannot follow a login page.',
    );
  return fail(
    group,
    `It answers ${status} to a request without the session.`,
    'Answer 401 when the request carries no signed-in session.',
  );
}
