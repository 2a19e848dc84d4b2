/**
 * The page's Content-Security-Policy stopping the kit's own code: a chunk beside the script
 * that it may not load (script-src), or Lit's Trusted Types policy (trusted-types). Watched by
 * the loader, the one part of the kit that is there when the rest cannot load. One console
 * message per cause, naming the directive and the value to add; other resources are not the
 * kit's to report. (The kit's requests and frames are watched by core/ and embeds/.)
 */

/** The kit's chunks are script elements to CSP: script-src-elem, script-src, default-src decide. */
const SCRIPT = ['script-src-elem', 'script-src', 'default-src'];

/** Watches for the page's policy blocking the kit loaded from `scriptUrl`. */
export function watchKitCode(scriptUrl: string | undefined): void {
  if (!scriptUrl) return;
  const folder = new URL('.', scriptUrl).href;
  const said = new Set<string>();
  document.addEventListener('securitypolicyviolation', (event) => {
    if (event.disposition !== 'enforce') return;
    let cause: string | undefined;
    if (event.effectiveDirective === 'trusted-types' && /^lit-html\b/.test(event.sample)) {
      cause =
        `The page's Content-Security-Policy (trusted-types) does not allow Lit's policy ` +
        `"lit-html", so the kit cannot render: add lit-html to trusted-types.`;
    } else if (SCRIPT.includes(event.effectiveDirective) && event.blockedURI.startsWith(folder)) {
      const names = event.originalPolicy.split(';').map((p) => p.trim().split(/\s+/)[0]);
      const directive = SCRIPT.find((name) => names.includes(name)) ?? 'script-src';
      const value = new URL(folder).origin === location.origin ? "'self'" : folder;
      cause =
        `The page's Content-Security-Policy (${directive}) blocks the kit's code from ` +
        `${folder}: add ${value} to ${directive}.`;
    }
    if (!cause || said.has(cause)) return;
    said.add(cause);
    console.error(`[intelliprove-widgets] ${cause}`);
  });
}
