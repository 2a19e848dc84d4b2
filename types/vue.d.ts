/**
 * Vue 3 template types for the kit's elements: `import type {} from 'intelliprove-widgets/vue'`
 * once (or list it in tsconfig `types`), and vue-tsc checks attributes and `@ip-…` listeners.
 * Vue must still treat `ip-*` tags as custom elements: `isCustomElement: (tag) =>
 * tag.startsWith('ip-')` in the Vue plugin's `template.compilerOptions`.
 */
import type { DefineComponent } from 'vue';
import type {
  Camel,
  IpElementAttributes,
  IpElementEvents,
  IpListener,
  IpTag,
} from 'intelliprove-widgets';

type VueProps<T extends IpTag> = {
  [K in keyof IpElementAttributes[T] as Camel<K & string>]: IpElementAttributes[T][K];
} & {
  [E in IpElementEvents[T] as `on${Capitalize<Camel<E>>}`]?: IpListener<E>;
};

declare module 'vue' {
  interface GlobalComponents {
    'ip-face-scan': DefineComponent<VueProps<'ip-face-scan'>>;
    'ip-dashboard': DefineComponent<VueProps<'ip-dashboard'>>;
    'ip-biomarker-card': DefineComponent<VueProps<'ip-biomarker-card'>>;
    'ip-metric-gauge': DefineComponent<VueProps<'ip-metric-gauge'>>;
  }
}
