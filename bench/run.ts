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
      const url = new URL(response.url());
      if (url.origin === sandbox.host.url && url.pathname.startsWith('/assets/')) {
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
  // Insertion → iframe src (median of 25). The kit's own share is that time minus the token
  // request as the page sees it, from fetch() until its body is read; the total includes it.
  const page = await browser.newPage();
  await page.goto(`${sandbox.host.url}/scan.html`);
  await page.evaluate('window.__name = (f) => f'); // esbuild's keep-names helper, for serialised code
  const timings = await page.evaluate(async () => {
    document.querySelector('ip-face-scan')?.remove();
    let fetchAt = 0;
    let bodyAt = 0;
    let srcAt = 0;
    const isToken = (url: string) => url.endsWith('/api/ip-token');
    const realFetch = window.fetch;
    window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
      if (isToken(String(input))) fetchAt = performance.now();
      return realFetch.call(this, input, init);
    };
    const realText = Response.prototype.text;
    Response.prototype.text = function (this: Response) {
      const text = realText.call(this);
      return isToken(this.url) ? text.then((t) => ((bodyAt = performance.now()), t)) : text;
    };
    const realSet = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
      if (this instanceof HTMLIFrameElement && name === 'src' && !srcAt) srcAt = performance.now();
      return realSet.call(this, name, value);
    };
    const own: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < 25; i++) {
      srcAt = 0;
      const el = document.createElement('ip-face-scan');
      const start = performance.now();
      document.body.append(el);
      while (!srcAt) await new Promise((resolve) => setTimeout(resolve, 1));
      own.push(srcAt - start - (bodyAt - fetchAt));
      total.push(srcAt - start);
      el.remove();
    }
    const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
    return { own: median(own), total: median(total) };
  });
  rows.push({
    measure: 'insertion → iframe src, kit time beyond the token request (median of 25)',
    value: Math.round(timings.own * 100) / 100,
    unit: 'ms',
    target: '< 5',
    ok: timings.own < 5,
  });
  rows.push({
    measure: 'insertion → iframe src, total with the sandbox token endpoint (median)',
    value: Math.round(timings.total * 100) / 100,
    unit: 'ms',
    target: '—',
    ok: null,
  });
  await page.close();
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
