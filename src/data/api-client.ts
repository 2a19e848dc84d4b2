/**
 * Reads the provider's JSON API for the data elements: `Authorization: Token <action token>`
 * (or the provider's scheme), 204 → "no data", `{"detail"}` and 422 bodies turned into readable
 * errors, 401 → one token renewal and one retry. Identical reads are made once while an element
 * waits for or shows their answer (six gauges make one `/v2/metrics` call); an answer is kept
 * only that long, never past its token's life, and in its session only (session.ts). A read
 * that nobody waits for any more is aborted; one without an answer gives up after
 * `API_TIMEOUT_MS` on the wire (a few per origin at once: request-gate.ts). A completed face
 * scan (or `reload()`) drops what was kept for that token endpoint.
 */
import { watchConnect } from '../core/connect-policy.js';
import { originOf } from '../protocol/origins.js';
import { IpError } from '../core/errors.js';
import { onScanCompleted } from '../core/scan-signal.js';
import { sessionOf, sessionsOf } from '../core/session.js';
import { isTimeout } from '../core/abort.js';
import type { Deadline } from '../core/deadline.js';
import { throughGate } from './request-gate.js';
import { SharedRequest, type Lease } from './shared-request.js';
import { apiToken, dropToken, tokenExpiry, type TokenSource } from './token-cache.js';

export interface ApiContext extends TokenSource {
  apiBase: string;
  /** The `Authorization` scheme: `Token` (IntelliProve) or `profile` (Sahha). */
  scheme: string;
  /** Holds the answers the element's reading comes from. */
  lease: Lease;
  /** Ends the element's wait (it left, its inputs changed, or its time ran out). */
  signal?: AbortSignal;
  /** The element's time limit, which stands still while its reads wait for their turn. */
  deadline?: Deadline;
}

export type ApiResult<T> = { kind: 'data'; data: T } | { kind: 'empty' };

const invalidatedThisTask = new Set<string>();

/**
 * Drops what was kept for `tokenEndpoint`, so the next reads fetch fresh data. Several calls
 * in the same task (N elements reloading at once) drop once, so they still share one request.
 */
export function invalidate(tokenEndpoint: string): void {
  const sessions = sessionsOf(tokenEndpoint);
  const endpoint = sessions[0]?.endpoint;
  if (!endpoint || invalidatedThisTask.has(endpoint)) return;
  invalidatedThisTask.add(endpoint);
  setTimeout(() => invalidatedThisTask.delete(endpoint));
  for (const session of sessions) session.answers.clear();
}

// Registered at import, before any element listens: data is dropped before elements reload.
if (typeof document !== 'undefined')
  onScanCompleted((scan) => scan.tokenEndpoint && invalidate(scan.tokenEndpoint));

function describeError(status: number, body: unknown): string {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    return detail
      .map(
        (item: { loc?: unknown[]; msg?: string }) =>
          `${(item.loc ?? []).join('.')}: ${item.msg ?? 'invalid'}`,
      )
      .join('; ');
  }
  return `HTTP ${status}`;
}

/** The error of a read that broke off or had no answer in time. */
function unanswered(context: ApiContext, path: string, error: unknown): IpError {
  const why = isTimeout(error)
    ? `did not answer GET ${path} in time`
    : `could not be reached (${error instanceof Error ? error.message : error})`;
  return new IpError(
    'api-error',
    `${context.apiBase} ${why}. Check api-base (or data-api-base), and the page's CSP connect-src.`,
  );
}

/**
 * One GET with `token`, its body read whole, within `API_TIMEOUT_MS` from when it goes on the
 * wire (after its turn at the gate, request-gate.ts) or until `aborted`. While it waits for its
 * turn, the time limits of the elements waiting on `request` stand still.
 */
function send(
  context: ApiContext,
  path: string,
  token: string,
  aborted: AbortSignal,
  request: SharedRequest<unknown>,
): Promise<{ status: number; text: string }> {
  const url = `${context.apiBase.replace(/\/+$/, '')}${path}`;
  // (A URL that is no URL stands for itself: fetch fails on it, and that is reported.)
  const origin = originOf(url, document.baseURI) ?? url;
  const get = async (signal: AbortSignal) => {
    watchConnect(context.apiBase);
    const response = await fetch(url, {
      headers: { authorization: `${context.scheme} ${token}`, accept: 'application/json' },
      credentials: 'omit',
      signal,
    });
    return { status: response.status, text: await response.text() };
  };
  return throughGate(origin, aborted, get, (queued) => (request.queued = queued)).catch(
    (error: unknown) => {
      aborted.throwIfAborted();
      throw unanswered(context, path, error);
    },
  );
}

async function read<T>(
  context: ApiContext,
  path: string,
  request: SharedRequest<ApiResult<T>>,
  aborted: AbortSignal,
): Promise<ApiResult<T>> {
  let token = (await apiToken(context, aborted)).token!;
  let response = await send(context, path, token, aborted, request);
  if (response.status === 401) {
    dropToken(context, token);
    token = (await apiToken(context, aborted)).token!;
    response = await send(context, path, token, aborted, request);
  }
  // Kept no longer than the token it was read with.
  request.validUntil = tokenExpiry(context, token);
  if (response.status === 204) return { kind: 'empty' };
  let body: unknown = null;
  try {
    body = response.text ? JSON.parse(response.text) : null;
  } catch {
    body = null;
  }
  if (response.status < 200 || response.status > 299) {
    throw new IpError(
      'api-error',
      `The API answered ${response.status} to GET ${path}: ${describeError(response.status, body)}.`,
      response.status,
    );
  }
  if (body === null)
    throw new IpError('api-error', `The API answered GET ${path} with no JSON.`, response.status);
  return { kind: 'data', data: body as T };
}

/** GETs `path` from the provider API for the element holding `context.lease`, sharing identical reads. */
export async function apiGet<T>(context: ApiContext, path: string): Promise<ApiResult<T>> {
  const { answers } = sessionOf(context);
  const key = `${context.scheme} ${context.apiBase}${path}`;
  let request = answers.get(key) as SharedRequest<ApiResult<T>> | undefined;
  if (!request?.usable) {
    const fresh = new SharedRequest<ApiResult<T>>(
      (signal, self) => read<T>(context, path, self, signal),
      () => answers.get(key) === fresh && answers.delete(key),
    );
    answers.set(key, fresh);
    request = fresh;
  }
  try {
    return await request.take(context.lease, context.signal, context.deadline);
  } catch (error) {
    if (!isTimeout(error)) throw error;
    throw unanswered(context, path, error);
  }
}

/** The token grant behind `context` (cached): the user's stored unit system and language. */
export function userPreferences(context: ApiContext) {
  return apiToken(context, context.signal).then((grant) => ({
    unitSystem: grant.unitSystem,
    language: grant.language,
  }));
}
