import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { Chart } from 'chart.js';
import { UNIT_SYSTEMS, isUnitSystem, type UnitSystem } from '../../protocol/contract.js';
import { pageDefaults } from '../../core/config.js';
import { DataElement } from '../data-element.js';
import { IpError, invalidAttribute } from '../../core/errors.js';
import { baseStyles } from '../../core/shared.styles.js';
import { dataStyles } from '../data.styles.js';
import { formatDateTime, formatNumber, formatRelativeTime } from '../../i18n/format.js';
import { sourceTable } from '../providers/index.js';
import { intelliproveBiomarkers } from '../providers/intelliprove/face-scans.js';
import type { BiomarkerReading, BiomarkerSource } from '../providers/types.js';
import {
  QUANTITY_LABELS,
  formatSameUnit,
  resolveUnitSystem,
  type QuantityLabel,
} from '../../units/index.js';
import type { ApiContext } from '../api-client.js';
import { enCards } from '../../i18n/locales/en-cards.js';
import { extendEnglish } from '../../i18n/translate.js';
import { cardStyles } from './biomarker-card.styles.js';

/** The providers whose biomarkers a card shows; Sahha's code is fetched by its first card. */
const SOURCES = sourceTable<BiomarkerSource>({
  intelliprove: intelliproveBiomarkers,
  sahha: () => import('../providers/sahha/sahha.js').then((m) => m.sahhaBiomarkers),
});

/**
 * @tagname ip-biomarker-card
 * @summary Shows one biomarker of the user's latest face scan (or a given one), localized and
 * in the user's unit system, with an optional trend of the last scans.
 *
 * @csspart base - The card's box.
 * @csspart label - The biomarker's name.
 * @csspart value - The number.
 * @csspart unit - The unit.
 * @csspart hint - Where the value stands against the documented range.
 * @csspart time - When it was measured.
 * @csspart chart - The trend (with `history`).
 * @csspart empty - The "no scan yet" / "not available" message.
 * @csspart error - The error message.
 * @csspart retry-button - The error's retry button.
 *
 * @cssprop --ip-color-surface - Card background.
 * @cssprop --ip-color-text - Text colour.
 * @cssprop --ip-color-muted - Secondary text colour.
 * @cssprop --ip-color-border - Border colour.
 * @cssprop --ip-radius - Corner radius.
 * @cssprop --ip-spacing - Inner spacing.
 * @cssprop --ip-card-value-size - Font size of the value.
 * @cssprop --ip-chart-line - Trend line colour.
 * @cssprop --ip-chart-fill - Area under the trend line.
 */
export class IpBiomarkerCard extends DataElement<BiomarkerReading, BiomarkerSource> {
  static override properties: PropertyDeclarations = {
    biomarker: {},
    faceScanId: { attribute: 'face-scan-id' },
    unitSystem: { attribute: 'unit-system' },
    history: { type: Number },
  };

  static {
    extendEnglish(enCards);
  }

  static override styles = [baseStyles, dataStyles, cardStyles];

  /** Which biomarker: `heart_rate`, `respiratory_rate`, `heart_rate_variability`, `resonant_breathing_score`, `systolic_blood_pressure`, `diastolic_blood_pressure` or `blood_pressure`. */
  declare biomarker?: string;

  /** Show this face scan instead of the latest. */
  declare faceScanId?: string;

  /** `metric` or `imperial`; default `data-unit-system`, then the user's preference, then metric. */
  declare unitSystem?: UnitSystem;

  /** N > 1 also draws a trend of the last N scans. */
  declare history?: number;

