/**
 * A biomarker card's trend: the chart.js parts a line draws with and the drawing itself,
 * loaded on demand like the gauge's, so a card without `history` carries none of it.
 */
import {
  CategoryScale,
  Chart,
  Filler,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
} from 'chart.js';
import { themeColor } from '../theme.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler);

export interface TrendPoint {
  /** The date as the axis shows it. */
  label: string;
  value: number;
}

/**
 * Draws `points` on `canvas` in `host`'s theme colours, updating `chart` in place when it
 * already draws on that canvas. Returns the chart to keep (and destroy on disconnect).
 */
export function drawTrend(
  host: HTMLElement,
  canvas: HTMLCanvasElement,
  points: TrendPoint[],
  chart?: Chart<'line'>,
): Chart<'line'> {
  const labels = points.map((point) => point.label);
  const values = points.map((point) => point.value);
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (chart && chart.canvas === canvas) {
    chart.data.labels = labels;
    chart.data.datasets[0]!.data = values;
    chart.update(reduceMotion ? 'none' : undefined);
    return chart;
  }
  chart?.destroy();
  const muted = themeColor(host, '--_muted');
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels,
      datasets: [
        {
          data: values,
          borderColor: themeColor(host, '--_line'),
          backgroundColor: themeColor(host, '--_fill'),
          fill: true,
          tension: 0.3,
          pointRadius: 2,
        },
      ],
    },
    options: {
      animation: reduceMotion ? false : { duration: 400 },
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { ticks: { maxTicksLimit: 4, color: muted }, grid: { display: false } },
        y: { ticks: { maxTicksLimit: 3, color: muted } },
      },
    },
  });
}
