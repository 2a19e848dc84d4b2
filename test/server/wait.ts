/** Waiting on what happens, not for a while. */

/** Waits until `check` holds (polling), failing after `ms`. */
export async function eventually(check: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * `n` parties meeting: `done` resolves once `arrive()` has been called `n` times, one turn of
 * the event loop later — so that all `n` have gone on as far as they can without waiting (each
 * racing request has joined the shared call it is going to wait for).
 */
export function gathering(n: number): { arrive(): void; done: Promise<void> } {
  let arrived = 0;
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return {
    arrive: () => {
      if (++arrived === n) setImmediate(open);
    },
    done,
  };
}
