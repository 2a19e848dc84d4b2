/**
 * Metric ↔ imperial conversion with the exact international definitions. Pure functions, no
 * rounding except where a function says so; formatting lives in `format.ts`.
 */

/** Kilograms in one pound (international avoirdupois pound, exact). */
export const KG_PER_LB = 0.45359237;
/** Centimetres in one inch (exact). */
export const CM_PER_IN = 2.54;
/** Metres in one foot (exact). */
export const M_PER_FT = 0.3048;
/** Kilometres in one international mile (exact). */
export const KM_PER_MI = 1.609344;
/** Inches in one foot. */
export const IN_PER_FT = 12;

/** Kilograms to pounds. */
export function kgToLb(kg: number): number {
  return kg / KG_PER_LB;
}

/** Pounds to kilograms. */
export function lbToKg(lb: number): number {
  return lb * KG_PER_LB;
}

/** Centimetres to inches. */
export function cmToIn(cm: number): number {
  return cm / CM_PER_IN;
}

/** Inches to centimetres. */
export function inToCm(inches: number): number {
  return inches * CM_PER_IN;
}

/**
 * Centimetres to whole feet and inches, as a height is said: the inches are rounded to a
 * whole number and 12 of them carry into the next foot (182.88 cm → 6 ft 0 in).
 */
export function cmToFeetInches(cm: number): { feet: number; inches: number } {
  const totalInches = Math.round(cmToIn(cm));
  return { feet: Math.floor(totalInches / IN_PER_FT), inches: totalInches % IN_PER_FT };
}

/** Kilometres to miles. */
export function kmToMi(km: number): number {
  return km / KM_PER_MI;
}

/** Miles to kilometres. */
export function miToKm(mi: number): number {
  return mi * KM_PER_MI;
}

/** Metres to feet. */
export function mToFt(m: number): number {
  return m / M_PER_FT;
}

/** Degrees Celsius to degrees Fahrenheit. */
export function cToF(celsius: number): number {
  return (celsius * 9) / 5 + 32;
}

/** Degrees Fahrenheit to degrees Celsius. */
export function fToC(fahrenheit: number): number {
  return ((fahrenheit - 32) * 5) / 9;
}
