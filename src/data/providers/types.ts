/**
 * A data provider behind the cards, gauges and recommendations: which biomarkers and scores it
 * has, how to read them, and what they are. A new provider is a file with a `BiomarkerSource`
 * and a `ScoreSource` (and a `RecommendationSource` where it has them), listed in the card's,
 * the gauge's (and the recommendations') source tables.
 */
import type { ApiContext } from '../api-client.js';
import type { MessageKey } from '../../i18n/translate.js';
import type { FormatQuantityOptions, FormattedQuantity, Quantity } from '../../units/index.js';

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
  /** 0–100, or null when there is no data yet (or it is `unavailable`). */
  score: number | null;
  /** A score was sent, but not one it can be (not a number, outside 0–100): "not available". */
  unavailable?: true;
  /** 0–100 where the provider gives one. */
  confidence?: number | null;
  /** Provider's own word for the level (Sahha: minimal low medium high). */
  state?: string;
  at?: Date;
  /** What the score is based on (Sahha), shown by gauges with `details`. */
  factors?: { name: string; value?: number; goal?: number; unit?: string; state?: string }[];
}

/** What an element may show of a provider: its name, and what unlocks it where that is known. */
export interface EntryInfo {
  label: MessageKey;
  /** What unlocks it, said under "no data yet" in place of the provider's own hint. */
  unlock?: MessageKey;
}

/** How a reading is shown: its label, quantity (units) and optional reference hint. */
export interface BiomarkerInfo extends EntryInfo {
  quantity: Quantity;
  /** The reference band the value falls in, as a message key, where the provider documents ranges. */
  hint?: (value: number) => MessageKey | undefined;
}

/**
 * What one kind of element reads from a provider: the cards its biomarkers, the gauges its
 * scores. A provider is one such source per kind, so a page carries only the half it shows.
 */
export interface Source<Info extends EntryInfo, Reading, Options = object> {
  /** The provider's name, as `provider="…"` takes it. */
  readonly id: string;
  readonly defaultApiBase: string;
  /** `Authorization: <scheme> <token>`. */
  readonly scheme: string;
  /** What an element may show, by its attribute's value (`biomarker`, `metric`). */
  readonly entries: Readonly<Record<string, Info>>;
  /** What the element says before there is any data: title and hint. */
  readonly empty: [MessageKey, MessageKey];
  /** The reading of `key`; null when there is none yet (204, no scan). */
  read(context: ApiContext, key: string, options: Options): Promise<Reading | null>;
}

/** A provider's biomarkers, for `<ip-biomarker-card>`. */
export interface BiomarkerSource extends Source<
  BiomarkerInfo,
  BiomarkerReading,
  /** `id`: that measurement instead of the latest; `history` > 1: also the last N, oldest first. */
  { id?: string; history?: number }
> {
  /**
   * Writes a value of one of its biomarkers, e.g. `formatQuantity` for a provider with
   * quantities that differ between unit systems. Default: `formatSameUnit`.
   */
  format?(value: number, quantity: Quantity, options: FormatQuantityOptions): FormattedQuantity;
}

/** A score, and how a gauge explains it where the provider documents it (IntelliProve's metrics). */
export interface ScoreInfo extends EntryInfo {
  /** What the score means (with `details`). */
  meaning?: MessageKey;
  /** What the score is based on: which biomarkers and inputs (with `details`). */
  basis?: MessageKey;
}

/** A provider's scores, for `<ip-metric-gauge>`. */
export type ScoreSource = Source<ScoreInfo, ScoreReading>;

/** One recommendation, as `<ip-recommendations>` shows it: only what passed the checks. */
export interface Recommendation {
  title: string;
  /** '' when there is none. */
  description: string;
  /** An `https:` image (or one on the API's own origin); null when there is none or it was refused. */
  imageUrl: string | null;
  /** The action link, on the same terms as the image; null when there is none or it was refused. */
  actionUrl: string | null;
  /** The link's text; null when the API gives none (the element says "Learn more"). */
  actionText: string | null;
  /** The metric it helps with (`sleep_quality`…), or null. */
  relatedMetric: string | null;
  /** 1 = most relevant; null when the API sent none it can be (they go last). */
  relevance: number | null;
  lookupKey: string | null;
}

/** A provider's recommendations, for `<ip-recommendations>`: most relevant first. */
export type RecommendationSource = Source<
  { label: MessageKey },
  Recommendation[],
  /** The language to ask for. */
  { language: string }
>;

/** Any source, as the data elements handle it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySource = Source<EntryInfo, any, any>;
