import type { enSahha } from './en-sahha.js';

/** English: the source catalog. Every other language must have every key (checked by tsc).
 * Texts every element uses; each element adds its own group below when its module loads,
 * so a page carries only the English it shows. */
export const en = {
  retry: 'Try again',
  'error.signed-out': 'Please sign in first, then try again.',
  'error.missing-token-endpoint': 'This page is not set up for IntelliProve yet.',
  'error.token-endpoint-failed':
    'Your session could not be started. Check your connection and try again.',
  'error.invalid-response': 'The page received an answer it could not use. Please try again later.',
  'error.invalid-attribute': 'This widget is not set up correctly.',
};

/** What the data elements (cards, gauges) share. */
export const enData = {
  'error.api-error': 'Your results could not be loaded.',
  'state.loading': 'Loading…',
  'state.no-scan': 'No face scan yet',
  'state.no-scan-hint': 'Do a face scan to see this result.',
  'state.not-available': 'Not available',
  'state.not-available-hint': 'Not measured in this scan, or not unlocked yet.',
};

/** `<ip-face-scan>` and `<ip-dashboard>`. */
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
};

/** `<ip-biomarker-card>`. */
export const enCards = {
  'biomarker.heart_rate': 'Heart rate',
  'biomarker.respiratory_rate': 'Respiratory rate',
  'biomarker.heart_rate_variability': 'Heart rate variability',
  'biomarker.resonant_breathing_score': 'Resonant breathing',
  'biomarker.systolic_blood_pressure': 'Systolic blood pressure',
  'biomarker.diastolic_blood_pressure': 'Diastolic blood pressure',
  'biomarker.blood_pressure': 'Blood pressure',
  'unit.bpm': 'bpm',
  'unit.breaths-per-minute': 'breaths/min',
  'unit.mmhg': 'mmHg',
  'unit.score': '/ 100',
  'card.measured': 'Measured {time}',
  'card.trend': 'Trend of your last {count} scans',
  'hint.heart_rate_variability.below': 'Below average (under 35 ms)',
  'hint.heart_rate_variability.average': 'Average (35–100 ms)',
  'hint.heart_rate_variability.excellent': 'Excellent (over 100 ms)',
  'hint.respiratory_rate.low': 'Below the resting range of 12–20',
  'hint.respiratory_rate.normal': 'Within the resting range of 12–20',
  'hint.respiratory_rate.high': 'Above the resting range of 12–20',
  'hint.resonant_breathing_score.none': 'No resonant breathing yet (0–40)',
  'hint.resonant_breathing_score.partial': 'Partly resonant breathing (40–70)',
  'hint.resonant_breathing_score.good': 'Good resonant breathing (over 70)',
};

/** `<ip-metric-gauge>`. */
export const enGauges = {
  'state.no-data': 'No data yet',
  'state.no-data-hint': 'This appears after your first face scans.',
  'metric.energy_balance': 'Energy balance',
  'metric.general_fitness': 'General fitness',
  'metric.hypertension': 'Hypertension',
  'metric.mental_health_risk': 'Mental health risk',
  'metric.mental_stress': 'Mental stress',
  'metric.sleep_quality': 'Sleep quality',
  'metric.wellbeing_mental': 'Mental wellbeing',
  'metric.wellbeing_physical': 'Physical wellbeing',
  'metric.wellbeing_energy_sleep': 'Energy and sleep',
  'zone.below': 'Below your average',
  'zone.around': 'Around your average',
  'zone.above': 'Above your average',
  'gauge.confidence': 'Confidence {value}',
  'gauge.valuetext': '{score} out of 100, {zone}',
};

/** Every text of every language: the kit's own and the Sahha provider's (loaded with it). */
export type Catalog = Record<
  | keyof typeof en
  | keyof typeof enData
  | keyof typeof enEmbeds
  | keyof typeof enCards
  | keyof typeof enGauges
  | keyof typeof enSahha,
  string
>;
