/**
 * Health values as a reader expects them: the number written the way their language writes
 * numbers, in the unit system they chose. Values always come in the metric/base unit.
 */
import type { Language, UnitSystem } from '../contract.js';
import { formatDuration, formatNumber, numberFormat, supportsUnitStyle } from '../i18n/format.js';
import { cmToFeetInches, cmToIn, cToF, kgToLb, kmToMi } from './convert.js';

/** What the kit shows, each with the unit its values come in. */
export const QUANTITIES = [
  'mass', // kg
  'height', // cm
  'length', // cm
  'distance', // km
  'temperature', // °C
  'heart-rate', // beats per minute
  'respiratory-rate', // breaths per minute
  'duration-ms', // milliseconds
  'blood-pressure', // mmHg
  'score', // 0–100
  'percent', // 0–100
  'energy', // kcal
  'count', // e.g. steps
  'sleep-duration', // minutes
  'vo2max', // ml/kg/min
  'bmi', // kg/m²
] as const;
export type Quantity = (typeof QUANTITIES)[number];

/** Unit words a page may translate or restyle; the rest come from `Intl`. */
export type QuantityLabel = 'bpm' | 'breaths-per-minute' | 'mmhg' | 'score';

const DEFAULT_LABELS: Record<QuantityLabel, string> = {
  bpm: 'bpm',
  'breaths-per-minute': 'breaths/min',
  mmhg: 'mmHg',
  score: '/ 100',
};

export interface FormatQuantityOptions {
  lang: Language;
  unitSystem: UnitSystem;
  /** Overrides for the unit words `Intl` does not know (defaults: bpm, breaths/min, mmHg, / 100). */
  labels?: Partial<Record<QuantityLabel, string>>;
}

/**
 * A formatted value, split so an element can style the parts (`part="value"`, `part="unit"`).
 * `text` is how it reads as a whole. For a value that is one compound phrase (imperial height
 * "5 ft 9 in", sleep "7 hr, 32 min") the whole phrase is in `value` and `unit` is empty;
 * a plain count has no unit either.
 */
export interface FormattedQuantity {
  value: string;
  unit: string;
  text: string;
}

/** `Intl` units used here, with the symbol shown where `style: 'unit'` is not supported. */
const FALLBACK_SYMBOLS = {
  kilogram: 'kg',
  pound: 'lb',
  centimeter: 'cm',
  inch: 'in',
  foot: 'ft',
  kilometer: 'km',
  mile: 'mi',
  celsius: '°C',
  fahrenheit: '°F',
  millisecond: 'ms',
} as const;
type IntlUnit = keyof typeof FALLBACK_SYMBOLS;

const NUMBER_PARTS = new Set<string>([
  'minusSign',
  'plusSign',
  'integer',
  'group',
  'decimal',
  'fraction',
  'nan',
  'infinity',
]);

/** Splits an `Intl` formatting into its number and its unit (or percent sign). */
function split(format: Intl.NumberFormat, value: number): FormattedQuantity {
  let number = '';
  let unit = '';
  for (const part of format.formatToParts(value)) {
    if (NUMBER_PARTS.has(part.type)) number += part.value;
    else if (part.type === 'unit' || part.type === 'percentSign') unit += part.value;
  }
  return { value: number, unit, text: format.format(value) };
}

/** `value` in an `Intl` unit with at most `digits` decimals, e.g. nl "70,5 kg". */
function withIntlUnit(
  lang: Language,
  value: number,
  unit: IntlUnit,
  digits: number,
): FormattedQuantity {
  if (!supportsUnitStyle()) return withLabel(lang, value, FALLBACK_SYMBOLS[unit], digits);
  const format = numberFormat(lang, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: digits,
  });
  return split(format, value);
}

/** `value` with at most `digits` decimals followed by a fixed unit word. */
function withLabel(lang: Language, value: number, unit: string, digits: number): FormattedQuantity {
  const number = formatNumber(lang, value, { maximumFractionDigits: digits });
  return { value: number, unit, text: unit ? `${number} ${unit}` : number };
}

/** A whole phrase without a separate unit (imperial height, sleep duration, a count). */
function phrase(text: string): FormattedQuantity {
  return { value: text, unit: '', text };
}

/**
 * Formats `value`, given in the metric/base unit of `quantity`, for `lang` and `unitSystem`:
 * 70 (mass) → "70 kg" or "154 lb"; 175 (height) → "175 cm" or "5 ft 9 in";
 * 37 (temperature) → "37 °C" or "98.6 °F"; 56 (heart-rate) → "56 bpm" in both systems.
 */
export function formatQuantity(
  value: number,
  quantity: Quantity,
  options: FormatQuantityOptions,
): FormattedQuantity {
  const { lang, unitSystem } = options;
  const labels = { ...DEFAULT_LABELS, ...options.labels };
  const imperial = unitSystem === 'imperial';
  switch (quantity) {
    case 'mass':
      return imperial
        ? withIntlUnit(lang, kgToLb(value), 'pound', 0)
        : withIntlUnit(lang, value, 'kilogram', 1);
    case 'height': {
      if (!imperial) return withIntlUnit(lang, value, 'centimeter', 0);
      const { feet, inches } = cmToFeetInches(value);
      const ft = withIntlUnit(lang, feet, 'foot', 0).text;
      const inch = withIntlUnit(lang, inches, 'inch', 0).text;
      return phrase(`${ft} ${inch}`);
    }
    case 'length':
      return imperial
        ? withIntlUnit(lang, cmToIn(value), 'inch', 1)
        : withIntlUnit(lang, value, 'centimeter', 1);
    case 'distance':
      return imperial
        ? withIntlUnit(lang, kmToMi(value), 'mile', 1)
        : withIntlUnit(lang, value, 'kilometer', 1);
    case 'temperature':
      return imperial
        ? withIntlUnit(lang, cToF(value), 'fahrenheit', 1)
        : withIntlUnit(lang, value, 'celsius', 1);
    case 'heart-rate':
      return withLabel(lang, value, labels.bpm, 0);
    case 'respiratory-rate':
      return withLabel(lang, value, labels['breaths-per-minute'], 0);
    case 'blood-pressure':
      return withLabel(lang, value, labels.mmhg, 0);
    case 'score':
      return withLabel(lang, value, labels.score, 0);
    case 'duration-ms':
      return withIntlUnit(lang, value, 'millisecond', 0);
    case 'percent':
      return split(numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }), value / 100);
    case 'energy':
      return withLabel(lang, value, 'kcal', 0);
    case 'count':
      return phrase(formatNumber(lang, value, { maximumFractionDigits: 0 }));
    case 'sleep-duration':
      return phrase(formatDuration(lang, value));
    case 'vo2max':
      return withLabel(lang, value, 'ml/kg/min', 1);
    case 'bmi':
      return withLabel(lang, value, 'kg/m²', 1);
    default:
      // Unreachable from TypeScript; a plain-JS caller with an unknown quantity gets the number.
      return phrase(formatNumber(lang, value));
  }
}
