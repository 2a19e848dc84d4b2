/**
 * The people the sandbox engine starts with, and their scans: the same on every start (a seeded
 * random generator), the latest scan a day ago.
 */
import { createHash } from 'node:crypto';
import type { ScanBiomarker } from '../../src/protocol/health.js';
import { hashExternalId, isoWithOffset, type Data, type User } from './model.js';

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
export type Base = {
  hr: number;
  rr: number;
  hrv: number;
  rbs: number | null;
  sys: number | null;
  dia: number | null;
};

/** Plausible biomarkers around a user's baseline; `null` where the baseline is locked. */
export function measure(base: Base, random: () => number): Record<ScanBiomarker, number | null> {
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

export function seedData(now: number): Data {
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
