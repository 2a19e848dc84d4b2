/**
 * The names IntelliProve's JSON API v2 gives a user's health data, shared by the kit's cards and
 * gauges, the sandbox engine, the stand-in plug-ins, the bench and the tests. Constants only.
 */

/** The biomarkers of a face scan (`GET /v2/face-scans…`): each a number, or null when locked. */
export const SCAN_BIOMARKERS = [
  'heart_rate',
  'respiratory_rate',
  'heart_rate_variability',
  'resonant_breathing_score',
  'systolic_blood_pressure',
  'diastolic_blood_pressure',
] as const;
export type ScanBiomarker = (typeof SCAN_BIOMARKERS)[number];

/** The health metrics of `GET /v2/metrics`: `metrics[name]` is a score and confidence, or null. */
export const METRICS = [
  'energy_balance',
  'general_fitness',
  'hypertension',
  'mental_health_risk',
  'mental_stress',
  'sleep_quality',
] as const;
export type Metric = (typeof METRICS)[number];

/** The scores of `GET /v2/userprofiles/wellbeing`, by the gauge `metric` that shows each. */
export const WELLBEING_SCORES = {
  wellbeing_mental: 'mental',
  wellbeing_physical: 'physical',
  wellbeing_energy_sleep: 'energy_sleep',
} as const;
export type WellbeingMetric = keyof typeof WELLBEING_SCORES;
export type WellbeingScore = (typeof WELLBEING_SCORES)[WellbeingMetric];

/** Everything `<ip-metric-gauge metric>` shows for IntelliProve: the metrics, then wellbeing. */
export const GAUGE_METRICS: readonly (Metric | WellbeingMetric)[] = [
  ...METRICS,
  ...(Object.keys(WELLBEING_SCORES) as WellbeingMetric[]),
];
