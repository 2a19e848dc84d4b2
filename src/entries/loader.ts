/**
 * The script-tag loader: defines each element when its tag first appears on the page, fetching
 * only what the page uses (as Shoelace's autoloader does). Once it has seen the page it starts,
 * all at once: each element's code (with the chunks that code imports, so nothing waits on a
 * chunk to learn what it needs), the language's texts, the chart code for cards with a
 * `history`, and the first token request of each token endpoint — which it hands to the
 * elements, so they never ask twice.
 *
 * It runs in the classic script, which cannot import: everything else comes with `import()`,
 * so that every module is in the chunks all pages share, and each loads once per page. What it
 * must know before any of that arrives (how the elements would ask for a token, which language
 * they would speak) it works out itself, checked against the kit's types.
 */
import type { KitOptions } from '../core/config.js';
import type { HandedOver } from '../core/handover.js';
import type { Language } from '../protocol/contract.js';
import { watchKitCode } from './code-policy.js';
import { askFirst, fetchAhead, languageOf } from './prefetch.js';

export type PageModule = typeof import('./page.js');

const ELEMENTS: Record<string, () => Promise<CustomElementConstructor>> = {
  'ip-face-scan': () => import('../embeds/face-scan/face-scan.js').then((m) => m.IpFaceScan),
  'ip-dashboard': () => import('../embeds/dashboard/dashboard.js').then((m) => m.IpDashboard),
  'ip-biomarker-card': () =>
    import('../data/biomarker-card/biomarker-card.js').then((m) => m.IpBiomarkerCard),
  'ip-metric-gauge': () =>
    import('../data/metric-gauge/metric-gauge.js').then((m) => m.IpMetricGauge),
  'ip-recommendations': () =>
    import('../data/recommendations/recommendations.js').then((m) => m.IpRecommendations),
};
// A global, versioned: the script included twice runs this twice, but starts once.
const STARTED = Symbol.for('intelliprove-widgets.loader.v1');

/** Applies another tag's `data-*` defaults and `data-define` (the script included again). */
type Starter = (defaults: KitOptions, define: readonly string[]) => void;

/** What an element says when its code could not be loaded: the kit's own texts cannot be here. */
const NOT_LOADED: Record<Language, string> = {
  en: 'This health widget could not be loaded.',
  nl: 'Deze gezondheidswidget kon niet worden geladen.',
  fr: 'Ce widget santé n’a pas pu être chargé.',
  da: 'Denne sundhedswidget kunne ikke indlæses.',
  sv: 'Den här hälsowidgeten kunde inte läsas in.',
};

/**
 * Every `tag` on the page whose code could not be loaded says so: a visible line in the page's
 * language, `status="error"`, `ip-error` with `load-failed`, and one console message naming the fix.
 */
function notLoaded(tag: string, error: unknown, defaults: KitOptions): void {
  const policy = /trusted ?type|policy/i.test(String(error));
  const message =
    `<${tag}> could not be loaded. ` +
    (policy
      ? `The page's Trusted Types policy refused the kit's: add "trusted-types lit-html" to its CSP.`
      : `Serve the whole dist/ folder (its chunks/ sit next to intelliprove-widgets.js; from another origin, with Access-Control-Allow-Origin) and allow it in the CSP's script-src.`);
  console.error(`[intelliprove-widgets] ${message}`, error);
  for (const el of document.querySelectorAll(`${tag}:not(:defined)`)) {
    el.textContent = NOT_LOADED[languageOf(el, defaults) ?? 'en'];
    el.setAttribute('status', 'error');
    el.setAttribute('role', 'alert');
    const detail = { code: 'load-failed', message };
    el.dispatchEvent(new CustomEvent('ip-error', { detail, bubbles: true, composed: true }));
  }
}

/**
 * Applies `defaults`, then defines the elements of `define` and every kit tag that appears.
 * `scriptUrl` is the kit's own (its chunks sit beside it).
 */
export function start(defaults: KitOptions, define: readonly string[], scriptUrl?: string): void {
  const holder = globalThis as unknown as Record<symbol, Starter | undefined>;
  // Included again: its data-* attributes and data-define count too; the page is watched once.
  if (holder[STARTED]) return holder[STARTED](defaults, define);
  watchKitCode(scriptUrl);
  const options = [defaults];
  let page: Promise<PageModule> | undefined;
  let asked: HandedOver[] = [];
  let begun = false;
  const kit = () =>
    (page ??= import('./page.js').then((module) => {
      for (const each of options) module.configure(each);
      module.handOver(asked);
      return module;
    }));
  const pending = new Set(Object.keys(ELEMENTS).filter((tag) => !customElements.get(tag)));
  const later: string[] = [];
  holder[STARTED] = (more, defineMore) => {
    options.push(more);
    if (page) void page.then((module) => module.configure(more));
    if (begun) defineAll(defineMore);
    else later.push(...defineMore);
  };
  // The session may end before the kit's code is here: its early requests go with it.
  document.addEventListener('ip-clear-session', () => {
    for (const request of asked) request.controller.abort();
    asked = [];
  });

  function load(tag: string): void {
    if (!pending.delete(tag)) return;
    Promise.all([kit(), ELEMENTS[tag]!()]).then(
      ([module, element]) => module.define(tag, element),
      (error: unknown) => notLoaded(tag, error, defaults),
    );
  }

  /** Defines the tags `data-define` names, or all of them. */
  function defineAll(names: readonly string[]): void {
    for (const tag of names) {
      if (tag !== 'all' && !(tag in ELEMENTS))
        console.warn(
          `[intelliprove-widgets] data-define: "${tag}" is not an element of the kit; use ` +
            `"all" or some of: ${Object.keys(ELEMENTS).join(' ')}.`,
        );
    }
    for (const tag of names.includes('all') ? [...pending] : names) load(tag);
  }

  const undefinedTags = (root: ParentNode) =>
    [...root.querySelectorAll(':not(:defined)')].filter((el) => pending.has(el.localName));

  function begin(): void {
    begun = true;
    const found = undefinedTags(document);
    // Only a head start: whatever goes wrong here, the elements still load and say what is wrong.
    try {
      asked = askFirst(found, defaults);
      fetchAhead(found, defaults);
    } catch (error) {
      console.warn('[intelliprove-widgets] could not start the page’s requests early:', error);
    }
    defineAll([...define, ...later]);
    for (const el of found) load(el.localName);
    if (pending.size === 0) return;
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          if (pending.has(node.localName)) load(node.localName);
          for (const el of undefinedTags(node)) load(el.localName);
        }
      }
      if (pending.size === 0) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  }

  // See the whole page before choosing what to fetch.
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', begin, { once: true });
  else begin();
}
