// The script-tag build's chunk for pages with cards but no gauges (chunks/cards.js).
export { IpBiomarkerCard } from '../components/biomarker-card/biomarker-card.js';
