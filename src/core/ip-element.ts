import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { VERSION } from '../version.js';
import { onConfigure, pageDefaults } from './config.js';
import type { IpEventDetailMap } from './events.js';

export type ElementStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/**
 * What every IntelliProve element shares: the common attributes of CONTRACT §3, page-wide
 * defaults, a reflected `status` that CSS can target, and typed events that cross shadow roots.
 */
export abstract class IpElement extends LitElement {
  /** The kit version that defined this element (read by `define()` on a clash). */
  static readonly version = VERSION;

  /** URL of the host backend's token route. Default: the kit script's `data-token-endpoint`. */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint?: string;

  /** IntelliProve API origin. Default: `data-api-base`, else `https://engine.intelliprove.com`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Fetch credentials mode for the token endpoint: `same-origin` (default), `include`, `omit`. */
  @property() credentials?: RequestCredentials;

  /** Display language (`en nl fr da sv`); default from the page. */
  @property() override lang = '';

  /** What the element shows now: `idle`, `loading`, `ready`, `empty` or `error`. Reflected. */
  @property({ reflect: true }) status: ElementStatus = 'idle';

  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onConfigure(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** The token endpoint in force: own attribute, then the page default. */
  protected get effectiveTokenEndpoint(): string | undefined {
    return this.tokenEndpoint || pageDefaults().tokenEndpoint || undefined;
  }

  /** Fires a kit event that bubbles out of shadow roots. */
  protected emit<K extends keyof IpEventDetailMap>(type: K, detail: IpEventDetailMap[K]): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
