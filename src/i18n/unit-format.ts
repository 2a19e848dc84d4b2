/**
 * Numbers in an `Intl` unit (`style: 'unit'`), with a symbol where the browser lacks it. A
 * module of its own: only the gauges and the Sahha provider show such units, and a cards page
 * does not carry it (a lazy chunk's imports from the entry chunk would otherwise land there).
 */
import type { Language } from '../protocol/contract.js';
import { formatNumber } from './format.js';

/**
 * `value` in an `Intl` unit (`minute`, `hour`, …), short, e.g. nl "45 min"; `symbol` after the
 * number where the browser lacks `style: 'unit'`.
 */
export function formatUnit(lang: Language, value: number, unit: string, symbol: string): string {
  if (!supportsUnitStyle()) return `${formatNumber(lang, value)} ${symbol}`;
  return formatNumber(lang, value, { style: 'unit', unit, unitDisplay: 'short' });
}

let unitStyle: boolean | undefined;

/** Whether `Intl.NumberFormat` knows `style: 'unit'` (all current browsers; checked once). */
export function supportsUnitStyle(): boolean {
  if (unitStyle === undefined) {
    try {
      new Intl.NumberFormat('en', { style: 'unit', unit: 'kilogram' });
      unitStyle = true;
    } catch {
      unitStyle = false;
    }
  }
  return unitStyle;
}
