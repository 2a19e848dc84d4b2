import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  // Served at /vue/ by the demo host.
  base: '/vue/',
  plugins: [
    vue({
      template: {
        // <ip-*> are the kit's custom elements, not Vue components.
        compilerOptions: { isCustomElement: (tag) => tag.startsWith('ip-') },
      },
    }),
  ],
  build: {
    // The host's CSP (script-src 'self') forbids inline scripts, so no inline polyfill.
    modulePreload: { polyfill: false },
  },
});
