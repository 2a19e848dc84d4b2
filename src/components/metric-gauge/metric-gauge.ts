import { css, html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Chart } from 'chart.js';
import { loadGaugeChart } from '../../core/charts/index.js';
import { IpElement } from '../../core/ip-element.js';
import { baseStyles } from '../../core/shared.styles.js';

/**
 * @summary Shows one health metric (0–100 score) as a gauge.
 *
 * @event ip-load - Data is shown. `detail: { data }`.
 * @event ip-error - Something failed. `detail: { code, message, status? }`.
 *
 * @csspart base - The gauge's box.
 * @csspart chart - The gauge drawing.
 *
 * @cssprop --ip-color-track - Colour of the gauge's empty track.
 */
export class IpMetricGauge extends IpElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        min-width: 180px;
      }
      [part='chart'] {
        position: relative;
        height: 120px;
      }
    `,
  ];

  /** Which metric: `energy_balance`, `mental_stress`, …, or a wellbeing score. */
  @property() metric?: string;

  @query('canvas') private canvas!: HTMLCanvasElement;
  private chart?: Chart<'doughnut'>;

  protected override async firstUpdated(changed: PropertyValues<this>): Promise<void> {
    super.firstUpdated(changed);
    const ChartClass = await loadGaugeChart();
    if (!this.isConnected || this.chart) return;
    const track = getComputedStyle(this).getPropertyValue('--ip-color-track').trim() || '#e6ecf2';
    this.chart = new ChartClass(this.canvas, {
      type: 'doughnut',
      data: { datasets: [{ data: [100], backgroundColor: [track], borderWidth: 0 }] },
      options: {
        rotation: -90,
        circumference: 180,
        cutout: '75%',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
      },
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  override render() {
    return html`<div part="base">
      <div part="chart"><canvas></canvas></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ip-metric-gauge': IpMetricGauge;
  }
}
