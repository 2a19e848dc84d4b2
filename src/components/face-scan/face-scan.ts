import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { IpElement } from '../../core/ip-element.js';
import { baseStyles } from '../../core/shared.styles.js';
import { faceScanStyles } from './face-scan.styles.js';

/**
 * @summary Embeds IntelliProve's face-scan plug-in.
 *
 * @event ip-ready - The plug-in iframe has loaded. `detail: { url }` (token removed).
 * @event ip-stage - A plug-in message was accepted. `detail: { stage, data }`.
 * @event ip-scan-complete - The scan succeeded. `detail: { faceScanId }`.
 * @event ip-dismiss - The user pressed continue in the plug-in.
 * @event ip-error - Something failed. `detail: { code, message, status? }`.
 *
 * @csspart base - The element's box.
 */
export class IpFaceScan extends IpElement {
  static override styles = [baseStyles, faceScanStyles];

  /** Extra trusted plug-in origins, space-separated, besides `https://*.intelliprove.com`. */
  @property({ attribute: 'allowed-origins' }) allowedOrigins?: string;

  override render() {
    return html`<div part="base"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ip-face-scan': IpFaceScan;
  }
}
