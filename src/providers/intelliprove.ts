/**
 * IntelliProve's JSON API (v2): face-scan biomarkers, health metrics and wellbeing scores,
 * read with the user's action token.
 */
import { apiGet, type ApiContext } from '../core/api-client.js';
import type { MessageKey } from '../i18n/translate.js';
import type { BiomarkerInfo, BiomarkerReading, Provider, ScoreReading } from './types.js';

interface FaceScan {
  face_scan_id: string;
  heart_rate: number | null;
  respiratory_rate: number | null;
  heart_rate_variability: number | null;
  resonant_breathing_score: number | null;
  systolic_blood_pressure: number | null;
  diastolic_blood_pressure: number | null;
  timestamp_epoch?: number | null;
  timestamp: string;
}

type MetricValue = { score: number; confidence: number } | null;

const band =
  (edges: [number, MessageKey][], last: MessageKey) =>
  (value: number): MessageKey => {
    for (const [below, key] of edges) if (value < below) return key;
    return last;
  };

const BIOMARKERS: Record<string, BiomarkerInfo> = {
  heart_rate: { label: 'biomarker.heart_rate', quantity: 'heart-rate' },
  respiratory_rate: {
    label: 'biomarker.respiratory_rate',
    quantity: 'respiratory-rate',
    // Documented resting range: 12–20 breaths per minute.
    hint: band(
      [
        [12, 'hint.respiratory_rate.low'],
        [20.5, 'hint.respiratory_rate.normal'],
      ],
      'hint.respiratory_rate.high',
    ),
  },
  heart_rate_variability: {
    label: 'biomarker.heart_rate_variability',
    quantity: 'duration-ms',
    // Documented: below 35 ms below average, 35–100 average, above 100 excellent.
    hint: band(
      [
        [35, 'hint.heart_rate_variability.below'],
        [100.5, 'hint.heart_rate_variability.average'],
      ],
      'hint.heart_rate_variability.excellent',
    ),
  },
  resonant_breathing_score: {
    label: 'biomarker.resonant_breathing_score',
    quantity: 'score',
    // Documented: 0–40 none, 40–70 partial, above 70 good.
    hint: band(
      [
        [40, 'hint.resonant_breathing_score.none'],
        [70.5, 'hint.resonant_breathing_score.partial'],
      ],
      'hint.resonant_breathing_score.good',
    ),
  },
  systolic_blood_pressure: {
    label: 'biomarker.systolic_blood_pressure',
    quantity: 'blood-pressure',
  },
  diastolic_blood_pressure: {
    label: 'biomarker.diastolic_blood_pressure',
    quantity: 'blood-pressure',
  },
  blood_pressure: { label: 'biomarker.blood_pressure', quantity: 'blood-pressure' },
};

const METRICS = [
  'energy_balance',
  'general_fitness',
  'hypertension',
  'mental_health_risk',
  'mental_stress',
  'sleep_quality',
] as const;
const WELLBEING: Record<string, 'mental' | 'physical' | 'energy_sleep'> = {
  wellbeing_mental: 'mental',
  wellbeing_physical: 'physical',
  wellbeing_energy_sleep: 'energy_sleep',
};

function valueOf(scan: FaceScan, key: string): BiomarkerReading['value'] {
  if (key === 'blood_pressure') {
    const { systolic_blood_pressure: systolic, diastolic_blood_pressure: diastolic } = scan;
    return systolic === null || diastolic === null ? null : { systolic, diastolic };
  }
  const value = scan[key as keyof FaceScan];
  return typeof value === 'number' ? value : null;
}

/** When a scan was made: `timestamp_epoch`, else `timestamp` (an invalid Date when neither is usable). */
const timeOf = (scan: FaceScan) =>
  new Date(
    typeof scan.timestamp_epoch === 'number'
      ? scan.timestamp_epoch * 1000
      : Date.parse(scan.timestamp),
  );

export const intelliprove: Provider = {
  id: 'intelliprove',
  defaultApiBase: 'https://engine.intelliprove.com',
  scheme: 'Token',
  biomarkers: BIOMARKERS,
  empty: {
    biomarker: ['state.no-scan', 'state.no-scan-hint'],
    score: ['state.no-data', 'state.no-data-hint'],
  },
  scores: Object.fromEntries(
    [...METRICS, ...Object.keys(WELLBEING)].map((key) => [
      key,
      { label: `metric.${key}` as MessageKey },
    ]),
  ),

  async biomarker(
    context: ApiContext,
    key: string,
    { id, history },
  ): Promise<BiomarkerReading | null> {
    const wantsHistory = history !== undefined && history > 1;
    let scan: FaceScan | undefined;
    let older: FaceScan[] | undefined;
    if (wantsHistory) {
      const list = await apiGet<FaceScan[]>(context, `/v2/face-scans/?count=${history}&order=desc`);
      older = list.kind === 'data' ? [...list.data].reverse() : [];
    }
    if (id) {
      const one = await apiGet<FaceScan>(context, `/v2/face-scans/${encodeURIComponent(id)}`);
      scan = one.kind === 'data' ? one.data : undefined;
    } else if (older) {
      scan = older[older.length - 1];
    } else {
      const latest = await apiGet<FaceScan[]>(context, '/v2/face-scans/latest');
      scan = latest.kind === 'data' ? latest.data[0] : undefined;
    }
    if (!scan) return null;
    const reading: BiomarkerReading = {
      value: valueOf(scan, key),
      at: timeOf(scan),
      id: scan.face_scan_id,
    };
    if (older) {
      reading.history = older.map((s) => {
        const value = valueOf(s, key);
        return {
          at: timeOf(s),
          value: typeof value === 'object' && value !== null ? value.systolic : value,
        };
      });
    }
    return reading;
  },

  async score(context: ApiContext, key: string): Promise<ScoreReading | null> {
    const wellbeing = WELLBEING[key];
    if (wellbeing) {
      const answer = await apiGet<Record<string, number | null>>(
        context,
        '/v2/userprofiles/wellbeing',
      );
      if (answer.kind === 'empty') return null;
      const score = answer.data[wellbeing];
      return { score: typeof score === 'number' ? score : null };
    }
    const answer = await apiGet<{ metrics: Record<string, MetricValue>; last_update?: string }>(
      context,
      '/v2/metrics',
    );
    if (answer.kind === 'empty') return null;
    const metric = answer.data.metrics?.[key] ?? null;
    const at = answer.data.last_update ? new Date(answer.data.last_update) : undefined;
    return metric === null
      ? { score: null, at }
      : { score: metric.score, confidence: metric.confidence, at };
  },
};
