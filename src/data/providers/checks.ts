/**
 * What a provider's answer must look like before an element shows it: a shape the kit cannot
 * show is an `invalid-response` error, never a blank, a "NaN" or a guess.
 */
import { IpError } from '../../core/errors.js';
import { measured } from '../../units/format.js';
import type { ScoreReading } from './types.js';

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The error for an answer to GET `path` that is not what the provider documents. */
export const unexpected = (path: string, why: string) =>
  new IpError(
    'invalid-response',
    `The API answered GET ${path} with ${why}, which the kit cannot show. Is api-base the provider's API?`,
  );

/** `data` as a list of objects, or the error saying what it is instead. */
export function objects(data: unknown, path: string): Record<string, unknown>[] {
  if (!Array.isArray(data) || !data.every(isObject)) throw unexpected(path, 'no list of objects');
  return data;
}

/** `data` as an object, or the error saying what it is instead. */
export function object(data: unknown, path: string): Record<string, unknown> {
  if (!isObject(data)) throw unexpected(path, 'no JSON object');
  return data;
}

/**
 * A score as sent: null (none yet), a 0–100 number, or else "not available"; with its
 * confidence where that is a 0–100 number too.
 */
export function scoreOf(value: unknown, confidence?: unknown): ScoreReading {
  const score = measured(value, 'score');
  const sure = measured(confidence, 'percent');
  return {
    score,
    ...(value !== null && value !== undefined && score === null ? { unavailable: true } : {}),
    ...(score !== null && sure !== null ? { confidence: sure } : {}),
  };
}
