import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { IpElement } from '../../core/ip-element.js';
import { baseStyles } from '../../core/shared.styles.js';
import { formatNumber } from '../../i18n/format.js';
import { enGauges } from '../../i18n/locales/en-gauges.js';
import { extendEnglish, type MessageKey } from '../../i18n/translate.js';
import { dataStyles } from '../data.styles.js';
import { sourceTable } from '../providers/index.js';
import { intelliproveScores } from '../providers/intelliprove/scores.js';
import type { ScoreReading, ScoreSource } from '../providers/types.js';
import { Reading } from '../reading.js';
import { aboutView, arc, factorsView, levelOf, zoneOfReading } from './gauge-parts.js';
import { gaugeStyles } from './metric-gauge.styles.js';

export { zoneOf, type Zone } from './gauge-parts.js';

/** The providers whose scores a gauge shows; Sahha's code is fetched by its first gauge. */
const SOURCES = sourceTable<ScoreSource>({
  intelliprove: intelliproveScores,
  sahha: () => import('../providers/sahha/sahha.js').then((m) => m.sahhaScores),
});

/**
 * @tagname ip-metric-gauge
 * @summary Shows one health metric or wellbeing score (0–100, 50 = the user's average) as a
 * gauge, with its confidence and where it stands; an empty one says what unlocks it.
 *
 * @csspart base - The gauge's box.
 * @csspart label - The metric's name.
 * @csspart meter - The gauge (role="meter").
 * @csspart chart - The drawn half ring (SVG).
 * @csspart value - The score.
 * @csspart zone - Below / around / above average, in words.
 * @csspart confidence - The confidence in words (the ring draws it as a band around the score).
 * @csspart about - With `details`: what the score means and what it is based on (IntelliProve).
 * @csspart meaning - What the score means, against the scale (50 = average).
 * @csspart basis - Which biomarkers and inputs the score is based on.
 * @csspart factors - What the score is based on (with `details`, Sahha's factors).
 * @csspart empty - The "no data yet" message.
 * @csspart error - The error message.
 * @csspart retry-button - The error's retry button.
 *
 * @cssprop --ip-gauge-color-below - Arc colour below the average.
 * @cssprop --ip-gauge-color-around - Arc colour around the average.
 * @cssprop --ip-gauge-color-above - Arc colour above the average.
 * @cssprop --ip-gauge-color-band - The confidence band around the score.
 * @cssprop --ip-color-track - The arc's empty track.
 * @cssprop --ip-gauge-size - Largest width of the arc (default 200px).
 * @cssprop --ip-gauge-value-size - Font size of the score.
 */
export class IpMetricGauge extends IpElement {
  static override properties: PropertyDeclarations = {
    provider: {},
    metric: {},
    details: { type: Boolean },
  };

  static {
    extendEnglish(enGauges);
  }

  static override styles = [baseStyles, dataStyles, gaugeStyles];

  /** Data provider: `intelliprove` (default) or `sahha`. Default: `data-provider`. */
  declare provider?: string;

  /** Which metric: `energy_balance`, `general_fitness`, `hypertension`, `mental_health_risk`, `mental_stress`, `sleep_quality`, `wellbeing_mental`, `wellbeing_physical` or `wellbeing_energy_sleep`. */
  declare metric?: string;

  /** Also say what the score means and what it is based on (IntelliProve's metrics), or list its factors (Sahha). */
  details = false;

  /** The score: read, held while shown, read again after a scan or for a new session. */
  readonly #reading = new Reading<ScoreReading, ScoreSource>(this, {
    sources: SOURCES,
    select: () => ({ attribute: 'metric', key: this.metric, noun: 'score' }),
    args: () => [this.metric],
    read: (source, key, context) => source.read(context, key, {}),
    isEmpty: (reading) => reading.score === null,
    view: (reading) => this.#view(reading),
    skeleton: () => html`<span class="skeleton gauge-skeleton" aria-hidden="true"></span>`,
  });

  /** Reads the score again, fresh from the API. */
  reload(): void {
    this.#reading.reload();
  }

  override render() {
    return this.#reading.render();
  }

  #view(reading: ScoreReading): TemplateResult {
    const { i18n } = this.#reading;
    const label = this.#reading.label();
    if (typeof reading.score !== 'number')
      return reading.unavailable
        ? this.#reading.emptyView('state.not-available', 'state.not-available-hint')
        : this.#reading.emptyView();
    const score = Math.max(0, Math.min(100, reading.score));
    const lang = this.language;
    const shown = formatNumber(lang, score, { maximumFractionDigits: 1 });
    const level = levelOf(reading);
    const zone = zoneOfReading(reading, score);
    // The provider's own level in words (Sahha), else where the score stands against 50.
    const zoneText = i18n.t((level ? `level.${level}` : `zone.${zone}`) as MessageKey);
    const sure = typeof reading.confidence === 'number' ? reading.confidence : undefined;
    const confidence =
      sure === undefined
        ? ''
        : formatNumber(lang, sure / 100, { style: 'percent', maximumFractionDigits: 0 });
    const values = { score: shown, zone: zoneText, confidence };
    return html`<span part="label" class="label" id="label">${label}</span>
      <div
        part="meter"
        class="meter zone-${zone}"
        role="meter"
        aria-labelledby="label"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Math.round(score * 10) / 10}
        aria-valuetext=${i18n.t(confidence ? 'gauge.valuetext-confidence' : 'gauge.valuetext', values)}
      >
        <div part="chart">
          ${arc(score, sure)}
          <span part="value" class="value" aria-hidden="true">${shown}</span>
        </div>
      </div>
      <p part="zone" class="zone zone-${zone}"><span class="zone-text">${zoneText}</span></p>
      ${
        confidence
          ? html`<p part="confidence" class="confidence hint">
              ${i18n.t('gauge.confidence', { value: confidence })}
            </p>`
          : nothing
      }
      ${this.details ? this.#details(reading) : nothing}`;
  }

  /** With `details`: what the score means and is based on (IntelliProve), or Sahha's factors. */
  #details(reading: ScoreReading) {
    const { i18n, choice } = this.#reading;
    const { meaning, basis } = choice.entry(choice.loaded());
    if (meaning && basis) return aboutView(i18n.t(meaning), i18n.t('gauge.scale'), i18n.t(basis));
    return factorsView(this.language, i18n.t('gauge.factors'), reading.factors);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ip-metric-gauge': IpMetricGauge;
  }
}
