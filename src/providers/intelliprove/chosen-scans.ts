/**
 * A biomarker from a given face scan, or with the user's last face scans: only cards with
 * `face-scan-id` or `history` fetch this module.
 */
import { apiGet, type ApiContext } from '../../core/api-client.js';
import type { BiomarkerReading } from '../types.js';
import { readingOf, timeOf, valueOf, type FaceScan } from './face-scans.js';

/** The scan with `id`, or undefined when there is none (204). */
async function scanById(context: ApiContext, id: string): Promise<FaceScan | undefined> {
  const one = await apiGet<FaceScan>(context, `/v2/face-scans/${encodeURIComponent(id)}`);
  return one.kind === 'data' ? one.data : undefined;
}

/**
 * `key` in the scan with `id` (else the newest), with the last `count` scans, oldest first,
 * when `count` > 1; a blood-pressure history follows the systolic value. Null when there is
 * no such scan.
 */
export async function readChosenScans(
  context: ApiContext,
  key: string,
  id: string | undefined,
  count: number | undefined,
): Promise<BiomarkerReading | null> {
  let older: FaceScan[] | undefined;
  if (count !== undefined && count > 1) {
    const list = await apiGet<FaceScan[]>(context, `/v2/face-scans/?count=${count}&order=desc`);
    older = list.kind === 'data' ? [...list.data].reverse() : [];
  }
  const scan = id ? await scanById(context, id) : older?.[older.length - 1];
  if (!scan) return null;
  const reading = readingOf(scan, key);
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
}
