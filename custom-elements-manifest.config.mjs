// `cem analyze` writes custom-elements.json; from it, the integration plugins Shoelace uses write
// the editor data and the framework typings into dist/ (see `exports` in package.json):
//   vscode.html-custom-data.json (VS Code), web-types.json (JetBrains),
//   vue.d.ts (`intelliprove-widgets/vue`), react.d.ts (`intelliprove-widgets/react`).
// The events an element fires are the `this.emit('ip-…')` calls of its class and base classes,
// and the `host.emit('ip-…')` calls of the reactive controllers it holds;
// what each carries, and its description, is its entry in IpEventDetailMap (src/core/events.ts).
// What an attribute takes is its property's TypeScript type, aliases resolved.
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

const EVENTS_MODULE = 'src/core/events.ts';
const EVENT_MAP = 'IpEventDetailMap';
const OUTDIR = 'dist';

/** The sources as TypeScript sees them (bound: comments and types resolve). */
function program() {
  const config = ts.getParsedCommandLineOfConfigFile('tsconfig.build.json', {}, ts.sys);
  const sources = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  sources.getTypeChecker();
  return sources;
}

/** IpEventDetailMap: event name → the name of its detail type, and its description. */
function eventMap(source) {
  const map = source.statements.find(
    (s) => ts.isInterfaceDeclaration(s) && s.name.text === EVENT_MAP,
  );
  if (!map) throw new Error(`${EVENTS_MODULE} has no interface ${EVENT_MAP}.`);
  return new Map(
    map.members.map((member) => {
      const name = member.name.text;
      const type = member.type.getText(source);
      // The typings import it by name from the kit's entry.
      if (!/^[A-Z]\w*$/.test(type))
        throw new Error(`${EVENT_MAP}['${name}'] is \`${type}\`: give it a named, exported type.`);
      const description = ts.getJSDocCommentsAndTags(member).map((doc) => doc.comment ?? '');
      return [name, { type, description: description.join(' ').replace(/\s+/g, ' ').trim() }];
    }),
  );
}

/** `receiver.emit('…')` calls wherever in `node`: the class's own (`this`), or a controller's. */
function emittedEvents(tsModule, node, receivers = ['this']) {
  const names = [];
  const visit = (child) => {
    if (
      tsModule.isCallExpression(child) &&
      tsModule.isPropertyAccessExpression(child.expression) &&
      receivers.includes(child.expression.expression.getText()) &&
      child.expression.name.text === 'emit' &&
      tsModule.isStringLiteral(child.arguments[0])
    )
      names.push(child.arguments[0].text);
    tsModule.forEachChild(child, visit);
  };
  tsModule.forEachChild(node, visit);
  return names;
}

/**
 * The events the reactive controllers of a class fire for it: for each `new Controller(this, …)`
 * in its body, the controller class's `this.host.emit('…')` / `host.emit('…')` calls.
 */
