/**
 * The sandbox engine's data: customers' users, their face scans and question answers, kept in
 * memory and optionally persisted to a JSON file. Metrics and wellbeing scores are derived from
 * a user's scans (and answers), so a new scan moves them as it would on the real engine.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Metric, ScanBiomarker } from '../../src/protocol/health.js';

export type Biomarker = ScanBiomarker;
export type { Metric };

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
} & Record<Biomarker, number | null>;

export interface Answer {
  lookup_key: string;
  value: number;
  timezone: string | null;
}

interface Data {
  users: User[];
  scans: Scan[];
  answers: Record<string, Answer[]>;
}

export type MetricValue = { score: number; confidence: number } | null;

export function hashExternalId(externalId: string): string {
  return createHash('sha256').update(externalId).digest('hex');
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp = (n: number, lo = 0, hi = 100) => Math.min(hi, Math.max(lo, n));

/** A scan's timestamp in the Brussels offset style the real engine answers with. */
export function isoWithOffset(epochMs: number): string {
  const d = new Date(epochMs + 3600_000);
  return `${d.toISOString().replace('Z', '').padEnd(23, '0')}000+01:00`;
}

/** Mulberry32: small deterministic PRNG so seeded data is the same on every start. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(text: string): string {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The people the sandbox starts with. Their external ids are what a demo host signs in as. */
export const SEED_USERS = [
  {
    external_user_id: 'demo@example.com',
    birth_date: '1986-04-17',
    sex: 'F',
    language: 'en',
    preferred_unit_system: 'metric',
    weight: 64,
    height: 168,
    scans: 12,
    base: { hr: 64, rr: 14, hrv: 72, rbs: 55, sys: 121, dia: 79 },
    answers: { average_sleep_hours: 7 },
  },
  {
    external_user_id: 'jan@example.be',
    birth_date: '1979-09-02',
    sex: 'M',
    language: 'nl',
    preferred_unit_system: 'metric',
    weight: 82,
    height: 181,
    scans: 5,
    base: { hr: 71, rr: 16, hrv: 41, rbs: null, sys: null, dia: null },
    answers: {},
  },
  {
    external_user_id: 'amy@example.com',
    birth_date: '1992-12-30',
    sex: 'F',
    language: 'en',
    preferred_unit_system: 'imperial',
    weight: 70,
    height: 165,
    scans: 8,
    base: { hr: 58, rr: 13, hrv: 104, rbs: 74, sys: 114, dia: 72 },
    answers: { average_sleep_hours: 8 },
  },
  {
    external_user_id: 'claire@example.fr',
    birth_date: '1990-06-11',
    sex: 'F',
    language: 'fr',
    preferred_unit_system: 'metric',
    weight: 59,
    height: 163,
    scans: 3,
    base: { hr: 76, rr: 17, hrv: 33, rbs: 31, sys: 131, dia: 84 },
    answers: {},
  },
  {
    external_user_id: 'mads@example.dk',
    birth_date: '1975-02-21',
    sex: 'M',
    language: 'da',
    preferred_unit_system: 'metric',
    weight: 88,
    height: 188,
    scans: 6,
    base: { hr: 62, rr: 12, hrv: 66, rbs: 61, sys: 126, dia: 81 },
    answers: { average_sleep_hours: 6 },
  },
  {
    external_user_id: 'ingrid@example.se',
    birth_date: '1969-08-08',
    sex: 'F',
    language: 'sv',
    preferred_unit_system: 'metric',
    weight: 67,
    height: 170,
    scans: 4,
    base: { hr: 67, rr: 15, hrv: 48, rbs: 46, sys: 133, dia: 86 },
    answers: {},
  },
  {
    external_user_id: 'new@example.com',
    birth_date: null,
    sex: null,
    language: 'en',
    preferred_unit_system: null,
    weight: null,
    height: null,
    scans: 0,
    base: { hr: 70, rr: 15, hrv: 60, rbs: 50, sys: 120, dia: 80 },
    answers: {},
  },
] as const;

