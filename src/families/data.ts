// The script-tag build's chunk for the data elements (chunks/data.js): self-contained.
export { IpBiomarkerCard } from '../components/biomarker-card/biomarker-card.js';
export { IpMetricGauge } from '../components/metric-gauge/metric-gauge.js';
