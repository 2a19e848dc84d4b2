/**
 * Numbers, dates and relative times through `Intl`, with a small cache of
 * formatters (building one is far slower than using it). No DOM: safe to import in Node.
 */
import type { Language } from '../contract.js';

const CACHE_LIMIT = 200;
const cache = new Map<string, object>();

/** The formatter for `key`, built by `make` on first use; the oldest entry goes past the limit. */
export function cached<T extends object>(key: string, make: () => T): T {
  const hit = cache.get(key);
  if (hit) {
    // Move to the back so the least recently used entry is the one evicted.
    cache.delete(key);
    cache.set(key, hit);
    return hit as T;
  }
  const made = make();
  cache.set(key, made);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return made;
}

/** A cached `Intl.NumberFormat` for `lang` and `options`. */
export function numberFormat(
  lang: Language,
  options?: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  return cached(`number|${lang}|${JSON.stringify(options ?? {})}`, () => {
    return new Intl.NumberFormat(lang, options);
  });
}

/** `value` as `lang` writes numbers, e.g. nl `1.234,5`. */
export function formatNumber(
  lang: Language,
  value: number,
  options?: Intl.NumberFormatOptions,
): string {
  return numberFormat(lang, options).format(value);
}

/** A cached `Intl.DateTimeFormat` for `lang` and `options`. */
export function dateTimeFormat(
  lang: Language,
  options?: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return cached(`date|${lang}|${JSON.stringify(options ?? {})}`, () => {
    return new Intl.DateTimeFormat(lang, options);
  });
}

const DATE_TIME_DEFAULT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

// Options that choose what to show; without any of them the default (medium date, short time) applies.
const COMPONENT_OPTIONS = [
  'dateStyle',
  'timeStyle',
  'weekday',
  'era',
  'year',
  'month',
  'day',
  'dayPeriod',
  'hour',
  'minute',
  'second',
  'fractionalSecondDigits',
  'timeZoneName',
] as const;

/**
 * `date` as `lang` writes dates, by default a medium date and a short time. Options that only
 * adjust (such as `timeZone` or `hourCycle`) keep that default.
 */
export function formatDateTime(
  lang: Language,
  date: Date,
  options: Intl.DateTimeFormatOptions = DATE_TIME_DEFAULT,
): string {
  const choosesFields = COMPONENT_OPTIONS.some((name) => options[name] !== undefined);
  const effective = choosesFields ? options : { ...DATE_TIME_DEFAULT, ...options };
  return dateTimeFormat(lang, effective).format(date);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;
const MONTH = YEAR / 12;

/**
 * How long ago or ahead `date` is from `now`, in the largest fitting unit:
 * "now", "5 minutes ago", "2 hours ago", "in 3 days", "last month", "2 years ago".
 */
export function formatRelativeTime(lang: Language, date: Date, now: Date = new Date()): string {
  const diff = date.getTime() - now.getTime();
  const size = Math.abs(diff);
  let value: number;
  let unit: Intl.RelativeTimeFormatUnit;
  if (size < 45 * SECOND) [value, unit] = [diff / SECOND, 'second'];
  else if (size < 45 * MINUTE) [value, unit] = [diff / MINUTE, 'minute'];
  else if (size < 22 * HOUR) [value, unit] = [diff / HOUR, 'hour'];
  else if (size < 26 * DAY) [value, unit] = [diff / DAY, 'day'];
  else if (size < 11 * MONTH) [value, unit] = [diff / MONTH, 'month'];
  else [value, unit] = [diff / YEAR, 'year'];
  const rtf = cached(
    `relative|${lang}`,
    () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }),
  );
  // Round halves away from zero, so 90 minutes ago and ahead both read "2 hours"; `|| 0` turns
  // -0 into 0, which reads "now".
  const rounded = Math.sign(value) * Math.round(Math.abs(value)) || 0;
  return rtf.format(rounded, unit);
}
