import { Task, TaskStatus } from '@lit/task';
import { html, type ReactiveController, type TemplateResult } from 'lit';
import { pageDefaults } from '../core/config.js';
import { Deadline } from '../core/deadline.js';
import { resolveLanguage } from '../core/language.js';
import { IpError } from '../core/errors.js';
import { SessionMember, sessionEpoch } from '../core/session.js';
import { Localizer } from '../i18n/localizer.js';
import { loadCatalog, type MessageKey } from '../i18n/translate.js';
import { invalidate, userPreferences, type ApiContext } from './api-client.js';
import { apiContextFor } from './api-context.js';
import { emptyView } from './data-view.js';
import { FrameChooser, type Frame, type Shown } from './reading-frame.js';
import type { SourceTable } from './providers/index.js';
import type { AnySource } from './providers/types.js';
import { ScanFollower } from './scan-follower.js';
import { Lease } from './shared-request.js';
import { SourceChoice, type DataHost, type Selection } from './source-choice.js';

/**
 * A read (token, API, a 401's renewal) that has no answer by then shows its error; the time its
 * API reads wait for their turn does not count.
 */
export const READ_TIMEOUT_MS = 18_000;

export interface ReadingOptions<R, S extends AnySource> {
  /** The providers this kind of element reads from. */
  sources: SourceTable<S>;
  /** Which of the provider's entries to show. */
  select: () => Selection;
  /** The element's own inputs (attributes) the data depends on. */
  args: () => readonly unknown[];
  /** Reads the selected entry from `source` (null: none yet). */
  read: (source: S, key: string, context: ApiContext) => Promise<R | null>;
  /** Whether a reading has nothing to show (a null value): `status="empty"`. */
  isEmpty: (reading: R) => boolean;
  /** The reading, drawn; may throw an `IpError` for a reading it cannot show. */
  view: (reading: R) => TemplateResult;
  /** What stands in for the value while the first reading is on its way. */
  skeleton: () => TemplateResult;
  /** Checks of the element's own attributes; throws an `invalid-attribute` error. */
  check?: () => void;
}

const inputsOf = (args: readonly unknown[]) => JSON.stringify(args.slice(0, -1));

/**
 * The data of a card or gauge, for the element that holds it: attribute → property → `Task`
 * (args from properties, its signal on every request) → what is shown (loading, the reading,
 * empty, error), with the host's `status` always matching it and `ip-load`/`ip-error` told
 * once. It reads again after a face scan of the same token endpoint, on `reload()`, and for a
 * new session, holds the answers it shows (and only while it shows them), and lets go of
 * everything when the element leaves the page.
 */
export class Reading<R, S extends AnySource> implements ReactiveController {
  readonly i18n: Localizer;
  readonly choice: SourceChoice<S>;
  readonly #task: Task<unknown[], Shown<R>>;
  readonly #session: SessionMember;
  /** Bumped to read again (after a scan, or `reload()`). */
  #generation = 0;
  /** Bumped when the element left the page: re-inserted, it reads again, for whoever is signed in. */
  #mounts = 0;
  /** The answers the shown reading came from, held while it is shown. */
  #lease = new Lease();
  readonly #scans: ScanFollower;
  readonly #frames = new FrameChooser<R>();
  #frame?: Frame;
  #announced?: Frame['event'];

