/** English: `<ip-metric-gauge>`. A module of its own, so that a page carries only the English it shows. */
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
