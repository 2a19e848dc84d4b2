import { TaskStatus } from '@lit/task';
import type { TemplateResult } from 'lit';
import { IpError } from '../core/errors.js';
import type { ElementStatus } from '../core/ip-element.js';
import type { Localizer } from '../i18n/localizer.js';
import { errorView, loadingView } from './data-view.js';

/** A reading as the element got it: with the user's stored preferences and what it was read for. */
export interface Shown<R> {
  reading: R | null;
  preferences: { unitSystem?: string; language?: string };
  /** The inputs it was read for, but the reload count. */
  inputs: string;
}

/** What one render shows, the status that goes with it, and what to tell the page about it. */
export interface Frame {
  status: ElementStatus;
  body: TemplateResult;
  /** `ip-load` (the reading shown) or `ip-error`, once per distinct object. */
  event?: Shown<unknown> | IpError;
}

/** What a frame is made of: the element's views and checks. */
export interface FrameParts<R> {
  i18n: Localizer;
  label: string;
  view(reading: R): TemplateResult;
  empty(): TemplateResult;
  skeleton(): TemplateResult;
  isEmpty(reading: R): boolean;
  /** Throws for an attribute the element does not know a value of. */
  check(): void;
  retry(): void;
}

/**
 * Decides what a data element shows, before anything is drawn, so that `status` always matches
 * it: an error, loading, the reading (still `loading` while it is read again), empty. A reading
 * that cannot be drawn is an error, reported once however often it is drawn.
 */
export class FrameChooser<R> {
  /** A reading that could not be shown, and why. */
  #unshowable?: [Shown<R>, IpError];

  choose(
    task: { status: TaskStatus; error: unknown },
    shown: Shown<R> | undefined,
    parts: FrameParts<R>,
  ): Frame {
    const failed = (error: IpError): Frame => ({
      status: 'error',
      body: errorView(parts.i18n, parts.label, error, parts.retry),
      event: error,
    });
    if (task.status === TaskStatus.ERROR) return failed(IpError.from(task.error));
    if (!shown)
      return { status: 'loading', body: loadingView(parts.i18n, parts.label, parts.skeleton()) };
    const busy = task.status === TaskStatus.PENDING;
    try {
      parts.check(); // changed since the read (a unit system, say)
      const { reading } = shown;
      const body = reading === null ? parts.empty() : parts.view(reading);
      const empty = reading === null || parts.isEmpty(reading);
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
      return failed(this.#unshowable![1]);
    }
  }
}
