import { Task, TaskStatus } from '@lit/task';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { requestedLanguage, toLanguage } from '../core/language.js';
import { enData } from '../i18n/locales/en-data.js';
import { extendEnglish, localize, type MessageKey } from '../i18n/translate.js';
import type { SourceTable } from './providers/index.js';
import type { AnySource } from './providers/types.js';
import { invalidate, userPreferences, type ApiContext } from './api-client.js';
import { pageDefaults } from '../core/config.js';
import { IpError, invalidAttribute, missingTokenEndpoint } from '../core/errors.js';
import { IpElement, type ElementStatus } from '../core/ip-element.js';
import { firstTime, onScanCompleted } from '../core/scan-signal.js';
import { SessionMember, endpointKey, sessionEpoch } from '../core/session.js';
import { Lease } from './shared-request.js';

/** The provider of `provider`-less elements, whose API `data-api-base` names. */
const DEFAULT_PROVIDER = 'intelliprove';
/** A read (token, API, a 401's renewal) that has no answer by then shows its error. */
const READ_TIMEOUT_MS = 18_000;

/** A reading as the element got it: with the user's stored preferences and what it was read for. */
interface Shown<R> {
  reading: R | null;
  preferences: { unitSystem?: string; language?: string };
  /** The inputs it was read for, but the reload count. */
  inputs: string;
}

/** What one render shows, the status that goes with it, and what to tell the page about it. */
interface Frame {
  status: ElementStatus;
  body: TemplateResult;
  /** `ip-load` (the reading shown) or `ip-error`, once per distinct object. */
  event?: Shown<unknown> | IpError;
}

const inputsOf = (args: readonly unknown[]) => JSON.stringify(args.slice(0, -1));

/**
 * What `<ip-biomarker-card>` and `<ip-metric-gauge>` share: the provider and API context, the
 * user's stored preferences, reloading after a face scan, sessions, error reporting, and the
 * data flow attribute → property → `Task` (args from properties, its signal on every request)
 * → render (loading, value, empty, error), with `status` following what is shown.
 */
export abstract class DataElement<R, S extends AnySource> extends IpElement {
  static override properties: PropertyDeclarations = {
    provider: {},
    generation: { state: true },
  };

  static {
    extendEnglish(enData);
  }

  /** Data provider: `intelliprove` (default) or `sahha`. Default: `data-provider`. */
  declare provider?: string;

  /** Bumped to read again (after a scan, or `reload()`). */
  protected generation = 0;

  /** Bumped when the element left the page: re-inserted, it reads again, for whoever is signed in. */
  #mounts = 0;
  /** The answers the shown reading came from, held while it is shown. */
  #lease = new Lease();
  #session = new SessionMember(this, () => this.#startOver());
  #scans = new Set<string>();
  #stopScanListener?: () => void;
  #frame?: Frame;
  #announced?: Frame['event'];
  /** A reading that could not be shown, and why: reported once. */
  #unshowable?: [Shown<R>, IpError];

