/**
 * Requests that several elements wait on together. A request is held by every element that
 * asked for it (through its `Lease`) until the element lets go: its next reading replaced this
 * one, it left the page, or its read was abandoned. Nobody holding it any more, a pending
 * request is aborted on the wire and a settled one forgotten; a failed one is forgotten at once.
 */

import { waitFor } from '../core/abort.js';
import type { Deadline } from '../core/deadline.js';

/** What one element's reading came from; releasing it lets go of all of it. */
export class Lease {
  #releases: (() => void)[] = [];
  #released = false;

  /** Adds something to let go of; on a released lease, lets go at once. */
  add(release: () => void): void {
    if (this.#released) release();
    else this.#releases.push(release);
  }

  release(): void {
    this.#released = true;
    for (const release of this.#releases.splice(0)) release();
  }
}

export class SharedRequest<T> {
  readonly promise: Promise<T>;
  /** Until when a settled answer may be handed to a new element (ms; the token's life). */
  validUntil = Infinity;
  #controller = new AbortController();
  #holders = 0;
  #settled = false;
  #forget: () => void;
  /** The time limits of the elements waiting on it, each with its hold while it waits its turn. */
  #deadlines = new Set<{ deadline: Deadline; release?: () => void }>();
  #queued = false;

  /** Starts `start` now; `forget` removes this request from wherever it is kept. */
  constructor(
    start: (signal: AbortSignal, request: SharedRequest<T>) => Promise<T>,
    forget: () => void,
  ) {
    this.#forget = forget;
    this.promise = start(this.#controller.signal, this);
    this.promise.then(
      () => {
        this.#settled = true;
        if (this.#holders === 0) forget();
      },
      () => {
        this.#settled = true;
        forget(); // a failed or timed-out request is never handed on
      },
    );
  }

  /** Whether a new element may take this request: pending, or settled and still valid. */
  get usable(): boolean {
    return !this.#settled || Date.now() < this.validUntil;
  }

  /**
   * Whether it waits for its turn to go on the wire (request-gate.ts): meanwhile, the time
   * limits of the elements waiting on it stand still.
   */
  set queued(queued: boolean) {
    if (queued === this.#queued) return;
    this.#queued = queued;
    for (const waiting of this.#deadlines) {
      waiting.release?.();
      waiting.release = queued ? waiting.deadline.hold() : undefined;
    }
  }

  /**
   * The answer for the element holding `lease`, until `signal` aborts its wait; `deadline`, the
   * element's time limit, stands still while this request waits for its turn.
   */
  take(lease: Lease, signal?: AbortSignal, deadline?: Deadline): Promise<T> {
    this.#holders++;
    let held = true;
    lease.add(() => {
      if (!held) return;
      held = false;
      if (--this.#holders > 0) return;
      if (!this.#settled) this.#controller.abort();
      this.#forget();
    });
    if (!deadline) return waitFor(this.promise, signal);
    const waiting = { deadline, release: this.#queued ? deadline.hold() : undefined };
    this.#deadlines.add(waiting);
    return waitFor(this.promise, signal).finally(() => {
      waiting.release?.();
      this.#deadlines.delete(waiting);
    });
  }

  /** Aborts the request if it is still pending (its session ended). */
  abort(): void {
    if (!this.#settled) this.#controller.abort();
  }
}
