import { expect } from '@open-wc/testing';
import { loadCatalog, translate } from '../../src/i18n/translate.js';

type Strings = Record<string, string>;

const LANGS = ['nl', 'fr', 'da', 'sv'] as const;

// One literal import() per file: the dev server maps `.js` to `.ts` only for specifiers it can
// read, so a template-string import would 404.
const LOADERS: Record<(typeof LANGS)[number], () => Promise<Strings>> = {
  nl: () => import('../../src/i18n/locales/nl.js').then((m) => m.nl),
  fr: () => import('../../src/i18n/locales/fr.js').then((m) => m.fr),
  da: () => import('../../src/i18n/locales/da.js').then((m) => m.da),
  sv: () => import('../../src/i18n/locales/sv.js').then((m) => m.sv),
};

/**
 * Values that may stay identical to English. Keep this list short: each entry must be text that
 * really is the same in that language, not an untranslated string.
 */
const SAME_AS_ENGLISH: Record<(typeof LANGS)[number], readonly string[]> = {
  // Unit symbol, score suffix and "VO2 max" are language-neutral.
  nl: ['unit.mmhg', 'unit.score', 'biomarker.vo2_max'],
  // "bpm" is the usual French abbreviation; "Hypertension" is the French word too.
  fr: ['unit.mmhg', 'unit.score', 'unit.bpm', 'metric.hypertension', 'biomarker.vo2_max'],
  // "Mental stress" and "Minimal" are the ordinary Danish and Swedish words.
  da: ['unit.mmhg', 'unit.score', 'metric.mental_stress', 'biomarker.vo2_max', 'level.minimal'],
  sv: ['unit.mmhg', 'unit.score', 'metric.mental_stress', 'biomarker.vo2_max', 'level.minimal'],
};

function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
}

for (const lang of LANGS) {
  describe(`i18n catalog "${lang}"`, () => {
    let en: Strings;
    let catalog: Strings;

    before(async () => {
      en = {
        ...(await import('../../src/i18n/locales/en.js')).en,
        ...(await import('../../src/i18n/locales/en-data.js')).enData,
        ...(await import('../../src/i18n/locales/en-embeds.js')).enEmbeds,
        ...(await import('../../src/i18n/locales/en-cards.js')).enCards,
        ...(await import('../../src/i18n/locales/en-gauges.js')).enGauges,
        ...(await import('../../src/i18n/locales/en-recommendations.js')).enRecommendations,
        ...(await import('../../src/i18n/locales/en-sahha.js')).enSahha,
      };
      catalog = await LOADERS[lang]();
    });

    it('has exactly the keys of the English catalog', () => {
      const missing = Object.keys(en).filter((key) => !(key in catalog));
      const extra = Object.keys(catalog).filter((key) => !(key in en));
      expect(missing, `missing keys: ${missing.join(', ')}`).to.deep.equal([]);
      expect(extra, `extra keys: ${extra.join(', ')}`).to.deep.equal([]);
    });

    it('has a non-empty string for every key', () => {
      const bad = Object.entries(catalog)
        .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
        .map(([key]) => key);
      expect(bad, `empty or non-string values: ${bad.join(', ')}`).to.deep.equal([]);
    });

    it('keeps the English placeholders, and adds none', () => {
      const bad = Object.keys(en)
        .filter((key) => typeof catalog[key] === 'string')
        .filter((key) => placeholders(catalog[key]!).join() !== placeholders(en[key]!).join())
        .map((key) => `${key} (${placeholders(catalog[key]!).join() || 'none'})`);
      expect(bad, `placeholder mismatch: ${bad.join(', ')}`).to.deep.equal([]);
    });

    it('translates every value not in the allow-list', () => {
      const allowed = SAME_AS_ENGLISH[lang];
      const same = Object.keys(en)
        .filter((key) => catalog[key] === en[key] && !allowed.includes(key))
        .map((key) => key);
      expect(same, `same as English: ${same.join(', ')}`).to.deep.equal([]);
    });
  });
}

describe('translate()', () => {
  it('returns the Dutch text once the catalog is loaded', async () => {
    await loadCatalog('nl');
    expect(translate('nl', 'metric.mental_stress')).to.equal('Mentale stress');
  });
});
