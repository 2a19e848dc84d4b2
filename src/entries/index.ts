/**
 * ESM entry for bundlers: defines the five elements and exports their classes and types.
 * The per-element modules (`intelliprove-widgets/face-scan`, …) only export classes.
 */
import { IpBiomarkerCard } from '../data/biomarker-card/biomarker-card.js';
import { IpDashboard } from '../embeds/dashboard/dashboard.js';
import { IpFaceScan } from '../embeds/face-scan/face-scan.js';
import { IpMetricGauge } from '../data/metric-gauge/metric-gauge.js';
import { IpRecommendations } from '../data/recommendations/recommendations.js';
import { define } from '../core/define.js';

define('ip-face-scan', IpFaceScan);
define('ip-dashboard', IpDashboard);
define('ip-biomarker-card', IpBiomarkerCard);
define('ip-metric-gauge', IpMetricGauge);
define('ip-recommendations', IpRecommendations);

export { IpBiomarkerCard, IpDashboard, IpFaceScan, IpMetricGauge, IpRecommendations, define };
export { configure, pageDefaults, type KitOptions } from '../core/config.js';
export { clearSession, CLEAR_SESSION_EVENT } from '../core/session.js';
export { IpElement, type ElementStatus } from '../core/ip-element.js';
export { IpError, type IpErrorCode } from '../core/errors.js';
export type * from '../core/events.js';
export type {
  Language,
  UnitSystem,
  TokenRequest,
  TokenResponse,
  TokenPurpose,
  DashboardSection,
} from '../protocol/contract.js';
export { VERSION } from '../core/version.js';
