/**
 * IntelliProve's health metrics and wellbeing scores (JSON API v2), read with the user's
 * action token, for `<ip-metric-gauge>`.
 */
import { apiGet } from '../../core/api-client.js';
import type { MessageKey } from '../../i18n/translate.js';
import type { ScoreSource } from '../types.js';
import { INTELLIPROVE } from './base.js';

type MetricValue = { score: number; confidence: number } | null;

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

export const intelliproveScores: ScoreSource = {
  ...INTELLIPROVE,
  entries: Object.fromEntries(
    [...METRICS, ...Object.keys(WELLBEING)].map((key) => [
      key,
      { label: `metric.${key}` as MessageKey },
    ]),
  ),
  empty: ['state.no-data', 'state.no-data-hint'],

  async read(context, key) {
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
