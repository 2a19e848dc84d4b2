/**
 * `npm run screenshots`: the README's pictures, from the demo on the sandbox, in headless
 * Chromium. Waits for every element to be ready and every animation to end.
 */
import { startSandbox } from '../demo/sandbox/index.js';
import { launch } from '../test/helpers/browser.js';

const sandbox = await startSandbox();
const browser = await launch();
const settle = async (page: import('playwright-core').Page) => {
  await page.waitForFunction(() =>
    [
      ...document.querySelectorAll(
        'ip-face-scan, ip-dashboard, ip-biomarker-card, ip-metric-gauge, ip-recommendations',
      ),
    ].every((el) => el.getAttribute('status') === 'ready' || el.getAttribute('status') === 'empty'),
  );
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1200); // chart and plug-in animations
};
try {
  for (const [path, file, width] of [
    ['/', 'docs/demo.png', 1280],
    ['/theme.html', 'docs/theming.png', 1280],
    ['/nl.html', 'docs/results-nl.png', 1000],
    ['/recommendations.html', 'docs/recommendations.png', 1100],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(sandbox.host.url + path);
    await settle(page);
    // Off-screen cross-origin frames are not painted: make the whole page the viewport.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: file });
    console.log(`written: ${file}`);
    await page.close();
  }
  // The gauge in light, dark and a brand theme, and at 200 % zoom (twice the pixels per CSS px).
  for (const [scale, file] of [
    [1, 'docs/gauge-themes.png'],
    [2, 'docs/gauge-zoom.png'],
  ] as const) {
    const page = await browser.newPage({
      viewport: { width: 900, height: 1200 },
      deviceScaleFactor: scale,
    });
    await page.goto(`${sandbox.host.url}/gauge.html`);
    await settle(page);
    const target =
      scale === 1 ? page.locator('main') : page.locator('#dark ip-metric-gauge').first();
    await target.screenshot({ path: file });
    console.log(`written: ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await sandbox.close();
}
