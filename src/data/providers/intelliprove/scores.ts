/**
 * IntelliProve's health metrics and wellbeing scores (JSON API v2), read with the user's
 * action token, for `<ip-metric-gauge>`.
 */
import { apiGet } from '../../api-client.js';
import type { MessageKey } from '../../../i18n/translate.js';
import { isObject, object, scoreOf, unexpected } from '../checks.js';
import type { ScoreInfo, ScoreReading, ScoreSource } from '../types.js';
import { INTELLIPROVE } from './base.js';
import {
  GAUGE_METRICS,
  WELLBEING_SCORES,
  type Metric,
  type WellbeingMetric,
} from '../../../protocol/health.js';

/** What unlocks a metric: its own condition, or the one every wellbeing score shares. */
const unlockOf = (key: Metric | WellbeingMetric) =>
  Object.hasOwn(WELLBEING_SCORES, key) ? 'unlock.wellbeing' : (`unlock.${key as Metric}` as const);

export const intelliproveScores: ScoreSource = {
  ...INTELLIPROVE,
  // Each metric's name, what unlocks it, what it means and what it is based on: the texts are
  // in the catalogs (en-gauges.ts says where IntelliProve documents each), and tsc checks that
  // every one of these keys is there.
  entries: Object.fromEntries(
    GAUGE_METRICS.map((key) => [
      key,
      {
        label: `metric.${key}` as const satisfies MessageKey,
        unlock: unlockOf(key) satisfies MessageKey,
        meaning: `meaning.${key}` as const satisfies MessageKey,
        basis: `basis.${key}` as const satisfies MessageKey,
      } satisfies ScoreInfo,
    ]),
  ),
  empty: ['state.no-data', 'state.no-data-hint'],

  async read(context, key): Promise<ScoreReading | null> {
    const wellbeing = WELLBEING_SCORES[key as keyof typeof WELLBEING_SCORES];
    if (wellbeing) {
      const path = '/v2/userprofiles/wellbeing';
      const answer = await apiGet(context, path);
      return answer.kind === 'empty' ? null : scoreOf(object(answer.data, path)[wellbeing]);
    }
    const path = '/v2/metrics';
    const answer = await apiGet(context, path);
    if (answer.kind === 'empty') return null;
    const { metrics, last_update: updated } = object(answer.data, path);
    if (!isObject(metrics)) throw unexpected(path, 'no "metrics" object');
    const metric = metrics[key] ?? null;
    if (metric !== null && !isObject(metric)) throw unexpected(path, `"${key}" that is no object`);
    const at = typeof updated === 'string' ? new Date(updated) : undefined;
    return { ...scoreOf(metric?.score ?? null, metric?.confidence), ...(at ? { at } : {}) };
  },
};
