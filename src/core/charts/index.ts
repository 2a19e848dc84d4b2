/** Lazy loaders for chart.js: the first caller fetches the chunk, later ones share it. */
export const loadGaugeChart = () => import('./gauge-chart.js').then((m) => m.Chart);
export const loadTrendChart = () => import('./trend-chart.js');
