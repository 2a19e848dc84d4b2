import type { Language } from '../protocol/contract.js';
import { en, type Catalog } from './locales/en.js';

export type MessageKey = keyof Catalog;

/**
 * English ships inline; the other catalogs are chunks of their own, fetched only when a page
 * shows that language. A language file missing a key does not compile (`Catalog`).
 */
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Catalog>> = {
  nl: () => import('./locales/nl.js').then((m) => m.nl),
  fr: () => import('./locales/fr.js').then((m) => m.fr),
  da: () => import('./locales/da.js').then((m) => m.da),
  sv: () => import('./locales/sv.js').then((m) => m.sv),
};

// English starts with the kit's own texts; providers add theirs when they load.
const loaded: Partial<Record<Language, Catalog>> = { en: { ...en } as Catalog };
const loading = new Map<Language, Promise<Catalog>>();

/** The catalog for `lang` if it is already here. */
export function catalogFor(lang: Language): Catalog | undefined {
  return loaded[lang];
}

/** Fetches the catalog for `lang` once; falls back to English if it cannot be loaded. */
export function loadCatalog(lang: Language): Promise<Catalog> {
  const ready = loaded[lang];
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(lang);
  if (!pending) {
    pending = LOADERS[lang as Exclude<Language, 'en'>]()
      .catch((error: unknown) => {
        console.warn(
          `[intelliprove-widgets] The "${lang}" texts could not be loaded; showing English.`,
          error,
        );
        return loaded.en!;
      })
      .then((catalog) => (loaded[lang] = catalog));
    loading.set(lang, pending);
  }
  return pending;
}

/** Adds English texts that ship with a lazily loaded part (a provider). */
export function extendEnglish(texts: Partial<Catalog>): void {
  Object.assign(loaded.en!, texts);
}

/** Fills `{name}` placeholders in `text` from `values`. */
export function format(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** The text for `key` in `lang` (English while that catalog is not loaded). */
export function translate(
  lang: Language,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return format((loaded[lang] ?? loaded.en!)[key] ?? loaded.en![key] ?? key, values);
}

/**
 * The text for `key` in `lang`, for an element. While that language's catalog is on its way
 * (a few ms, once per page) it answers '' rather than flash another language, and calls
 * `redraw` when the texts arrive.
 */
export function localize(
  lang: Language,
  key: MessageKey,
  values: Record<string, string | number> | undefined,
  redraw: () => void,
): string {
  if (catalogFor(lang)) return translate(lang, key, values);
  void loadCatalog(lang).then(redraw);
  return '';
}