export const SEED_CUSTOMER = 'Sandbox Health';
type Base = {
  hr: number;
  rr: number;
  hrv: number;
  rbs: number | null;
  sys: number | null;
  dia: number | null;
};

/** Plausible biomarkers around a user's baseline; `null` where the baseline is locked. */
export function measure(base: Base, random: () => number): Record<Biomarker, number | null> {
  const jitter = (value: number | null, spread: number) =>
    value === null ? null : Math.round(value + (random() * 2 - 1) * spread);
  return {
    heart_rate: jitter(base.hr, 6),
    respiratory_rate: jitter(base.rr, 2),
    heart_rate_variability: jitter(base.hrv, 12),
    resonant_breathing_score: jitter(base.rbs, 10),
    systolic_blood_pressure: jitter(base.sys, 7),
    diastolic_blood_pressure: jitter(base.dia, 5),
  };
}

function seedData(now: number): Data {
  const data: Data = { users: [], scans: [], answers: {} };
  SEED_USERS.forEach((seed, index) => {
    const user: User = {
      user_id: uuidFrom(`user:${seed.external_user_id}`),
      customer: SEED_CUSTOMER,
      external_hash: hashExternalId(seed.external_user_id),
      birth_date: seed.birth_date,
      sex: seed.sex,
      weight: seed.weight === null ? null : { value: seed.weight, unit: 'kg' },
      height: seed.height === null ? null : { value: seed.height, unit: 'cm' },
      hypertension: seed.base.sys === null ? null : seed.base.sys > 130 ? 1 : 0,
      language: seed.language,
      preferred_unit_system: seed.preferred_unit_system,
    };
    data.users.push(user);
    const random = prng(1000 + index);
    // Scans every 3 days, the latest one 26 hours ago.
    for (let i = seed.scans - 1; i >= 0; i--) {
      const epochMs = Math.floor((now - 26 * 3600_000 - i * 3 * 86400_000) / 1000) * 1000;
      data.scans.push({
        face_scan_id: uuidFrom(`scan:${seed.external_user_id}:${i}`),
        user_id: user.user_id,
        ...measure(seed.base, random),
        timestamp_epoch: epochMs / 1000,
        timestamp: isoWithOffset(epochMs),
      });
    }
    data.answers[user.user_id] = Object.entries(seed.answers).map(([lookup_key, value]) => ({
      lookup_key,
      value,
      timezone: 'Europe/Brussels',
    }));
  });
  return data;
}

