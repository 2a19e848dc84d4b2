import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { requestedLanguage, toLanguage } from '../i18n/locale.js';
import type { MessageKey } from '../i18n/translate.js';
import { PROVIDER_NAMES, loadProvider, loadedProvider } from '../providers/index.js';
import type { Provider } from '../providers/types.js';
import { invalidate, userPreferences, type ApiContext } from './api-client.js';
import { pageDefaults } from './config.js';
import { IpError } from './errors.js';
import { IpElement } from './ip-element.js';
import { onScanCompleted } from './scan-signal.js';
import { Task } from './task.js';
import { endpointKey } from './token-cache.js';

/**
 * What `<ip-biomarker-card>` and `<ip-metric-gauge>` share: the provider and API context,
 * the user's stored preferences, reloading after a face scan, error reporting, and the data
 * flow attribute → property → task → render (loading, value, empty, error).
 */
export abstract class DataElement<R> extends IpElement {
  static override properties: PropertyDeclarations = {
    provider: {},
    generation: { state: true },
    userUnitSystem: { state: true },
  };

  /** Data provider: `intelliprove` (default) or `sahha`. Default: `data-provider`. */
  declare provider?: string;

  /** Bumped to read again (after a scan, or `reload()`). */
  protected generation = 0;

  /** The user's stored unit system, from the token endpoint. */
  declare protected userUnitSystem?: string;

  private stopScanListener?: () => void;
  /** The element's inputs the shown reading was read for. */
  private shownInputs?: string;

  /** The element's own inputs (attributes) that the data depends on. */
  protected abstract dataArgs(): readonly unknown[];
  /** Checks the element's attributes for `provider` and says how to read its data (null: none yet). */
  protected abstract loader(provider: Provider): (context: ApiContext) => Promise<R | null>;
  /** Whether a reading has nothing to show (a null value). */
  protected abstract isEmpty(reading: R): boolean;
  /** The element's name for the reading (its label), '' while unknown. */
  protected abstract label(): string;
  protected abstract valueView(reading: R): TemplateResult;
  protected abstract skeleton(): TemplateResult;
  /** The message when there is no data yet, as the provider words it: title and hint. */
  protected abstract emptyKeys(provider: Provider): [MessageKey, MessageKey];

