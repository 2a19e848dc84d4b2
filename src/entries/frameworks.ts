/**
 * What a template may set on each element and which events each fires: the source of the
 * Vue (`intelliprove-widgets/vue`) and React (`intelliprove-widgets/react`) typings.
 */
import type { UnitSystem } from '../protocol/contract.js';
import type { IpEventDetailMap } from '../core/events.js';

/** Attributes every element takes. */
export interface IpCommonAttributes {
  'token-endpoint'?: string;
  'api-base'?: string;
  credentials?: RequestCredentials;
  lang?: string;
}
export interface IpFaceScanAttributes extends IpCommonAttributes {
  /** Extra trusted plug-in origins, space-separated. */
  'allowed-origins'?: string;
}
export interface IpDashboardAttributes extends IpFaceScanAttributes {
  /** Sections to hide, space- or comma-separated. */
  'disabled-sections'?: string;
}
export interface IpDataAttributes extends IpCommonAttributes {
  provider?: 'intelliprove' | 'sahha' | (string & {});
}
export interface IpBiomarkerCardAttributes extends IpDataAttributes {
  biomarker?: string;
  'face-scan-id'?: string;
  'unit-system'?: UnitSystem;
  /** Number of past scans drawn as a trend. */
  history?: number | string;
}
export interface IpMetricGaugeAttributes extends IpDataAttributes {
  metric?: string;
  details?: boolean;
}

/** Tag → its attributes. */
export interface IpElementAttributes {
  'ip-face-scan': IpFaceScanAttributes;
  'ip-dashboard': IpDashboardAttributes;
  'ip-biomarker-card': IpBiomarkerCardAttributes;
  'ip-metric-gauge': IpMetricGaugeAttributes;
}

type PluginEvents = 'ip-ready' | 'ip-stage' | 'ip-error';
type DataEvents = 'ip-load' | 'ip-error';
/** Tag → the events it fires. */
export interface IpElementEvents {
  'ip-face-scan': PluginEvents | 'ip-scan-complete' | 'ip-dismiss';
  'ip-dashboard': PluginEvents;
  'ip-biomarker-card': DataEvents;
  'ip-metric-gauge': DataEvents;
}

export type IpTag = keyof IpElementAttributes;

/** `token-endpoint` → `tokenEndpoint`. */
export type Camel<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;

/** A listener for one of the kit's events. */
export type IpListener<E extends keyof IpEventDetailMap> = (
  event: CustomEvent<IpEventDetailMap[E]>,
) => void;
