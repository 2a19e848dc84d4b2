/**
 * A data provider behind the cards and gauges: which biomarkers and scores it has, how to
 * read them, and what they are. A new provider is a new file implementing `Provider`.
 */
import type { ApiContext } from '../core/api-client.js';
import type { MessageKey } from '../i18n/translate.js';
import type { FormatQuantityOptions, FormattedQuantity, Quantity } from '../units/index.js';

/** One reading of a biomarker: a number, or a pair (blood pressure), or null (not available). */
export type ReadingValue = number | { systolic: number; diastolic: number } | null;

export interface BiomarkerReading {
  value: ReadingValue;
  /** When it was measured. */
  at: Date;
  /** Older readings first, the newest last, when a history was asked for. */
  history?: { at: Date; value: number | null }[];
  /** Provider-specific id of the measurement (the face scan id). */
  id?: string;
  /** A daily aggregate (Sahha): shown as "on <date>" rather than a time. */
  period?: 'day';
}

export interface ScoreReading {
  /** 0–100, or null when there is no data yet. */
  score: number | null;
  /** 0–100 where the provider gives one. */
  confidence?: number | null;
  /** Provider's own word for the level (Sahha: minimal low medium high). */
  state?: string;
  at?: Date;
  /** What the score is based on (Sahha), shown by gauges with `details`. */
  factors?: { name: string; value?: number; goal?: number; unit?: string; state?: string }[];
}

/** How a reading is shown: its label, quantity (units) and optional reference hint. */
export interface BiomarkerInfo {
  label: MessageKey;
  quantity: Quantity;
  /** The reference band the value falls in, as a message key, where the provider documents ranges. */
  hint?: (value: number) => MessageKey | undefined;
}

export interface Provider {
  readonly id: string;
  readonly defaultApiBase: string;
  /** `Authorization: <scheme> <token>`. */
  readonly scheme: string;
  readonly biomarkers: Readonly<Record<string, BiomarkerInfo>>;
  readonly scores: Readonly<Record<string, { label: MessageKey }>>;
  /** What cards and gauges say before there is any data: title and hint. */
  readonly empty: { biomarker: [MessageKey, MessageKey]; score: [MessageKey, MessageKey] };
  /** The latest reading (or the one with `id`), with `history` older ones; null when none yet. */
  biomarker(
    context: ApiContext,
    key: string,
    options: { id?: string; history?: number },
  ): Promise<BiomarkerReading | null>;
  /**
   * Writes a value of one of its biomarkers, e.g. `formatQuantity` for a provider with
   * quantities that differ between unit systems. Default: `formatSameUnit`.
   */
  format?(value: number, quantity: Quantity, options: FormatQuantityOptions): FormattedQuantity;
  /** The score; null when there is none yet (204). */
  score(context: ApiContext, key: string): Promise<ScoreReading | null>;
}
