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

/**
 * The half ring: a track, and the score's share of it drawn over it. Its colours come from CSS
 * (`--ip-gauge-*`, by zone), so a theme or dark mode needs no code; it fills in with a CSS
 * transition where motion is allowed.
 */
export const arc = (score: number) =>
  svg`<svg viewBox="0 0 200 106" aria-hidden="true" focusable="false">
    <path class="track" d="M 16 100 A 84 84 0 0 1 184 100" pathLength="100"></path>
    <path class="arc" d="M 16 100 A 84 84 0 0 1 184 100" pathLength="100"
      stroke-dashoffset=${100 - score}></path>
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
