import { html, nothing, svg, type PropertyDeclarations } from 'lit';
import type { Language } from '../../protocol/contract.js';
import { DataElement } from '../data-element.js';
import { dataStyles } from '../data.styles.js';
import { baseStyles } from '../../core/shared.styles.js';
import { formatNumber } from '../../i18n/format.js';
import { formatUnit } from '../../i18n/unit-format.js';
import type { ApiContext } from '../api-client.js';
import type { MessageKey } from '../../i18n/translate.js';
import { enGauges } from '../../i18n/locales/en-gauges.js';
import { extendEnglish } from '../../i18n/translate.js';
import { sourceTable } from '../providers/index.js';
import { intelliproveScores } from '../providers/intelliprove/scores.js';
import type { ScoreReading, ScoreSource } from '../providers/types.js';
import { gaugeStyles } from './metric-gauge.styles.js';

export type Zone = 'below' | 'around' | 'above';

/** A factor's value with its unit: time units through Intl, counts and scores without one. */
function factorValue(lang: Language, value: number, unit = ''): string {
  if (unit === 'minute' || unit === 'hour') {
    return formatUnit(lang, value, unit, unit === 'hour' ? 'h' : 'min');
  }
  const plain = formatNumber(lang, value);
  return unit && unit !== 'score' && unit !== 'count' ? `${plain} ${unit}` : plain;
}
type Level = 'minimal' | 'low' | 'medium' | 'high';
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
const arc = (score: number) =>
  svg`<svg viewBox="0 0 200 106" aria-hidden="true" focusable="false">
    <path class="track" d="M 16 100 A 84 84 0 0 1 184 100" pathLength="100"></path>
    <path class="arc" d="M 16 100 A 84 84 0 0 1 184 100" pathLength="100"
      stroke-dashoffset=${100 - score}></path>
  </svg>`;

/** Where a 0–100 score stands against the user's average (50): within ±5 counts as around. */
export function zoneOf(score: number): Zone {
  return score < 45 ? 'below' : score > 55 ? 'above' : 'around';
}

/** The providers whose scores a gauge shows; Sahha's code is fetched by its first gauge. */
const SOURCES = sourceTable<ScoreSource>({
  intelliprove: intelliproveScores,
  sahha: () => import('../providers/sahha/sahha.js').then((m) => m.sahhaScores),
});

/**
 * @tagname ip-metric-gauge
 * @summary Shows one health metric or wellbeing score (0–100, 50 = the user's average) as a
 * gauge, with its confidence and where it stands.
 *
 * @csspart base - The gauge's box.
 * @csspart label - The metric's name.
 * @csspart meter - The gauge (role="meter").
 * @csspart chart - The drawn half ring (SVG).
 * @csspart value - The score.
 * @csspart zone - Below / around / above average, in words.
 * @csspart confidence - The confidence.
 * @csspart factors - What the score is based on (with `details`).
 * @csspart empty - The "no data yet" message.
 * @csspart error - The error message.
 * @csspart retry-button - The error's retry button.
 *
 * @cssprop --ip-gauge-color-below - Arc colour below the average.
 * @cssprop --ip-gauge-color-around - Arc colour around the average.
 * @cssprop --ip-gauge-color-above - Arc colour above the average.
 * @cssprop --ip-color-track - The arc's empty track.
 * @cssprop --ip-gauge-size - Largest width of the arc (default 200px).
 * @cssprop --ip-gauge-value-size - Font size of the score.
 */
export class IpMetricGauge extends DataElement<ScoreReading, ScoreSource> {
  static override properties: PropertyDeclarations = {
    metric: {},
    details: { type: Boolean },
  };

  static {
    extendEnglish(enGauges);
  }

  static override styles = [baseStyles, dataStyles, gaugeStyles];

  /** Which metric: `energy_balance`, `general_fitness`, `hypertension`, `mental_health_risk`, `mental_stress`, `sleep_quality`, `wellbeing_mental`, `wellbeing_physical` or `wellbeing_energy_sleep`. */
  declare metric?: string;

  /** Also list what the score is based on, where the provider says (Sahha's factors). */
  details = false;

  protected sources() {
    return SOURCES;
  }

  protected selection(): [string, string | undefined, string] {
    return ['metric', this.metric, 'score'];
  }

  protected dataArgs() {
    return [this.metric];
  }

  protected read(source: ScoreSource, key: string, context: ApiContext) {
    return source.read(context, key, {});
  }

  protected isEmpty(reading: ScoreReading): boolean {
    return reading.score === null;
  }

  #zone(): Zone {
    const level = this.#level(this.reading);
    return level ? LEVEL_ZONES[level] : zoneOf(this.#score() ?? 0);
  }

  #score(): number | null {
    const score = this.reading?.score;
    return typeof score === 'number' ? Math.max(0, Math.min(100, score)) : null;
  }

  protected valueView(reading: ScoreReading) {
    const label = this.label();
    const score = this.#score();
    if (score === null)
      return reading.unavailable
        ? this.emptyView(label, 'state.not-available', 'state.not-available-hint')
        : this.emptyView(label, ...this.resolveSource().empty);
    const lang = this.language;
    const shown = formatNumber(lang, score, { maximumFractionDigits: 1 });
    const level = this.#level(reading);
    const zone = this.#zone();
    // The provider's own level in words (Sahha), else where the score stands against 50.
    const zoneText = this.t((level ? `level.${level}` : `zone.${zone}`) as MessageKey);
    const confidence =
      typeof reading.confidence === 'number'
        ? this.t('gauge.confidence', {
            value: formatNumber(lang, reading.confidence / 100, {
              style: 'percent',
              maximumFractionDigits: 0,
            }),
          })
        : '';
    return html`<span part="label" class="label" id="label">${label}</span>
      <div
        part="meter"
        class="meter zone-${zone}"
        role="meter"
        aria-labelledby="label"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Math.round(score * 10) / 10}
        aria-valuetext=${this.t('gauge.valuetext', { score: shown, zone: zoneText })}
      >
        <div part="chart">
          ${arc(score)}
          <span part="value" class="value" aria-hidden="true">${shown}</span>
        </div>
      </div>
      <p part="zone" class="zone zone-${zone}"><span class="zone-text">${zoneText}</span></p>
      ${confidence ? html`<p part="confidence" class="confidence hint">${confidence}</p>` : nothing}
      ${
        this.details && reading.factors?.length
          ? html`<div part="factors" class="factors">
              <p class="hint">${this.t('gauge.factors')}</p>
              <ul>
                ${reading.factors.map(
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
            </div>`
          : nothing
      }`;
  }

  /** The provider's level word for the score, if it gives a known one. */
  #level(reading: ScoreReading | null | undefined): Level | undefined {
    const state = reading?.state?.toLowerCase();
    return state && Object.hasOwn(LEVEL_ZONES, state) ? (state as Level) : undefined;
  }

  protected skeleton() {
    return html`<span class="skeleton gauge-skeleton" aria-hidden="true"></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ip-metric-gauge': IpMetricGauge;
  }
}
