/** English: the source catalog. Every other language must have every key (checked by tsc). */
export const en = {
  'face-scan.title': 'IntelliProve face scan',
  'face-scan.loading': 'Preparing your face scan…',
  'dashboard.title': 'IntelliProve health dashboard',
  'dashboard.loading': 'Loading your health dashboard…',
  retry: 'Try again',
  'error.signed-out': 'Please sign in first, then try again.',
  'error.missing-token-endpoint': 'This page is not set up for IntelliProve yet.',
  'error.token-endpoint-failed':
    'Your session could not be started. Check your connection and try again.',
  'error.invalid-response': 'The page received an answer it could not use. Please try again later.',
  'error.invalid-url': 'This health scan link is not trusted, so it was not opened.',
  'error.invalid-attribute': 'This widget is not set up correctly.',
  'error.api-error': 'Your results could not be loaded.',
  'error.insecure-context': 'The camera only works on secure (https) pages.',
  'error.camera-blocked': 'This page does not allow the camera for the face scan.',
  'error.camera-unavailable': 'This browser cannot use a camera.',
  'error.plugin-error': 'The face scan reported a problem.',
};

export type Catalog = Record<keyof typeof en, string>;
