/**
 * Sahha's JSON API: health scores and wearable biomarkers, read with the user's profile token
 * (`Authorization: profile <token>`). Loaded only by pages that use `provider="sahha"`.
 */
import { apiGet } from '../core/api-client.js';
import { enSahha } from '../i18n/locales/en-sahha.js';
import { extendEnglish, type MessageKey } from '../i18n/translate.js';
import type { Quantity } from '../units/index.js';
import { formatQuantity } from '../units/quantity.js';
import type {
  BiomarkerInfo,
  BiomarkerReading,
  BiomarkerSource,
  ScoreReading,
  ScoreSource,
} from './types.js';

interface SahhaBiomarker {
  type: string;
  value: string | number;
  unit: string;
  periodicity?: string;
  startDateTime?: string;
  endDateTime: string;
}

interface SahhaScore {
  type: string;
  value: number;
  state?: string;
  scoreDateTime?: string;
  createdAt?: string;
  createdAtUtc?: string;
  factors?: { name: string; value?: number; goal?: number; unit?: string; state?: string }[];
}

type Category = 'activity' | 'sleep' | 'vitals' | 'body';

extendEnglish(enSahha);

/** Sahha biomarker types the cards show: category, label, quantity. */
const TYPES: Record<string, [Category, Quantity, MessageKey?]> = {
  steps: ['activity', 'count'],
  active_energy_burned: ['activity', 'energy'],
  distance: ['activity', 'distance'],
  sleep_duration: ['sleep', 'sleep-duration'],
  heart_rate_resting: ['vitals', 'heart-rate'],
  heart_rate_variability_sdnn: ['vitals', 'duration-ms'],
  respiratory_rate: ['vitals', 'respiratory-rate'],
  oxygen_saturation: ['vitals', 'percent'],
  vo2_max: ['vitals', 'vo2max'],
  body_temperature: ['vitals', 'temperature'],
  weight: ['body', 'mass'],
  height: ['body', 'height'],
  body_mass_index: ['body', 'bmi'],
  body_fat: ['body', 'percent'],
};

const SCORES = ['activity', 'sleep', 'readiness', 'wellbeing', 'mental_wellbeing'];

/** Sahha's mass and time units in the kit's base units (kg, minutes); metres are in `valueIn`. */
function normalise(value: number, unit: string): number {
  switch (unit.toLowerCase()) {
    case 'g':
      return value / 1000;
    case 'second':
    case 's':
      return value / 60;
    case 'hour':
    case 'h':
      return value * 60;
    default:
      return value;
  }
}

function valueIn(row: SahhaBiomarker, quantity: Quantity): number | null {
  const raw = typeof row.value === 'number' ? row.value : Number.parseFloat(row.value);
  if (!Number.isFinite(raw)) return null;
  const unit = row.unit.toLowerCase();
  if (quantity === 'height' && unit === 'm') return raw * 100;
  if (quantity === 'distance' && unit === 'm') return raw / 1000;
  if (quantity === 'percent' && raw <= 1 && unit !== 'percent') return raw * 100;
  return normalise(raw, unit);
}

/** What both halves share. */
const SAHHA: Pick<ScoreSource, 'id' | 'defaultApiBase' | 'scheme' | 'empty'> = {
  id: 'sahha',
  defaultApiBase: 'https://api.sahha.ai',
  scheme: 'profile',
  empty: ['state.no-device-data', 'state.no-device-data-hint'],
};

export const sahhaBiomarkers: BiomarkerSource = {
  ...SAHHA,
  format: formatQuantity,
  entries: Object.fromEntries(
    Object.entries(TYPES).map(([type, [, quantity]]) => [
      type,
      { label: `biomarker.${type}` as MessageKey, quantity } satisfies BiomarkerInfo,
    ]),
  ),

  async read(context, key, { history }) {
    const [category, quantity] = TYPES[key]!;
    const answer = await apiGet<SahhaBiomarker[]>(
      context,
      `/api/v1/profile/biomarker?categories=${category}&types=${encodeURIComponent(key)}`,
    );
    if (answer.kind === 'empty') return null;
    const rows = answer.data
      .filter((row) => row.type === key)
      .sort((a, b) => Date.parse(a.endDateTime) - Date.parse(b.endDateTime));
    const latest = rows[rows.length - 1];
    if (!latest) return null;
    const reading: BiomarkerReading = {
      value: valueIn(latest, quantity),
      at: new Date(latest.endDateTime),
      ...(latest.periodicity === 'daily' ? { period: 'day' as const } : {}),
    };
    if (history !== undefined && history > 1) {
      reading.history = rows
        .slice(-history)
        .map((row) => ({ at: new Date(row.endDateTime), value: valueIn(row, quantity) }));
    }
    return reading;
  },
};

export const sahhaScores: ScoreSource = {
  ...SAHHA,
  entries: Object.fromEntries(
    SCORES.map((type) => [type, { label: `metric.${type}` as MessageKey }]),
  ),

  async read(context, key): Promise<ScoreReading | null> {
    const answer = await apiGet<SahhaScore[]>(
      context,
      `/api/v1/profile/score?types=${encodeURIComponent(key)}`,
    );
    if (answer.kind === 'empty') return null;
    const score = answer.data.find((s) => s.type === key);
    if (!score || typeof score.value !== 'number') return { score: null };
    const when = score.scoreDateTime ?? score.createdAtUtc ?? score.createdAt;
    return {
      // Sahha scores are 0–1; the kit shows 0–100.
      score: score.value <= 1 ? score.value * 100 : score.value,
      ...(score.state ? { state: score.state } : {}),
      ...(when ? { at: new Date(when) } : {}),
      factors: (score.factors ?? []).map((f) => ({
        name: f.name,
        value: f.value,
        goal: f.goal,
        unit: f.unit,
        state: f.state,
      })),
    };
  },
};
