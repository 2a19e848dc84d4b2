import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { TokenRequest } from '../protocol/contract.js';
import { requestedLanguage, toLanguage } from '../core/language.js';
import { enEmbeds } from '../i18n/locales/en-embeds.js';
import { extendEnglish, localize, type MessageKey } from '../i18n/translate.js';
import { pageDefaults } from '../core/config.js';
import { IpError, missingTokenEndpoint } from '../core/errors.js';
import { IpElement } from '../core/ip-element.js';
import { listenToFrame, type PluginMessage } from './message-bridge.js';
import { checkPluginUrl, parseOrigins, redactUrl } from './plugin-url.js';
import { SessionMember, sessionEpoch } from '../core/session.js';
import { requestToken } from '../core/token-client.js';

/** IntelliProve plug-in URLs live six hours unless the token endpoint says otherwise. */
const DEFAULT_LIFETIME_MS = 6 * 60 * 60 * 1000;
/** Refresh this long before expiry (or a tenth of the lifetime, if shorter). */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/**
 * A working plug-in iframe is replaced for its expiry at most this often, whatever
 * `expires_at` says (in the past, seconds away, or skewed by the user's clock).
 */
const MIN_REFRESH_DELAY_MS = 5 * 60 * 1000;
/** Directives that decide whether a frame may load (CSP 3 falls back in this order). */
const FRAME_DIRECTIVES = ['frame-src', 'child-src', 'default-src'];

/**
 * What `<ip-face-scan>` and `<ip-dashboard>` share: the whole life of an IntelliProve plug-in
 * iframe. Fetch a URL from the token endpoint, check it, show it, pass its messages on (from
 * that frame and origin only), fetch a fresh URL before it expires, and leave nothing behind
 * when removed.
 */
export abstract class PluginElement extends IpElement {
  static override properties: PropertyDeclarations = {
    allowedOrigins: { attribute: 'allowed-origins' },
    phase: { state: true },
    frameUrl: { state: true },
    frameKey: { state: true },
    failure: { state: true },
  };

  static {
    extendEnglish(enEmbeds);
  }

  /** Extra trusted plug-in origins, space-separated, besides `https://*.intelliprove.com`. */
  declare allowedOrigins?: string;

  protected phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  declare private frameUrl?: URL;
  /** The URL exactly as the token endpoint gave it: IntelliProve asks that it is never altered. */
  #frameSrc = '';
  private frameKey = 0;
  declare private failure?: IpError;

  protected abstract readonly purpose: 'face-scan' | 'dashboard';
  protected abstract readonly titleKey: MessageKey;
  protected abstract readonly loadingKey: MessageKey;
  /** The iframe's `allow` attribute. */
  protected readonly allow: string = '';

  #controller?: AbortController;
  #refreshTimer?: ReturnType<typeof setTimeout>;
  #refreshDue = false;
  #stopListening?: () => void;
  #stopWatchingPolicy?: () => void;
  #listenedFrame?: Window;
  #readyKey = -1;
  #signature?: string;
  /**
   * A new session (`clearSession()`): start over in a fresh iframe, even mid-recording — the
   * session's epoch is part of what the URL depends on (see `willUpdate`).
   */
  readonly #session = new SessionMember(this, () => this.requestUpdate());

  /** Localized text, in the element's language. */
  protected t(key: MessageKey, values?: Record<string, string | number>): string {
    return localize(this.language, key, values, () => this.requestUpdate());
  }

  /** The body sent to the token endpoint. */
  protected tokenRequest(): TokenRequest {
    const requested = requestedLanguage(this);
    return { purpose: this.purpose, ...(requested ? { language: toLanguage(requested) } : {}) };
  }

  /** Checks made before asking for a URL (none by default). */
  protected preflight(): IpError | null {
    return null;
  }

  /** Checks made on the plug-in iframe as soon as it is in the page (none by default). */
  protected checkFrame(_frame: HTMLIFrameElement, _url: URL): IpError | null {
    return null;
  }

  /** Whether a refresh must wait (the face scan is recording). */
  protected get busy(): boolean {
    return false;
  }

  /** Called for every accepted plug-in message, after `ip-stage`. */
  protected handleStage(_message: PluginMessage): void {}

