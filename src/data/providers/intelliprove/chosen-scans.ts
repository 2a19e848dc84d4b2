/**
 * A biomarker from a given face scan, or with the user's last face scans: only cards with
 * `face-scan-id` or `history` fetch this module.
 */
import { apiGet, type ApiContext } from '../../api-client.js';
import { object, objects } from '../checks.js';
import type { BiomarkerReading } from '../types.js';
import { readingOf, timeOf, valueOf, type FaceScan } from './scans.js';

/** The scan with `id`, or undefined when there is none (204). */
async function scanById(context: ApiContext, id: string): Promise<FaceScan | undefined> {
  const path = `/v2/face-scans/${encodeURIComponent(id)}`;
  const one = await apiGet<FaceScan>(context, path);
  return one.kind === 'data' ? (object(one.data, path) as unknown as FaceScan) : undefined;
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
    const path = `/v2/face-scans/?count=${count}&order=desc`;
    const list = await apiGet<FaceScan[]>(context, path);
    older =
      list.kind === 'data'
        ? [...(objects(list.data, path) as unknown as FaceScan[])].reverse()
        : [];
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
