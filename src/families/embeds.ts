// The script-tag build's chunk for the plug-in embeds (chunks/embeds.js): self-contained.
export { IpFaceScan } from '../components/face-scan/face-scan.js';
export { IpDashboard } from '../components/dashboard/dashboard.js';
