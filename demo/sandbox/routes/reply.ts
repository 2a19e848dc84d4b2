/**
 * How the sandbox engine answers, the way IntelliProve's FastAPI does: `{"detail": …}` errors,
 * 422 with `loc`/`msg`/`type` for bad input — and the checks of bodies and parameters that
 * produce them.
 */
import type { IncomingMessage } from 'node:http';
import { readBody } from '../http-util.js';

/** An answer a route gives, or throws. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export const fail = (status: number, detail: unknown) => new Reply(status, { detail });
export const invalid = (loc: (string | number)[], msg: string, type: string) =>
  new Reply(422, { detail: [{ loc, msg, type }] });
export const missing = (where: 'query' | 'body', name: string) =>
  invalid([where, name], 'field required', 'value_error.missing');
/** 200 with `body`, or 204 when there is nothing (`null`, or an empty list). */
export const okOrEmpty = (body: unknown) =>
  body === null || (Array.isArray(body) && body.length === 0)
    ? new Reply(204, null)
    : new Reply(200, body);

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The value of an enumeration, or a 422 naming what is permitted. */
export function oneOf<T extends string>(
  value: unknown,
  permitted: readonly T[],
  loc: (string | number)[],
): T {
  if (typeof value === 'string' && (permitted as readonly string[]).includes(value))
    return value as T;
  const list = permitted.map((p) => `'${p}'`).join(', ');
  throw invalid(
    loc,
    `value is not a valid enumeration member; permitted: ${list}`,
    'type_error.enum',
  );
}

export async function jsonBody(req: IncomingMessage): Promise<unknown> {
  let text: string;
  try {
    text = await readBody(req);
  } catch {
    throw fail(413, 'Request body too large.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalid(
      ['body', 0],
      'Expecting value: request body is not valid JSON',
      'value_error.jsondecode',
    );
  }
}

export function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid(['body'], 'value is not a valid dict', 'type_error.dict');
  }
  return body as Record<string, unknown>;
}

export function intParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw))
    throw invalid(['query', name], 'value is not a valid integer', 'type_error.integer');
  const value = Number(raw);
  if (value < min || value > max) {
    throw invalid(
      ['query', name],
      `ensure this value is between ${min} and ${max}`,
      'value_error.number.not_in_range',
    );
  }
  return value;
}

/** A date-time query parameter as seconds since 1970, or null when it is not given. */
export function dateParam(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms))
    throw invalid(['query', name], 'invalid datetime format', 'value_error.datetime');
  return ms / 1000;
}
