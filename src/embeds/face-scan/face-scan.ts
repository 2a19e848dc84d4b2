import type { PropertyDeclarations } from 'lit';
import { IpError } from '../../core/errors.js';
import { IpElement } from '../../core/ip-element.js';
import { announceScan, firstTime } from '../../core/scan-signal.js';
import { baseStyles } from '../../core/shared.styles.js';
import { Localizer } from '../../i18n/localizer.js';
import { faceScanIdOf, type PluginMessage } from '../message-bridge.js';
import { PluginSession } from '../plugin-session.js';
import { pluginView } from '../plugin-view.js';
import { pluginStyles } from '../plugin.styles.js';
import { faceScanStyles } from './face-scan.styles.js';

/** Chromium's policy API on an iframe: what the framed document will be allowed to use. */
type PolicyFrame = HTMLIFrameElement & {
  featurePolicy?: { allowsFeature(feature: string, origin?: string): boolean };
};

/**
 * @tagname ip-face-scan
 * @summary Embeds IntelliProve's face-scan plug-in and owns its whole lifecycle: URL fetch and
 * check, camera checks, expiry, restart, messages and teardown.
 *
 * @csspart base - The element's box.
 * @csspart frame - The plug-in iframe.
 * @csspart status - The loading message.
 * @csspart error - The error message.
 * @csspart retry-button - The error's retry button.
 *
 * @cssprop --ip-face-scan-height - Height of the plug-in frame (default 640px, at least 480px).
 * @cssprop --ip-color-surface - Background of the box and its messages.
 * @cssprop --ip-color-border - Border colour.
 * @cssprop --ip-radius - Corner radius.
 * @cssprop --ip-color-primary - Retry button and spinner colour.
 */
export class IpFaceScan extends IpElement {
  static override properties: PropertyDeclarations = {
    allowedOrigins: { attribute: 'allowed-origins' },
  };

  static override styles = [baseStyles, pluginStyles, faceScanStyles];

  /** Extra trusted plug-in origins, space-separated, besides `https://*.intelliprove.com`. */
  declare allowedOrigins?: string;

  readonly #i18n = new Localizer(this);
  /** The plug-in's URL, frame, messages, expiry and teardown. */
  readonly #plugin = new PluginSession(this, {
    purpose: 'face-scan',
    check: () => this.#checkCamera(),
    checkFrame: (frame, url) => this.#checkCameraPolicy(frame, url),
    onStart: () => (this.#announcedUnnamed = false),
    onMessage: (message) => this.#onMessage(message),
  });

  /** Scans announced to the page: each once, however often the plug-in repeats it. */
  #announced = new Set<string>();
  /** A scan without an id was announced in this measurement. */
  #announcedUnnamed = false;

  /** Fetches a new plug-in URL and starts a new scan in a fresh iframe. */
  restart(): void {
    this.#plugin.restart();
  }

  override render() {
    return pluginView(
      this.#plugin,
      this.#i18n,
      this.language,
      { title: 'face-scan.title', loading: 'face-scan.loading' },
      'camera; fullscreen',
    );
  }

  /** Before a URL is asked for: the camera API exists, and may exist here. */
  #checkCamera(): IpError | null {
    if (typeof window !== 'undefined' && window.isSecureContext === false) {
      return new IpError(
        'insecure-context',
        `<ip-face-scan> needs a secure context for the camera: serve this page over https (or localhost).`,
      );
    }
    if (!navigator.mediaDevices || typeof navigator.mediaDevices.getUserMedia !== 'function') {
      return new IpError(
        'camera-unavailable',
        `<ip-face-scan>: this browser has no camera API (navigator.mediaDevices).`,
      );
    }
    return null;
  }

  /**
   * The page's Permissions-Policy decides whether the plug-in may use the camera. Only the
   * attached iframe's policy tells (the document's own API ignores `allow` delegation), so the
   * check runs as soon as the frame is in the page, before the user can start a scan.
   */
  #checkCameraPolicy(frame: HTMLIFrameElement, url: URL): IpError | null {
    const policy = (frame as PolicyFrame).featurePolicy;
    if (policy && !policy.allowsFeature('camera', url.origin)) {
      return new IpError(
        'camera-blocked',
        `<ip-face-scan>: this page's Permissions-Policy does not let ${url.origin} use the camera. ` +
          `Allow it, e.g. "Permissions-Policy: camera=(self \\"${url.origin}\\")" (or camera=*).`,
      );
    }
    return null;
  }

  /** The plug-in's messages, after `ip-stage`: a scan, the user leaving it, the plug-in's error. */
  #onMessage(message: PluginMessage): void {
    switch (message.stage) {
      case 'recordingStarted':
        this.#announcedUnnamed = false;
        break;
      case 'faceScanSuccessful': {
        const faceScanId = faceScanIdOf(message.data);
        if (faceScanId === null ? this.#announcedUnnamed : !firstTime(this.#announced, faceScanId))
          break;
        if (faceScanId === null) this.#announcedUnnamed = true;
        this.emit('ip-scan-complete', { faceScanId });
        announceScan({ tokenEndpoint: this.effectiveTokenEndpoint ?? '', faceScanId });
        break;
      }
      case 'dismiss':
        this.emit('ip-dismiss', {});
        break;
      case 'error': {
        // The plug-in shows its own message and lets the user try again: no teardown here.
        const reason = typeof message.data.error === 'string' ? ` (${message.data.error})` : '';
        const text = `<ip-face-scan>: the plug-in reported an error${reason}; the user can try again in it.`;
        console.warn(`[intelliprove-widgets] ${text}`);
        this.emit('ip-error', { code: 'plugin-error', message: text });
        break;
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ip-face-scan': IpFaceScan;
  }
}
