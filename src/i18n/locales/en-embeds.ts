/** English: `<ip-face-scan>` and `<ip-dashboard>`. A module of its own, so that a page carries only the English it shows. */
export const enEmbeds = {
  'face-scan.title': 'IntelliProve face scan',
  'face-scan.loading': 'Preparing your face scan…',
  'dashboard.title': 'IntelliProve health dashboard',
  'dashboard.loading': 'Loading your health dashboard…',
  'error.invalid-url': 'This health scan link is not trusted, so it was not opened.',
  'error.insecure-context': 'The camera only works on secure (https) pages.',
  'error.camera-blocked': 'This page does not allow the camera for the face scan.',
  'error.camera-unavailable': 'This browser cannot use a camera.',
  'error.frame-blocked': 'This page does not allow the IntelliProve plug-in to load.',
  'error.plugin-error': 'The face scan reported a problem.',
  'error.load-failed':
    'The IntelliProve plug-in did not load. Check your connection and try again.',
};
