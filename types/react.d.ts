/**
 * React 19 JSX types for the kit's elements: `import type {} from 'intelliprove-widgets/react'`
 * once (or list it in tsconfig `types`). React 19 sets attributes as written
 * (`token-endpoint="/api/ip-token"`) and listens to custom events with `on` + the event name
 * (`onip-scan-complete={…}`).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  IpBiomarkerCard,
  IpDashboard,
  IpElementAttributes,
  IpElementEvents,
  IpFaceScan,
  IpListener,
  IpMetricGauge,
  IpTag,
} from 'intelliprove-widgets';

type ReactProps<T extends IpTag, El extends HTMLElement> = Omit<
  DetailedHTMLProps<HTMLAttributes<El>, El>,
  keyof IpElementAttributes[T]
> &
  IpElementAttributes[T] & { [E in IpElementEvents[T] as `on${E}`]?: IpListener<E> } & {
    class?: string;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ip-face-scan': ReactProps<'ip-face-scan', IpFaceScan>;
      'ip-dashboard': ReactProps<'ip-dashboard', IpDashboard>;
      'ip-biomarker-card': ReactProps<'ip-biomarker-card', IpBiomarkerCard>;
      'ip-metric-gauge': ReactProps<'ip-metric-gauge', IpMetricGauge>;
    }
  }
}
