import type { ReactiveController } from 'lit';
import type { TokenRequest } from '../protocol/contract.js';
import { checkPluginUrl, MAX_URL_LENGTH, parseOrigins, redactUrl } from '../protocol/origins.js';
import { requestedLanguage, toLanguage } from '../core/language.js';
import { pageDefaults } from '../core/config.js';
import { IpError, missingTokenEndpoint } from '../core/errors.js';
import type { IpElement } from '../core/ip-element.js';
import { onSessionCleared, SessionMember, sessionEpoch } from '../core/session.js';
import { requestToken } from '../core/token-client.js';
import { listenToFrame, type PluginMessage } from './message-bridge.js';
import { watchFramePolicy } from './frame-policy.js';
import { refreshDelay } from './refresh.js';

/** An element that holds a plug-in session: the common attributes and `allowed-origins`. */
export type PluginHost = IpElement & { allowedOrigins?: string };

export interface PluginSessionOptions {
  purpose: 'face-scan' | 'dashboard';
  /** More of the token request's body than purpose and language (the dashboard's sections). */
  request?: () => Partial<TokenRequest>;
  /** A misconfiguration or missing capability, found before a URL is asked for. */
  check?: () => IpError | null;
  /** A problem with the plug-in frame, checked as soon as it is in the page. */
  checkFrame?: (frame: HTMLIFrameElement, url: URL) => IpError | null;
  /** A fresh plug-in session starts: a new URL, or the same frame loaded again. */
  onStart?: () => void;
  /** Every accepted plug-in message, after `ip-stage`. */
  onMessage?: (message: PluginMessage) => void;
}

/** The `invalid-url` error for a plug-in URL from `endpoint`, refused because `why`. */
function refusedUrl(tag: string, endpoint: string, why: string, fix = ''): IpError {
  return new IpError(
    'invalid-url',
    `<${tag}> refused the plug-in URL from ${endpoint}: ${why}. Return the URL IntelliProve ` +
      `gave, unaltered${fix}.`,
  );
}

/** A plug-in URL not on a trusted origin. */
const untrusted = (tag: string, endpoint: string, origins: readonly string[]) =>
  refusedUrl(
    tag,
    endpoint,
    `only https://intelliprove.com, its subdomains and allowed-origins (${origins.join(' ') || 'none set'}) are loaded`,
    ', or add its origin to allowed-origins',
  );

/** A plug-in URL too long for a browser to load. */
const tooLong = (tag: string, endpoint: string, length: number) =>
  refusedUrl(
    tag,
    endpoint,
    `it is ${length} characters long, more than a browser loads (${MAX_URL_LENGTH})`,
  );

/** Stages after which the user has left a recording or its result. */
const DONE = new Set(['dismiss', 'userFinished', 'error']);

/** How long a plug-in frame may take to load before the element says it did not. */
export const FRAME_LOAD_TIMEOUT_MS = 30_000;

/** The `load-failed` error for a plug-in frame at `url` that never loaded. */
function notLoaded(tag: string, url: URL): IpError {
  return new IpError(
    'load-failed',
    `<${tag}>: the plug-in at ${url.origin} did not load within ${FRAME_LOAD_TIMEOUT_MS / 1000} s. ` +
      `Check that its URL opens a page (not an empty answer, a download or no answer at all) ` +
      `and that the network reaches ${url.origin}.`,
  );
}

/**
 * The whole life of an IntelliProve plug-in iframe, for the element that holds it: fetch a URL
 * from the token endpoint, check it, show it, pass its messages on (from that frame and origin
 * only), fetch a fresh URL before it expires — never while the user records or reads a result —
 * start over for a new session, and leave nothing behind when the element is removed.
 * The element renders `phase`, `failure` and the frame (`src`, `key`, `frameLoaded`).
 */
export class PluginSession implements ReactiveController {
  phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  failure?: IpError;
  /** The checked plug-in URL, while a frame is shown. */
  url?: URL;
  /** The URL exactly as the token endpoint gave it: IntelliProve asks that it is never altered. */
  src = '';
  /** Bumped for each new URL: a new key is a fresh iframe. */
  key = 0;

