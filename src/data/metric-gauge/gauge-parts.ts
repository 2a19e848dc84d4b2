import { html, nothing, svg } from 'lit';
import type { Language } from '../../protocol/contract.js';
import { formatNumber } from '../../i18n/format.js';
import { formatUnit } from '../../i18n/unit-format.js';
import type { ScoreReading } from '../providers/types.js';

export type Zone = 'below' | 'around' | 'above';

/** A factor's value with its unit: time units through Intl, counts and scores without one. */
function factorValue(lang: Language, value: number, unit = ''): string {
  if (unit === 'minute' || unit === 'hour') {
    return formatUnit(lang, value, unit, unit === 'hour' ? 'h' : 'min');
  }
  const plain = formatNumber(lang, value);
  return unit && unit !== 'score' && unit !== 'count' ? `${plain} ${unit}` : plain;
}
export type Level = 'minimal' | 'low' | 'medium' | 'high';
/** Colours for a provider's levels (Sahha's score states). */
const LEVEL_ZONES: Record<Level, Zone> = {
  minimal: 'below',
  low: 'below',
  medium: 'around',
  high: 'above',
};

/** The ring: its centre and radius in the SVG's viewBox, and the band's stroke (styles). */
const CX = 100;
const CY = 100;
const R = 84;
const BAND_STROKE = 8;
/** Half the band at confidence 0 and at 100, in score points (the ring is 100 long). */
const WIDEST = 20;
const NARROWEST = 0.5;
/** The band's round caps reach this far past its ends, in score points: kept on the ring. */
const CAP = (BAND_STROKE / 2 / (Math.PI * R)) * 100;

/**
 * How far the confidence band reaches either side of the score, in score points: 20 at
 * confidence 0, narrowing in a straight line to a dot (0.5) at 100. IntelliProve's metric
 * widget draws confidence this way — "wide bar = low confidence (not enough scans), narrow bar =
 * high confidence", converging to a dot as the user scans more
 * (docs.intelliprove.com/product-docs/metric-widget) — but gives no scale, and the API's
 * confidence (0–100) is no interval: the band shows how sure the score is, not a range the
 * true value lies in.
 */
export function bandReach(confidence: number): number {
  const sure = Math.max(0, Math.min(100, confidence)) / 100;
  return NARROWEST + (WIDEST - NARROWEST) * (1 - sure);
}

/** The point of the ring at `score` (0 on the left, 100 on the right, over the top). */
function pointAt(score: number): string {
  const angle = Math.PI * (1 - score / 100);
  const x = CX + R * Math.cos(angle);
  const y = CY - R * Math.sin(angle);
  return `${x.toFixed(2)} ${y.toFixed(2)}`;
}

/** The band around `score` for `confidence`: an arc of the ring, kept on it at its ends. */
function bandPath(score: number, confidence: number): string {
  const reach = bandReach(confidence);
  const from = Math.min(Math.max(CAP, score - reach), 100 - CAP - 2 * NARROWEST);
  const to = Math.max(Math.min(100 - CAP, score + reach), from + 2 * NARROWEST);
  return `M ${pointAt(from)} A ${R} ${R} 0 0 1 ${pointAt(to)}`;
}

/**
 * The half ring: a track, the score's share of it drawn over it, and with a confidence, a band
 * around the score (wide when unsure, a dot when sure). Its colours come from CSS
 * (`--ip-gauge-*`, by zone), so a theme or dark mode needs no code; it fills in with a CSS
 * transition where motion is allowed. Geometry is set through SVG attributes, which a strict
 * CSP allows (no `style` attributes).
 */
export const arc = (score: number, confidence?: number) =>
  svg`<svg viewBox="0 0 200 106" aria-hidden="true" focusable="false">
    <path class="track" d="M 16 100 A 84 84 0 0 1 184 100" pathLength="100"></path>
    <path class="arc" d="M 16 100 A 84 84 0 0 1 184 100" pathLength="100"
      stroke-dashoffset=${100 - score}></path>
    ${
      confidence === undefined
        ? nothing
        : svg`<path class="band" d=${bandPath(score, confidence)}></path>`
    }
  </svg>`;

/** Where a 0–100 score stands against the user's average (50): within ±5 counts as around. */
export function zoneOf(score: number): Zone {
  return score < 45 ? 'below' : score > 55 ? 'above' : 'around';
}

/** The provider's level word for the score, if it gives a known one. */
export function levelOf(reading: ScoreReading | null | undefined): Level | undefined {
  const state = reading?.state?.toLowerCase();
  return state && Object.hasOwn(LEVEL_ZONES, state) ? (state as Level) : undefined;
}

/** Where the reading stands: the provider's level, else its score against the average. */
export function zoneOfReading(reading: ScoreReading, score: number): Zone {
  const level = levelOf(reading);
  return level ? LEVEL_ZONES[level] : zoneOf(score);
}

/**
 * The info section, with `details`, where the provider documents its score (IntelliProve): what
 * the score means against the scale, and what it is based on.
 */
export function aboutView(meaning: string, scale: string, basis: string) {
  return html`<div part="about" class="about">
    <p part="meaning" class="hint">${meaning} ${scale}</p>
    <p part="basis" class="hint">${basis}</p>
  </div>`;
}

/** What the score is based on (Sahha's factors), with their values. */
export function factorsView(lang: Language, title: string, factors: ScoreReading['factors']) {
  if (!factors?.length) return nothing;
  return html`<div part="factors" class="factors">
    <p class="hint">${title}</p>
    <ul>
      ${factors.map(
        (factor) =>
          html`<li>
            <span>${factor.name.replace(/_/g, ' ')}</span>
            ${
              typeof factor.value === 'number'
                ? html`<span class="factor-value"
                    >${factorValue(lang, factor.value, factor.unit)}</span
                  >`
                : nothing
            }
          </li>`,
      )}
    </ul>
  </div>`;
}
