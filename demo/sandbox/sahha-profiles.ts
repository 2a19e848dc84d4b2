/**
 * The Sahha sandbox's profiles: scores with their factors and a week of daily biomarkers each,
 * the same on every start (`sahha-empty@example.com` has no data yet); and their rows as the
 * profile endpoints answer them.
 */
import { randomUUID } from 'node:crypto';

export const DAY = 24 * 3600;

export interface SahhaBiomarker {
  category: 'activity' | 'sleep' | 'vitals' | 'body';
  type: string;
  unit: string;
  /** One value a day, newest last. */
  values: number[];
}

export interface Profile {
  profileId: string;
  externalId: string;
  scores: {
    type: string;
    value: number;
    state: string;
    factors: {
      name: string;
      value: number;
      goal: number;
      unit: string;
      score: number;
      state: string;
    }[];
  }[];
  biomarkers: SahhaBiomarker[];
}

const state = (value: number) =>
  value < 0.25 ? 'minimal' : value < 0.5 ? 'low' : value < 0.75 ? 'medium' : 'high';

export function seedProfile(externalId: string, index: number): Profile {
  const wobble = (base: number, spread: number, day: number) =>
    Math.round((base + Math.sin(day * 1.7 + index) * spread) * 100) / 100;
  const daily = (base: number, spread: number, days = 7) =>
    Array.from({ length: days }, (_, day) => wobble(base, spread, day));
  const FACTORS: Record<string, [string, string, number][]> = {
    activity: [
      ['steps', 'count', 10000],
      ['active_hours', 'hour', 8],
      ['extended_inactivity', 'minute', 600],
    ],
    sleep: [
      ['sleep_duration', 'minute', 480],
      ['sleep_regularity', 'score', 100],
      ['sleep_debt', 'minute', 0],
    ],
    readiness: [
      ['sleep_duration', 'minute', 480],
      ['heart_rate_variability', 'ms', 60],
      ['resting_heart_rate', 'bpm', 60],
    ],
    wellbeing: [
      ['activity', 'score', 100],
      ['sleep', 'score', 100],
    ],
    mental_wellbeing: [
      ['sleep_regularity', 'score', 100],
      ['circadian_alignment', 'score', 100],
    ],
  };
  const score = (type: string, value: number) => ({
    type,
    value,
    state: state(value),
    factors: (FACTORS[type] ?? []).map(([name, unit, goal]) => ({
      name,
      value: Math.round((goal || 100) * value),
      goal,
      unit,
      score: value,
      state: state(value),
    })),
  });
  return {
    profileId: randomUUID(),
    externalId,
    scores: [
      score('activity', 0.72 - index * 0.1),
      score('sleep', 0.64 + index * 0.05),
      score('readiness', 0.58),
      score('wellbeing', 0.81 - index * 0.2),
      score('mental_wellbeing', 0.47),
    ],
    biomarkers: [
      { category: 'activity', type: 'steps', unit: 'count', values: daily(8900, 2100) },
      { category: 'activity', type: 'active_energy_burned', unit: 'kcal', values: daily(540, 120) },
      { category: 'activity', type: 'distance', unit: 'km', values: daily(6.4, 1.5) },
      { category: 'sleep', type: 'sleep_duration', unit: 'minute', values: daily(452, 40) },
      { category: 'vitals', type: 'heart_rate_resting', unit: 'bpm', values: daily(58, 3) },
      { category: 'vitals', type: 'heart_rate_variability_sdnn', unit: 'ms', values: daily(61, 8) },
      {
        category: 'vitals',
        type: 'respiratory_rate',
        unit: 'breath_per_min',
        values: daily(14.2, 1.1),
      },
      { category: 'vitals', type: 'oxygen_saturation', unit: 'percent', values: daily(97.4, 0.8) },
      { category: 'vitals', type: 'vo2_max', unit: 'ml/kg/min', values: daily(42.5, 0.4) },
      { category: 'vitals', type: 'body_temperature', unit: 'degC', values: daily(36.7, 0.2) },
      { category: 'body', type: 'weight', unit: 'kg', values: daily(70, 0) },
      { category: 'body', type: 'height', unit: 'cm', values: daily(175, 0) },
      { category: 'body', type: 'body_mass_index', unit: 'kg/m2', values: daily(22.9, 0.1) },
      { category: 'body', type: 'body_fat', unit: 'percent', values: daily(21.3, 0.4) },
    ],
  };
}

/** Seeded Sahha profiles (external ids); `sahha-empty@example.com` has no data yet. */
export const SAHHA_SEED = ['demo@example.com', 'amy@example.com'];

/** The seeded profiles by external id, the empty one among them. */
export function seedProfiles(): Map<string, Profile> {
  const profiles = new Map(SAHHA_SEED.map((id, i) => [id, seedProfile(id, i)]));
  profiles.set('sahha-empty@example.com', emptyProfile('sahha-empty@example.com'));
  return profiles;
}

/** A profile without scores or biomarkers: one just registered. */
export const emptyProfile = (externalId: string): Profile => ({
  ...seedProfile(externalId, 0),
  scores: [],
  biomarkers: [],
});

/** A profile's scores of `types` (all when none), as `GET /api/v1/profile/score` lists them. */
export function scoresOf(profile: Profile, types: string[], now: Date) {
  return profile.scores
    .filter((s) => types.length === 0 || types.includes(s.type))
    .map((s) => ({
      id: randomUUID(),
      profileId: profile.profileId,
      accountId: 'sandbox',
      externalId: profile.externalId,
      ...s,
      scoreDateTime: now.toISOString(),
      createdAtUtc: now.toISOString(),
      version: 1,
    }));
}

/** A profile's daily biomarkers of `categories` and `types`, one row a day, as strings. */
export function biomarkersOf(profile: Profile, categories: string[], types: string[], now: Date) {
  return profile.biomarkers
    .filter(
      (b) =>
        (categories.length === 0 || categories.includes(b.category)) &&
        (types.length === 0 || types.includes(b.type)),
    )
    .flatMap((b) =>
      b.values.map((value, index) => {
        const end = new Date(now);
        end.setUTCHours(0, 0, 0, 0);
        end.setUTCDate(end.getUTCDate() - (b.values.length - 1 - index));
        const start = new Date(end.getTime() - DAY * 1000);
        return {
          profileId: profile.profileId,
          externalId: profile.externalId,
          category: b.category,
          type: b.type,
          periodicity: 'daily',
          aggregation: 'total',
          value: String(value),
          unit: b.unit,
          valueType: Number.isInteger(value) ? 'long' : 'double',
          startDateTime: start.toISOString(),
          endDateTime: end.toISOString(),
          createdAtUtc: end.toISOString(),
        };
      }),
    );
}