  /** From recordingStarted until the user leaves the result: a refresh waits. */
  #recording = false;
  #refreshDue = false;
  /**
   * What the current URL's session holds: its request, its refresh timer, its CSP watch, its
   * session-cleared listener, its frame's load timer.
   */
  #cleanup: (() => void)[] = [];
  #stopListening?: () => void;
  #listenedFrame?: Window;
  #readyKey = -1;
  #loadTimer?: ReturnType<typeof setTimeout>;
  #signature?: string;
  /** A new session (`clearSession()`): a fresh iframe, even mid-recording (see `hostUpdate`). */
  readonly #session: SessionMember;

  constructor(
    private readonly host: PluginHost,
    private readonly options: PluginSessionOptions,
  ) {
    host.addController(this);
    this.#session = new SessionMember(host, () => host.requestUpdate());
  }

  /** Fetches a new plug-in URL and starts over in a fresh iframe (retry, restart, reload). */
  restart(): void {
    // Before the first update (which starts anyway) and while removed, there is nothing to restart.
    if (this.host.hasUpdated) void this.#begin();
  }

  hostConnected(): void {
    if (this.host.hasUpdated) this.host.requestUpdate(); // re-inserted: hostUpdate starts again
  }

  hostDisconnected(): void {
    // Moved (back on the page within this task), it keeps its URL; removed, it leaves nothing.
    setTimeout(() => {
      if (this.host.isConnected) return;
      this.#stop();
      this.#signature = undefined;
      this.url = undefined;
      this.phase = 'idle';
      this.host.requestUpdate(); // its frame goes: put back, it must not load the old URL again
    });
  }

  /** Starts (again), before rendering, when anything the plug-in URL depends on has changed. */
  hostUpdate(): void {
    if (!this.host.isConnected) return;
    const signature = JSON.stringify([
      this.host.effectiveTokenEndpoint,
      this.#tokenRequest(),
      this.#trustedOrigins(),
      this.host.credentials,
      this.options.check?.()?.message, // a misconfiguration fixed (or made) starts again
      sessionEpoch(), // cleared while it was off the page (removed and put back in one task)
    ]);
    if (signature === this.#signature) return;
    this.#signature = signature;
    void this.#begin();
  }

  hostUpdated(): void {
    if (this.host.isConnected) this.#listenToCurrentFrame();
  }

  /** The rendered iframe's `load`: ready, once the page's CSP has had its say. */
  frameLoaded(): void {
    if (!this.url) return;
    if (this.#readyKey === this.key) {
      // The same frame loaded again (the element was moved): the plug-in starts over in it.
      this.#starting();
      this.#settle();
      return;
    }
    const key = (this.#readyKey = this.key);
    // Chromium reports a CSP violation for the frame before its `load`, its headless shell just
    // after: one more task (a message, which fake timers in tests leave alone) before ready.
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      if (!this.url || this.key !== key || this.phase === 'error') return;
      // Removed as it loaded: not ready off the page; put back, the frame loads again.
      if (!this.host.isConnected) {
        this.#readyKey = -1;
        this.#awaitLoad(key, this.url);
        return;
      }
      this.#show('ready');
      this.host.emit('ip-ready', { url: redactUrl(this.url) });
    };
    port2.postMessage(null);
  }

  #tokenRequest(): TokenRequest {
    const requested = requestedLanguage(this.host);
    return {
      purpose: this.options.purpose,
      ...(requested ? { language: toLanguage(requested) } : {}),
      ...this.options.request?.(),
    };
  }

