/**
 * The script-tag build's loader: defines each element when its tag appears on the page,
 * fetching only the code that page needs. The embeds are one chunk; the data elements come as
 * a cards chunk, a gauges chunk, or — for a page that has both — one chunk with both, so a
 * results page loads Lit and the data layer once. Page-wide state (defaults, tokens, API
 * answers, the scan signal) lives on global symbols, shared by all chunks. Runs once per page,
 * however many times the script is included.
 */
import { configure, type KitOptions } from './core/config.js';
import { define } from './core/define.js';

type Loader = () => Promise<CustomElementConstructor>;

const CARD = 'ip-biomarker-card';
const GAUGE = 'ip-metric-gauge';
const STARTED = Symbol.for('intelliprove-widgets.autoload');

/** Cards and gauges both on the page when the loader looked: load them together. */
let together = false;

const ELEMENTS: Record<string, Loader> = {
  'ip-face-scan': () => import('./families/embeds.js').then((m) => m.IpFaceScan),
  'ip-dashboard': () => import('./families/embeds.js').then((m) => m.IpDashboard),
  [CARD]: () =>
    together
      ? import('./families/data.js').then((m) => m.IpBiomarkerCard)
      : import('./families/cards.js').then((m) => m.IpBiomarkerCard),
  [GAUGE]: () =>
    together
      ? import('./families/data.js').then((m) => m.IpMetricGauge)
      : import('./families/gauges.js').then((m) => m.IpMetricGauge),
};

function load(tag: string, pending: Set<string>): void {
  pending.delete(tag);
  ELEMENTS[tag]!().then(
    (element) => define(tag, element),
    (error: unknown) =>
      console.error(
        `[intelliprove-widgets] <${tag}> could not be loaded. Serve the whole dist/ folder (its chunks/ ` +
          `sit next to intelliprove-widgets.js) and allow it in the CSP's script-src.`,
        error,
      ),
  );
}

function scan(root: ParentNode, pending: Set<string>): void {
  for (const tag of [...pending]) {
    if ((root instanceof Element && root.localName === tag) || root.querySelector(tag))
      load(tag, pending);
  }
}

function begin(): void {
  const pending = new Set(Object.keys(ELEMENTS).filter((tag) => !customElements.get(tag)));
  together = !!document.querySelector(CARD) && !!document.querySelector(GAUGE);
  scan(document, pending);
  if (pending.size === 0) return;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node, pending);
    }
    if (pending.size === 0) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Applies the script tag's page defaults, then defines elements as their tags appear. */
export function start(defaults: KitOptions): void {
  configure(defaults);
  const holder = globalThis as unknown as Record<symbol, boolean>;
  if (holder[STARTED]) return;
  holder[STARTED] = true;
  // See the whole page before choosing which chunks to fetch.
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', begin, { once: true });
  else begin();
}
