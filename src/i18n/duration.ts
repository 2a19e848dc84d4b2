/**
 * Durations through `Intl.DurationFormat` where the browser has it. Only Sahha's sleep
 * cards show one, so it is a module of its own that their chunk carries.
 */
import type { Language } from '../protocol/contract.js';
import { cached } from './format.js';
import { formatUnit } from './unit-format.js';

/** The part of `Intl.DurationFormat` (ES2025) used here; TypeScript's lib may not have it yet. */
interface DurationFormatLike {
  format(duration: { hours?: number; minutes?: number }): string;
}
type DurationFormatConstructor = new (
  lang: string,
  options: { style: 'short'; minutesDisplay?: 'always' | 'auto' },
) => DurationFormatLike;

function durationFormatConstructor(): DurationFormatConstructor | undefined {
  return (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
}

/**
 * `minutes` as hours and minutes, e.g. en "7 hr, 32 min" (`Intl.DurationFormat`) or
 * "7 hr 32 min" (where that is missing). A zero part is left out ("45 min", "8 hr"); the value
 * is rounded to whole minutes and a negative one counts as zero.
 */
export function formatDuration(lang: Language, minutes: number): string {
  const total = Math.max(0, Math.round(minutes)) || 0;
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const DurationFormat = durationFormatConstructor();
  if (DurationFormat) {
    // With every part zero DurationFormat shows nothing by default, so ask for "0 min".
    const minutesDisplay = total === 0 ? 'always' : 'auto';
    const df = cached(
      `duration|${lang}|${minutesDisplay}`,
      () => new DurationFormat(lang, { style: 'short', minutesDisplay }),
    );
    return df.format({ hours, minutes: rest });
  }
  const parts: string[] = [];
  if (hours > 0) parts.push(formatUnit(lang, hours, 'hour', 'h'));
  if (rest > 0 || hours === 0) parts.push(formatUnit(lang, rest, 'minute', 'min'));
  return parts.join(' ');
}
