// Type-checked against the published declarations (dist/index.d.ts) by test/server/types.test.ts.
import { configure, type IpErrorDetail, type IpScanCompleteDetail } from 'intelliprove-widgets';

const scan = document.querySelector('ip-face-scan')!;
scan.restart();
scan.allowedOrigins = 'https://plugin.example';
scan.addEventListener('ip-scan-complete', (event) => {
  const detail: IpScanCompleteDetail = event.detail;
  const id: string | null = detail.faceScanId;
  void id;
});
document.addEventListener('ip-error', (event) => {
  const detail: IpErrorDetail = event.detail;
  if (detail.code === 'invalid-url') console.warn(detail.message, detail.status);
});
document.querySelector('ip-dashboard')!.reload();
document.querySelector('ip-biomarker-card')!.unitSystem = 'imperial';
document.querySelector('ip-metric-gauge')!.reload();
configure({ tokenEndpoint: '/api/ip-token', unitSystem: 'metric', lang: 'nl' });

// @ts-expect-error: a face scan has no reload()
scan.reload();
// @ts-expect-error: the detail of ip-scan-complete is typed
scan.addEventListener('ip-scan-complete', (event) => event.detail.faceScanID);
// @ts-expect-error: unknown unit systems are refused
configure({ unitSystem: 'nautical' });
