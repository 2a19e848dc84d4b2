/**
 * What the engine derives from a user's scans and answers, as the real engine does in its own
 * way: health metrics (score and confidence) and the wellbeing profile.
 */
import type { ScanBiomarker } from '../../src/protocol/health.js';
import type { Answer, Metrics, MetricValue, Scan, Wellbeing } from './model.js';

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp = (n: number, lo = 0, hi = 100) => Math.min(hi, Math.max(lo, n));

/** The mean of `key` over `scans`, leaving out those where it is locked; null when all are. */
export function average(scans: Scan[], key: ScanBiomarker): number | null {
  const values = scans.map((s) => s[key]).filter((v): v is number => typeof v === 'number');
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/**
 * Health metrics from the last five of `scans` (oldest first); confidence grows with the number
 * of scans. `null` for a metric without the data it needs (sleep quality needs the sleep
 * question); null without scans.
 */
export function metricsFrom(all: Scan[], answers: Answer[]): Metrics | null {
  if (all.length === 0) return null;
  const recent = all.slice(-5);
  const hr = average(recent, 'heart_rate');
  const rr = average(recent, 'respiratory_rate');
  const hrv = average(recent, 'heart_rate_variability');
  const rbs = average(recent, 'resonant_breathing_score');
  const sys = average(recent, 'systolic_blood_pressure');
  const dia = average(recent, 'diastolic_blood_pressure');
  const sleep = answers.find((a) => a.lookup_key === 'average_sleep_hours')?.value;
  const confidence = (extra: number) => round2(clamp(20 + all.length * 5 + extra));
  const metric = (score: number | null, extra: number): MetricValue =>
    score === null ? null : { score: round2(clamp(score)), confidence: confidence(extra) };
  const has = (...values: (number | null)[]) => values.every((v) => v !== null);
  const metrics: Metrics['metrics'] = {
    energy_balance: metric(has(hr, hrv) ? 50 + (70 - hr!) * 1.2 + (hrv! - 60) * 0.15 : null, 5),
    general_fitness: metric(has(hr) ? 50 + (66 - hr!) * 1.5 + ((rbs ?? 50) - 45) * 0.2 : null, 0),
    hypertension: metric(has(sys, dia) ? 50 + (122 - sys!) * 1.4 + (80 - dia!) * 0.8 : null, -8),
    mental_health_risk: metric(has(hrv, rr) ? 50 + (hrv! - 60) * 0.3 + (15 - rr!) * 2 : null, 3),
    mental_stress: metric(has(hrv, hr) ? 50 + (hrv! - 55) * 0.35 - (hr! - 66) * 0.5 : null, 2),
    sleep_quality: metric(
      sleep === undefined || !has(hr) ? null : 50 + (sleep - 7) * 9 - (hr! - 66) * 0.4,
      -5,
    ),
  };
  return { metrics, last_update: all[all.length - 1]!.timestamp };
}

/** Wellbeing profile scores (0–100): means of the metrics each stands for (50 without any). */
export function wellbeingFrom(m: Metrics['metrics']): Wellbeing {
  const mean = (...values: MetricValue[]) => {
    const scores = values
      .filter((v): v is NonNullable<MetricValue> => v !== null)
      .map((v) => v.score);
    return scores.length ? round2(scores.reduce((a, b) => a + b, 0) / scores.length) : 50;
  };
  return {
    mental: mean(m.mental_stress, m.mental_health_risk),
    physical: mean(m.general_fitness, m.hypertension),
    energy_sleep: mean(m.energy_balance, m.sleep_quality),
  };
}