function average(scans: Scan[], key: Biomarker): number | null {
  const values = scans.map((s) => s[key]).filter((v): v is number => typeof v === 'number');
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export class Store {
  private data: Data;

  constructor(
    private readonly file?: string,
    now = Date.now(),
  ) {
    this.data = seedData(now);
    if (file) {
      try {
        this.data = JSON.parse(readFileSync(file, 'utf8')) as Data;
      } catch {
        this.save();
      }
    }
  }

  private save(): void {
    if (this.file) writeFileSync(this.file, JSON.stringify(this.data, null, 1));
  }

  userById(userId: string): User | undefined {
    return this.data.users.find((u) => u.user_id === userId);
  }

  userByExternalId(customer: string, externalId: string): User | undefined {
    const hash = hashExternalId(externalId);
    return this.data.users.find((u) => u.customer === customer && u.external_hash === hash);
  }

  createUser(customer: string, externalId: string, fields: Partial<User>): User {
    const user: User = {
      user_id: randomUUID(),
      customer,
      external_hash: hashExternalId(externalId),
      birth_date: null,
      sex: null,
      weight: null,
      height: null,
      hypertension: null,
      language: null,
      preferred_unit_system: null,
      ...fields,
    };
    this.data.users.push(user);
    this.data.answers[user.user_id] = [];
    this.save();
    return user;
  }

  updateUser(user: User, fields: Partial<User>): User {
    Object.assign(user, fields);
    this.save();
    return user;
  }

  deleteUser(user: User): void {
    this.data.users = this.data.users.filter((u) => u !== user);
    this.data.scans = this.data.scans.filter((s) => s.user_id !== user.user_id);
    delete this.data.answers[user.user_id];
    this.save();
  }

  scan(id: string): Scan | undefined {
    return this.data.scans.find((s) => s.face_scan_id === id);
  }

  /** A user's scans, oldest first. */
  scansOf(userId: string): Scan[] {
    return this.data.scans
      .filter((s) => s.user_id === userId)
      .sort((a, b) => a.timestamp_epoch - b.timestamp_epoch);
  }

  addScan(user: User, values: Record<Biomarker, number | null>, epochMs = Date.now()): Scan {
    const scan: Scan = {
      face_scan_id: randomUUID(),
      user_id: user.user_id,
      ...values,
      timestamp_epoch: Math.floor(epochMs / 1000),
      timestamp: isoWithOffset(epochMs),
    };
    this.data.scans.push(scan);
    this.save();
    return scan;
  }

  /** The baseline a new measurement of this user scatters around (their recent averages). */
  baselineOf(user: User): Base {
    const recent = this.scansOf(user.user_id).slice(-5);
    const seed = SEED_USERS.find(
      (s) => hashExternalId(s.external_user_id) === user.external_hash,
    )?.base;
    const pick = (key: Biomarker, fallback: number | null) => {
      if (recent.length === 0) return fallback;
      const value = average(recent, key);
      return value === null ? null : Math.round(value);
    };
    return {
      hr: pick('heart_rate', seed?.hr ?? 68) ?? 68,
      rr: pick('respiratory_rate', seed?.rr ?? 15) ?? 15,
      hrv: pick('heart_rate_variability', seed?.hrv ?? 60) ?? 60,
      rbs: pick('resonant_breathing_score', seed?.rbs ?? 50),
      sys: pick('systolic_blood_pressure', seed?.sys ?? 120),
      dia: pick('diastolic_blood_pressure', seed?.dia ?? 80),
    };
  }

  answersOf(userId: string): Answer[] {
    return this.data.answers[userId] ?? [];
  }

  saveAnswer(user: User, answer: Answer): Answer {
    const list = (this.data.answers[user.user_id] ??= []);
    const index = list.findIndex((a) => a.lookup_key === answer.lookup_key);
    if (index >= 0) list[index] = answer;
    else list.push(answer);
    this.save();
    return answer;
  }

  /**
   * Health metrics from the user's last five scans; confidence grows with the number of scans.
   * `null` for a metric without the data it needs (sleep quality needs the sleep question).
   */
  metricsOf(userId: string): { metrics: Record<Metric, MetricValue>; last_update: string } | null {
    const all = this.scansOf(userId);
    if (all.length === 0) return null;
    const recent = all.slice(-5);
    const hr = average(recent, 'heart_rate');
    const rr = average(recent, 'respiratory_rate');
    const hrv = average(recent, 'heart_rate_variability');
    const rbs = average(recent, 'resonant_breathing_score');
    const sys = average(recent, 'systolic_blood_pressure');
    const dia = average(recent, 'diastolic_blood_pressure');
    const sleep = this.answersOf(userId).find((a) => a.lookup_key === 'average_sleep_hours')?.value;
    const confidence = (extra: number) => round2(clamp(20 + all.length * 5 + extra));
    const metric = (score: number | null, extra: number): MetricValue =>
      score === null ? null : { score: round2(clamp(score)), confidence: confidence(extra) };
    const has = (...values: (number | null)[]) => values.every((v) => v !== null);
    const metrics: Record<Metric, MetricValue> = {
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
    const last = all[all.length - 1]!;
    return { metrics, last_update: last.timestamp };
  }

  /** Wellbeing profile scores (0–100) from the metrics. */
  wellbeingOf(userId: string): { mental: number; physical: number; energy_sleep: number } | null {
    const result = this.metricsOf(userId);
    if (!result) return null;
    const m = result.metrics;
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
}
