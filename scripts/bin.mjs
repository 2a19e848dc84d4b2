// The package's bin (dist/doctor/cli.js) is executable as built, so that `npx intelliprove-widgets`
// runs it in this repository too (npm makes it executable when it installs the package).
import { chmodSync, readFileSync } from 'node:fs';

const BIN = new URL('../dist/doctor/cli.js', import.meta.url);
if (!readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')) {
  console.error('dist/doctor/cli.js has lost its #!/usr/bin/env node line.');
  process.exit(1);
}
chmodSync(BIN, 0o755);
