/**
 * What the loader starts as soon as it has seen the page, before any element's code is here:
 * the first token request of each endpoint (handed to the elements), the language's texts, the
 * chart and the provider code. It runs in the classic script, so it works out itself what the
 * elements would ask and speak, checked against the kit's types (it imports types only).
 */
import type { KitOptions } from '../core/config.js';
import type { HandedOver } from '../core/handover.js';
import type { Language, TokenPurpose } from '../protocol/contract.js';

/** The texts of each language but English (which comes with the elements). */
const TEXTS: Record<Exclude<Language, 'en'>, () => Promise<unknown>> = {
  nl: () => import('../i18n/locales/nl.js'),
  fr: () => import('../i18n/locales/fr.js'),
  da: () => import('../i18n/locales/da.js'),
  sv: () => import('../i18n/locales/sv.js'),
};
const CREDENTIALS: readonly RequestCredentials[] = ['same-origin', 'include', 'omit'];
/** Which token each element asks for first. */
const PURPOSES: Record<string, TokenPurpose | undefined> = {
  'ip-face-scan': 'face-scan',
  'ip-biomarker-card': 'api',
  'ip-metric-gauge': 'api',
  'ip-recommendations': 'api',
};
/** The language an element asks in, as the element works it out (core/language.ts). */
export function languageOf(el: Element, defaults: KitOptions): Language | undefined {
  const tag =
    el.getAttribute('lang') || defaults.lang || el.closest('[lang]')?.getAttribute('lang');
  if (!tag) return undefined;
  const short = tag.trim().toLowerCase().split(/[-_]/)[0]!;
  return Object.hasOwn(TEXTS, short) ? (short as Language) : 'en';
}

/**
 * The first token request of each element that will ask for one at once: one API token per
 * endpoint, one plug-in URL per face scan — asked the way the element would (token-client.ts).
 */
export function askFirst(found: Element[], defaults: KitOptions): HandedOver[] {
  const asked: HandedOver[] = [];
  const apiAsked = new Set<string>();
  const camera = window.isSecureContext && !!navigator.mediaDevices?.getUserMedia;
  for (const el of found) {
    const purpose = PURPOSES[el.localName];
    const endpoint = el.getAttribute('token-endpoint') || defaults.tokenEndpoint;
    const credentials = (el.getAttribute('credentials') ||
      defaults.credentials ||
      'same-origin') as RequestCredentials;
    // What the element would refuse before asking, it is not asked for here either.
    if (!purpose || !endpoint || !CREDENTIALS.includes(credentials)) continue;
    if (purpose === 'face-scan' && !camera) continue;
    let href: string;
    try {
      href = new URL(endpoint, document.baseURI).href;
    } catch {
      continue; // the element says what is wrong with it
    }
    const key = `${href} ${credentials}`;
    if (purpose === 'api' && apiAsked.has(key)) continue;
    if (purpose === 'api') apiAsked.add(key);
    const language = languageOf(el, defaults);
    const body = JSON.stringify({ purpose, ...(language ? { language } : {}) });
    const controller = new AbortController();
    const response = fetch(href, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
      credentials,
      redirect: 'manual',
      signal: controller.signal,
    });
    response.catch(() => {}); // its element sees the failure, and asks again
    asked.push({ endpoint: href, credentials, body, response, controller });
  }
  return asked;
}

/**
 * What the found elements will fetch once their data is here, fetched now instead: their
 * language's texts, the trend chart, and the provider code a card or gauge reads with.
 */
export function fetchAhead(found: Element[], defaults: KitOptions): void {
  const languages = new Set(found.map((el) => languageOf(el, defaults)));
  for (const language of languages) {
    if (language && language !== 'en') void TEXTS[language]().catch(() => {});
  }
  const data = found.filter((el) => PURPOSES[el.localName] === 'api');
  const provider = (el: Element) =>
    el.getAttribute('provider') || defaults.provider || 'intelliprove';
  const cards = data.filter((el) => el.localName === 'ip-biomarker-card');
  const history = (el: Element) => Number(el.getAttribute('history')) > 1;
  const ahead: (() => Promise<unknown>)[] = [];
  if (cards.some(history)) ahead.push(() => import('../charts/trend-chart.js'));
  const chosen = (el: Element) => history(el) || el.hasAttribute('face-scan-id');
  if (cards.some((el) => provider(el) === 'intelliprove' && chosen(el)))
    ahead.push(() => import('../data/providers/intelliprove/chosen-scans.js'));
  // Only cards and gauges have a Sahha half (recommendations are IntelliProve's alone).
  const results = data.filter((el) => el.localName !== 'ip-recommendations');
  if (results.some((el) => provider(el) === 'sahha'))
    ahead.push(() => import('../data/providers/sahha/sahha.js'));
  for (const fetch of ahead) void fetch().catch(() => {});
}
