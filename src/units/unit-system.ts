import { UNIT_SYSTEMS, isUnitSystem, type UnitSystem } from '../protocol/contract.js';
import type { Quantity } from './format.js';

/**
 * The unit system to show, in IntelliProve's order: the element's own `unit-system`
 * attribute, the page default (`data-unit-system` / `configure({ unitSystem })`, see
 * `pageDefaults()`), the user's `preferred_unit_system`, then metric. An empty value counts as
 * unset; an invalid own value is ignored with a warning, invalid others silently.
 */
export function resolveUnitSystem(
  own: string | null | undefined,
  pageDefault: string | null | undefined,
  userPreference: string | null | undefined,
): UnitSystem {
  if (own && !isUnitSystem(own)) {
    console.warn(
      `[intelliprove-widgets] unit-system="${own}" is not one of ${UNIT_SYSTEMS.join(', ')}; ignored.`,
    );
  }
  for (const candidate of [own, pageDefault, userPreference]) {
    if (isUnitSystem(candidate)) return candidate;
  }
  return 'metric';
}

/** The quantities whose display depends on the unit system; the rest read the same in both. */
export const quantitiesThatDiffer: ReadonlySet<Quantity> = new Set<Quantity>([
  'mass',
  'height',
  'length',
  'distance',
  'temperature',
]);
