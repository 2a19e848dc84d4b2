/**
 * The classic-`<script>` entry (dist/intelliprove-widgets.js): reads the page-wide defaults
 * from its own tag's `data-*` attributes, then defines the elements. Must have no exports: the
 * bundle runs as a plain script.
 */
import { configure, type KitOptions } from './core/config.js';
import './index.js';

const SCRIPT_NAME = /(^|\/)intelliprove-widgets(\.min)?\.js(\?|#|$)/;

/** The kit's own tag: `currentScript` while it runs, else the tag whose `src` names the kit. */
function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  const candidates = [...document.querySelectorAll<HTMLScriptElement>('script[src]')];
  return (
    candidates.reverse().find((s) => SCRIPT_NAME.test(new URL(s.src, document.baseURI).pathname)) ??
    null
  );
}

const script = ownScript();
if (script) {
  const data = script.dataset;
  const options: KitOptions = {
    tokenEndpoint: data.tokenEndpoint,
    apiBase: data.apiBase,
    lang: data.lang,
    unitSystem: data.unitSystem as KitOptions['unitSystem'],
    allowedOrigins: data.allowedOrigins,
    provider: data.provider,
    credentials: data.credentials as RequestCredentials | undefined,
  };
  configure(options);
}
