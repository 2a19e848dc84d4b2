import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { requestedLanguage, toLanguage } from '../i18n/locale.js';
import type { MessageKey } from '../i18n/translate.js';
import type { SourceTable } from '../providers/index.js';
import type { AnySource } from '../providers/types.js';
import { invalidate, userPreferences, type ApiContext } from './api-client.js';
import { pageDefaults } from './config.js';
import { IpError, missingTokenEndpoint } from './errors.js';
import { IpElement } from './ip-element.js';
import { onScanCompleted } from './scan-signal.js';
import { endpointKey } from './token-cache.js';

/**
 * What `<ip-biomarker-card>` and `<ip-metric-gauge>` share: the provider and API context,
 * the user's stored preferences, reloading after a face scan, error reporting, and the data
 * flow attribute → property → read → render (loading, value, empty, error).
 */
export abstract class DataElement<R, S extends AnySource> extends IpElement {
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

  #stopScanListener?: () => void;
  /** The element's inputs the shown reading was read for. */
  #shownInputs?: string;

  /** The providers this kind of element reads from. */
  protected abstract sources(): SourceTable<S>;
  /** Which of the provider's entries to show: the attribute, its value, and what it names. */
  protected abstract selection(): [attribute: string, key: string | undefined, noun: string];
  /** The element's own inputs (attributes) that the data depends on. */
  protected abstract dataArgs(): readonly unknown[];
  /** Reads the selected entry from `source` (null: none yet). */
  protected abstract read(source: S, key: string, context: ApiContext): Promise<R | null>;
  /** Whether a reading has nothing to show (a null value). */
  protected abstract isEmpty(reading: R): boolean;
  protected abstract valueView(reading: R): TemplateResult;
  protected abstract skeleton(): TemplateResult;

  /** The reading and how its read stands; a read in progress keeps the last value. */
  protected data: { status: 'pending' | 'complete' | 'error'; value?: R | null; error?: IpError } =
    { status: 'pending' };
  /** The inputs of the last read (the generation last), and how to abort it. */
  #args?: unknown[];
  #abort?: AbortController;

  /** What a reading depends on: every input but the generation (a reload keeps it on screen). */
  #inputs(): string {
    return JSON.stringify(this.#args?.slice(0, -1));
  }

  /** Starts a read when an input changed (compared like Lit: `Object.is`), replacing any other. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const args = [
      ...this.dataArgs(),
      this.effectiveTokenEndpoint,
      this.apiBase,
      this.provider,
      pageDefaults().provider,
      pageDefaults().apiBase,
      this.credentials,
      this.generation,
    ];
    const last = this.#args;
    if (last && args.every((arg, i) => Object.is(arg, last[i]))) return;
    this.#args = args;
    void this.#load();
  }

  /** Reads the data; what it sets (data, status, events) goes together into one render. */
  async #load(): Promise<void> {
    this.#abort?.abort();
    const { signal } = (this.#abort = new AbortController());
    this.data = { ...this.data, status: 'pending' };
    this.status = 'loading';
    const inputs = this.#inputs();
    try {
      const source = await this.#fetchSource();
      const key = this.#entryKey(source);
      const context = this.#apiContext(source);
      const [reading] = await Promise.all([
        this.read(source, key, context),
        this.#loadPreferences(context),
      ]);
      if (signal.aborted) return;
      this.#shownInputs = inputs;
      this.data = { status: 'complete', value: reading };
      this.status = reading === null || this.isEmpty(reading) ? 'empty' : 'ready';
      this.emit('ip-load', { data: reading });
    } catch (error) {
      if (signal.aborted) return;
      this.data = { status: 'error', error: this.#report(error) };
    }
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate(); // re-inserted: draw the chart again
    this.#stopScanListener = onScanCompleted((scan) => {
      const mine = this.effectiveTokenEndpoint;
      if (mine && endpointKey(mine) === endpointKey(scan.tokenEndpoint)) this.generation++;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopScanListener?.();
  }

  /** Reads the data again, fresh from the API. */
  reload(): void {
    const endpoint = this.effectiveTokenEndpoint;
    if (endpoint) invalidate(endpoint);
    this.generation++;
  }

  #providerName(): string {
    return this.provider || pageDefaults().provider || 'intelliprove';
  }

