/**
 * A clock for the token handlers that moves only when the test moves it: deadlines, expiries
 * and renewals are tested without waiting for them.
 */
import type { Clock } from '../../src/server/index.js';
import { eventually } from './wait.js';

export interface FakeClock extends Clock {
  /** Moves time on by `ms`, firing the timers that fall due on the way, earliest first. */
  advance(ms: number): void;
  /** Resolves once `count` timers are pending (a request has started its deadline, say). */
  timers(count?: number): Promise<void>;
  /** Back to the real time, with no timers. */
  reset(): void;
}

export function fakeClock(): FakeClock {
  let now = Date.now();
  let pending: { at: number; callback: () => void }[] = [];
  return {
    now: () => now,
    after(ms, callback) {
      const timer = { at: now + ms, callback };
      pending.push(timer);
      return () => void (pending = pending.filter((t) => t !== timer));
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = pending.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        pending = pending.filter((t) => t !== due);
        now = due.at;
        due.callback();
      }
      now = until;
    },
    timers: (count = 1) => eventually(() => pending.length >= count),
    reset() {
      now = Date.now();
      pending = [];
    },
  };
}
