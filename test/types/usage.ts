// Type-checked against the published declarations (dist/index.d.ts) by
// test/server/package-surface.test.ts ("published typings").
import {
  configure,
  type IpErrorDetail,
  type IpEvent,
  type IpListener,
  type IpScanCompleteDetail,
} from 'intelliprove-widgets';

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
// Every event of IpEventDetailMap is typed on addEventListener (GlobalEventHandlersEventMap).
const onLoad: IpListener<'ip-load'> = (event) => void event.detail.data;
document.querySelector('ip-biomarker-card')!.addEventListener('ip-load', onLoad);
scan.addEventListener('ip-stage', (event: IpEvent<'ip-stage'>) => void event.detail.stage);
document.querySelector('ip-dashboard')!.reload();
document.querySelector('ip-biomarker-card')!.unitSystem = 'imperial';
document.querySelector('ip-metric-gauge')!.reload();
const recommendations = document.querySelector('ip-recommendations')!;
recommendations.limit = 3;
recommendations.relatedMetric = 'sleep_quality';
recommendations.reload();
configure({ tokenEndpoint: '/api/ip-token', unitSystem: 'metric', lang: 'nl' });

// @ts-expect-error: a face scan has no reload()
scan.reload();
// @ts-expect-error: the detail of ip-scan-complete is typed
scan.addEventListener('ip-scan-complete', (event) => event.detail.faceScanID);
// @ts-expect-error: ip-dismiss carries no scan
scan.addEventListener('ip-dismiss', (event: IpEvent<'ip-scan-complete'>) => event.detail);
// @ts-expect-error: unknown unit systems are refused
configure({ unitSystem: 'nautical' });