  constructor(
    private readonly host: DataHost,
    private readonly options: ReadingOptions<R, S>,
  ) {
    this.i18n = new Localizer(host);
    this.choice = new SourceChoice(host, options.sources, options.select);
    this.#scans = new ScanFollower(host, () => this.#readAgain());
    // The task first: by this controller's hostUpdate it has started the read for new args.
    this.#task = new Task(host, {
      args: () => this.#args(),
      task: (args, { signal }) => this.#read(args, signal),
    });
    host.addController(this);
    // After this controller: removed, the element aborts its read before its session lets go
    // of the token (which would fail the read rather than abort what the provider still does).
    this.#session = new SessionMember(host, () => this.#startOver());
  }

  /** The reading shown, if any. */
  get value(): R | null | undefined {
    return this.#shown()?.reading;
  }

  /** The user's stored unit system (from the token endpoint), for the reading shown. */
  get userUnitSystem(): string | undefined {
    return this.#shown()?.preferences.unitSystem;
  }

  /** The element's name for the reading (its label), '' while unknown. */
  label(): string {
    try {
      return this.i18n.t(this.choice.entry(this.choice.loaded()).label);
    } catch {
      return '';
    }
  }

  /** Reads the data again, fresh from the API. */
  reload(): void {
    const endpoint = this.host.effectiveTokenEndpoint;
    if (endpoint) invalidate(endpoint);
    this.#readAgain();
  }

  hostConnected(): void {
    this.#task.autoRun = true;
    if (this.host.hasUpdated) this.host.requestUpdate(); // re-inserted: draw again, or read again
  }

  hostDisconnected(): void {
    // Left the page, not moved (still out after this task): let go of everything it holds, and
    // read nothing while out (the aborted task's own update would otherwise start a new read).
    setTimeout(() => {
      if (this.host.isConnected) return;
      this.#task.autoRun = false;
      this.#task.abort();
      this.#lease.release();
      this.#lease = new Lease();
      this.#mounts++;
    });
  }

  /** Decides what this render shows, before anything is drawn: `status` always matches it. */
  hostUpdate(): void {
    const shown = this.#shown();
    this.host.userLanguage = shown?.preferences.language;
    this.#frame = this.#frames.choose(this.#task, shown, {
      ...this.options,
      i18n: this.i18n,
      label: this.label(),
      empty: () => this.emptyView(),
      check: () => this.#checkAttributes(),
      retry: () => this.reload(),
    });
    this.host.status = this.#frame.status;
  }

  hostUpdated(): void {
    const event = this.#frame?.event;
    if (!event || event === this.#announced || !this.host.isConnected) return;
    this.#announced = event;
    if (event instanceof IpError) this.host.announceError(event);
    else this.host.emit('ip-load', { data: event.reading });
  }

  /** The element's shadow DOM: what `hostUpdate` decided to show. */
  render(): TemplateResult {
    const busy = this.#task.status === TaskStatus.PENDING;
    return html`<div part="base" aria-busy=${String(busy)} lang=${this.host.language}>
      ${this.#frame?.body}
    </div>`;
  }

  /**
   * "No data yet" in the provider's words, with what unlocks the entry where the provider says
   * (IntelliProve's metrics); or `title`/`hint` when given.
   */
  emptyView(title?: MessageKey, hint?: MessageKey) {
    const source = this.choice.loaded();
    const [fallbackTitle, fallbackHint] = source.empty;
    const unlock = this.choice.entry(source).unlock;
    return emptyView(
      this.i18n,
      this.label(),
      title ?? fallbackTitle,
      hint ?? unlock ?? fallbackHint,
    );
  }

  #readAgain(): void {
    this.#generation++;
    this.host.requestUpdate();
  }

  /** What the data depends on; the reload count last (a reload keeps the reading on screen). */
  #args(): unknown[] {
    const { host } = this;
    const page = pageDefaults();
    return [
      ...this.options.args(),
      host.effectiveTokenEndpoint,
      host.apiBase,
      host.provider,
      page.provider,
      page.apiBase,
      host.credentials,
      page.credentials,
      sessionEpoch(),
      this.#mounts,
      this.#generation,
    ];
  }

  #checkAttributes(): void {
    this.host.credentialsMode();
    this.options.check?.();
  }

  /** The task: reads the selected entry and the user's preferences, within `READ_TIMEOUT_MS`. */
  async #read(args: readonly unknown[], signal: AbortSignal): Promise<Shown<R>> {
    const lease = new Lease();
    // A replaced read lets go after the task, so that its successor can take over its requests.
    signal.addEventListener('abort', () => setTimeout(() => lease.release()), { once: true });
    try {
      this.#checkAttributes();
      const source = await this.choice.fetch();
      const key = this.choice.key(source);
      // Its time stands still while its API reads wait for their turn (request-gate.ts).
      const deadline = new Deadline(READ_TIMEOUT_MS);
      const wait = AbortSignal.any([signal, deadline.signal]);
      this.#session.use(this.host.tokenSource()); // this endpoint's session is the one to follow
      const context = apiContextFor(this.host, source, lease, wait, deadline);
      const texts = loadCatalog(this.host.language);
      const [reading, preferences] = await Promise.all([
        this.options.read(source, key, context),
        userPreferences(context),
      ]);
      // Shown with its texts, never with a blank label: the page's language was fetched
      // alongside; the user's own (from the token) now, if the page named none.
      await Promise.all([texts, loadCatalog(resolveLanguage(this.host, preferences.language))]);
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
    this.#scans.forget();
    // Now, so that nothing the last session's read still brings is shown.
    if (this.host.hasUpdated) void this.#task.run();
    else this.host.requestUpdate();
  }

  /** The reading on screen: the task's, or while it reads again for the same inputs, the last. */
  #shown(): Shown<R> | undefined {
    const task = this.#task;
    if (task.status === TaskStatus.COMPLETE) return task.value;
    if (task.status === TaskStatus.PENDING && task.value?.inputs === inputsOf(this.#args()))
      return task.value;
    return undefined;
  }
}
