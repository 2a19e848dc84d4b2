// cspFor: the directives the kit needs, added to a page's own; and the README's policy block,
// which is its answer (one source).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cspFor } from '../../src/server/index.js';

describe('cspFor', () => {
  it('gives what the kit needs on a page of its own origin', () => {
    const { directives, header } = cspFor();
    assert.deepEqual(directives, {
      'script-src': ["'self'"],
      'connect-src': ["'self'", 'https://engine.intelliprove.com'],
      'frame-src': ['https://*.intelliprove.com'],
    });
    assert.equal(
      header,
      "script-src 'self'; connect-src 'self' https://engine.intelliprove.com; frame-src https://*.intelliprove.com",
    );
  });

  it('takes the CDN folder, the API bases of each provider, allowed origins and cross-origin token endpoints', () => {
    const { directives } = cspFor({
      kitOrigin: 'https://cdn.example/npm/intelliprove-widgets@1.2.3/dist/intelliprove-widgets.js',
      apiBase: {
        intelliprove: 'https://eu.engine.example/v2',
        sahha: 'https://sandbox-api.sahha.ai',
      },
      allowedOrigins: 'https://plugins.example, https://other.example',
      providers: ['intelliprove', 'sahha'],
      tokenEndpoints: ['https://auth.example/api/ip-token'],
    });
    assert.deepEqual(directives['script-src'], [
      'https://cdn.example/npm/intelliprove-widgets@1.2.3/dist/',
    ]);
    assert.deepEqual(directives['connect-src'], [
      "'self'",
      'https://auth.example',
      'https://eu.engine.example',
      'https://sandbox-api.sahha.ai',
    ]);
    assert.deepEqual(directives['frame-src'], [
      'https://*.intelliprove.com',
      'https://plugins.example',
      'https://other.example',
    ]);
  });

  it('gives a Sahha-only page no frames and Sahha’s default API', () => {
    const { directives } = cspFor({ providers: ['sahha'] });
    assert.equal(directives['frame-src'], undefined);
    assert.deepEqual(directives['connect-src'], ["'self'", 'https://api.sahha.ai']);
  });

  it('keeps what the page allowed: a new directive starts from its fallback', () => {
    const { directives } = cspFor(
      {},
      {
        'default-src': ["'self'", 'https://cdn.example'],
        'script-src-elem': ["'self'", "'nonce-abc'"],
        'frame-src': ["'none'"],
        'connect-src': ["'self'"],
      },
    );
    // script-src-elem decides the kit's chunks: it gets the kit too; script-src starts from default-src.
    assert.deepEqual(directives['script-src-elem'], ["'self'", "'nonce-abc'"]);
    assert.deepEqual(directives['script-src'], ["'self'", 'https://cdn.example']);
    assert.deepEqual(directives['frame-src'], ['https://*.intelliprove.com']); // 'none' dropped
    assert.deepEqual(directives['connect-src'], ["'self'", 'https://engine.intelliprove.com']);
    assert.deepEqual(directives['default-src'], ["'self'", 'https://cdn.example']);
  });

  it("allows the recommendations' images from IntelliProve's CDN and its API, when the page has them", () => {
    assert.equal(cspFor().directives['img-src'], undefined);
    const production = cspFor({ recommendations: true }, { 'img-src': ["'self'"] }).directives;
    assert.deepEqual(production['img-src'], [
      "'self'",
      'https://*.intelliprove.com',
      'https://engine.intelliprove.com',
    ]);
    const sandbox = cspFor(
      { recommendations: true, apiBase: 'http://127.0.0.1:8081' },
      { 'default-src': ["'self'"] },
    ).directives;
    assert.deepEqual(sandbox['img-src'], [
      "'self'",
      'https://*.intelliprove.com',
      'http://127.0.0.1:8081',
    ]);
  });

  it("adds lit-html to the page's list of Trusted Types policies, and never starts one", () => {
    assert.equal(cspFor().directives['trusted-types'], undefined);
    const own = cspFor({}, { 'trusted-types': ['dompurify'] }).directives;
    assert.deepEqual(own['trusted-types'], ['dompurify', 'lit-html']);
    // On, with any policy name allowed: Vue's and DOMPurify's as well as Lit's.
    const on = cspFor({ requireTrustedTypes: true }).directives;
    assert.equal(on['trusted-types'], undefined);
    assert.deepEqual(on['require-trusted-types-for'], ["'script'"]);
  });

  it('is the policy the README shows', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /<!-- csp:begin[^>]*-->\s*```\n([\s\S]*?)```\s*<!-- csp:end -->/.exec(readme);
    assert.ok(block, 'the README has no csp:begin … csp:end block');
    const shown = block[1]!
      .replace(/^Content-Security-Policy:\s*/, '')
      .split(/;\s*/)
      .map((line) => line.trim())
      .filter(Boolean);
    const { header } = cspFor(
      { requireTrustedTypes: true },
      { 'default-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'] },
    );
    assert.deepEqual(shown, header.split('; '));
  });
});
