/**
 * `npm run bench`: serves the demo pages on the sandbox, loads each in headless Chromium and
 * prints what a page downloads from the kit (gzip -9 bytes) and how many requests it makes,
 * next to the targets from the issues. Writes bench-output/bench.json too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startSandbox } from '../demo/sandbox/index.js';
import { launch } from '../test/helpers/browser.js';

interface Row {
  measure: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean | null;
}

const PAGES = [
  { name: 'face scan only (/scan.html)', path: '/scan.html', targetBytes: 15_000 },
  { name: 'full demo (/)', path: '/', targetBytes: null },
];

const sandbox = await startSandbox();
const browser = await launch();
const rows: Row[] = [];
try {
  for (const { name, path, targetBytes } of PAGES) {
    const page = await browser.newPage();
    const kit: Promise<number>[] = [];
    let requests = 0;
    page.on('request', () => requests++);
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/assets/')) {
        kit.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
      }
    });
    await page.goto(sandbox.host.url + path);
    await page.waitForLoadState('networkidle');
    const bytes = (await Promise.all(kit)).reduce((a, b) => a + b, 0);
    rows.push({
      measure: `kit JS, ${name}`,
      value: bytes,
      unit: 'gzip bytes',
      target: targetBytes ? `< ${targetBytes}` : '—',
      ok: targetBytes ? bytes < targetBytes : null,
    });
    rows.push({
      measure: `requests, ${name}`,
      value: requests,
      unit: 'requests',
      target: '—',
      ok: null,
    });
    await page.close();
  }
} finally {
  await browser.close();
  await sandbox.close();
}

const width = Math.max(...rows.map((r) => r.measure.length));
console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(8)}  unit         target     ok`);
for (const r of rows) {
  const ok = r.ok === null ? '' : r.ok ? 'yes' : 'NO';
  console.log(
    `${r.measure.padEnd(width)}  ${String(r.value).padStart(8)}  ${r.unit.padEnd(11)}  ${r.target.padEnd(9)}  ${ok}`,
  );
}
mkdirSync('bench-output', { recursive: true });
writeFileSync(
  'bench-output/bench.json',
  JSON.stringify({ date: new Date().toISOString(), rows }, null, 2),
);
console.log('\nwritten: bench-output/bench.json');
