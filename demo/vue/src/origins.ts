/** What the host page's server wrote into index.html's <meta name="…"> tags. */
export const meta = (name: string): string =>
  document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';

/** IntelliProve API (the sandbox engine here). */
export const apiBase = meta('ip-api-base');
/** Where the face-scan plug-in is served from, trusted besides https://*.intelliprove.com. */
export const pluginOrigin = meta('ip-plugin-origin');
/** Sahha API (the Sahha sandbox here). */
export const sahhaBase = meta('ip-sahha-base');
