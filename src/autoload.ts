/**
 * The script-tag build's loader: defines each element when its tag first appears on the page,
 * fetching only that element's code (a page with only `<ip-face-scan>` never downloads the
 * cards, gauges or chart.js). Runs once per page, however many times the script is included.
 */
import { configure, type KitOptions } from './core/config.js';
import { define } from './core/define.js';

/**
 * Two self-contained chunks: the embeds and the data elements. A page with only one kind
 * loads only that one; page-wide state (defaults, tokens, scan signal) is shared between them.
 */
const ELEMENTS: Record<string, () => Promise<CustomElementConstructor>> = {
  'ip-face-scan': () => import('./families/embeds.js').then((m) => m.IpFaceScan),
  'ip-dashboard': () => import('./families/embeds.js').then((m) => m.IpDashboard),
  'ip-biomarker-card': () => import('./families/data.js').then((m) => m.IpBiomarkerCard),
  'ip-metric-gauge': () => import('./families/data.js').then((m) => m.IpMetricGauge),
};

const STARTED = Symbol.for('intelliprove-widgets.autoload');

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

/** Applies the script tag's page defaults, then defines elements as their tags appear. */
export function start(defaults: KitOptions): void {
  configure(defaults);
  const holder = globalThis as unknown as Record<symbol, boolean>;
  if (holder[STARTED]) return;
  holder[STARTED] = true;
  const pending = new Set(Object.keys(ELEMENTS).filter((tag) => !customElements.get(tag)));
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
