/**
 * Every quantity in either unit system, with the conversions: what Sahha's cards need. A
 * module of its own, so that pages with only face-scan cards do not carry it.
 */
import type { Language } from '../protocol/contract.js';
import { formatDuration } from '../i18n/duration.js';
import { formatNumber, numberFormat } from '../i18n/format.js';
import { supportsUnitStyle } from '../i18n/unit-format.js';
import { cmToFeetInches, cmToIn, cToF, kgToLb, kmToMi } from './convert.js';
import {
  formatSameUnit,
  phrase,
  withLabel,
  type FormatQuantityOptions,
  type FormattedQuantity,
  type Quantity,
} from './format.js';

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
      return formatSameUnit(value, quantity, options);
  }
}
