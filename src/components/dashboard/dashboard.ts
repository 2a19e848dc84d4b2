import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { IpElement } from '../../core/ip-element.js';
import { baseStyles } from '../../core/shared.styles.js';

/**
 * @summary Embeds IntelliProve's health dashboard plug-in.
 *
 * @event ip-ready - The plug-in iframe has loaded. `detail: { url }` (token removed).
 * @event ip-stage - A plug-in message was accepted. `detail: { stage, data }`.
 * @event ip-error - Something failed. `detail: { code, message, status? }`.
 *
 * @csspart base - The element's box.
 */
export class IpDashboard extends IpElement {
  static override styles = [
    baseStyles,
    css`
      [part='base'] {
        min-height: var(--ip-dashboard-min-height, 480px);
      }
    `,
  ];

  /** Extra trusted plug-in origins, space-separated, besides `https://*.intelliprove.com`. */
  @property({ attribute: 'allowed-origins' }) allowedOrigins?: string;

  /** Dashboard sections to hide: `main metrics biomarkers recommendations todos`. */
  @property({ attribute: 'disabled-sections' }) disabledSections?: string;

  override render() {
    return html`<div part="base"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ip-dashboard': IpDashboard;
  }
}
