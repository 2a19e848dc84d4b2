/**
 * The classic-`<script>` entry (dist/intelliprove-widgets.js): reads the page-wide defaults
 * from its own tag's `data-*` attributes and starts the loader, which fetches the elements'
 * code (chunks/ beside this file) when their tags appear. The built file has no import or
 * export statements (it runs as a plain script); its `import()` calls resolve against its own
 * URL, from any origin (rollup.config.mjs makes them absolute).
 */
import { start } from './loader.js';
import type { KitOptions } from '../core/config.js';

const SCRIPT_NAME = /(^|\/)intelliprove-widgets(\.min)?\.js$/;

/** The kit's own tag: `currentScript` while it runs, else the last tag whose `src` names the kit. */
function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  const candidates = [...document.querySelectorAll<HTMLScriptElement>('script[src]')];
  return (
    candidates.reverse().find((s) => SCRIPT_NAME.test(new URL(s.src, document.baseURI).pathname)) ??
    null
  );
}

/** The page-wide defaults its tag's `data-*` attributes give. */
function defaults(data: DOMStringMap): KitOptions {
  return {
    tokenEndpoint: data.tokenEndpoint,
    apiBase: data.apiBase,
    lang: data.lang,
    unitSystem: data.unitSystem as KitOptions['unitSystem'],
    allowedOrigins: data.allowedOrigins,
    provider: data.provider,
    credentials: data.credentials as RequestCredentials | undefined,
  };
}

// On a server (imported during server-side rendering) there is no page: nothing to do.
if (typeof document !== 'undefined') {
  const script = ownScript();
  const data = script?.dataset ?? {};
  // `data-define="ip-face-scan ip-biomarker-card"` or "all": defined at once, not on sight.
  start(defaults(data), (data.define ?? '').split(/[\s,]+/).filter(Boolean), script?.src);
}
