import type { Catalog } from './en.js';

export const sv: Catalog = {
  'face-scan.title': 'IntelliProve-ansiktsskanning',
  'face-scan.loading': 'Din ansiktsskanning förbereds…',
  'dashboard.title': 'IntelliProve-hälsoöversikt',
  'dashboard.loading': 'Din hälsoöversikt laddas…',
  retry: 'Försök igen',
  'error.signed-out': 'Logga in först och försök sedan igen.',
  'error.missing-token-endpoint': 'Den här sidan är ännu inte konfigurerad för IntelliProve.',
  'error.token-endpoint-failed':
    'Din session kunde inte startas. Kontrollera anslutningen och försök igen.',
  'error.invalid-response': 'Sidan fick ett svar den inte kunde använda. Försök igen senare.',
  'error.invalid-url': 'Den här skanningslänken är inte betrodd och öppnades därför inte.',
  'error.invalid-attribute': 'Den här widgeten är inte korrekt konfigurerad.',
  'error.api-error': 'Dina resultat kunde inte laddas.',
  'error.insecure-context': 'Kameran fungerar bara på säkra (https-)sidor.',
  'error.camera-blocked': 'Den här sidan tillåter inte kameran för ansiktsskanningen.',
  'error.camera-unavailable': 'Den här webbläsaren kan inte använda en kamera.',
  'error.plugin-error': 'Ansiktsskanningen rapporterade ett problem.',
};
