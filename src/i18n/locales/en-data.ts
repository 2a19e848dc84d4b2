/** English: what the data elements (cards, gauges) share. A module of its own, so that a page carries only the English it shows. */
export const enData = {
  'error.api-error': 'Your results could not be loaded.',
  'state.loading': 'Loading…',
  'state.no-scan': 'No face scan yet',
  'state.no-scan-hint': 'Do a face scan to see this result.',
  'state.not-available': 'Not available',
  'state.not-available-hint': 'Not measured in this scan, or not unlocked yet.',
};
