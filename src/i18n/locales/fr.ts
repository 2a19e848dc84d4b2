import type { Catalog } from './en.js';

export const fr: Catalog = {
  'face-scan.title': 'Scan du visage IntelliProve',
  'face-scan.loading': 'Préparation de votre scan du visage…',
  'dashboard.title': 'Tableau de bord santé IntelliProve',
  'dashboard.loading': 'Chargement de votre tableau de bord santé…',
  retry: 'Réessayer',
  'error.signed-out': 'Connectez-vous d’abord, puis réessayez.',
  'error.missing-token-endpoint': 'Cette page n’est pas encore configurée pour IntelliProve.',
  'error.token-endpoint-failed':
    'Votre session n’a pas pu démarrer. Vérifiez votre connexion et réessayez.',
  'error.invalid-response': 'La page a reçu une réponse inutilisable. Réessayez plus tard.',
  'error.invalid-url': 'Ce lien de scan n’est pas fiable : il n’a pas été ouvert.',
  'error.invalid-attribute': 'Ce widget n’est pas configuré correctement.',
  'error.api-error': 'Vos résultats n’ont pas pu être chargés.',
  'error.insecure-context': 'La caméra ne fonctionne que sur les pages sécurisées (https).',
  'error.camera-blocked': 'Cette page n’autorise pas la caméra pour le scan du visage.',
  'error.camera-unavailable': 'Ce navigateur ne peut pas utiliser de caméra.',
  'error.plugin-error': 'Le scan du visage a signalé un problème.',
};
