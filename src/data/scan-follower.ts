import type { ReactiveController } from 'lit';
import type { IpElement } from '../core/ip-element.js';
import { firstTime, onScanCompleted } from '../core/scan-signal.js';
import { endpointKey } from '../core/endpoint-key.js';

/**
 * Calls `onScan` for each face scan that completes on the page (in any copy of the kit) for
 * the host's token endpoint, while the host is on the page: once per scan, however often the
 * plug-in says so.
 */
export class ScanFollower implements ReactiveController {
  #scans = new Set<string>();
  #stop?: () => void;

  constructor(
    private readonly host: IpElement,
    private readonly onScan: () => void,
  ) {
    host.addController(this);
  }

  /** A new session: the scans it will see are new, whatever their ids. */
  forget(): void {
    this.#scans.clear();
  }

  hostConnected(): void {
    this.#stop = onScanCompleted((scan) => {
      const mine = this.host.effectiveTokenEndpoint;
      if (!mine || endpointKey(mine) !== endpointKey(scan.tokenEndpoint)) return;
      if (scan.faceScanId === null || firstTime(this.#scans, scan.faceScanId)) this.onScan();
    });
  }

  hostDisconnected(): void {
    this.#stop?.();
  }
}
