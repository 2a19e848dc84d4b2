import { LitElement, type PropertyDeclarations } from 'lit';
import type { Language } from '../protocol/contract.js';
import { onLangChange, resolveLanguage } from './language.js';
import { VERSION } from './version.js';
import { onConfigure, pageDefaults } from './config.js';
import { invalidAttribute, type IpError } from './errors.js';
import type { IpEventDetailMap } from './events.js';
import type { TokenSource } from './session.js';

export type ElementStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

const CREDENTIALS: readonly RequestCredentials[] = ['same-origin', 'include', 'omit'];
/** Console messages written in this task. */
const logged = new Set<string>();

/**
 * What every IntelliProve element shares: the common attributes of CONTRACT §3, page-wide
 * defaults, a reflected `status` that CSS can target, and typed events that cross shadow roots.
 * The members marked internal are for the kit's controllers (the plug-in session, the
 * localizer, the reading), not for pages.
 */
export abstract class IpElement extends LitElement {
  static override properties: PropertyDeclarations = {
    tokenEndpoint: { attribute: 'token-endpoint' },
    apiBase: { attribute: 'api-base' },
    credentials: {},
    lang: {},
    status: { reflect: true },
  };

  /** The kit version that defined this element (read by `define()` on a clash). */
  static readonly version = VERSION;

  /** URL of the host backend's token route. Default: the kit script's `data-token-endpoint`. */
  declare tokenEndpoint?: string;

  /** IntelliProve API origin. Default: `data-api-base`, else `https://engine.intelliprove.com`. */
  declare apiBase?: string;

  /** Fetch credentials mode for the token endpoint: `same-origin` (default), `include`, `omit`. */
  declare credentials?: RequestCredentials;

  /** Display language (`en nl fr da sv`); default from the page. */
  override lang = '';

  /** What the element shows now: `idle`, `loading`, `ready`, `empty` or `error`. Reflected. */
  status: ElementStatus = 'idle';

  /**
   * The user's own language, from the token endpoint (used where the page sets none). Set by
   * the controllers as they take in a token, before the render that uses it.
   * @internal
   */
  userLanguage?: string;

  #unsubscribe: (() => void)[] = [];

  /**
   * The first update waits one task. Frameworks may set an element's properties a task after
   * inserting it (Angular does for the elements of a routed component: its bindings arrive
   * with the next change detection), and an element must not start a request with default
   * values, or report a missing attribute, before it has them (CONTRACT §3).
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    if (!this.hasUpdated) await new Promise((resolve) => setTimeout(resolve));
    return super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe.push(
      onConfigure(() => this.requestUpdate()),
      onLangChange(() => this.requestUpdate()),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe.forEach((stop) => stop());
    this.#unsubscribe = [];
  }

  /**
   * Display language: own `lang`, page default, nearest `[lang]`, the user's, the browser's.
   * @internal
   */
  get language(): Language {
    return resolveLanguage(this, this.userLanguage);
  }

  /**
   * The token endpoint in force: own attribute, then the page default.
   * @internal
   */
  get effectiveTokenEndpoint(): string | undefined {
    return this.tokenEndpoint || pageDefaults().tokenEndpoint || undefined;
  }

  /**
   * The credentials mode in force (own, page default, `same-origin`); throws for an unknown one.
   * @internal
   */
  credentialsMode(): RequestCredentials {
    const mode = this.credentials || pageDefaults().credentials || 'same-origin';
    if (CREDENTIALS.includes(mode)) return mode;
    throw invalidAttribute(this, 'credentials', mode, 'a fetch credentials mode', CREDENTIALS);
  }

  /**
   * The token endpoint and credentials mode in force (undefined without an endpoint); throws
   * `invalid-attribute` for an unknown credentials mode.
   * @internal
   */
  tokenSource(): TokenSource | undefined {
    const credentials = this.credentialsMode();
    const tokenEndpoint = this.effectiveTokenEndpoint;
    return tokenEndpoint ? { tokenEndpoint, credentials } : undefined;
  }

  /**
   * Tells the page about a failure: `ip-error`, and a console message naming the fix — once
   * for all the elements that fail alike in the same task (twenty cards, one signed-out user).
   * @internal
   */
  announceError(error: IpError): void {
    if (!logged.size) setTimeout(() => logged.clear());
    if (!logged.has(error.message)) console.error(`[intelliprove-widgets] ${error.message}`);
    logged.add(error.message);
    this.emit('ip-error', {
      code: error.code,
      message: error.message,
      ...(error.status === undefined ? {} : { status: error.status }),
    });
  }

  /**
   * Fires a kit event that bubbles out of shadow roots.
   * @internal
   */
  emit<K extends keyof IpEventDetailMap>(type: K, detail: IpEventDetailMap[K]): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
