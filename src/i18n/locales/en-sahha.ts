/**
 * English texts of the Sahha provider, shipped in its chunk and added to the English catalog
 * when it loads (other languages carry them in their own chunks).
 */
export const enSahha = {
  'state.no-device-data': 'No data yet',
  'state.no-device-data-hint': 'This appears once your device has shared data.',
  'biomarker.steps': 'Steps',
  'biomarker.sleep_duration': 'Sleep',
  'biomarker.heart_rate_resting': 'Resting heart rate',
  'biomarker.heart_rate_variability_sdnn': 'Heart rate variability',
  'biomarker.oxygen_saturation': 'Blood oxygen',
  'biomarker.vo2_max': 'VO2 max',
  'biomarker.weight': 'Weight',
  'biomarker.height': 'Height',
  'biomarker.body_mass_index': 'Body mass index',
  'biomarker.body_fat': 'Body fat',
  'biomarker.active_energy_burned': 'Active energy',
  'biomarker.distance': 'Distance',
  'biomarker.body_temperature': 'Body temperature',
  'metric.activity': 'Activity',
  'metric.sleep': 'Sleep',
  'metric.readiness': 'Readiness',
  'metric.wellbeing': 'Wellbeing',
  'metric.mental_wellbeing': 'Mental wellbeing',
  'level.minimal': 'Minimal',
  'level.low': 'Low',
  'level.medium': 'Medium',
  'level.high': 'High',
  'gauge.factors': 'Based on',
  'card.day': 'On {date}',
};
