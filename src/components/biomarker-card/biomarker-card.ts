import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { Chart } from 'chart.js';
import type { UnitSystem } from '../../contract.js';
import { loadTrendChart } from '../../core/charts/index.js';
import { pageDefaults } from '../../core/config.js';
import { DataElement } from '../../core/data-element.js';
import { IpError } from '../../core/errors.js';
import { baseStyles } from '../../core/shared.styles.js';
import { dataStyles } from '../../core/data.styles.js';
import { formatDateTime, formatNumber, formatRelativeTime } from '../../i18n/format.js';
import type { BiomarkerInfo, BiomarkerReading, Provider } from '../../providers/types.js';
import { formatSameUnit, resolveUnitSystem } from '../../units/index.js';
import type { ApiContext } from '../../core/api-client.js';
import type { MessageKey } from '../../i18n/translate.js';
import { enCards } from '../../i18n/locales/en.js';
import { extendEnglish } from '../../i18n/translate.js';
import { cardStyles } from './biomarker-card.styles.js';

/**
 * @tagname ip-biomarker-card
 * @summary Shows one biomarker of the user's latest face scan (or a given one), localized and
 * in the user's unit system, with an optional trend of the last scans.
 *
 * @event ip-load - Data is shown. `detail: { data }` (the reading, or null when there is none yet).
 * @event ip-error - Something failed. `detail: { code, message, status? }`.
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
export class IpBiomarkerCard extends DataElement<BiomarkerReading> {
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

  private get canvas(): HTMLCanvasElement | undefined {
    return this.renderRoot.querySelector('canvas') ?? undefined;
  }
  private chart?: Chart<'line'>;

  protected emptyKeys(provider: Provider): [MessageKey, MessageKey] {
    return provider.empty.biomarker;
  }

  protected dataArgs() {
    return [this.biomarker, this.faceScanId, this.history];
  }

  protected loader(provider: Provider) {
    this.infoFor(provider, this.biomarker);
    const { biomarker, faceScanId, history } = this;
    return (context: ApiContext) =>
      provider.biomarker(context, biomarker!, {
        id: faceScanId || undefined,
        history: history ?? undefined,
      });
  }

  protected isEmpty(reading: BiomarkerReading): boolean {
    return reading.value === null;
  }

  /** The biomarker's description, or an `invalid-attribute` error listing the valid names. */
  private infoFor(provider: Provider, biomarker: string | undefined): BiomarkerInfo {
    const info = biomarker ? provider.biomarkers[biomarker] : undefined;
    if (!info) {
      throw new IpError(
        'invalid-attribute',
        `<ip-biomarker-card> biomarker="${biomarker ?? ''}" is not a ${provider.id} biomarker; ` +
          `use one of: ${Object.keys(provider.biomarkers).join(', ')}.`,
      );
    }
    return info;
  }

  private get effectiveUnitSystem(): UnitSystem {
    return resolveUnitSystem(this.unitSystem, pageDefaults().unitSystem, this.userUnitSystem);
  }

  protected label(): string {
    try {
      return this.t(this.infoFor(this.resolveProvider(), this.biomarker).label);
    } catch {
      return '';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    void this.drawTrend();
  }

  private async drawTrend(): Promise<void> {
    const history = this.data.value?.history?.filter((point) => point.value !== null);
    if (!this.canvas || !history || history.length < 2) {
      this.chart?.destroy();
      this.chart = undefined;
      return;
    }
    const { drawTrend } = await loadTrendChart();
    if (!this.isConnected || !this.canvas) return;
    const points = history.map((point) => ({
      label: formatDateTime(this.language, point.at, { month: 'short', day: 'numeric' }),
      value: point.value as number,
    }));
    this.chart = drawTrend(this, this.canvas, points, this.chart);
  }

  protected valueView(reading: BiomarkerReading) {
    const provider = this.resolveProvider();
    const info = this.infoFor(provider, this.biomarker);
    const label = this.t(info.label);
    if (reading.value === null)
      return this.emptyView(label, 'state.not-available', 'state.not-available-hint');
    const lang = this.language;
    const unitSystem = this.effectiveUnitSystem;
    const labels = {
      bpm: this.t('unit.bpm'),
      'breaths-per-minute': this.t('unit.breaths-per-minute'),
      mmhg: this.t('unit.mmhg'),
      score: this.t('unit.score'),
    };
    let value: string;
    let unit: string;
    let hint: string | undefined;
    if (typeof reading.value === 'object') {
      value = `${formatNumber(lang, reading.value.systolic)}/${formatNumber(lang, reading.value.diastolic)}`;
      unit = labels.mmhg;
    } else {
      // Face-scan biomarkers read the same in both systems; a provider with others brings its own.
      const format = provider.format ?? formatSameUnit;
      const formatted = format(reading.value, info.quantity, { lang, unitSystem, labels });
      value = formatted.value;
      unit = formatted.unit;
      const band = info.hint?.(reading.value);
      hint = band ? this.t(band) : undefined;
    }
    const count = this.history && this.history > 1 ? (reading.history?.length ?? 0) : 0;
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
        count >= 2
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
