// The script-tag build: one rollup build from the ESM that tsc emitted into dist/, with shared
// chunks, so that on any page every module loads once — one copy of Lit, of the kit's core and
// of chart.js, whatever elements the page has and in whatever order they appear.
// - dist/intelliprove-widgets.js: the loader, a classic script (it imports nothing; the rest
//   comes with import());
// - dist/chunks/: the elements, what they share, each language's texts, the trend chart, the
//   Sahha provider — as rollup splits them by who uses what.
// Every import() is rewritten to fetch the chunks its target imports at the same time, so no
// chunk waits for another to learn what it needs. The loader's imports take absolute URLs, and
// its integrity value is written beside it, so that it can be served from a CDN.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const ENTRY = 'intelliprove-widgets.js';

/** A classic script cannot contain import/export statements: fail the build if it does. */
function classicScriptGuard() {
  return {
    name: 'classic-script-guard',
    generateBundle(_options, bundle) {
      const entry = bundle[ENTRY];
      if (!entry || entry.type !== 'chunk') this.error('entry chunk missing');
      if (entry.imports.length > 0 || entry.exports.length > 0) {
        this.error(
          `${ENTRY} must be a classic script, but it imports ${entry.imports.join(', ')} or exports code.`,
        );
      }
    },
  };
}

/**
 * `import("./x.js")` becomes `(import("./a.js").catch(…), …, import("./x.js"))`: the chunks x
 * imports (all the way down), fetched together with x instead of one level after another.
 * Chunks the importing chunk has already loaded are left out.
 */
function fetchTogether() {
  return {
    name: 'fetch-together',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const below = (name, seen = new Set()) => {
        for (const dep of byName.get(name)?.imports ?? []) {
          if (!seen.has(dep)) {
            seen.add(dep);
            below(dep, seen);
          }
        }
        return seen;
      };
      for (const chunk of chunks) {
        const loaded = below(chunk.fileName);
        const dir = posix.dirname(chunk.fileName);
        chunk.code = chunk.code.replace(/import\((["'])(\.{1,2}\/[^"']+)\1\)/g, (call, q, spec) => {
          const target = posix.normalize(posix.join(dir, spec));
          if (!byName.has(target)) return call;
          const extra = [...below(target)].filter(
            (dep) => !loaded.has(dep) && dep !== chunk.fileName,
          );
          if (!extra.length) return call;
          const relative = (file) => {
            const path = posix.relative(dir, file);
            return path.startsWith('.') ? path : `./${path}`;
          };
          const ahead = extra.map((dep) => `import(${q}${relative(dep)}${q}).catch(()=>{})`);
          return `(${[...ahead, call].join(',')})`;
        });
      }
    },
  };
}

/**
 * A classic script from another origin without `crossorigin` has its errors muted, and its
 * import() calls resolve against about:blank, not against its URL: the loader's relative
 * `import("./chunks/x.js")` would fail on a CDN. So they resolve against the script's own `src`,
 * read while it runs (`document.currentScript`). Where that is unknown (no such script) they
 * stay relative, which works on the script's own origin and with `crossorigin`.
 */
function importsFromOwnUrl() {
  const URL_OF = '__ipChunkUrl'; // never a name terser gives, so nothing inside shadows it
  return {
    name: 'imports-from-own-url',
    generateBundle(_options, bundle) {
      const entry = bundle[ENTRY];
      if (entry.code.includes(URL_OF)) this.error(`${ENTRY} already uses the name ${URL_OF}`);
      const code = entry.code.replace(
        /import\((["'])(\.\/[^"']+)\1\)/g,
        (_call, q, spec) => `import(${URL_OF}(${q}${spec}${q}))`,
      );
      const own = "typeof document<'u'&&document.currentScript&&document.currentScript.src";
      entry.code =
        `(function(${URL_OF}){${code.trimEnd()}})(function(base){` +
        `return function(path){return base?new URL(path,base).href:path}}(${own}));\n`;
    },
  };
}

/**
 * `intelliprove-widgets.js.sri`: the loader's Subresource Integrity value (sha384), beside it,
 * for `<script integrity="…" crossorigin="anonymous">`. Only the loader can carry one: its
 * chunks come with import(). Last of the plugins, so it hashes the code as written.
 */
function integrity() {
  return {
    name: 'integrity',
    generateBundle(_options, bundle) {
      const digest = createHash('sha384').update(bundle[ENTRY].code).digest('base64');
      this.emitFile({ type: 'asset', fileName: `${ENTRY}.sri`, source: `sha384-${digest}\n` });
    },
  };
}

/**
 * What every page shares goes in three chunks, not in one per combination of users: Lit and the
 * core (every element), the plug-in embeds' common part, and the data elements' common part.
 * Each element, each language, the trend chart and the Sahha provider stay chunks of their own.
 */
function manualChunks(id) {
  // Lit, but its directives: they go with the elements that use them.
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/(?!directive)/.test(id))
    return 'kit';
  // The names of the health data are the data elements' (the embeds never need them).
  if (/\/dist\/protocol\/health\.js$/.test(id)) return 'data';
  if (/\/dist\/(core|protocol)\//.test(id) || /\/dist\/entries\/page\.js$/.test(id)) return 'kit';
  if (/\/dist\/i18n\/(translate|localizer|locales\/en)\.js$/.test(id)) return 'kit'; // the texts all share
  if (/\/dist\/embeds\/[^/]+\.js$/.test(id)) return 'embeds';
  if (/\/node_modules\/@lit\/task\//.test(id)) return 'data';
  // The data layer, not a provider's biomarkers or scores (those go with the card or the gauge).
  if (/\/dist\/data\/([^/]+|providers\/(index|checks|types|intelliprove\/base))\.js$/.test(id))
    return 'data';
  return undefined;
}

export default {
  input: { 'intelliprove-widgets': 'dist/entries/script-tag.js' },
  preserveEntrySignatures: false,
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    manualChunks,
    // The entry gets a lexical scope of its own, so that including the script twice cannot clash.
    banner: (chunk) => (chunk.isEntry ? "(function(){'use strict';" : ''),
    footer: (chunk) => (chunk.isEntry ? '})();' : ''),
  },
  // Lit's html`` and css`` templates are minified too (whitespace, comments).
  plugins: [
    minifyHTML(),
    nodeResolve({ browser: true }),
    terser({ format: { comments: false }, compress: { passes: 2 } }),
    fetchTogether(),
    importsFromOwnUrl(),
    classicScriptGuard(),
    integrity(),
  ],
  onwarn: (warning, warn) => warning.code !== 'THIS_IS_UNDEFINED' && warn(warning),
};
