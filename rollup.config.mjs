// Builds the classic-<script> bundle, dist/intelliprove-widgets.js, from the ESM that tsc
// emitted into dist/. chart.js stays out of it: the gauge and trend chart parts are chunks
// under dist/chunks/ that the bundle imports only when such an element renders.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/** A classic script cannot contain import/export statements: fail the build if it does. */
function classicScriptGuard() {
  return {
    name: 'classic-script-guard',
    generateBundle(_options, bundle) {
      const entry = bundle['intelliprove-widgets.js'];
      if (!entry || entry.type !== 'chunk') this.error('entry chunk missing');
      if (entry.imports.length > 0 || entry.exports.length > 0) {
        this.error(
          `intelliprove-widgets.js must be a classic script, but it imports ${entry.imports.join(', ')} ` +
            `and exports ${entry.exports.join(', ')}: a lazy chunk shares code with the entry.`,
        );
      }
    },
  };
}

export default {
  input: { 'intelliprove-widgets': 'dist/script-tag.js' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // Lexical scope of its own, so that including the script twice cannot clash.
    banner: (chunk) => (chunk.isEntry ? "(function(){'use strict';" : ''),
    footer: (chunk) => (chunk.isEntry ? '})();' : ''),
  },
  plugins: [
    nodeResolve({ browser: true }),
    terser({ format: { comments: false } }),
    classicScriptGuard(),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
