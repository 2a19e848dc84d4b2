/**
 * What every token handler shares: its options, the flow from request to user to answer, and
 * the two adapters with their deadline, limits and redaction. A provider adds only how it
 * turns a user and a request into a token or URL.
 */
import type { TokenRequest, TokenResponse } from '../protocol/contract.js';
import { toFetchHandler, toNodeHandler, type CoreHandler } from './adapters.js';
import { DEFAULT_MAX_BODY_BYTES, type NodeRequest } from './body.js';
import { systemClock, type Clock } from './clock.js';
import type { Deadline } from './deadline.js';
import { HttpError } from './http-error.js';
import { Secrets, reporter } from './secrets.js';
import { parseTokenRequest } from './token-request.js';
import { upstreamClient, type UpstreamOptions } from './upstream.js';

/** The request a framework hands to the handler: a Fetch `Request` or a Node/Express `req`. */
export type HostRequest = Request | NodeRequest;

/**
 * Returns the host's own id for the signed-in user, or null when nobody is signed in.
 * `signal` aborts when the request's deadline passes (pass it to a session-store lookup).
 */
export type GetUser<R extends HostRequest = HostRequest> = (
  request: R,
  context: { signal: AbortSignal },
) => string | null | undefined | Promise<string | null | undefined>;

/** Options every token handler takes. */
export interface HandlerOptions {
  /** The external user id of the signed-in user, from the host's own session. */
  getUser: GetUser;
  /**
   * Milliseconds the whole request may take: reading its body, `getUser` and every upstream
   * call together. Past it the handler answers 504 and aborts what is pending. Default 10 000.
   */
  timeoutMs?: number;
  /** Largest accepted request body in bytes. Default 16 KiB. */
  maxBodyBytes?: number;
  /** Receives upstream failures, timeouts and unexpected errors, redacted. Default `console.error`. */
  onError?: (error: Error) => void;
  /** Fetch implementation for upstream calls (tests, proxies). Default global `fetch`. */
  fetch?: typeof fetch;
  /**
   * The clock the handler goes by: `now()` (ms since 1970, as `Date.now()`) for expiries,
   * renewals and caches, and `after(ms, callback)` (returns a function that cancels it) for the
   * deadline. Default: the system clock (`Date.now`, `setTimeout`). Tests pass a fake one to
   * move time without waiting.
   */
  clock?: Clock;
}

export interface TokenHandler {
  /** Fetch API runtimes (Next.js route handlers, Deno, Bun, workers): `(Request) => Response`. */
  fetch: (request: Request) => Promise<Response>;
  /** Node `http`, Express and Connect: `(req, res)`. */
  node: (
    req: NodeRequest,
    res: import('node:http').ServerResponse,
    next?: (error?: unknown) => void,
  ) => Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The provider-independent parts of a handler, from its options, its fixed secrets and its
 * upstream: checked options, redaction, reports, the clock and the upstream client.
 */
export function handlerBase(
  factory: string,
  options: HandlerOptions,
  secrets: string[],
  upstream: Pick<UpstreamOptions, 'name' | 'base'>,
) {
  if (typeof options.getUser !== 'function') {
    throw new TypeError(
      `${factory}: \`getUser(request)\` is required and must return the signed-in user id.`,
    );
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // setTimeout fires at once for anything past 2^31 - 1 ms (about 24.8 days).
  if (!(timeoutMs > 0 && timeoutMs <= 2 ** 31 - 1)) {
    throw new TypeError(`${factory}: \`timeoutMs\` must be a positive number of milliseconds.`);
  }
  const guarded = new Secrets(secrets);
  const report = reporter(options.onError, guarded);
  const clock = options.clock ?? systemClock;
  const fetchImpl = options.fetch ?? fetch;
  return {
    timeoutMs,
    secrets: guarded,
    report,
    clock,
    upstream: upstreamClient({ ...upstream, fetch: fetchImpl, secrets: guarded, report, clock }),
  };
}

export interface ServeSpec {
  options: HandlerOptions;
  shared: ReturnType<typeof handlerBase>;
  /** Names the handler in reports of unexpected failures ("The Sahha token handler"). */
  label: string;
  /** Throws a 400 for a request this provider does not serve (checked before `getUser`). */
  accept?: (request: TokenRequest) => void;
  /** The answer for a valid request of a signed-in user, within `deadline`. */
  issue: (externalId: string, request: TokenRequest, deadline: Deadline) => Promise<TokenResponse>;
}

/** The `.fetch` and `.node` handlers: body → `getUser` → `issue`, all within one deadline. */
export function serveTokens(spec: ServeSpec): TokenHandler {
  const core: CoreHandler<HostRequest> = async ({ body, request, deadline }) => {
    const parsed = parseTokenRequest(body);
    spec.accept?.(parsed);
    deadline.waitingFor = 'getUser';
    const externalId = await spec.options.getUser(request, { signal: deadline.signal });
    if (typeof externalId !== 'string' || externalId === '') {
      throw new HttpError(401, 'unauthenticated', 'Sign in first: no user for this session.');
    }
    return { status: 200, body: await spec.issue(externalId, parsed, deadline) };
  };
  const settings = {
    maxBodyBytes: spec.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    timeoutMs: spec.shared.timeoutMs,
    clock: spec.shared.clock,
    secrets: spec.shared.secrets,
    report: spec.shared.report,
    label: spec.label,
  };
  return { fetch: toFetchHandler(core, settings), node: toNodeHandler(core, settings) };
}
