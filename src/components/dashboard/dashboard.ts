import { css, type PropertyDeclarations } from 'lit';
import { DASHBOARD_SECTIONS, type DashboardSection, type TokenRequest } from '../../contract.js';
import { PluginElement } from '../../core/plugin-element.js';
import { pluginStyles } from '../../core/plugin.styles.js';
import { baseStyles } from '../../core/shared.styles.js';

/** Parses `disabled-sections` (space- or comma-separated), keeping known sections only. */
export function parseSections(value: string | undefined): DashboardSection[] {
  const known = DASHBOARD_SECTIONS as readonly string[];
  const sections: DashboardSection[] = [];
  for (const item of (value ?? '').split(/[\s,]+/)) {
    if (!item) continue;
    if (!known.includes(item)) {
      console.warn(
        `[intelliprove-widgets] <ip-dashboard> disabled-sections: "${item}" is not one of ${DASHBOARD_SECTIONS.join(', ')}; ignored.`,
      );
    } else if (!sections.includes(item as DashboardSection)) {
      sections.push(item as DashboardSection);
    }
  }
  return sections;
}

/**
 * @tagname ip-dashboard
 * @summary Embeds IntelliProve's health dashboard plug-in, with the same URL check, messages,
 * expiry and teardown as the face scan.
 *
 * @event ip-ready - The plug-in iframe has loaded. `detail: { url }`, the URL without its token.
 * @event ip-stage - A plug-in message was accepted. `detail: { stage, data }`.
 * @event ip-error - Something failed. `detail: { code, message, status? }`.
 *
 * @csspart base - The element's box.
 * @csspart frame - The plug-in iframe.
 * @csspart status - The loading message.
 * @csspart error - The error message.
 * @csspart retry-button - The error's retry button.
 *
 * @cssprop --ip-dashboard-height - Height of the plug-in frame (default 720px, at least 480px).
 */
export class IpDashboard extends PluginElement {
  static override properties: PropertyDeclarations = {
    disabledSections: { attribute: 'disabled-sections' },
  };

  static override styles = [
    baseStyles,
    pluginStyles,
    css`
      [part='base'] {
        --_height: var(--ip-dashboard-height, 720px);
      }
    `,
  ];

  /** Dashboard sections to hide, space- or comma-separated: `main metrics biomarkers recommendations todos`. */
  declare disabledSections?: string;

  protected readonly purpose = 'dashboard';
  protected readonly titleKey = 'dashboard.title';
  protected readonly loadingKey = 'dashboard.loading';

  /** Fetches a new dashboard URL and reloads the dashboard. */
  reload(): void {
    this.reset();
  }

  protected override tokenRequest(): TokenRequest {
    return { ...super.tokenRequest(), disabled_sections: parseSections(this.disabledSections) };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ip-dashboard': IpDashboard;
  }
}
