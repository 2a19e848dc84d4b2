import { css, type PropertyDeclarations } from 'lit';
import { DASHBOARD_SECTIONS, type DashboardSection } from '../../protocol/contract.js';
import { invalidAttribute, type IpError } from '../../core/errors.js';
import { IpElement } from '../../core/ip-element.js';
import { baseStyles } from '../../core/shared.styles.js';
import { Localizer } from '../../i18n/localizer.js';
import { PluginSession } from '../plugin-session.js';
import { pluginView } from '../plugin-view.js';
import { pluginStyles } from '../plugin.styles.js';

const words = (value: string | undefined) => (value ?? '').split(/[\s,]+/).filter(Boolean);
const isSection = (word: string): word is DashboardSection =>
  (DASHBOARD_SECTIONS as readonly string[]).includes(word);

/** Parses `disabled-sections` (space- or comma-separated): its known sections, once each. */
export function parseSections(value: string | undefined): DashboardSection[] {
  return [...new Set(words(value).filter(isSection))];
}

/**
 * @tagname ip-dashboard
 * @summary Embeds IntelliProve's health dashboard plug-in, with the same URL check, messages,
 * expiry and teardown as the face scan.
 *
 * @csspart base - The element's box.
 * @csspart frame - The plug-in iframe.
 * @csspart status - The loading message.
 * @csspart error - The error message.
 * @csspart retry-button - The error's retry button.
 *
 * @cssprop --ip-dashboard-height - Height of the plug-in frame (default 720px, at least 480px).
 */
export class IpDashboard extends IpElement {
  static override properties: PropertyDeclarations = {
    allowedOrigins: { attribute: 'allowed-origins' },
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

  /** Extra trusted plug-in origins, space-separated, besides `https://*.intelliprove.com`. */
  declare allowedOrigins?: string;

  /** Dashboard sections to hide, space- or comma-separated: `main metrics biomarkers recommendations todos`. */
  declare disabledSections?: string;

  readonly #i18n = new Localizer(this);
  /** The plug-in's URL, frame, messages, expiry and teardown. */
  readonly #plugin = new PluginSession(this, {
    purpose: 'dashboard',
    request: () => ({ disabled_sections: parseSections(this.disabledSections) }),
    check: () => this.#checkSections(),
  });

  /** Fetches a new dashboard URL and reloads the dashboard. */
  reload(): void {
    this.#plugin.restart();
  }

  override render() {
    return pluginView(this.#plugin, this.#i18n, this.language, {
      title: 'dashboard.title',
      loading: 'dashboard.loading',
    });
  }

  /** A section the dashboard does not have is a mistake to show, not to ignore. */
  #checkSections(): IpError | null {
    const unknown = words(this.disabledSections).find((word) => !isSection(word));
    return unknown === undefined
      ? null
      : invalidAttribute(
          this,
          'disabled-sections',
          unknown,
          'a dashboard section',
          DASHBOARD_SECTIONS,
        );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ip-dashboard': IpDashboard;
  }
}
