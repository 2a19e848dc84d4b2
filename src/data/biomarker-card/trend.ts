import type { ReactiveController } from 'lit';
import type { Chart } from 'chart.js';
import type { IpElement } from '../../core/ip-element.js';

type History = readonly { at: Date; value: number | null }[];

/**
 * A card's trend: after each update, draws `history()` on the host's `<canvas>` (rendered only
 * with two points or more) with the chart code, fetched the first time; destroys the chart
 * when the canvas goes or the host leaves. When the chart code cannot be loaded, the card
 * stands without its trend (`available` turns false) and the console says why, once.
 */
export class Trend implements ReactiveController {
  /** False once the chart code could not be loaded: render no chart box. */
  available = true;
  #chart?: Chart<'line'>;

  constructor(
    private readonly host: IpElement,
    private readonly history: () => History | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    void this.#draw();
  }

  hostDisconnected(): void {
    this.#destroy();
  }

  #canvas(): HTMLCanvasElement | undefined {
    return this.host.renderRoot.querySelector('canvas') ?? undefined;
  }

  #destroy(): void {
    this.#chart?.destroy();
    this.#chart = undefined;
  }

  async #draw(): Promise<void> {
    const canvas = this.#canvas();
    const history = this.history();
    if (!canvas || !history) return this.#destroy();
    let chart: typeof import('../../charts/trend-chart.js');
    try {
      chart = await import('../../charts/trend-chart.js');
    } catch (error) {
      if (this.available) {
        console.error(
          '[intelliprove-widgets] The trend chart could not be loaded. Serve the whole dist/ ' +
            "folder (its chunks/ sit next to intelliprove-widgets.js) and allow it in the CSP's script-src.",
          error,
        );
      }
      this.available = false;
      this.host.requestUpdate();
      return;
    }
    if (this.host.isConnected && this.#canvas() === canvas)
      this.#chart = chart.drawTrend(this.host, canvas, history, this.host.language, this.#chart);
  }
}
