/** Metric/imperial conversion and unit formatting. */
export {
  CM_PER_IN,
  IN_PER_FT,
  KG_PER_LB,
  KM_PER_MI,
  M_PER_FT,
  cToF,
  cmToFeetInches,
  cmToIn,
  fToC,
  inToCm,
  kgToLb,
  kmToMi,
  lbToKg,
  mToFt,
  miToKm,
} from './convert.js';
export {
  QUANTITIES,
  QUANTITY_LABELS,
  formatSameUnit,
  measured,
  type FormatQuantityOptions,
  type FormattedQuantity,
  type Quantity,
  type QuantityLabel,
} from './format.js';
export { formatQuantity } from './quantity.js';
export { quantitiesThatDiffer, resolveUnitSystem } from './unit-system.js';
