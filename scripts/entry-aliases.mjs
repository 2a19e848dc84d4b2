// CONTRACT §2 names the ESM entry dist/index.js and the server half dist/server.js; the build
// writes them from src/entries/ and src/server/ (one folder per subsystem), so this writes the
// two files under their contract names, as re-exports.
import { writeFileSync } from 'node:fs';

const root = new URL('../dist/', import.meta.url);
for (const [name, target] of [
  ['index', './entries/index.js'],
  ['server', './server/index.js'],
]) {
  const line = `export * from '${target}';\n`;
  writeFileSync(new URL(`${name}.js`, root), line);
  writeFileSync(new URL(`${name}.d.ts`, root), line);
}
