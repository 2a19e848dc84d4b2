/**
 * Sahha's JSON API: health scores and wearable biomarkers, read with the user's profile token
 * (`Authorization: profile <token>`). Loaded only by pages that use `provider="sahha"`.
 */
import { DEFAULT_API_BASES } from '../../../protocol/origins.js';
import { apiGet } from '../../api-client.js';
import { enSahha } from '../../../i18n/locales/en-sahha.js';
import { extendEnglish, type MessageKey } from '../../../i18n/translate.js';
import type { Quantity } from '../../../units/index.js';
import { measured } from '../../../units/format.js';
import { formatQuantity } from '../../../units/quantity.js';
import { objects, scoreOf, unexpected } from '../checks.js';
import type {
  BiomarkerInfo,
  BiomarkerReading,
  BiomarkerSource,
  ScoreReading,
  ScoreSource,
} from '../types.js';

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

/** A row's value in the kit's base unit of `quantity`; null when it is not one it can be. */
function valueIn(row: SahhaBiomarker, quantity: Quantity): number | null {
  // Sahha sends numbers as strings; a string must be a whole number, not "12abc".
  const raw = typeof row.value === 'number' ? row.value : Number(row.value);
  if (!Number.isFinite(raw) || (typeof row.value === 'string' && row.value.trim() === ''))
    return null;
  const unit = typeof row.unit === 'string' ? row.unit.toLowerCase() : '';
  let value = normalise(raw, unit);
  if (quantity === 'height' && unit === 'm') value = raw * 100;
  else if (quantity === 'distance' && unit === 'm') value = raw / 1000;
  else if (quantity === 'percent' && raw <= 1 && unit !== 'percent') value = raw * 100;
  return measured(value, quantity);
}

/** Rows of `type`, oldest first; rows without a usable end time cannot be placed, and are left out. */
function rowsOf(data: unknown, path: string, type: string): SahhaBiomarker[] {
  return (objects(data, path) as unknown as SahhaBiomarker[])
    .filter((row) => row.type === type && !Number.isNaN(Date.parse(row.endDateTime)))
    .sort((a, b) => Date.parse(a.endDateTime) - Date.parse(b.endDateTime));
}

/** What both halves share. */
const SAHHA: Pick<ScoreSource, 'id' | 'defaultApiBase' | 'scheme' | 'empty'> = {
  id: 'sahha',
  defaultApiBase: DEFAULT_API_BASES.sahha,
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
    const path = `/api/v1/profile/biomarker?categories=${category}&types=${encodeURIComponent(key)}`;
    const answer = await apiGet(context, path);
    if (answer.kind === 'empty') return null;
    const rows = rowsOf(answer.data, path, key);
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
    const path = `/api/v1/profile/score?types=${encodeURIComponent(key)}`;
    const answer = await apiGet(context, path);
    if (answer.kind === 'empty') return null;
    const score = (objects(answer.data, path) as unknown as SahhaScore[]).find(
      (s) => s.type === key,
    );
    if (!score || score.value === null || score.value === undefined) return { score: null };
    const factors = score.factors ?? [];
    if (!Array.isArray(factors) || !factors.every((f) => typeof f?.name === 'string' && f.name))
      throw unexpected(path, 'factors without a name');
    const when = score.scoreDateTime ?? score.createdAtUtc ?? score.createdAt;
    const finite = (value: unknown) => (Number.isFinite(value) ? (value as number) : undefined);
    // Sahha scores are 0–1; the kit shows 0–100.
    const value =
      typeof score.value === 'number' && score.value <= 1 ? score.value * 100 : score.value;
    return {
      ...scoreOf(value),
      ...(typeof score.state === 'string' ? { state: score.state } : {}),
      ...(typeof when === 'string' ? { at: new Date(when) } : {}),
      factors: factors.map((f) => ({
        name: f.name,
        value: finite(f.value),
        goal: finite(f.goal),
        unit: typeof f.unit === 'string' ? f.unit : undefined,
        state: typeof f.state === 'string' ? f.state : undefined,
      })),
    };
  },
};
