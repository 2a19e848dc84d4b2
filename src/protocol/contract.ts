/**
 * The token-endpoint contract (CONTRACT.md §5), shared by the browser kit and the server half.
 * Constants and types only: no DOM, no Node.
 */

/** What the kit asks the token endpoint for. */
export const PURPOSES = ['face-scan', 'dashboard', 'api'] as const;
export type TokenPurpose = (typeof PURPOSES)[number];

/** Display languages the kit ships catalogs for; anything else falls back to `en`. */
export const LANGUAGES = ['en', 'nl', 'fr', 'da', 'sv'] as const;
export type Language = (typeof LANGUAGES)[number];

export const UNIT_SYSTEMS = ['metric', 'imperial'] as const;
export type UnitSystem = (typeof UNIT_SYSTEMS)[number];

/** Sections of the health dashboard plug-in that a host may switch off. */
export const DASHBOARD_SECTIONS = [
  'main',
  'metrics',
  'biomarkers',
  'recommendations',
  'todos',
] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

/** Body of `POST <token-endpoint>`. */
export interface TokenRequest {
  purpose: TokenPurpose;
  language?: Language;
  disabled_sections?: DashboardSection[];
}

/** The object form of a token-endpoint answer (a bare JSON string is the plug-in URL). */
export interface TokenResponse {
  token?: string;
  url?: string;
  expires_at?: string;
  unit_system?: UnitSystem;
  language?: string;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isUnitSystem(value: unknown): value is UnitSystem {
  return typeof value === 'string' && (UNIT_SYSTEMS as readonly string[]).includes(value);
}
