/**
 * The time a token handler goes by. One shape for every part of the server half, so that a
 * test can move time for all of them at once instead of waiting.
 */

/** A clock: the current time, and a timer on the same time line. */
export interface Clock {
  /** Milliseconds since 1970, as `Date.now()`. */
  now(): number;
  /** Calls `callback` once `ms` have passed; the function it returns cancels that. */
  after(ms: number, callback: () => void): () => void;
}

/** The system clock: `Date.now()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  after: (ms, callback) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};
