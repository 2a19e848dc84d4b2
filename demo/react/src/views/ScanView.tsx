import type { IpEvent } from 'intelliprove-widgets';
import { useState } from 'react';

export function ScanView() {
  const [faceScanId, setFaceScanId] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  // A new key makes React replace the element: the old one is removed (and cleans up after
  // itself), a fresh one starts over. The element's own restart() does the same in place.
  const [instance, setInstance] = useState(0);

  function onScanComplete(event: IpEvent<'ip-scan-complete'>) {
    setFaceScanId(event.detail.faceScanId ?? '(no id)');
    setErrorCode(null);
  }

  return (
    <>
      <h2>Face scan</h2>
      <p>
        <button type="button" data-testid="remount" onClick={() => setInstance((n) => n + 1)}>
          New scanner
        </button>
      </p>
      {/* React 19 listens to custom events with `on` + the event name. */}
      <ip-face-scan
        key={instance}
        onip-scan-complete={onScanComplete}
        onip-error={(event) => setErrorCode(event.detail.code)}
      />
      {faceScanId && <p data-testid="scan-result">Scan complete: {faceScanId}</p>}
      {errorCode && (
        <p data-testid="scan-error" role="alert">
          Error: {errorCode}
        </p>
      )}
    </>
  );
}