  #task = new Task(this, {
    args: () => this.#args(),
    task: (args, { signal }) => this.#read(args, signal),
  });

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

  /** Localized text, in the element's language. */
  protected t(key: MessageKey, values?: Record<string, string | number>): string {
    return localize(this.language, key, values, () => this.requestUpdate());
  }

  /** Throws an `invalid-attribute` error for an attribute the element does not know a value of. */
  protected checkAttributes(): void {
    this.credentialsMode();
  }

  /** What the data depends on; the reload count last (a reload keeps the reading on screen). */
  #args(): unknown[] {
    return [
      ...this.dataArgs(),
      this.effectiveTokenEndpoint,
      this.apiBase,
      this.provider,
      pageDefaults().provider,
      pageDefaults().apiBase,
      this.credentials,
      pageDefaults().credentials,
      sessionEpoch(),
      this.#mounts,
      this.generation,
    ];
  }

  /** The task: reads the selected entry and the user's preferences, within `READ_TIMEOUT_MS`. */
  async #read(args: readonly unknown[], signal: AbortSignal): Promise<Shown<R>> {
    const lease = new Lease();
    // A replaced read lets go after the task, so that its successor can take over its requests.
    signal.addEventListener('abort', () => setTimeout(() => lease.release()), { once: true });
    try {
      this.checkAttributes();
      const source = await this.#fetchSource();
      const key = this.#entryKey(source);
      const wait = AbortSignal.any([signal, AbortSignal.timeout(READ_TIMEOUT_MS)]);
      const context = this.#apiContext(source, lease, wait);
      const [reading, preferences] = await Promise.all([
        this.read(source, key, context),
        userPreferences(context),
      ]);
      signal.throwIfAborted();
      this.#lease.release();
      this.#lease = lease;
      return { reading, preferences, inputs: inputsOf(args) };
    } catch (error) {
      if (!signal.aborted) lease.release();
      throw error;
    }
  }

  /** A new session: what was read for the last one is dropped and read again. */
  #startOver(): void {
    this.#lease.release();
    this.#lease = new Lease();
    this.#scans.clear();
    // Now, so that nothing the last session's read still brings is shown.
    if (this.hasUpdated) void this.#task.run();
    else this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate(); // re-inserted: draw again, or read again
    this.#stopScanListener = onScanCompleted((scan) => {
      const mine = this.effectiveTokenEndpoint;
      if (!mine || endpointKey(mine) !== endpointKey(scan.tokenEndpoint)) return;
      // Once per scan, however often the plug-in says so.
      if (scan.faceScanId === null || firstTime(this.#scans, scan.faceScanId)) this.generation++;
    });
  }

  override disconnectedCallback(): void {
    // Left the page, not moved (still out after this task): let go of everything it holds.
    setTimeout(() => {
      if (this.isConnected) return;
      this.#task.abort();
      this.#lease.release();
      this.#lease = new Lease();
      this.#mounts++;
    });
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
    return this.provider || pageDefaults().provider || DEFAULT_PROVIDER;
  }

  /** The provider's source in force, or an `invalid-attribute` error naming the known ones. */
  #known(source: S | undefined): S {
    if (source) return source;
    throw invalidAttribute(
      this,
      'provider',
      this.#providerName(),
      'a known provider',
      this.sources().names,
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
    throw invalidAttribute(
      this,
      attribute,
      key ?? '',
      `a ${noun} of ${source.id}`,
      Object.keys(source.entries),
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

  /** Where and how to read; joins that token endpoint's session; throws when misconfigured. */
  #apiContext(source: S, lease: Lease, signal: AbortSignal): ApiContext {
    const tokenEndpoint = this.effectiveTokenEndpoint;
    const credentials = this.credentialsMode();
    this.#session.use(tokenEndpoint ? { tokenEndpoint, credentials } : undefined);
    if (!tokenEndpoint) throw missingTokenEndpoint(this.localName);
    const requested = requestedLanguage(this);
    return {
      tokenEndpoint,
      // The page's api-base is IntelliProve's (CONTRACT §3): another provider's token never goes there.
      apiBase:
        this.apiBase ||
        (source.id === DEFAULT_PROVIDER ? pageDefaults().apiBase : undefined) ||
        source.defaultApiBase,
      credentials,
      scheme: source.scheme,
      lease,
      signal,
      ...(requested ? { language: toLanguage(requested) } : {}),
    };
  }

  /** The reading on screen: the task's, or while it reads again for the same inputs, the last. */
  #shown(): Shown<R> | undefined {
    const task = this.#task;
    if (task.status === TaskStatus.COMPLETE) return task.value;
    if (task.status === TaskStatus.PENDING && task.value?.inputs === inputsOf(this.#args()))
      return task.value;
    return undefined;
  }

  /** The user's stored unit system (from the token endpoint), for the reading shown. */
  protected get userUnitSystem(): string | undefined {
    return this.#shown()?.preferences.unitSystem;
  }

  /** The reading shown, if any. */
  protected get reading(): R | null | undefined {
    return this.#shown()?.reading;
  }

  /** Decides what this render shows, before anything is drawn: `status` always matches it. */
  #compose(): Frame {
    const task = this.#task;
    const shown = this.#shown();
    this.userLanguage = shown?.preferences.language;
    if (task.status === TaskStatus.ERROR) {
      const error = IpError.from(task.error);
      return { status: 'error', body: this.#errorView(error), event: error };
    }
    if (!shown) return { status: 'loading', body: this.#loadingView() };
    const busy = task.status === TaskStatus.PENDING;
    try {
      this.checkAttributes(); // changed since the read (a unit system, say)
      const { reading } = shown;
      const body =
        reading === null
          ? this.emptyView(this.label(), ...this.resolveSource().empty)
          : this.valueView(reading);
      const empty = reading === null || this.isEmpty(reading);
      return {
        status: busy ? 'loading' : empty ? 'empty' : 'ready',
        body,
        ...(busy ? {} : { event: shown }),
      };
    } catch (error) {
      // Never thrown out of render(): shown, and reported once, as an error.
      const failure = IpError.from(error, 'invalid-response');
      const [seen, known] = this.#unshowable ?? [];
      if (seen !== shown || known?.message !== failure.message) this.#unshowable = [shown, failure];
      const reported = this.#unshowable![1];
      return { status: 'error', body: this.#errorView(reported), event: reported };
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    this.#frame = this.#compose();
    this.status = this.#frame.status;
    super.update(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const event = this.#frame?.event;
    if (!event || event === this.#announced || !this.isConnected) return;
    this.#announced = event;
    if (event instanceof IpError) this.announceError(event);
    else this.emit('ip-load', { data: event.reading });
  }

  #errorView(failure: IpError): TemplateResult {
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
    const busy = this.#task.status === TaskStatus.PENDING;
    return html`<div part="base" aria-busy=${String(busy)} lang=${this.language}>
      ${this.#frame?.body}
    </div>`;
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
