import { DOCUMENT, InjectionToken, inject } from '@angular/core';
// Importing the kit also defines its four custom elements (<ip-face-scan>, …).
import { configure } from 'intelliprove-widgets';

/** The content of `<meta name="…">` in index.html (the server fills in its origins). */
function meta(name: string): string {
  const element = inject(DOCUMENT).querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
  return element?.content ?? '';
}

/**
 * The kit's page-wide defaults, set once before the first view renders (an app initializer):
 * the token endpoint on this app's own backend, the API origin, and the plug-in origin that
 * <ip-face-scan> may frame besides https://*.intelliprove.com.
 */
export function configureKit(): void {
  configure({
    tokenEndpoint: '/api/ip-token',
    apiBase: meta('ip-api-base'),
    allowedOrigins: meta('ip-plugin-origin'),
  });
}

/** The Sahha API origin, for the elements that read Sahha (`provider="sahha"`). */
export const SAHHA_BASE = new InjectionToken<string>('SAHHA_BASE', {
  providedIn: 'root',
  factory: () => meta('ip-sahha-base'),
});
