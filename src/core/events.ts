import type { IpErrorCode } from './errors.js';

/** `ip-error`: any failure, with a code to act on. */
export interface IpErrorDetail {
  code: IpErrorCode;
  message: string;
  status?: number;
}
/** `ip-ready`: the plug-in iframe has loaded (URL without its token). */
export interface IpReadyDetail {
  url: string;
}
/** Stages the IntelliProve plug-ins post to the host page. */
export type PluginStage =
  | 'startNewMeasurement'
  | 'recordingStarted'
  | 'recordingStopped'
  | 'faceScanSuccessful'
  | 'userFinished'
  | 'dismiss'
  | 'error';
/** `ip-stage`: every accepted plug-in message. */
export interface IpStageDetail {
  stage: PluginStage;
  data: Record<string, unknown>;
}
/** `ip-scan-complete`: a face scan succeeded. */
export interface IpScanCompleteDetail {
  faceScanId: string | null;
}
/** `ip-load`: data shown. */
export interface IpLoadDetail<T = unknown> {
  data: T;
}

/** Event name → `detail` type, for every event the kit fires. */
export interface IpEventDetailMap {
  'ip-ready': IpReadyDetail;
  'ip-stage': IpStageDetail;
  'ip-scan-complete': IpScanCompleteDetail;
  'ip-dismiss': Record<string, never>;
  'ip-error': IpErrorDetail;
  'ip-load': IpLoadDetail;
}

export type IpEvent<K extends keyof IpEventDetailMap> = CustomEvent<IpEventDetailMap[K]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ip-ready': CustomEvent<IpReadyDetail>;
    'ip-stage': CustomEvent<IpStageDetail>;
    'ip-scan-complete': CustomEvent<IpScanCompleteDetail>;
    'ip-dismiss': CustomEvent<Record<string, never>>;
    'ip-error': CustomEvent<IpErrorDetail>;
    'ip-load': CustomEvent<IpLoadDetail>;
  }
}