  #trustedOrigins(): string[] {
    return parseOrigins(this.host.allowedOrigins ?? pageDefaults().allowedOrigins);
  }

  #starting(): void {
    this.#recording = false;
    this.options.onStart?.();
  }

  #show(phase: PluginSession['phase']): void {
    this.phase = phase;
    this.host.status = phase;
    this.host.requestUpdate();
  }

  async #begin(): Promise<void> {
    const { host } = this;
    if (!host.isConnected) {
      // Off the page (being moved, or removed): it starts again when put back (hostUpdate),
      // and keeps what it has until then — removed for good, hostDisconnected lets it go.
      this.#signature = undefined;
      return;
    }
    this.#stop();
    this.#starting();
    this.failure = undefined;
    this.url = undefined;
    let source;
    try {
      source = host.tokenSource();
      this.#session.use(source);
      if (!source) throw missingTokenEndpoint(host.localName);
      const early = this.options.check?.();
      if (early) throw early;
    } catch (error) {
      this.#fail(IpError.from(error));
      return;
    }
    const { tokenEndpoint: endpoint, credentials } = source;
    const controller = new AbortController();
    this.#cleanup.push(() => controller.abort());
    this.#show('loading');
    let grant;
    try {
      grant = await requestToken(endpoint, this.#tokenRequest(), {
        credentials,
        signal: controller.signal,
      });
    } catch (error) {
      if (!controller.signal.aborted) this.#fail(IpError.from(error, 'token-endpoint-failed'));
      return;
    }
    if (controller.signal.aborted) return;
    const origins = this.#trustedOrigins();
    const url = checkPluginUrl(grant.url!, origins);
    if (!url) {
      this.#fail(untrusted(host.localName, endpoint, origins));
      return;
    }
    if (url.href.length > MAX_URL_LENGTH) {
      this.#fail(tooLong(host.localName, endpoint, url.href.length));
      return;
    }
    host.userLanguage = grant.language;
    this.src = grant.url!;
    this.url = url;
    const key = ++this.key;
    // Until it shows ready: a report between the frame's `load` and ready still counts.
    const loading = () => this.#readyKey !== key || this.phase !== 'ready';
    const timer = setTimeout(() => {
      this.#refreshDue = true;
      this.#settle();
    }, refreshDelay(grant.expiresAt));
    this.#awaitLoad(key, url);
    this.#cleanup.push(
      watchFramePolicy(host, url, loading, (error) => this.#fail(error)),
      onSessionCleared(() => this.#dropFrame()),
      () => clearTimeout(timer),
      () => clearTimeout(this.#loadTimer),
    );
    host.requestUpdate();
  }

  /** Fails the frame of `key` if it has not loaded within FRAME_LOAD_TIMEOUT_MS from now. */
  #awaitLoad(key: number, url: URL): void {
    clearTimeout(this.#loadTimer);
    this.#loadTimer = setTimeout(() => {
      if (this.key === key && this.#readyKey !== key)
        this.#fail(notLoaded(this.host.localName, url));
    }, FRAME_LOAD_TIMEOUT_MS);
  }

  /**
   * A new session (`clearSession()`): the frame goes at once, even off the page, where the host
   * hears of no clear — put back in the same task, it would load the last user's URL again
   * before any render. The host starts over when it renders (hostUpdate: a new epoch).
   */
  #dropFrame(): void {
    this.host.renderRoot.querySelector('iframe')?.remove();
    this.#listen(undefined);
    this.url = undefined;
    this.#signature = undefined;
    this.host.requestUpdate();
  }

  /** Runs a refresh that came due while the user was busy, once they no longer are. */
  #settle(): void {
    if (this.#refreshDue && !this.#recording) void this.#begin();
  }

  #stop(): void {
    for (const stop of this.#cleanup.splice(0)) stop();
    this.#refreshDue = false;
    this.#listen(undefined);
  }

  /** Listens to the messages of `frame`'s window (only), from the plug-in's origin. */
  #listen(source: Window | undefined): void {
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#listenedFrame = source;
    if (!source || !this.url) return;
    this.#stopListening = listenToFrame(source, this.url.origin, (message) => {
      if (message.stage === 'recordingStarted') this.#recording = true;
      if (DONE.has(message.stage)) this.#recording = false;
      this.host.emit('ip-stage', { stage: message.stage as never, data: message.data });
      this.options.onMessage?.(message);
      this.#settle();
    });
  }

  #fail(error: IpError): void {
    this.#stop();
    this.url = undefined;
    this.failure = error;
    this.#show('error');
    this.host.announceError(error);
  }

  /** Checks a newly rendered iframe and registers its window with the message bridge. */
  #listenToCurrentFrame(): void {
    const frame = this.host.renderRoot.querySelector('iframe');
    const source = frame?.contentWindow ?? undefined;
    if (source === this.#listenedFrame) return;
    const problem = frame && this.url ? this.options.checkFrame?.(frame, this.url) : null;
    if (problem) this.#fail(problem);
    else this.#listen(source);
  }
}