  /** The provider's source in force, or an `invalid-attribute` error naming the known ones. */
  #known(source: S | undefined): S {
    if (source) return source;
    throw new IpError(
      'invalid-attribute',
      `<${this.localName}> provider="${this.#providerName()}" is not known; use one of: ${this.sources().names.join(', ')}.`,
    );
  }

  /** The provider's source in force, once its code is here (render paths); throws otherwise. */
  protected resolveSource(): S {
    return this.#known(this.sources().loaded(this.#providerName()));
  }

  /** The provider's source in force, fetching its code if needed. */
  async #fetchSource(): Promise<S> {
    return this.#known(await this.sources().load(this.#providerName()));
  }

  /** The selected attribute value, or an `invalid-attribute` error listing the valid ones. */
  #entryKey(source: S): string {
    const [attribute, key, noun] = this.selection();
    if (key && Object.hasOwn(source.entries, key)) return key;
    throw new IpError(
      'invalid-attribute',
      `<${this.localName}> ${attribute}="${key ?? ''}" is not a ${noun} of ${source.id}; ` +
        `use one of: ${Object.keys(source.entries).join(', ')}.`,
    );
  }

  /** What the selected attribute value names in `source`; throws like `entryKey`. */
  protected entry(source: S): S['entries'][string] {
    return source.entries[this.#entryKey(source)] as S['entries'][string];
  }

  /** The element's name for the reading (its label), '' while unknown. */
  protected label(): string {
    try {
      return this.t(this.entry(this.resolveSource()).label);
    } catch {
      return '';
    }
  }

  /** Where and how to read: token endpoint, API base, credentials; throws when misconfigured. */
  #apiContext(source: S): ApiContext {
    const tokenEndpoint = this.effectiveTokenEndpoint;
    if (!tokenEndpoint) throw missingTokenEndpoint(this.localName);
    const requested = requestedLanguage(this);
    return {
      tokenEndpoint,
      apiBase: this.apiBase || pageDefaults().apiBase || source.defaultApiBase,
      credentials: this.credentials ?? pageDefaults().credentials,
      scheme: source.scheme,
      ...(requested ? { language: toLanguage(requested) } : {}),
    };
  }

  /** Keeps the user's stored language and unit system (from the cached token) for display. */
  async #loadPreferences(context: ApiContext): Promise<void> {
    const preferences = await userPreferences(context);
    this.userLanguage = preferences.language;
    this.userUnitSystem = preferences.unitSystem;
  }

  /** Reports a failure once: `ip-error`, a console message naming the fix, `status="error"`. */
  #report(error: unknown): IpError {
    const failure = IpError.from(error);
    this.status = 'error';
    this.announceError(failure);
    return failure;
  }

  #errorView(error: unknown): TemplateResult {
    const failure = IpError.from(error);
    const label = this.label();
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
    // A reading read for other inputs (another biomarker or provider, say) is not shown while
    // the new one loads.
    const stale = busy && this.#inputs() !== this.#shownInputs;
    if (this.data.status === 'error') body = this.#errorView(this.data.error);
    else if (reading === undefined || stale) body = this.#loadingView();
    else {
      try {
        body =
          reading === null
            ? this.emptyView(this.label(), ...this.resolveSource().empty)
            : this.valueView(reading);
      } catch (error) {
        body = this.#errorView(error); // never throw out of render()
      }
    }
    return html`<div part="base" aria-busy=${String(busy)} lang=${this.language}>${body}</div>`;
  }

  #loadingView(): TemplateResult {
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