  get #canvas(): HTMLCanvasElement | undefined {
    return this.renderRoot.querySelector('canvas') ?? undefined;
  }
  #chart?: Chart<'line'>;
  /** The trend's code could not be loaded: the card shows its reading alone. */
  #trendless = false;

  protected sources() {
    return SOURCES;
  }

  protected selection(): [string, string | undefined, string] {
    return ['biomarker', this.biomarker, 'biomarker'];
  }

  protected dataArgs() {
    return [this.biomarker, this.faceScanId, this.history];
  }

  protected read(source: BiomarkerSource, key: string, context: ApiContext) {
    return source.read(context, key, {
      id: this.faceScanId || undefined,
      history: this.history ?? undefined,
    });
  }

  protected override checkAttributes(): void {
    super.checkAttributes();
    const history = this.history;
    if (history !== undefined && history !== null && !(Number.isInteger(history) && history >= 0))
      throw new IpError(
        'invalid-attribute',
        `<ip-biomarker-card> history="${this.getAttribute('history') ?? history}" is not a number of scans; use e.g. history="6".`,
      );
  }

  protected isEmpty(reading: BiomarkerReading): boolean {
    return reading.value === null;
  }

  /** The unit system to show in; an `invalid-attribute` error for one that is not. */
  get #effectiveUnitSystem(): UnitSystem {
    const asked = this.unitSystem || pageDefaults().unitSystem;
    if (asked && !isUnitSystem(asked))
      throw invalidAttribute(this, 'unit-system', asked, 'a unit system', UNIT_SYSTEMS);
    return resolveUnitSystem(this.unitSystem, pageDefaults().unitSystem, this.userUnitSystem);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart?.destroy();
    this.#chart = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    void this.#drawTrend();
  }

  async #drawTrend(): Promise<void> {
    const canvas = this.#canvas; // rendered only with two points or more
    if (!canvas) {
      this.#chart?.destroy();
      this.#chart = undefined;
      return;
    }
    let chart: typeof import('../../charts/trend-chart.js');
    try {
      chart = await import('../../charts/trend-chart.js');
    } catch (error) {
      // The reading stands without its trend: no empty chart box, and the page is told why.
      if (!this.#trendless) {
        console.error(
          '[intelliprove-widgets] The trend chart could not be loaded. Serve the whole dist/ ' +
            "folder (its chunks/ sit next to intelliprove-widgets.js) and allow it in the CSP's script-src.",
          error,
        );
      }
      this.#trendless = true;
      this.requestUpdate();
      return;
    }
    if (this.isConnected && this.#canvas === canvas)
      this.#chart = chart.drawTrend(
        this,
        canvas,
        this.reading!.history!,
        this.language,
        this.#chart,
      );
  }

  protected valueView(reading: BiomarkerReading) {
    const source = this.resolveSource();
    const info = this.entry(source);
    const label = this.t(info.label);
    if (reading.value === null)
      return this.emptyView(label, 'state.not-available', 'state.not-available-hint');
    const lang = this.language;
    const unitSystem = this.#effectiveUnitSystem;
    const labels = Object.fromEntries(
      QUANTITY_LABELS.map((name) => [name, this.t(`unit.${name}`)]),
    ) as Record<QuantityLabel, string>;
    let value: string;
    let unit: string;
    let hint: string | undefined;
    if (typeof reading.value === 'object') {
      value = `${formatNumber(lang, reading.value.systolic)}/${formatNumber(lang, reading.value.diastolic)}`;
      unit = labels.mmhg;
    } else {
      // Face-scan biomarkers read the same in both systems; a provider with others brings its own.
      const format = source.format ?? formatSameUnit;
      const formatted = format(reading.value, info.quantity, { lang, unitSystem, labels });
      value = formatted.value;
      unit = formatted.unit;
      const band = info.hint?.(reading.value);
      hint = band ? this.t(band) : undefined;
    }
    // The trend draws the readings that have a value, from two on.
    const count =
      this.history && this.history > 1
        ? (reading.history?.filter((point) => point.value !== null).length ?? 0)
        : 0;
    return html`<span part="label" class="label">${label}</span>
      <p class="reading" data-unit-system=${unitSystem}>
        <span part="value" class="value">${value}</span>
        ${unit ? html`<span part="unit" class="unit">${unit}</span>` : nothing}
      </p>
      ${hint ? html`<p part="hint" class="hint">${hint}</p>` : nothing}
      ${
        Number.isNaN(reading.at.getTime())
          ? nothing
          : html`<p part="time" class="time">
              <time datetime=${reading.at.toISOString()} title=${formatDateTime(lang, reading.at)}
                >${
                  reading.period === 'day'
                    ? this.t('card.day', {
                        date: formatDateTime(lang, reading.at, { dateStyle: 'medium' }),
                      })
                    : this.t('card.measured', { time: formatRelativeTime(lang, reading.at) })
                }</time
              >
            </p>`
      }
      ${
        count >= 2 && !this.#trendless
          ? html`<div part="chart" class="chart">
              <canvas role="img" aria-label=${this.t('card.trend', { count })}></canvas>
            </div>`
          : nothing
      }`;
  }

  protected skeleton() {
    return html`<span class="skeleton value-skeleton" aria-hidden="true"></span>
      <span class="skeleton time-skeleton" aria-hidden="true"></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ip-biomarker-card': IpBiomarkerCard;
  }
}
