/**
 * The doctor's request to a token endpoint, made as the kit makes it (CONTRACT §5): a JSON
 * POST from the page's origin, with or without the integrator's session headers, never
 * following a redirect, and given up after a time.
 */
import type { TokenRequest } from '../protocol/contract.js';
import type { ProviderId } from '../protocol/origins.js';

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

/** What came back: the response and its body, or why there was none. */
export interface Answer {
  response?: Response;
  text: string;
  error?: string;
}

/** Asks `endpoint` for `body`, with the session headers when `withSession`. */
export async function ask(
  endpoint: Endpoint,
  body: TokenRequest,
  options: AskOptions,
  withSession: boolean,
): Promise<Answer> {
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
    return { response, text: await response.text() };
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${options.timeoutMs / 1000} s`
        : String((error as Error).cause ?? error);
    return { text: '', error: reason };
  }
}

/** Where a redirect points, resolved against the page. */
export const where = (response: Response, page: URL) => {
  const location = response.headers.get('location');
  return location ? new URL(location, page).href : 'somewhere (no Location header)';
};
