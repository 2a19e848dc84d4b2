import type { Language } from '../contract.js';
import { da } from './locales/da.js';
import { en, type Catalog } from './locales/en.js';
import { fr } from './locales/fr.js';
import { nl } from './locales/nl.js';
import { sv } from './locales/sv.js';

export type MessageKey = keyof Catalog;

/** Every catalog, by language. A language file missing a key does not compile. */
export const CATALOGS: Record<Language, Catalog> = { en, nl, fr, da, sv };

/** The text for `key` in `lang`, with `{name}` placeholders filled from `values`. */
export function translate(
  lang: Language,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const text = CATALOGS[lang][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
