/**
 * What the sandbox engine keeps: customers' users, their face scans and question answers, as the
 * IntelliProve v2 API shows them (less what it hides: a user's external id is kept as a hash).
 */
import { createHash } from 'node:crypto';
import type { Metric, ScanBiomarker, WellbeingScore } from '../../src/protocol/health.js';

export const QUESTION_KEYS = [
  'age',
  'height',
  'weight',
  'balance_coordination',
  'hours_sport_week',
  'daily_activities',
  'nightly_wake_ups',
  'feeling_stressed_last_month',
  'struggling_irritations_last_month',
  'things_your_way_last_month',
  'average_sleep_hours',
] as const;

export interface User {
  user_id: string;
  customer: string;
  /** IntelliProve keeps only a hash of the external user id. */
  external_hash: string;
  birth_date: string | null;
  sex: 'M' | 'F' | null;
  weight: { value: number; unit: 'kg' } | null;
  height: { value: number; unit: 'cm' } | null;
  hypertension: number | null;
  language: string | null;
  preferred_unit_system: 'metric' | 'imperial' | null;
}

export type Scan = {
  face_scan_id: string;
  user_id: string;
  timestamp_epoch: number;
  timestamp: string;
} & Record<ScanBiomarker, number | null>;

export interface Answer {
  lookup_key: string;
  value: number;
  timezone: string | null;
}

/** Everything the engine keeps, as its data file holds it. */
export interface Data {
  users: User[];
  scans: Scan[];
  answers: Record<string, Answer[]>;
}

export type MetricValue = { score: number; confidence: number } | null;

/** Metrics as `GET /v2/metrics` answers them, and the wellbeing scores derived from them. */
export type Metrics = { metrics: Record<Metric, MetricValue>; last_update: string };
export type Wellbeing = Record<WellbeingScore, number>;

export function hashExternalId(externalId: string): string {
  return createHash('sha256').update(externalId).digest('hex');
}

/** A scan's timestamp in the Brussels offset style the real engine answers with. */
export function isoWithOffset(epochMs: number): string {
  const d = new Date(epochMs + 3600_000);
  return `${d.toISOString().replace('Z', '').padEnd(23, '0')}000+01:00`;
}