  /** Runs a refresh that came due while busy, once the plug-in is no longer busy. */
  protected settle(): void {
    if (this.#refreshDue && !this.busy) void this.#begin();
  }

  /**
   * Fetches a new plug-in URL and starts over in a fresh iframe. Before the first update (which
   * starts the element anyway) and while removed, there is nothing to restart.
   */
  protected reset(): void {
    if (this.hasUpdated) void this.#begin();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate(); // re-inserted: updated() starts again
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moved (back on the page within this task), it keeps its URL; removed, it leaves nothing.
    setTimeout(() => {
      if (this.isConnected) return;
      this.#stop();
      this.#signature = undefined;
      this.frameUrl = undefined;
      this.phase = 'idle';
    });
  }

  /** Starts (again) when what the plug-in URL depends on has changed, before rendering. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.isConnected) return;
    const signature = JSON.stringify([
      this.effectiveTokenEndpoint,
      this.tokenRequest(),
      this.#trustedOrigins(),
      this.credentials,
      this.preflight()?.message, // a misconfiguration fixed (or made) starts again
      sessionEpoch(), // cleared while it was off the page (removed and put back in one task)
    ]);
    if (signature !== this.#signature) {
      this.#signature = signature;
      void this.#begin();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.isConnected) this.#listenToCurrentFrame();
  }

  #trustedOrigins(): string[] {
    return parseOrigins(this.allowedOrigins ?? pageDefaults().allowedOrigins);
  }

  #stop(): void {
    this.#controller?.abort();
    this.#controller = undefined;
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = undefined;
    this.#refreshDue = false;
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#stopWatchingPolicy?.();
    this.#stopWatchingPolicy = undefined;
    this.#listenedFrame = undefined;
  }

  /** Called when a fresh plug-in session starts (a new URL is about to be fetched). */
  protected sessionStarting(): void {}

  async #begin(): Promise<void> {
    this.#stop();
    if (!this.isConnected) return; // a removed element starts again when it is re-inserted
    this.sessionStarting();
    this.failure = undefined;
    this.frameUrl = undefined;
    const tag = this.localName;
    const endpoint = this.effectiveTokenEndpoint;
    let credentials: RequestCredentials;
    try {
      credentials = this.credentialsMode();
      this.#session.use(endpoint ? { tokenEndpoint: endpoint, credentials } : undefined);
      if (!endpoint) throw missingTokenEndpoint(tag);
      const early = this.preflight();
      if (early) throw early;
    } catch (error) {
      this.#fail(IpError.from(error));
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.phase = 'loading';
    this.status = 'loading';
    let grant;
    try {
      grant = await requestToken(endpoint, this.tokenRequest(), {
        credentials,
        signal: controller.signal,
      });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#fail(IpError.from(error, 'token-endpoint-failed'));
      return;
    }
    if (controller.signal.aborted) return;
    const origins = this.#trustedOrigins();
    const url = checkPluginUrl(grant.url!, origins);
    if (!url) {
      this.#fail(
        new IpError(
          'invalid-url',
          `<${tag}> refused the plug-in URL from ${endpoint}: only https://intelliprove.com, its subdomains ` +
            `and allowed-origins (${origins.join(' ') || 'none set'}) are loaded. Return the URL IntelliProve ` +
            `gave, unaltered, or add its origin to allowed-origins.`,
        ),
      );
      return;
    }
    this.userLanguage = grant.language;
    this.#frameSrc = grant.url!;
    this.frameUrl = url;
    this.frameKey++;
    this.#watchPolicy(url);
    this.#scheduleRefresh(grant.expiresAt);
  }

