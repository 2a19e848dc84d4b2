import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type TaskStatus = 'pending' | 'complete' | 'error';

export interface TaskOptions<A extends readonly unknown[], R> {
  /** The inputs, read before each update: a change (by `Object.is`, as Lit) starts a new run. */
  args: () => A;
  task: (args: A, options: { signal: AbortSignal }) => Promise<R>;
}

/**
 * `@lit/task`'s model in a few lines: runs `task` when `args` change, aborts the run it
 * replaces, and re-renders the host with the outcome. The kit needs only this much of it, and
 * the cards page's size budget (15 kB gzip) has no room for the other 0.6 kB.
 */
export class Task<A extends readonly unknown[], R> implements ReactiveController {
  status: TaskStatus = 'pending';
  value?: R;
  error?: unknown;
  private args?: A;
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: TaskOptions<A, R>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.options.args();
    const last = this.args;
    if (last && args.length === last.length && args.every((arg, i) => Object.is(arg, last[i])))
      return;
    this.args = args;
    void this.run(args);
  }

  private async run(args: A): Promise<void> {
    this.abort?.abort();
    const { signal } = (this.abort = new AbortController());
    this.status = 'pending'; // seen by the render of the update that started the run
    try {
      const value = await this.options.task(args, { signal });
      if (signal.aborted) return;
      [this.status, this.value, this.error] = ['complete', value, undefined];
    } catch (error) {
      if (signal.aborted) return;
      [this.status, this.value, this.error] = ['error', undefined, error];
    }
    this.host.requestUpdate();
  }
}
