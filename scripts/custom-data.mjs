// Editor data from custom-elements.json, written by the build beside it in dist/:
// - dist/vscode.html-custom-data.json for VS Code ("html.customData"),
// - dist/web-types.json for JetBrains IDEs (found through package.json "web-types").
import { readFileSync, writeFileSync } from 'node:fs';
import { LANGUAGES, UNIT_SYSTEMS } from '../dist/protocol/contract.js';

const root = new URL('..', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

/** The names a description lists in backticks, e.g. "Which metric: `a`, `b` or `c`.". */
const listed = (text = '') => [...text.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]);

/** Attribute → the values it takes, where they are a closed list. */
const VALUES = {
  lang: () => LANGUAGES,
  'unit-system': () => UNIT_SYSTEMS,
  credentials: () => ['same-origin', 'include', 'omit'],
  provider: () => ['intelliprove', 'sahha'],
  status: () => ['idle', 'loading', 'ready', 'empty', 'error'],
  biomarker: (attribute) => listed(attribute.description),
  metric: (attribute) => listed(attribute.description),
};

/** Attributes whose values are exactly the listed ones. */
const CLOSED = new Set(['unit-system', 'credentials', 'status']);

const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName)
  .map((declaration) => ({
    tag: declaration.tagName,
    description: declaration.summary?.replace(/\s+/g, ' ') ?? '',
    attributes: (declaration.attributes ?? []).map((attribute) => ({
      name: attribute.name,
      description: attribute.description ?? '',
      type: attribute.type?.text ?? 'string',
      values: VALUES[attribute.name]?.(attribute) ?? [],
    })),
    events: (declaration.events ?? []).map((event) => ({
      name: event.name,
      description: event.description ?? '',
    })),
  }));

const vscode = {
  version: 1.1,
  tags: elements.map((element) => ({
    name: element.tag,
    description: element.description,
    attributes: element.attributes.map((attribute) => ({
      name: attribute.name,
      description: attribute.description,
      ...(attribute.values.length ? { values: attribute.values.map((name) => ({ name })) } : {}),
      ...(attribute.type === 'boolean' ? { valueSet: 'v' } : {}),
    })),
  })),
};

const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: 'intelliprove-widgets',
  version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((element) => ({
        name: element.tag,
        description: element.description,
        attributes: element.attributes.map((attribute) => ({
          name: attribute.name,
          description: attribute.description,
          // A closed list only where nothing else is valid: `lang="nl-BE"` and Sahha's
          // `biomarker="steps"` are fine, so those lists stay suggestions (VS Code's values).
          value: CLOSED.has(attribute.name)
            ? { type: attribute.values.map((v) => `'${v}'`).join(' | ') }
            : { type: attribute.type.replace(/ \| undefined$/, '') },
        })),
        events: element.events,
      })),
    },
  },
};

writeFileSync(new URL('dist/vscode.html-custom-data.json', root), JSON.stringify(vscode, null, 2));
writeFileSync(new URL('dist/web-types.json', root), JSON.stringify(webTypes, null, 2));