  /**
   * A frame the page's own CSP blocks still fires `load` (with an error page in it): the
   * violation report is what tells, so the element listens for it while it shows a frame.
   */
  #watchPolicy(url: URL): void {
    const key = this.frameKey;
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      // A report-only policy blocks nothing.
      if (event.disposition !== 'enforce' || !FRAME_DIRECTIVES.includes(event.effectiveDirective))
        return;
      let blocked: string;
      try {
        blocked = new URL(event.blockedURI).origin;
      } catch {
        return;
      }
      // The plug-in's origin; or, while it loads, where it redirected to (another of the
      // plug-in's hosts, say), which the report names instead.
      const loading = this.#readyKey !== key;
      if (blocked !== url.origin && !(loading && blocked !== location.origin)) return;
      this.frameUrl = undefined;
      this.#fail(
        new IpError(
          'frame-blocked',
          `<${this.localName}>: this page's Content-Security-Policy (${event.effectiveDirective}) blocks ` +
            `the plug-in at ${blocked}. Add it to the policy: "frame-src ${blocked}".`,
        ),
      );
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    this.#stopWatchingPolicy = () =>
      document.removeEventListener('securitypolicyviolation', onViolation);
  }

  #scheduleRefresh(expiresAt: Date | undefined): void {
    const lifetime = (expiresAt?.getTime() ?? Date.now() + DEFAULT_LIFETIME_MS) - Date.now();
    const margin = Math.min(REFRESH_MARGIN_MS, lifetime / 10);
    // Never longer than a plug-in URL lives (also keeps far-future dates within setTimeout's range).
    const delay = Math.min(DEFAULT_LIFETIME_MS, Math.max(MIN_REFRESH_DELAY_MS, lifetime - margin));
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = undefined;
      this.#refreshDue = true;
      this.settle();
    }, delay);
  }

  #fail(error: IpError): void {
    this.#stop();
    this.failure = error;
    this.phase = 'error';
    this.status = 'error';
    this.announceError(error);
  }

  /** Checks a newly rendered iframe and registers its window with the message bridge. */
  #listenToCurrentFrame(): void {
    const frame = this.renderRoot.querySelector('iframe');
    const source = frame?.contentWindow ?? undefined;
    if (source === this.#listenedFrame) return;
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#listenedFrame = source;
    const problem = frame && this.frameUrl ? this.checkFrame(frame, this.frameUrl) : null;
    if (problem) {
      this.frameUrl = undefined;
      this.#fail(problem);
      return;
    }
    if (source && this.frameUrl) {
      this.#stopListening = listenToFrame(source, this.frameUrl.origin, (message) => {
        this.emit('ip-stage', { stage: message.stage as never, data: message.data });
        this.handleStage(message);
      });
    }
  }

  #onFrameLoad(): void {
    if (!this.frameUrl) return;
    if (this.#readyKey === this.frameKey) {
      // The same frame loaded again (the element was moved): the plug-in starts over in it.
      this.sessionStarting();
      this.settle();
      return;
    }
    const key = (this.#readyKey = this.frameKey);
    // Chromium reports a CSP violation for the frame before its `load`; give other browsers
    // one more task (a message, which fake timers in tests leave alone) before saying ready.
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      if (!this.frameUrl || this.frameKey !== key || this.phase === 'error') return;
      this.phase = 'ready';
      this.status = 'ready';
      this.emit('ip-ready', { url: redactUrl(this.frameUrl) });
    };
    port2.postMessage(null);
  }

  #errorText(error: IpError): string {
    if (error.code === 'token-endpoint-failed' && error.status === 401)
      return this.t('error.signed-out');
    return this.t(`error.${error.code}` as MessageKey);
  }

  override render() {
    const frame = this.frameUrl
      ? keyed(
          this.frameKey,
          html`<iframe
            part="frame"
            src=${this.#frameSrc}
            title=${this.t(this.titleKey)}
            allow=${this.allow || nothing}
            referrerpolicy="strict-origin-when-cross-origin"
            @load=${this.#onFrameLoad}
          ></iframe>`,
        )
      : nothing;
    return html`<div part="base" class="phase-${this.phase}" lang=${this.language}>
      ${frame}
      ${
        this.phase === 'loading'
          ? html`<div part="status" class="overlay" role="status">
              <span class="spinner" aria-hidden="true"></span>${this.t(this.loadingKey)}
            </div>`
          : nothing
      }
      ${
        this.phase === 'error' && this.failure
          ? html`<div part="error" class="overlay" role="alert">
              <p>${this.#errorText(this.failure)}</p>
              ${
                this.failure.code === 'missing-token-endpoint' ||
                this.failure.code === 'invalid-attribute'
                  ? nothing
                  : html`<button part="retry-button" type="button" @click=${() => this.reset()}>
                      ${this.t('retry')}
                    </button>`
              }
            </div>`
          : nothing
      }
    </div>`;
  }
}
