/**
 * English: `<ip-metric-gauge>`. A module of its own, so that a page carries only the English it shows.
 *
 * What a gauge says about each IntelliProve metric follows IntelliProve's own metric widget
 * (docs.intelliprove.com/product-docs/metric-widget and /product-docs/metrics: title,
 * supporting text, score with confidence, zone, info section). Where the texts come from:
 * - the scale (`gauge.scale`): /technical-docs/rest-api ("Metrics", "User health profiles") —
 *   a score around 50 is average for the user's age and sex, below is suboptimal, above is
 *   optimal; /product-docs/metrics — "relative to a healthy person of similar profile";
 * - mental stress: /insights/mental-stress — first result the day after the first face scan;
 *   HRV metrics and facial micro-expressions, an exponentially weighted average that favours
 *   recent scans; stress load and the capacity to cope with it;
 * - sleep quality: /insights/sleep-quality — at least two face scans before 10 am within one
 *   week, in general after the first week; HR, HRV, stress level, the user's sleep answers and
 *   facial keypoints (eyelids, redder or puffy eyes, dark circles, paler skin…);
 * - general fitness: /insights/general-fitness-level — in general after two or three face
 *   scans, with answers to the fitness questions; HR, respiratory rate, HRV; endurance,
 *   strength and flexibility;
 * - mental health risk: /insights/mental-health-risk — at least two face scans a week for three
 *   consecutive weeks; HRV, facial micro-expressions, compared over time with the user's
 *   baseline;
 * - hypertension risk: /insights/hypertension-risk — blood pressure consistently above the
 *   normal range within the next year; the face scan's rPPG signal and user-reported data. The
 *   docs do not say when it first appears: "after your first face scans", with the questions;
 * - energy balance: /insights/energy-balance — the sympathetic ("gas pedal") and
 *   parasympathetic ("battery charger") balance, from beat-to-beat intervals of the face's PPG
 *   signal against population norms. The docs do not say when it first appears: "after your
 *   first face scans";
 * - both: metrics are recomputed every night (/product-docs/user-health-profile);
 * - wellbeing scores: /product-docs/user-health-profile — each profile's score comes from its
 *   core metrics and related biomarkers; the docs give no condition, so: once those have results.
 */
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
  'gauge.valuetext-confidence': '{score} out of 100, {zone}, confidence {confidence}',
  'gauge.scale':
    'The score compares you with a healthy person of your age and sex: 50 is average, and higher is better.',
  'unlock.energy_balance':
    'This appears after your first face scans; results are updated every night.',
  'unlock.general_fitness':
    'This appears after two or three face scans, once you have answered the fitness questions.',
  'unlock.hypertension':
    'This appears after your first face scans and the questions about you; results are updated every night.',
  'unlock.mental_health_risk':
    'This appears after at least two face scans a week for three weeks in a row.',
  'unlock.mental_stress': 'This appears the day after your first face scan.',
  'unlock.sleep_quality':
    'This appears after at least two face scans before 10 am within one week, usually after your first week.',
  'unlock.wellbeing':
    'This appears once the metrics behind it have their first results, after your first face scans.',
  'meaning.energy_balance':
    'The balance between the part of your nervous system that spends energy and the part that helps you rest and recharge.',
  'meaning.general_fitness':
    'Your overall physical condition: endurance, strength and flexibility.',
  'meaning.hypertension':
    'Your risk of blood pressure that stays above the normal range in the coming year: a higher score means a lower risk.',
  'meaning.mental_health_risk':
    'Your risk of developing a mental health condition over time: a higher score means a lower risk.',
  'meaning.mental_stress':
    'Your mental stress load and how well you cope with it: a higher score means less stress.',
  'meaning.sleep_quality': 'How restful your sleep is, and so how ready you are for the day.',
  'meaning.wellbeing_mental': 'Your mental health profile in one score.',
  'meaning.wellbeing_physical':
    'Your physical health profile in one score: how well your body and its systems work.',
  'meaning.wellbeing_energy_sleep': 'Your energy and sleep profile in one score.',
  'basis.energy_balance':
    'Based on the rhythm of your heartbeat in the face scan (the time between beats and how it varies), compared with normal values for the population.',
  'basis.general_fitness':
    'Based on your heart rate, respiratory rate and heart rate variability, and your answers to the fitness questions.',
  'basis.hypertension':
    'Based on the blood-flow signal measured in your face during the scans, and what you told us about yourself.',
  'basis.mental_health_risk':
    'Based on your heart rate variability and facial micro-expressions, compared over several weeks with your own baseline.',
  'basis.mental_stress':
    'Based on your heart rate variability and facial micro-expressions, with your latest face scans counting most.',
  'basis.sleep_quality':
    'Based on your heart rate, heart rate variability and stress level, what you told us about your sleep, and signs of tiredness in your face, such as dark circles or puffy eyes.',
  'basis.wellbeing_mental':
    'Based on the metrics and biomarkers of your mental health profile, from your face scans.',
  'basis.wellbeing_physical':
    'Based on the metrics and biomarkers of your physical health profile, from your face scans.',
  'basis.wellbeing_energy_sleep':
    'Based on the metrics and biomarkers of your energy and sleep profile, from your face scans.',
};
