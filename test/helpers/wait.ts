/**
 * Node side: waiting for what a test can see happen, never for a fixed time. `poll` and
 * `waitFor` read until a condition holds; `gate` holds something back (a response, a chunk)
 * until the test lets it go.
 */
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { WAIT_MS } from './patience.js';

/** Reads every 50 ms until `done` holds of what `read` gave or `timeout` ms pass; the last read. */
export async function poll<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeout = WAIT_MS,
): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await delay(50);
    value = await read();
  }
  return value;
}

/** Waits (up to `timeout` ms) until `condition` holds; fails naming `what` if it never does. */
export async function waitFor(
  condition: () => unknown,
  what: string,
  timeout = WAIT_MS,
): Promise<void> {
  const held = await poll(condition, Boolean, timeout);
  assert.ok(held, `timed out after ${timeout} ms waiting for ${what}`);
}

export interface Gate {
  /** Resolves once `open()` is called, or after the gate's timeout at the latest. */
  readonly opened: Promise<void>;
  open(): void;
}

/**
 * Something held back until the test opens it (`await gate.opened` in a route handler). The
 * timeout lets a kit that never gets there fail on the test's assertion rather than hang.
 */
export function gate(timeout = 5_000): Gate {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
    delay(timeout, undefined, { ref: false }).then(resolve);
  });
  return { opened, open };
}
