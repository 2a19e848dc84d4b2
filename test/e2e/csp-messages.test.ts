// The page's CSP blocking the kit, said in the console: one message per cause, naming the
// directive and the value to add — for the kit's chunks, its requests (token endpoint, API),
// its plug-in frames and Lit's Trusted Types policy; and none for the page's other resources.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitForStatus, watch } from '../helpers/browser.js';
import { JAVASCRIPT, fixtureSite, kitPage } from '../helpers/fixture-host.js';
import { waitFor } from '../helpers/wait.js';

const CARDS =
  '<ip-biomarker-card biomarker="heart_rate"></ip-biomarker-card>' +
  '<ip-biomarker-card biomarker="respiratory_rate"></ip-biomarker-card>' +
  '<ip-metric-gauge metric="mental_stress"></ip-metric-gauge>';
/** Elsewhere: what the page's own resources are blocked from. */
const ELSEWHERE = 'http://127.0.0.9:9';

describe("the page's CSP, said in the console", () => {
  const site = fixtureSite();

  /** The kit's messages about the page's policy on a page with `csp`, once `tags` are in error. */
  async function policyMessages(
    path: string,
    csp: string,
    body: string,
    { head = '', blocked = '' }: { head?: string; blocked?: string } = {},
  ) {
    const page = await site.browser.newPage();
    const seen = await watch(page);
    const url = site.host.page(path, kitPage(site.sandbox, body, { head }), {
      'content-security-policy': csp,
    });
    await page.goto(url);
    await waitForStatus(page, 'ip-biomarker-card, ip-metric-gauge, ip-face-scan', ['error']);
    if (blocked)
      await waitFor(() => seen.violations.filter((v) => v.includes(blocked)).length >= 2, blocked);
    await page.close();
    return {
      policy: seen.errors.filter((e) =>
        /^\[intelliprove-widgets\].*Content-Security-Policy/.test(e),
      ),
      all: seen.errors,
      violations: seen.violations,
    };
  }

  it("names connect-src and 'self' for the token endpoint, once; not the page's own requests", async () => {
    // The page's own request and image, once the kit is at work (and watching).
    const own = `document.addEventListener('ip-error', () => {
      fetch('${ELSEWHERE}/x').catch(() => {});
      document.body.append(Object.assign(new Image(), { src: '${ELSEWHERE}/pixel.png' }));
    }, { once: true });`;
    site.host.page('/own.js', own, JAVASCRIPT);
    const csp = `default-src 'self'; img-src 'self'; connect-src ${site.sandbox.engine.url}`;
    const { policy, violations, all } = await policyMessages('/csp-token.html', csp, CARDS, {
      head: '<script src="/own.js"></script>',
      blocked: ELSEWHERE,
    });
    assert.deepEqual(policy, [
      "[intelliprove-widgets] The page's Content-Security-Policy (connect-src) blocks the kit's " +
        `requests to ${site.host.url}: add 'self' to connect-src.`,
    ]);
    // The page's own blocked image and request happened, and the kit said nothing of them.
    assert.ok(violations.some((v) => v.startsWith('img-src') && v.includes(ELSEWHERE)));
    assert.ok(violations.some((v) => v.startsWith('connect-src') && v.includes(ELSEWHERE)));
    assert.deepEqual(
      all.filter((e) => e.includes('intelliprove-widgets') && e.includes(ELSEWHERE)),
      [],
    );
  });

  it('names connect-src and the API origin, and frame-src and the plug-in origin, once each', async () => {
    // No frame-src: default-src decides, and it has only 'self'.
    const csp = `default-src 'self'; connect-src 'self'`;
    const { policy } = await policyMessages(
      '/csp-api.html',
      csp,
      `${CARDS}<ip-face-scan></ip-face-scan>`,
    );
    const engine = site.sandbox.engine.url;
    assert.deepEqual(
      policy.filter((e) => e.includes('connect-src')),
      [
        "[intelliprove-widgets] The page's Content-Security-Policy (connect-src) blocks the kit's " +
          `requests to ${engine}: add ${engine} to connect-src.`,
      ],
    );
    const frames = policy.filter((e) => e.includes('frame-src'));
    assert.equal(frames.length, 1, policy.join('\n'));
    assert.ok(frames[0]!.includes(`"frame-src ${site.sandbox.plugins.url}"`), frames[0]);
  });

  it("names script-src and the kit's folder when its chunks are blocked", async () => {
    // The loader itself is allowed (its exact path), the chunks beside it are not.
    const csp =
      `default-src 'self'; script-src ${site.host.url}/assets/intelliprove-widgets.js; ` +
      `connect-src 'self' ${site.sandbox.engine.url}`;
    const { policy } = await policyMessages('/csp-chunks.html', csp, CARDS);
    assert.deepEqual(policy, [
      "[intelliprove-widgets] The page's Content-Security-Policy (script-src) blocks the kit's " +
        `code from ${site.host.url}/assets/: add 'self' to script-src.`,
    ]);
  });

  it('names trusted-types and lit-html when Trusted Types leave Lit out', async () => {
    const csp =
      `default-src 'self'; connect-src 'self' ${site.sandbox.engine.url}; ` +
      `require-trusted-types-for 'script'; trusted-types dompurify`;
    const { policy } = await policyMessages('/csp-tt.html', csp, CARDS);
    assert.equal(policy.filter((e) => e.includes('(trusted-types)')).length, 1, policy.join('\n'));
    assert.ok(
      policy.includes(
        "[intelliprove-widgets] The page's Content-Security-Policy (trusted-types) does not allow " +
          'Lit\'s policy "lit-html", so the kit cannot render: add lit-html to trusted-types.',
      ),
      policy.join('\n'),
    );
  });
});
