/**
 * A time limit that stands still while something holds it: an element's whole read does not
 * count the time its API reads wait for their turn (data/request-gate.ts). When the last holder
 * lets go, it goes on with the time it had left. Its timers are `AbortSignal.timeout`s and its
 * clock is the page's own as the kit found it, so a fake clock a page installs later does not
 * move it.
 */

/** The page's clock (ms), as it was when the kit loaded. */
export const clock = performance.now.bind(performance);

export class Deadline {
  readonly #controller = new AbortController();
  /** Aborts with a `TimeoutError` once the time has run out. */
  readonly signal = this.#controller.signal;
  #left: number;
  #since = 0;
  #timer?: AbortSignal;
  #holds = 0;

  constructor(ms: number) {
    this.#left = ms;
    this.#run();
  }

  /** Stops the clock until the function it returns is called (once is enough). */
  hold(): () => void {
    if (this.#holds++ === 0 && this.#timer) {
      this.#timer = undefined;
      this.#left -= clock() - this.#since;
    }
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      if (--this.#holds === 0) this.#run();
    };
  }

  #run(): void {
    if (this.signal.aborted) return;
    this.#since = clock();
    const timer = (this.#timer = AbortSignal.timeout(Math.max(0, Math.ceil(this.#left))));
    timer.addEventListener(
      'abort',
      () => this.#timer === timer && this.#controller.abort(timer.reason),
      { once: true },
    );
  }
}
