// The layout shows the architecture (STYLE.md): folders are subsystems, imports run one way —
// entries → embeds, data → charts, i18n, units → core → protocol — and nothing imports in a
// circle. The server imports only protocol/; the doctor (a Node CLI) the server, core and protocol. Read from the sources, so a new import that
// breaks the rule fails here.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
/** Each folder's level: a module may import its own folder and any folder of a higher level. */
const LEVEL: Record<string, number> = {
  entries: 0,
  embeds: 1,
  data: 1,
  charts: 2,
  i18n: 2,
  units: 2,
  core: 3,
  protocol: 4,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of `file` (static, dynamic and `export … from`), as source paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)];
  return specs.map((m) => normalize(join(dirname(file), m[1]!.replace(/\.js$/, '.ts'))));
}

const folderOf = (file: string) => relative(SRC, file).split('/')[0]!;
const files = sources(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('source layout', () => {
  it('has only the subsystem folders at the top of src/', () => {
    const folders = new Set(files.map(folderOf));
    assert.deepEqual([...folders].sort(), [...Object.keys(LEVEL), 'server', 'doctor'].sort());
  });

  it('imports only what exists', () => {
    for (const [file, imports] of graph)
      for (const target of imports)
        assert.ok(graph.has(target), `${relative(SRC, file)} imports missing ${target}`);
  });

  it('runs imports one way: down the levels, never up or across', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      const from = folderOf(file);
      for (const target of imports) {
        const to = folderOf(target);
        const ok =
          from === to ||
          (from === 'server'
            ? to === 'protocol'
            : from === 'doctor'
              ? ['server', 'core', 'protocol'].includes(to)
              : to !== 'server' && to !== 'doctor' && LEVEL[to]! > LEVEL[from]!) ||
          // charts, i18n and units are one level: they may use each other (without a cycle).
          (LEVEL[from] === 2 && LEVEL[to] === 2);
        if (!ok) wrong.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push(
          [...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '),
        );
        return;
      }
      state.set(file, 'open');
      path.push(file);
      for (const target of graph.get(file) ?? []) visit(target);
      path.pop();
      state.set(file, 'done');
    };
    for (const file of files) visit(file);
    assert.deepEqual(cycles, []);
  });
});
