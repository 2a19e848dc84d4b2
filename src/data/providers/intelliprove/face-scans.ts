/**
 * IntelliProve's face-scan biomarkers (JSON API v2), read with the user's action token, for
 * `<ip-biomarker-card>`. Reading a given scan, or a history, is a module of its own, fetched
 * by the first card with `face-scan-id` or `history`.
 */
import { apiGet } from '../../api-client.js';
import { objects } from '../checks.js';
import type { BiomarkerSource } from '../types.js';
import { INTELLIPROVE } from './base.js';
import { BIOMARKERS, readingOf, type FaceScan } from './scans.js';

export const intelliproveBiomarkers: BiomarkerSource = {
  ...INTELLIPROVE,
  entries: BIOMARKERS,
  empty: ['state.no-scan', 'state.no-scan-hint'],

  async read(context, key, { id, history }) {
    if (id || (history !== undefined && history > 1)) {
      const { readChosenScans } = await import('./chosen-scans.js');
      return readChosenScans(context, key, id, history);
    }
    const path = '/v2/face-scans/latest';
    const latest = await apiGet<FaceScan[]>(context, path);
    if (latest.kind === 'empty') return null;
    const [scan] = objects(latest.data, path) as unknown as FaceScan[];
    return scan ? readingOf(scan, key) : null;
  },
};
