// Builds the script-tag bundle from the ESM that tsc emitted into dist/, as separate builds
// so that each file is self-contained and tree-shaken for what it does:
// - dist/intelliprove-widgets.js: a small classic script (data-* defaults + the loader);
// - dist/chunks/embeds.js: <ip-face-scan> and <ip-dashboard>, with Lit and the core;
// - dist/chunks/data.js: <ip-biomarker-card> and <ip-metric-gauge>, with Lit and the core,
//   and cards.js / gauges.js with one of them, for pages that have only that one;
// - dist/chunks/gauge-chart.js, trend-chart.js: the chart.js parts each chart draws with;
// - dist/chunks/<lang>-*.js: the texts of each language but English.
// A page downloads only what its elements need; the chunks share page-wide state through
// global symbols, not through modules.
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const SEPARATE = {
  'families/embeds': 'embeds',
  'families/data': 'data',
  'families/cards': 'cards',
  'families/gauges': 'gauges',
  'core/charts/gauge-chart': 'gauge-chart',
  'core/charts/trend-chart': 'trend-chart',
};
const separate = (id) => Object.keys(SEPARATE).find((path) => id.endsWith(`/${path}.js`));
// Other builds' files are imported from dist/chunks/ under fixed names.
const external = (own) => (id) => separate(id) !== undefined && separate(id) !== own;
/** Import paths to the separate files, relative to where the importing file is written. */
const pathsFrom = (folder) => (id) => (separate(id) ? `${folder}${SEPARATE[separate(id)]}.js` : id);

/** A classic script cannot contain import/export statements: fail the build if it does. */
function classicScriptGuard() {
  return {
    name: 'classic-script-guard',
    generateBundle(_options, bundle) {
      const entry = bundle['intelliprove-widgets.js'];
      if (!entry || entry.type !== 'chunk') this.error('entry chunk missing');
      if (entry.imports.length > 0 || entry.exports.length > 0) {
        this.error(
          `intelliprove-widgets.js must be a classic script, but it imports or exports code.`,
        );
      }
    },
  };
}

// Lit's html`` and css`` templates are minified too (whitespace, comments).
const plugins = [
  minifyHTML(),
  nodeResolve({ browser: true }),
  terser({ format: { comments: false }, compress: { passes: 2 } }),
];
const onwarn = (warning, warn) => warning.code !== 'THIS_IS_UNDEFINED' && warn(warning);

export default [
  {
    input: { 'intelliprove-widgets': 'dist/script-tag.js' },
    external: external(undefined),
    output: {
      dir: 'dist',
      format: 'es',
      paths: pathsFrom('./chunks/'),
      // Lexical scope of its own, so that including the script twice cannot clash.
      banner: "(function(){'use strict';",
      footer: '})();',
    },
    plugins: [...plugins, classicScriptGuard()],
    onwarn,
  },
  ...Object.entries(SEPARATE).map(([path, name]) => ({
    input: { [name]: `dist/${path}.js` },
    external: external(path),
    // Lazy parts (the Sahha provider, other languages) import what they share from the entry
    // itself, instead of splitting the entry into a stub and a shared chunk.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/chunks',
      format: 'es',
      chunkFileNames: '[name]-[hash].js',
      paths: pathsFrom('./'),
    },
    plugins,
    onwarn,
  })),
];
