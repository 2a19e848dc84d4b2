/**
 * The kit's events, declared once: `IpEventDetailMap` below. Everything else is derived from it —
 * the typed `emit()` of the elements, `GlobalEventHandlersEventMap` (so `addEventListener` is
 * typed), and, through `custom-elements-manifest.config.mjs`, the events of each element in
 * `custom-elements.json` (the ones its class `emit()`s, with this map's detail type and
 * description), the editor data and the Vue and React typings.
 */
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
/** `ip-dismiss`: nothing to tell but the event itself. */
export type IpDismissDetail = Record<string, never>;
/** `ip-load`: data shown. */
export interface IpLoadDetail<T = unknown> {
  data: T;
}

/**
 * Event name → `detail` type, for every event the kit fires. Each entry's comment is the event's
 * description in the manifest and the editors; its type must be a named, exported type.
 */
export interface IpEventDetailMap {
  /** The plug-in iframe has loaded. `detail: { url }`, the URL without its token. */
  'ip-ready': IpReadyDetail;
  /** A plug-in message was accepted. `detail: { stage, data }`. */
  'ip-stage': IpStageDetail;
  /** The scan succeeded. `detail: { faceScanId }` (null when the plug-in gives none). */
  'ip-scan-complete': IpScanCompleteDetail;
  /** The user pressed continue after the scan. */
  'ip-dismiss': IpDismissDetail;
  /** Something failed. `detail: { code, message, status? }`. */
  'ip-error': IpErrorDetail;
  /** Data is shown. `detail: { data }`: the reading, or null when there is none yet. */
  'ip-load': IpLoadDetail;
}

/** The event object of a kit event, e.g. `IpEvent<'ip-scan-complete'>`. */
export type IpEvent<K extends keyof IpEventDetailMap> = CustomEvent<IpEventDetailMap[K]>;

/** A listener for one of the kit's events. */
export type IpListener<K extends keyof IpEventDetailMap> = (event: IpEvent<K>) => void;

/** Event name → event object, for every event the kit fires. */
export type IpEventMap = { [K in keyof IpEventDetailMap]: IpEvent<K> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by IpEventMap
  interface GlobalEventHandlersEventMap extends IpEventMap {}
}
