import type { Catalog } from './en.js';

export const nl: Catalog = {
  'face-scan.title': 'IntelliProve-gezichtsscan',
  'face-scan.loading': 'Je gezichtsscan wordt voorbereid…',
  'dashboard.title': 'IntelliProve-gezondheidsdashboard',
  'dashboard.loading': 'Je gezondheidsdashboard wordt geladen…',
  retry: 'Opnieuw proberen',
  'error.signed-out': 'Meld je eerst aan en probeer het dan opnieuw.',
  'error.missing-token-endpoint': 'Deze pagina is nog niet ingesteld voor IntelliProve.',
  'error.token-endpoint-failed':
    'Je sessie kon niet worden gestart. Controleer je verbinding en probeer opnieuw.',
  'error.invalid-response':
    'De pagina kreeg een antwoord dat ze niet kon gebruiken. Probeer het later opnieuw.',
  'error.invalid-url': 'Deze scanlink is niet vertrouwd en werd daarom niet geopend.',
  'error.invalid-attribute': 'Deze widget is niet juist ingesteld.',
  'error.api-error': 'Je resultaten konden niet worden geladen.',
  'error.insecure-context': 'De camera werkt alleen op beveiligde (https-)pagina’s.',
  'error.camera-blocked': 'Deze pagina staat de camera niet toe voor de gezichtsscan.',
  'error.camera-unavailable': 'Deze browser kan geen camera gebruiken.',
  'error.plugin-error': 'De gezichtsscan meldde een probleem.',
};
