/**
 * Deadlines: one per request (its body, `getUser` and every upstream call together), and one per
 * call that several requests share (see `singleFlight`).
 */
import type { Clock } from './clock.js';
import { HttpError } from './http-error.js';

/**
 * The one deadline of a request, or of a call several requests share. Its `signal` aborts when
 * the time is up, with a 504 `HttpError` naming what was awaited as the reason, so that every
 * pending fetch stops; `race` makes any other wait (a hanging `getUser`) give up at that moment.
 */
export class Deadline {
  readonly signal: AbortSignal;
  readonly #cancel: () => void;
  #waitingFor = 'the request';
  #joined: Deadline | undefined;

  /** Passes `ms` from now on `clock`. */
  constructor(ms: number, clock: Clock) {
    const controller = new AbortController();
    this.signal = controller.signal;
    this.#cancel = clock.after(ms, () => {
      const message = `No answer within ${ms} ms (waiting for ${this.waitingFor}).`;
      controller.abort(new HttpError(504, 'timeout', message));
    });
  }

  /** What the request is waiting for now, named in the 504 ("getUser", "Sahha POST …"). */
  get waitingFor(): string {
    return this.#joined?.waitingFor ?? this.#waitingFor;
  }
  set waitingFor(what: string) {
    this.#waitingFor = what;
    this.#joined = undefined;
  }

  /** Waits on a call shared under `other` (see `singleFlight`): names what that one awaits. */
  join(other: Deadline): void {
    this.#joined = other;
  }

  /** Settles as `work` does, or rejects with the 504 once the deadline passes. */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.signal.aborted) {
      work.catch(() => {}); // given up on: its own failure no longer matters
      return Promise.reject(this.signal.reason);
    }
    return new Promise<T>((resolve, reject) => {
      const expire = () => reject(this.signal.reason);
      this.signal.addEventListener('abort', expire, { once: true });
      void work.then(resolve, reject).finally(() => {
        this.signal.removeEventListener('abort', expire);
      });
    });
  }

  /** Stops the clock once the work is done. */
  clear(): void {
    this.#cancel();
  }
}

/**
 * One call per key at a time: whoever asks while it runs shares its result, so racing first
 * requests for a user create it once. The call runs on its own deadline (`timeoutMs` from its
 * start), not on the deadline of the request that started it: one waiter giving up must not
 * abort it for the others, and each waiter still gives up at its own deadline. Failures are
 * not kept: the next caller starts afresh.
 */
export function singleFlight<V>(timeoutMs: number, clock: Clock) {
  const flights = new Map<string, { done: Promise<V>; own: Deadline }>();
  return (key: string, deadline: Deadline, run: (own: Deadline) => Promise<V>): Promise<V> => {
    deadline.signal.throwIfAborted();
    let flight = flights.get(key);
    if (!flight) {
      const own = new Deadline(timeoutMs, clock);
      const done = own.race(run(own)).finally(() => {
        own.clear();
        flights.delete(key);
      });
      flight = { done, own };
      flights.set(key, flight);
    }
    deadline.join(flight.own);
    return deadline.race(flight.done);
  };
}
