/**
 * Health values as a reader expects them: the number written the way their language writes
 * numbers, in the unit system they chose. Values always come in the metric/base unit.
 */
import type { Language, UnitSystem } from '../protocol/contract.js';
import { formatNumber } from '../i18n/format.js';

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

/**
 * What a value of each quantity can be at all, in its base unit: anything outside is not a
 * reading (a negative heart rate, a 150 score), and is shown as "not available".
 */
const POSSIBLE: Record<Quantity, [min: number, max: number]> = {
  mass: [0.5, 700],
  height: [20, 300],
  length: [0, 10_000],
  distance: [0, 10_000],
  temperature: [10, 50],
  'heart-rate': [1, 400],
  'respiratory-rate': [1, 150],
  'duration-ms': [0, 10_000],
  'blood-pressure': [1, 400],
  score: [0, 100],
  percent: [0, 100],
  energy: [0, 100_000],
  count: [0, 10_000_000],
  'sleep-duration': [0, 2 * 24 * 60],
  vo2max: [1, 150],
  bmi: [1, 200],
};

/** `value` if it is a finite number that `quantity` can be, else null. */
export function measured(value: unknown, quantity: Quantity): number | null {
  const [min, max] = POSSIBLE[quantity];
  return typeof value === 'number' && value >= min && value <= max ? value : null;
}

/** Unit words a page may translate or restyle (catalog keys `unit.<name>`); the rest come from `Intl`. */
export const QUANTITY_LABELS = ['bpm', 'breaths-per-minute', 'mmhg', 'score'] as const;
export type QuantityLabel = (typeof QUANTITY_LABELS)[number];

const DEFAULT_LABELS: Record<QuantityLabel | 'ms', string> = {
  bpm: 'bpm',
  'breaths-per-minute': 'breaths/min',
  mmhg: 'mmHg',
  score: '/ 100',
  ms: 'ms', // the same symbol in all five languages
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

/** `value` with at most `digits` decimals followed by a fixed unit word. */
export function withLabel(
  lang: Language,
  value: number,
  unit: string,
  digits: number,
): FormattedQuantity {
  const number = formatNumber(lang, value, { maximumFractionDigits: digits });
  return { value: number, unit, text: unit ? `${number} ${unit}` : number };
}

/** A whole phrase without a separate unit (imperial height, sleep duration, a count). */
export function phrase(text: string): FormattedQuantity {
  return { value: text, unit: '', text };
}

/** The quantities written the same in both unit systems (what a face scan measures): their unit. */
const SAME_UNIT: Partial<Record<Quantity, QuantityLabel | 'ms'>> = {
  'heart-rate': 'bpm',
  'respiratory-rate': 'breaths-per-minute',
  'blood-pressure': 'mmhg',
  score: 'score',
  'duration-ms': 'ms',
};

/**
 * Formats a value of a quantity whose unit does not depend on the unit system (56 → "56 bpm",
 * whole numbers); any other quantity comes out as a plain number. The cards of the face-scan
 * biomarkers need only this, so their pages do not carry the conversions.
 */
export function formatSameUnit(
  value: number,
  quantity: Quantity,
  { lang, labels }: FormatQuantityOptions,
): FormattedQuantity {
  const unit = SAME_UNIT[quantity];
  if (!unit) return phrase(formatNumber(lang, value));
  const label = unit === 'ms' ? undefined : labels?.[unit];
  return withLabel(lang, value, label ?? DEFAULT_LABELS[unit], 0);
}
