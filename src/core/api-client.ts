/**
 * Reads the provider's JSON API for the data elements: `Authorization: Token <action token>`
 * (or the provider's scheme), 204 → "no data", `{"detail"}` and 422 bodies turned into readable
 * errors, 401 → one token renewal and one retry. Identical GETs in flight are made once, and
 * answers are kept a few seconds, so six gauges make one `/v2/metrics` call. A completed face
 * scan (or `reload()`) drops what was kept for that token endpoint.
 */
import { IpError } from './errors.js';
import { onScanCompleted } from './scan-signal.js';
import { apiToken, dropToken, endpointKey, type TokenSource } from './token-cache.js';

export interface ApiContext extends TokenSource {
  apiBase: string;
  /** The `Authorization` scheme: `Token` (IntelliProve) or `profile` (Sahha). */
  scheme: string;
}

export type ApiResult<T> = { kind: 'data'; data: T } | { kind: 'empty' };

const KEEP_MS = 10 * 1000;

interface Kept {
  promise: Promise<ApiResult<unknown>>;
  at: number;
  endpoint: string;
}

// Shared through a global symbol: the script-tag build's chunks share in-flight requests too.
const KEY = Symbol.for('intelliprove-widgets.api-answers');
const shared = globalThis as unknown as Record<
  symbol,
  { kept: Map<string, Kept>; invalidated: Set<string> } | undefined
>;
const { kept, invalidated: invalidatedThisTask } = (shared[KEY] ??= {
  kept: new Map(),
  invalidated: new Set(),
});

/**
 * Drops what was kept for `tokenEndpoint`, so the next reads fetch fresh data. Several calls
 * in the same task (N elements reloading at once) drop once, so they still share one request.
 */
export function invalidate(tokenEndpoint: string): void {
  const endpoint = endpointKey(tokenEndpoint);
  if (invalidatedThisTask.has(endpoint)) return;
  invalidatedThisTask.add(endpoint);
  queueMicrotask(() => invalidatedThisTask.delete(endpoint));
  for (const [key, entry] of kept) if (entry.endpoint === endpoint) kept.delete(key);
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

async function send(context: ApiContext, path: string, token: string): Promise<Response> {
  try {
    return await fetch(`${context.apiBase.replace(/\/+$/, '')}${path}`, {
      headers: { authorization: `${context.scheme} ${token}`, accept: 'application/json' },
      credentials: 'omit',
    });
  } catch (error) {
    throw new IpError(
      'api-error',
      `Could not reach ${context.apiBase} (${error instanceof Error ? error.message : error}). ` +
        `Check api-base (or data-api-base), and the page's CSP connect-src.`,
    );
  }
}

async function read<T>(context: ApiContext, path: string): Promise<ApiResult<T>> {
  let grant = await apiToken(context);
  let response = await send(context, path, grant.token!);
  if (response.status === 401) {
    dropToken(context, grant.token!);
    grant = await apiToken(context);
    response = await send(context, path, grant.token!);
  }
  if (response.status === 204) return { kind: 'empty' };
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
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

/** GETs `path` from the provider API, sharing identical reads made at about the same time. */
export function apiGet<T>(context: ApiContext, path: string): Promise<ApiResult<T>> {
  const endpoint = endpointKey(context.tokenEndpoint);
  const key = `${endpoint}|${context.apiBase}${path}`;
  const entry = kept.get(key);
  if (entry && Date.now() - entry.at < KEEP_MS) return entry.promise as Promise<ApiResult<T>>;
  const promise = read<T>(context, path);
  const fresh: Kept = { promise, at: Date.now(), endpoint };
  kept.set(key, fresh);
  promise.catch(() => {
    if (kept.get(key) === fresh) kept.delete(key); // errors are not kept
  });
  return promise;
}

/** The token grant behind `context` (cached): the user's stored unit system and language. */
export function userPreferences(context: TokenSource) {
  return apiToken(context).then((grant) => ({
    unitSystem: grant.unitSystem,
    language: grant.language,
  }));
}
