/**
 * A time limit that stands still while something holds it: an element's whole read does not
 * count the time its API reads wait for their turn (data/request-gate.ts). When the last holder
 * lets go, it starts over with its full time. Built on `AbortSignal.timeout`, as the kit's
 * other limits are, so a page's fake clock does not move it.
 */
export class Deadline {
  readonly #controller = new AbortController();
  /** Aborts with a `TimeoutError` once the time has run out. */
  readonly signal = this.#controller.signal;
  readonly #ms: number;
  #timer?: AbortSignal;
  #holds = 0;

  constructor(ms: number) {
    this.#ms = ms;
    this.#start();
  }

  /** Stops the clock until the function it returns is called (once is enough). */
  hold(): () => void {
    if (this.#holds++ === 0) this.#timer = undefined;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      if (--this.#holds === 0) this.#start();
    };
  }

  #start(): void {
    if (this.signal.aborted) return;
    const timer = (this.#timer = AbortSignal.timeout(this.#ms));
    timer.addEventListener(
      'abort',
      () => this.#timer === timer && this.#controller.abort(timer.reason),
      { once: true },
    );
  }
}
