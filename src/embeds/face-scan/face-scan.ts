import { IpError } from '../../core/errors.js';
import { faceScanIdOf, type PluginMessage } from '../message-bridge.js';
import { PluginElement } from '../plugin-element.js';
import { pluginStyles } from '../plugin.styles.js';
import { announceScan, firstTime } from '../../core/scan-signal.js';
import { baseStyles } from '../../core/shared.styles.js';
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
export class IpFaceScan extends PluginElement {
  static override styles = [baseStyles, pluginStyles, faceScanStyles];

  protected readonly purpose = 'face-scan';
  protected readonly titleKey = 'face-scan.title';
  protected readonly loadingKey = 'face-scan.loading';
  protected override readonly allow = 'camera; fullscreen';

  #recording = false;
  /** Scans announced to the page: each once, however often the plug-in repeats it. */
  #announced = new Set<string>();
  /** A scan without an id was announced in this measurement. */
  #announcedUnnamed = false;

  /** Fetches a new plug-in URL and starts a new scan in a fresh iframe. */
  restart(): void {
    this.reset();
  }

  /** From recordingStarted until the user leaves the result (dismiss, userFinished, error). */
  protected override get busy(): boolean {
    return this.#recording;
  }

  protected override sessionStarting(): void {
    this.#recording = false;
    this.#announcedUnnamed = false;
  }

  protected override preflight(): IpError | null {
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
  protected override checkFrame(frame: HTMLIFrameElement, url: URL): IpError | null {
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

  protected override handleStage(message: PluginMessage): void {
    switch (message.stage) {
      case 'recordingStarted':
        this.#recording = true;
        this.#announcedUnnamed = false;
        break;
      case 'faceScanSuccessful': {
        // Still busy: the plug-in shows the result until the user continues (dismiss).
        const faceScanId = faceScanIdOf(message.data);
        if (faceScanId === null ? this.#announcedUnnamed : !firstTime(this.#announced, faceScanId))
          break;
        if (faceScanId === null) this.#announcedUnnamed = true;
        this.emit('ip-scan-complete', { faceScanId });
        announceScan({ tokenEndpoint: this.effectiveTokenEndpoint ?? '', faceScanId });
        break;
      }
      case 'dismiss':
        this.#recording = false;
        this.emit('ip-dismiss', {});
        break;
      case 'userFinished':
        this.#recording = false;
        break;
      case 'error': {
        // The plug-in shows its own message and lets the user try again: no teardown here.
        this.#recording = false;
        const reason = typeof message.data.error === 'string' ? ` (${message.data.error})` : '';
        const text = `<ip-face-scan>: the plug-in reported an error${reason}; the user can try again in it.`;
        console.warn(`[intelliprove-widgets] ${text}`);
        this.emit('ip-error', { code: 'plugin-error', message: text });
        break;
      }
    }
    this.settle();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ip-face-scan': IpFaceScan;
  }
}
