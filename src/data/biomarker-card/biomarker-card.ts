import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { UNIT_SYSTEMS, isUnitSystem, type UnitSystem } from '../../protocol/contract.js';
import { pageDefaults } from '../../core/config.js';
import { IpError, invalidAttribute } from '../../core/errors.js';
import { IpElement } from '../../core/ip-element.js';
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
import { enCards } from '../../i18n/locales/en-cards.js';
import { extendEnglish } from '../../i18n/translate.js';
import { Reading } from '../reading.js';
import { cardStyles } from './biomarker-card.styles.js';
import { Trend } from './trend.js';

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
export class IpBiomarkerCard extends IpElement {
  static override properties: PropertyDeclarations = {
    provider: {},
    biomarker: {},
    faceScanId: { attribute: 'face-scan-id' },
    unitSystem: { attribute: 'unit-system' },
    history: { type: Number },
  };

  static {
    extendEnglish(enCards);
  }

  static override styles = [baseStyles, dataStyles, cardStyles];

  /** Data provider: `intelliprove` (default) or `sahha`. Default: `data-provider`. */
  declare provider?: string;

  /** Which biomarker: `heart_rate`, `respiratory_rate`, `heart_rate_variability`, `resonant_breathing_score`, `systolic_blood_pressure`, `diastolic_blood_pressure` or `blood_pressure`. */
  declare biomarker?: string;

  /** Show this face scan instead of the latest. */
  declare faceScanId?: string;

  /** `metric` or `imperial`; default `data-unit-system`, then the user's preference, then metric. */
  declare unitSystem?: UnitSystem;

  /** N > 1 also draws a trend of the last N scans. */
  declare history?: number;

  /** The reading: read, held while shown, read again after a scan or for a new session. */
  readonly #reading = new Reading<BiomarkerReading, BiomarkerSource>(this, {
    sources: SOURCES,
    select: () => ({ attribute: 'biomarker', key: this.biomarker, noun: 'biomarker' }),
    args: () => [this.biomarker, this.faceScanId, this.history],
    read: (source, key, context) =>
      source.read(context, key, {
        id: this.faceScanId || undefined,
        history: this.history ?? undefined,
      }),
    check: () => this.#checkHistory(),
    isEmpty: (reading) => reading.value === null,
    view: (reading) => this.#view(reading),
    skeleton: () =>
      html`<span class="skeleton value-skeleton" aria-hidden="true"></span>
        <span class="skeleton time-skeleton" aria-hidden="true"></span>`,
  });

  readonly #trend = new Trend(this, () => this.#reading.value?.history);

  /** Reads the biomarker again, fresh from the API. */
  reload(): void {
    this.#reading.reload();
  }

  override render() {
    return this.#reading.render();
  }

  #checkHistory(): void {
    const history = this.history;
    if (history !== undefined && history !== null && !(Number.isInteger(history) && history >= 0))
      throw new IpError(
        'invalid-attribute',
        `<ip-biomarker-card> history="${this.getAttribute('history') ?? history}" is not a number of scans; use e.g. history="6".`,
      );
  }

  /** The unit system to show in; an `invalid-attribute` error for one that is not. */
  get #effectiveUnitSystem(): UnitSystem {
    const asked = this.unitSystem || pageDefaults().unitSystem;
    if (asked && !isUnitSystem(asked))
      throw invalidAttribute(this, 'unit-system', asked, 'a unit system', UNIT_SYSTEMS);
    return resolveUnitSystem(
      this.unitSystem,
      pageDefaults().unitSystem,
      this.#reading.userUnitSystem,
    );
  }

  #view(reading: BiomarkerReading): TemplateResult {
    const { i18n, choice } = this.#reading;
    const source = choice.loaded();
    const info = choice.entry(source);
    const label = i18n.t(info.label);
    if (reading.value === null)
      return this.#reading.emptyView('state.not-available', 'state.not-available-hint');
    const lang = this.language;
    const unitSystem = this.#effectiveUnitSystem;
    const labels = Object.fromEntries(
      QUANTITY_LABELS.map((name) => [name, i18n.t(`unit.${name}`)]),
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
      hint = band ? i18n.t(band) : undefined;
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
                    ? i18n.t('card.day', {
                        date: formatDateTime(lang, reading.at, { dateStyle: 'medium' }),
                      })
                    : i18n.t('card.measured', { time: formatRelativeTime(lang, reading.at) })
                }</time
              >
            </p>`
      }
      ${
        count >= 2 && this.#trend.available
          ? html`<div part="chart" class="chart">
              <canvas role="img" aria-label=${i18n.t('card.trend', { count })}></canvas>
            </div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ip-biomarker-card': IpBiomarkerCard;
  }
}
