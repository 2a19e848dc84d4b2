// Importing the kit on a server (SSR, a Node build step) must not touch window or document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

describe('server-side imports', () => {
  it('imports every ESM module of the build without a DOM', async () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    // The build, not the sources: a computed path keeps the type-check independent of dist/.
    const dist = new URL('../../dist/', import.meta.url).href;
    const kit = await import(`${dist}index.js`);
    assert.equal(typeof kit.IpFaceScan, 'function');
    assert.equal(typeof kit.configure, 'function');
    for (const path of [
      'embeds/face-scan/face-scan',
      'embeds/dashboard/dashboard',
      'data/biomarker-card/biomarker-card',
      'data/metric-gauge/metric-gauge',
      'data/recommendations/recommendations',
    ]) {
      const name = path.split('/').pop()!;
      const module = await import(`${dist}${path}.js`);
      assert.ok(
        Object.values(module).some((value) => typeof value === 'function'),
        name,
      );
    }
    const server = await import(`${dist}server.js`);
    assert.equal(typeof server.createTokenHandler, 'function');
    assert.doesNotThrow(() => kit.clearSession());
  });

  it('imports the script-tag entry by its package name, and it does nothing', async () => {
    // As a server build would: through package.json "exports" (self-reference).
    const name = 'intelliprove-widgets/intelliprove-widgets.js';
    await import(name);
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  });

  it('keeps the version constant equal to package.json', async () => {
    const { VERSION } = await import('../../src/core/version.js');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(VERSION, pkg.version);
  });
});
