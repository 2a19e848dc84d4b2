// The script-tag build's chunk for pages with gauges but no cards (chunks/gauges.js).
export { IpMetricGauge } from '../components/metric-gauge/metric-gauge.js';
