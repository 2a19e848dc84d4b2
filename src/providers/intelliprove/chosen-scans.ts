/** A biomarker with the user's last face scans: only cards with `history` fetch this module. */
import { apiGet, type ApiContext } from '../../core/api-client.js';
import type { BiomarkerReading } from '../types.js';
import { readingOf, scanById, timeOf, valueOf, type FaceScan } from './face-scans.js';

/**
 * `key` in the scan with `id` (else the newest) with the last `count` scans, oldest first;
 * a blood-pressure history follows the systolic value. Null when there is no scan yet.
 */
export async function readWithHistory(
  context: ApiContext,
  key: string,
  id: string | undefined,
  count: number,
): Promise<BiomarkerReading | null> {
  const list = await apiGet<FaceScan[]>(context, `/v2/face-scans/?count=${count}&order=desc`);
  const older = list.kind === 'data' ? [...list.data].reverse() : [];
  const scan = id ? await scanById(context, id) : older[older.length - 1];
  if (!scan) return null;
  return {
    ...readingOf(scan, key),
    history: older.map((s) => {
      const value = valueOf(s, key);
      return {
        at: timeOf(s),
        value: typeof value === 'object' && value !== null ? value.systolic : value,
      };
    }),
  };
}
