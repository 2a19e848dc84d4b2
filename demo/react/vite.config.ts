import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig(({ command, mode }) => {
  // `npm run build:dev` (NODE_ENV=development vite build --mode development) makes a second
  // bundle with React's development build, where <StrictMode> mounts every component twice;
  // it lives in dist/dev/ and is meant to be served at /react/dev/.
  const devBuild = command === 'build' && mode === 'development';
  return {
    // Served at /react/ by the demo host.
    base: devBuild ? '/react/dev/' : '/react/',
    plugins: [react()],
    build: {
      outDir: devBuild ? 'dist/dev' : 'dist',
      // React's development build is larger than Vite's 500 kB warning threshold.
      chunkSizeWarningLimit: devBuild ? 1000 : 500,
      // The host's CSP (script-src 'self') forbids inline scripts, so no inline polyfill.
      modulePreload: { polyfill: false },
    },
  };
});
