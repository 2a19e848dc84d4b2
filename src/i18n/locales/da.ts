import type { Catalog } from './en.js';

export const da: Catalog = {
  'face-scan.title': 'IntelliProve-ansigtsscanning',
  'face-scan.loading': 'Din ansigtsscanning forberedes…',
  'dashboard.title': 'IntelliProve-sundhedsoversigt',
  'dashboard.loading': 'Din sundhedsoversigt indlæses…',
  retry: 'Prøv igen',
  'error.signed-out': 'Log ind først, og prøv så igen.',
  'error.missing-token-endpoint': 'Denne side er endnu ikke sat op til IntelliProve.',
  'error.token-endpoint-failed':
    'Din session kunne ikke startes. Tjek din forbindelse, og prøv igen.',
  'error.invalid-response': 'Siden fik et svar, den ikke kunne bruge. Prøv igen senere.',
  'error.invalid-url': 'Dette scanningslink er ikke betroet og blev derfor ikke åbnet.',
  'error.invalid-attribute': 'Denne widget er ikke sat korrekt op.',
  'error.api-error': 'Dine resultater kunne ikke indlæses.',
  'error.insecure-context': 'Kameraet virker kun på sikre (https-)sider.',
  'error.camera-blocked': 'Denne side tillader ikke kameraet til ansigtsscanningen.',
  'error.camera-unavailable': 'Denne browser kan ikke bruge et kamera.',
  'error.plugin-error': 'Ansigtsscanningen meldte et problem.',
};
