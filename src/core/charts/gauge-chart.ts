/**
 * The chart.js parts a gauge draws with, registered once. Loaded with `import()` only when a
 * gauge renders, so pages without one never fetch chart.js. Imports nothing but chart.js, so
 * bundlers keep it a chunk of its own.
 */
import { ArcElement, Chart, DoughnutController } from 'chart.js';

Chart.register(DoughnutController, ArcElement);

export { Chart };