function controllerEvents(sources, node) {
  const checker = sources.getTypeChecker();
  const names = [];
  const visit = (child) => {
    if (ts.isNewExpression(child) && child.arguments?.[0]?.kind === ts.SyntaxKind.ThisKeyword) {
      let symbol = checker.getSymbolAtLocation(child.expression);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      for (const declaration of symbol?.declarations ?? [])
        if (ts.isClassDeclaration(declaration))
          names.push(...emittedEvents(ts, declaration, ['this.host', 'host']));
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return names;
}

/**
 * Each event of a class as the map declares it, in the map's order. `emit(type, …)` dispatches
 * by a variable name, which the analyzer records as an event named after the variable: dropped.
 */
function declaredEvents(declaration, events) {
  const order = [...events.keys()];
  return (declaration.events ?? [])
    .flatMap((event) => {
      const declared = events.get(event.name);
      if (declared)
        return [{ ...event, type: { text: declared.type }, description: declared.description }];
      if (event.name?.startsWith('ip-'))
        throw new Error(`${declaration.name} fires ${event.name}: declare it in ${EVENT_MAP}.`);
      return [];
    })
    .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

/**
 * What an attribute takes, for the editors: `'a' | 'b'` for a union of string literals; for a
 * plain string, the words its description lists in backticks as suggestions, `'a' | 'b' | string`.
 */
function valueType(checker, type, description = '') {
  const members = (type.isUnion() ? type.types : [type]).filter(
    (t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)),
  );
  const literals = members.filter((t) => t.isStringLiteral()).map((t) => t.value);
  const open = members.some((t) => t.flags & ts.TypeFlags.String);
  if (open && !literals.length)
    literals.push(
      ...[...description.matchAll(/`([^`]+)`/g)]
        .flatMap((m) => m[1].split(/\s+/))
        .filter((word) => /^[a-z][a-z0-9_]*$/.test(word)),
    );
  if (!literals.length) return checker.typeToString(checker.getNonNullableType(type));
  return [...new Set(literals)].map((v) => `'${v}'`).join(' | ') + (open ? ' | string' : '');
}

function classNode(declaration, module, sources) {
  const node = sources
    .getSourceFile(module.path)
    ?.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === declaration.name);
  if (!node) throw new Error(`${declaration.name} not found in ${module.path}.`);
  return node;
}

/** Sets `expandedType` (read by the editor plugins) on each attribute of an element. */
function expandAttributeTypes(declaration, node, sources) {
  const checker = sources.getTypeChecker();
  const instance = checker.getTypeAtLocation(node);
  for (const attribute of declaration.attributes ?? []) {
    const property = instance.getProperty(attribute.fieldName);
    if (!property) continue;
    const type = checker.getTypeOfSymbolAtLocation(property, node);
    attribute.expandedType = { text: valueType(checker, type, attribute.description) };
  }
}

/** The plugins import a type once per element that uses it; TypeScript wants it once. */
const importOnce = (text) =>
  text.replace(/import type \{([^}]*)\} from "\.\/index\.js"/, (_, names) => {
    const unique = new Set(
      names
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    );
    return `import type { ${[...unique].join(', ')} } from './index.js'`;
  });

/** vue-tsc looks `unit-system` and `@ip-scan-complete` up as `unitSystem`, `onIpScanComplete`. */
const vueKeys = (text) => {
  const camel = (s) => s.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  return text
    .replace(/"on(ip-[a-z0-9-]+)"\?:/g, (_, event) => `on${camel(`-${event}`)}?:`)
    .replace(/"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"\?:/g, (_, attribute) => `${camel(attribute)}?:`);
};

/** React 19: each element's props from the plugin, and React's own, as JSX intrinsic elements. */
const reactElements = (text) => `import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${text}
type ReactElements = {
  [T in keyof CustomElements]: CustomElements[T] &
    DetailedHTMLProps<HTMLAttributes<HTMLElementTagNameMap[T]>, HTMLElementTagNameMap[T]>;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends ReactElements {}
  }
}
`;

/** A plugin that edits a file that an earlier plugin wrote. */
const rewrite = (file, ...edits) => ({
  name: `rewrite ${file}`,
  packageLinkPhase() {
    writeFileSync(
      file,
      edits.reduce((text, edit) => edit(text), readFileSync(file, 'utf8')),
    );
  },
});

/** The typings name the kit's own types, imported from its ESM entry beside them in dist/. */
const typings = { outdir: OUTDIR, globalTypePath: './index.js', hideLogs: true };

export default {
  // The elements, and the base class they inherit attributes, properties and events from.
  globs: ['src/embeds/*/*.ts', 'src/data/*/*.ts', 'src/core/ip-element.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer reads files in no fixed order: sorted, every build writes the same bytes
      // (and the framework apps, built from them, are rebuilt only when something changed).
      name: 'stable-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
    {
      name: 'events-from-emit-calls',
      analyzePhase({ ts: analyzerTs, node, moduleDoc }) {
        if (!analyzerTs.isClassDeclaration(node) || !node.name) return;
        const classDoc = moduleDoc.declarations?.find((d) => d.name === node.name.text);
        if (!classDoc) return;
        classDoc.events ??= [];
        for (const name of emittedEvents(analyzerTs, node))
          if (!classDoc.events.some((e) => e.name === name)) classDoc.events.push({ name });
      },
    },
    {
      // After the analyzer's own inheritance step: subclasses have their base classes' events.
      name: 'types-from-sources',
      packageLinkPhase({ customElementsManifest }) {
        const sources = program();
        const events = eventMap(sources.getSourceFile(EVENTS_MODULE));
        const fired = new Set();
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.kind !== 'class') continue;
            const node = classNode(declaration, module, sources);
            for (const name of controllerEvents(sources, node))
              if (!declaration.events?.some((e) => e.name === name))
                (declaration.events ??= []).push({ name });
            declaration.events = declaredEvents(declaration, events);
            // Internal reactive state ({ state: true }) has no attribute.
            const hidden = new Set(
              (declaration.members ?? [])
                .filter((m) => m.privacy === 'private' || m.privacy === 'protected')
                .map((m) => m.name),
            );
            declaration.attributes = declaration.attributes?.filter(
              (a) => !hidden.has(a.fieldName),
            );
            if (!declaration.tagName) continue;
            expandAttributeTypes(declaration, node, sources);
            for (const event of declaration.events) fired.add(event.name);
          }
        }
        const unfired = [...events.keys()].filter((name) => !fired.has(name));
        if (unfired.length)
          throw new Error(
            `${EVENT_MAP} declares ${unfired.join(', ')}, but no element's class (or base class, or ` +
              `controller) emits it.`,
          );
      },
    },
    customElementVsCodePlugin({
      outdir: OUTDIR,
      cssFileName: null,
      typesSrc: 'expandedType',
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({
      outdir: OUTDIR,
      packageJson: false,
      typesSrc: 'expandedType',
      hideLogs: true,
    }),
    customElementVuejsPlugin({ ...typings, fileName: 'vue.d.ts' }),
    rewrite(`${OUTDIR}/vue.d.ts`, importOnce, vueKeys),
    customElementJsxPlugin({ ...typings, fileName: 'react.d.ts' }),
    rewrite(`${OUTDIR}/react.d.ts`, importOnce, reactElements),
  ],
};
