import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { UnitSystem } from '../../contract.js';
import { IpElement } from '../../core/ip-element.js';
import { baseStyles } from '../../core/shared.styles.js';

/**
 * @summary Shows one biomarker of the user's latest (or a given) face scan.
 *
 * @event ip-load - Data is shown. `detail: { data }`.
 * @event ip-error - Something failed. `detail: { code, message, status? }`.
 *
 * @csspart base - The card's box.
 */
export class IpBiomarkerCard extends IpElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        min-width: 180px;
      }
    `,
  ];

  /** Which biomarker: `heart_rate`, `respiratory_rate`, `heart_rate_variability`, … */
  @property() biomarker?: string;

  /** Show this face scan instead of the latest. */
  @property({ attribute: 'face-scan-id' }) faceScanId?: string;

  /** `metric` or `imperial`; default from the page, then the user's preference. */
  @property({ attribute: 'unit-system' }) unitSystem?: UnitSystem;

  /** N > 1 also draws a trend of the last N scans. */
  @property({ type: Number }) history?: number;

  override render() {
    return html`<div part="base"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ip-biomarker-card': IpBiomarkerCard;
  }
}
