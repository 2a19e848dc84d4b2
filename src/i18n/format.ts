/**
 * Numbers, dates and relative times through `Intl`, with a small cache of
 * formatters (building one is far slower than using it). No DOM: safe to import in Node.
 */
import type { Language } from '../protocol/contract.js';

const cache = new Map<string, object>();

/**
 * The formatter for `key`, built by `make` on first use. Keys come from the kit's own fixed
 * option sets, five languages each, so the cache stays small without evicting.
 */
export function cached<T extends object>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) cache.set(key, (formatter = make()));
  return formatter;
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

/** `date` as `lang` writes dates: by default a medium date and a short time. */
export function formatDateTime(
  lang: Language,
  date: Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return dateTimeFormat(lang, options).format(date);
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
