// The manifest, the editor data and the framework typings say what the sources say: each event
// with the detail type IpEventDetailMap gives it, each attribute of each element. Reads the build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

interface Declaration {
  name: string;
  tagName?: string;
  attributes?: { name: string; fieldName: string; expandedType?: { text: string } }[];
  events?: { name: string; type: { text: string } }[];
}

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const manifest = JSON.parse(read('custom-elements.json')) as {
  modules: { declarations?: Declaration[] }[];
};
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

/** IpEventDetailMap, as written in src/core/events.ts: event name → detail type. */
const eventMap = new Map(
  [
    ...read('src/core/events.ts')
      .match(/interface IpEventDetailMap \{[\s\S]*?\n\}/)![0]
      .matchAll(/'(ip-[a-z-]+)': (\w+);/g),
  ].map((m) => [m[1]!, m[2]!]),
);

const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The body of `type <name> = { … };` in a generated file. */
function typeBody(text: string, name: string): string {
  const start = text.indexOf(`type ${name} = {`);
  assert.ok(start >= 0, `no type ${name}`);
  return text.slice(start, text.indexOf('\n};', start));
}

describe('custom-elements.json and IpEventDetailMap', () => {
  it('has every event of the map, each fired by some element', () => {
    assert.ok(eventMap.size >= 6);
    const fired = new Set(elements.flatMap((e) => e.events ?? []).map((e) => e.name));
    assert.deepEqual(
      [...eventMap.keys()].filter((name) => !fired.has(name)),
      [],
    );
  });

  it('types each event of each element with its detail type from the map', () => {
    for (const element of elements)
      for (const event of element.events ?? [])
        assert.equal(event.type.text, eventMap.get(event.name), `${element.tagName} ${event.name}`);
  });

  it('resolves attribute types for the editors: unions of literals, suggestions for strings', () => {
    const card = elements.find((e) => e.tagName === 'ip-biomarker-card')!;
    const type = (name: string) =>
      card.attributes!.find((a) => a.name === name)!.expandedType!.text;
    assert.equal(type('unit-system'), "'metric' | 'imperial'");
    assert.equal(type('credentials'), "'include' | 'omit' | 'same-origin'");
    assert.equal(type('history'), 'number');
    assert.equal(type('lang'), "'en' | 'nl' | 'fr' | 'da' | 'sv' | string");
    assert.equal(type('token-endpoint'), 'string');
  });
});

describe('the editor data', () => {
  const vscode = JSON.parse(read('dist/vscode.html-custom-data.json')) as {
    tags: { name: string; attributes: { name: string; values?: { name: string }[] }[] }[];
  };
  const webTypes = JSON.parse(read('dist/web-types.json')) as {
    contributions: {
      html: {
        elements: { name: string; attributes: { name: string; value: { type: string } }[] }[];
      };
    };
  };

  for (const element of elements) {
    it(`<${element.tagName}>: each attribute's values (VS Code) and type (JetBrains)`, () => {
      const tag = vscode.tags.find((t) => t.name === element.tagName)!;
      const web = webTypes.contributions.html.elements.find((e) => e.name === element.tagName)!;
      for (const { name, expandedType } of element.attributes ?? []) {
        const literals = [...expandedType!.text.matchAll(/'([^']+)'/g)].map((m) => m[1]);
        const values =
          tag.attributes.find((a) => a.name === name)!.values?.map((v) => v.name) ?? [];
        assert.deepEqual(values, literals, name);
        assert.equal(web.attributes.find((a) => a.name === name)!.value.type, expandedType!.text);
      }
    });
  }
});

describe('the framework typings', () => {
  const react = read('dist/react.d.ts');
  const vue = read('dist/vue.d.ts');

  for (const element of elements) {
    it(`React 19 (dist/react.d.ts): <${element.tagName}> attributes as written, onip-…`, () => {
      const props = typeBody(react, `${element.name}Props`);
      for (const { name, fieldName } of element.attributes ?? []) {
        const key = name.includes('-') ? `"${name}"` : name;
        assert.ok(props.includes(`${key}?: ${element.name}["${fieldName}"];`), name);
      }
      for (const { name, type } of element.events ?? [])
        assert.ok(props.includes(`"on${name}"?: (e: CustomEvent<${type.text}>) => void;`), name);
    });

    it(`Vue (dist/vue.d.ts): <${element.tagName}> props and listeners as vue-tsc looks them up`, () => {
      const props = typeBody(vue, `${element.name}Props`);
      for (const { fieldName } of element.attributes ?? [])
        assert.ok(props.includes(`${fieldName}?: ${element.name}["${fieldName}"];`), fieldName);
      for (const { name, type } of element.events ?? []) {
        const listener = `on${camel(`-${name}`)}?: (e: CustomEvent<${type.text}>) => void;`;
        assert.ok(props.includes(listener), listener);
      }
    });
  }

  it('register the tags: Vue GlobalComponents, React JSX.IntrinsicElements', () => {
    assert.match(
      vue,
      /declare module "vue" \{\s+\/\/[^\n]*\n\s+interface GlobalComponents extends CustomElements/,
    );
    assert.match(
      react,
      /declare module 'react' \{\s+namespace JSX \{\s+interface IntrinsicElements/,
    );
  });
});
