// What integrators' tools read: the Custom Elements Manifest and the published typings.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  members?: { kind: string; name: string; privacy?: string }[];
}

const manifest = JSON.parse(
  readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'),
) as {
  modules: { declarations?: Declaration[] }[];
};
const elements = new Map(
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .map((d) => [d.tagName!, d]),
);
const names = (list?: { name: string }[]) => (list ?? []).map((x) => x.name).sort();

describe('custom-elements.json', () => {
  const common = ['api-base', 'credentials', 'lang', 'status', 'token-endpoint'];
  const expected: Record<string, { attributes: string[]; events: string[]; method: string }> = {
    'ip-face-scan': {
      attributes: [...common, 'allowed-origins'],
      events: ['ip-dismiss', 'ip-error', 'ip-ready', 'ip-scan-complete', 'ip-stage'],
      method: 'restart',
    },
    'ip-dashboard': {
      attributes: [...common, 'allowed-origins', 'disabled-sections'],
      events: ['ip-error', 'ip-ready', 'ip-stage'],
      method: 'reload',
    },
    'ip-biomarker-card': {
      attributes: [...common, 'biomarker', 'face-scan-id', 'history', 'provider', 'unit-system'],
      events: ['ip-error', 'ip-load'],
      method: 'reload',
    },
    'ip-metric-gauge': {
      attributes: [...common, 'details', 'metric', 'provider'],
      events: ['ip-error', 'ip-load'],
      method: 'reload',
    },
    'ip-recommendations': {
      attributes: [...common, 'limit', 'provider', 'related-metric'],
      events: ['ip-error', 'ip-load'],
      method: 'reload',
    },
  };

  it('lists all five elements', () => {
    assert.deepEqual([...elements.keys()].sort(), Object.keys(expected).sort());
  });

  for (const [tag, want] of Object.entries(expected)) {
    it(`describes <${tag}>: attributes, events and methods`, () => {
      const element = elements.get(tag)!;
      // Exactly these: internal state (`{ state: true }`) has no attribute.
      assert.deepEqual(names(element.attributes), [...want.attributes].sort());
      assert.deepEqual(names(element.events), want.events);
      assert.ok(
        element.members?.some((m) => m.kind === 'method' && m.name === want.method && !m.privacy),
      );
    });
  }
});

describe('editor data', () => {
  const read = (name: string) =>
    JSON.parse(readFileSync(new URL(`../../dist/${name}`, import.meta.url), 'utf8'));

  it('VS Code custom data has each element with the attributes of the manifest', () => {
    const data = read('vscode.html-custom-data.json') as {
      tags: { name: string; attributes: { name: string; values?: { name: string }[] }[] }[];
    };
    assert.deepEqual(data.tags.map((t) => t.name).sort(), [...elements.keys()].sort());
    for (const tag of data.tags)
      assert.deepEqual(names(tag.attributes), names(elements.get(tag.name)!.attributes));
    const card = data.tags.find((t) => t.name === 'ip-biomarker-card')!;
    const values = (name: string) =>
      card.attributes.find((a) => a.name === name)!.values!.map((v) => v.name);
    assert.deepEqual(values('unit-system'), ['metric', 'imperial']);
    assert.ok(values('biomarker').includes('blood_pressure'));
    assert.deepEqual(values('lang'), ['en', 'nl', 'fr', 'da', 'sv']);
    const recommendations = data.tags.find((t) => t.name === 'ip-recommendations')!;
    const metrics = recommendations.attributes.find((a) => a.name === 'related-metric')!.values!;
    assert.ok(metrics.some((v) => v.name === 'sleep_quality'));
  });

  it('web-types (JetBrains) has each element with its attributes and events', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(pkg['web-types'], './dist/web-types.json');
    const data = read('web-types.json') as {
      contributions: {
        html: {
          elements: { name: string; attributes: { name: string }[]; events: { name: string }[] }[];
        };
      };
    };
    for (const element of data.contributions.html.elements) {
      const declared = elements.get(element.name)!;
      assert.deepEqual(names(element.attributes), names(declared.attributes));
      assert.deepEqual(names(element.events), names(declared.events));
    }
    assert.equal(data.contributions.html.elements.length, 5);
  });
});

describe('published typings', () => {
  it('type-check querySelector(...).restart() and typed event listeners', () => {
    // Incremental (test/types/tsconfig.json): tsc keeps what it checked in node_modules/.cache
    // and checks again what changed, by content, in dist/ or usage.ts; a warm run takes 1.5 s
    // of CPU instead of 5.
    const project = new URL('../types/tsconfig.json', import.meta.url).pathname;
    try {
      execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], {
        encoding: 'utf8',
      });
    } catch (error) {
      assert.fail(`tsc reported:\n${(error as { stdout?: string }).stdout}`);
    }
  });
});
