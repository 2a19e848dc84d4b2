/**
 * A face scan as IntelliProve's JSON API v2 sends it, and what a card reads from one: its
 * biomarkers (label, quantity, documented reference bands), their values and its time.
 */
import type { ScanBiomarker } from '../../../protocol/health.js';
import type { MessageKey } from '../../../i18n/translate.js';
import { measured } from '../../../units/format.js';
import type { BiomarkerInfo, BiomarkerReading } from '../types.js';

/** A face scan: its id, its time, and each biomarker (a number, or null when locked). */
export type FaceScan = Record<ScanBiomarker, number | null> & {
  face_scan_id: string;
  timestamp_epoch?: number | null;
  timestamp: string;
};

const band =
  (edges: [number, MessageKey][], last: MessageKey) =>
  (value: number): MessageKey => {
    for (const [below, key] of edges) if (value < below) return key;
    return last;
  };

export const BIOMARKERS: Record<string, BiomarkerInfo> = {
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

/** `key` in `scan`: null when it is not there, locked, or not a value it can be. */
export function valueOf(scan: FaceScan, key: string): BiomarkerReading['value'] {
  if (key === 'blood_pressure') {
    const systolic = measured(scan.systolic_blood_pressure, 'blood-pressure');
    const diastolic = measured(scan.diastolic_blood_pressure, 'blood-pressure');
    return systolic === null || diastolic === null ? null : { systolic, diastolic };
  }
  return measured(scan[key as keyof FaceScan], BIOMARKERS[key]!.quantity);
}

/** When a scan was made: `timestamp_epoch`, else `timestamp` (an invalid Date when neither is usable). */
export const timeOf = (scan: FaceScan) =>
  new Date(
    typeof scan.timestamp_epoch === 'number'
      ? scan.timestamp_epoch * 1000
      : Date.parse(scan.timestamp),
  );

/** `key` as `scan` measured it. */
export const readingOf = (scan: FaceScan, key: string): BiomarkerReading => ({
  value: valueOf(scan, key),
  at: timeOf(scan),
  id: scan.face_scan_id,
});