  protected readonly data = new Task(this, {
    args: () => [
      ...this.dataArgs(),
      this.effectiveTokenEndpoint,
      this.apiBase,
      this.provider,
      pageDefaults().provider,
      pageDefaults().apiBase,
      this.credentials,
      this.generation,
    ],
    task: async (_args, { signal }) => {
      this.status = 'loading';
      const inputs = JSON.stringify(this.dataArgs());
      try {
        const provider = await this.fetchProvider();
        const load = this.loader(provider);
        const context = this.apiContext(provider);
        const [reading] = await Promise.all([load(context), this.loadPreferences(context)]);
        signal.throwIfAborted();
        this.shownInputs = inputs;
        this.status = reading === null || this.isEmpty(reading) ? 'empty' : 'ready';
        this.emit('ip-load', { data: reading });
        return reading;
      } catch (error) {
        if (signal.aborted) throw error;
        throw this.report(error);
      }
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate(); // re-inserted: draw the chart again
    this.stopScanListener = onScanCompleted((scan) => {
      const mine = this.effectiveTokenEndpoint;
      if (mine && endpointKey(mine) === endpointKey(scan.tokenEndpoint)) this.generation++;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopScanListener?.();
  }

  /** Reads the data again, fresh from the API. */
  reload(): void {
    const endpoint = this.effectiveTokenEndpoint;
    if (endpoint) invalidate(endpoint);
    this.generation++;
  }

  private providerName(): string {
    return this.provider || pageDefaults().provider || 'intelliprove';
  }

  private unknownProvider(name: string): IpError {
    return new IpError(
      'invalid-attribute',
      `<${this.localName}> provider="${name}" is not known; use one of: ${PROVIDER_NAMES.join(', ')}.`,
    );
  }

  /** The provider in force, once its code is here (render paths); throws otherwise. */
  protected resolveProvider(): Provider {
    const provider = loadedProvider(this.providerName());
    if (!provider) throw this.unknownProvider(this.providerName());
    return provider;
  }

  /** The provider in force, fetching its code if needed; an `invalid-attribute` error if unknown. */
  private async fetchProvider(): Promise<Provider> {
    const provider = await loadProvider(this.providerName());
    if (!provider) throw this.unknownProvider(this.providerName());
    return provider;
  }

  /** Where and how to read: token endpoint, API base, credentials; throws when misconfigured. */
  protected apiContext(provider: Provider): ApiContext {
    const tokenEndpoint = this.effectiveTokenEndpoint;
    if (!tokenEndpoint) {
      throw new IpError(
        'missing-token-endpoint',
        `<${this.localName}> has no token endpoint. Add token-endpoint="/api/ip-token" to the element, ` +
          `data-token-endpoint to the kit's <script> tag, or call configure({ tokenEndpoint }).`,
      );
    }
    const requested = requestedLanguage(this);
    return {
      tokenEndpoint,
      apiBase: this.apiBase || pageDefaults().apiBase || provider.defaultApiBase,
      credentials: this.credentials ?? pageDefaults().credentials,
      scheme: provider.scheme,
      ...(requested ? { language: toLanguage(requested) } : {}),
    };
  }

  /** Keeps the user's stored language and unit system (from the cached token) for display. */
  protected async loadPreferences(context: ApiContext): Promise<void> {
    const preferences = await userPreferences(context);
    this.userLanguage = preferences.language;
    this.userUnitSystem = preferences.unitSystem;
  }

  /** Reports a failure once: `ip-error`, a console message naming the fix, `status="error"`. */
  protected report(error: unknown): IpError {
    const failure = error instanceof IpError ? error : new IpError('api-error', String(error));
    this.status = 'error';
    this.announceError(failure);
    return failure;
  }

  protected errorView(error: unknown, label: string): TemplateResult {
    const failure = error instanceof IpError ? error : new IpError('api-error', String(error));
    const text =
      failure.code === 'token-endpoint-failed' && failure.status === 401
        ? this.t('error.signed-out')
        : this.t(`error.${failure.code}` as MessageKey);
    return html`<div part="error" class="message" role="alert">
      ${label ? html`<span part="label" class="label">${label}</span>` : nothing}
      <p>${text}</p>
      ${
        failure.code === 'missing-token-endpoint' || failure.code === 'invalid-attribute'
          ? nothing
          : html`<button part="retry-button" type="button" @click=${() => this.reload()}>
              ${this.t('retry')}
            </button>`
      }
    </div>`;
  }

  override render() {
    const busy = this.data.status === 'pending';
    const reading = this.data.value;
    let body: TemplateResult;
    // A reading read for other inputs (another biomarker, say) is not shown while the new one loads.
    const stale = busy && JSON.stringify(this.dataArgs()) !== this.shownInputs;
    if (this.data.status === 'error') body = this.errorView(this.data.error, this.label());
    else if (reading === undefined || stale) body = this.loadingView();
    else if (reading === null)
      body = this.emptyView(this.label(), ...this.emptyKeys(this.resolveProvider()));
    else {
      try {
        body = this.valueView(reading);
      } catch (error) {
        body = this.errorView(error, this.label()); // never throw out of render()
      }
    }
    return html`<div part="base" aria-busy=${busy ? 'true' : 'false'} lang=${this.language}>
      ${body}
    </div>`;
  }

  private loadingView(): TemplateResult {
    return html`<span part="label" class="label">${this.label()}</span> ${this.skeleton()}
      <span class="visually-hidden" role="status">${this.t('state.loading')}</span>`;
  }

  protected emptyView(label: string, title: MessageKey, hint: MessageKey): TemplateResult {
    return html`<div part="empty" class="message">
      <span part="label" class="label">${label}</span>
      <p class="empty-title">${this.t(title)}</p>
      <p class="hint">${this.t(hint)}</p>
    </div>`;
  }
}
