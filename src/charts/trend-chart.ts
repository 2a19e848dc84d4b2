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
import type { Language } from '../protocol/contract.js';
import { formatDateTime } from '../i18n/format.js';
import { themeColor } from './theme.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler);

/**
 * Draws the readings of `history` that have a value (two or more) on `canvas`, dated in `lang`
 * and in `host`'s theme colours, updating `chart` in place when it already draws on that
 * canvas. Returns the chart to keep (and destroy on disconnect), if any.
 */
export function drawTrend(
  host: HTMLElement,
  canvas: HTMLCanvasElement,
  history: readonly { at: Date; value: number | null }[],
  lang: Language,
  chart?: Chart<'line'>,
): Chart<'line'> | undefined {
  const points = history.filter((point) => point.value !== null);
  if (points.length < 2) {
    chart?.destroy();
    return undefined;
  }
  const labels = points.map((point) =>
    formatDateTime(lang, point.at, { month: 'short', day: 'numeric' }),
  );
  const values = points.map((point) => point.value as number);
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
