// Attack: frame-blocked detection against real CSP headers. Each host page is a same-origin
// iframe served with its own header; the kit is imported into it from the dev server.
import { expect } from '@open-wc/testing';
import { watchFramePolicy } from '../../src/embeds/frame-policy.js';
import { reportBlockedFrame } from '../helpers/csp-report.js';
import { sandboxEnv } from '../helpers/env.js';
import { apiScenario, relayUrl, scenario, until } from '../helpers/scenario.js';

type Status = HTMLElement & { status: string };

/**
 * A host page (same origin as the test) with `headers`, showing `<ip-face-scan>` for `url`,
 * and running `script` (a module) once the kit is imported.
 */
async function hostPage(
  headers: Record<string, string>,
  url: string,
  allowed: string,
  script = '',
) {
  const token = await scenario({ json: { url } });
  const page = await apiScenario({
    contentType: 'text/html',
    headers,
    body: `<!doctype html><html lang="en"><body>
      <ip-face-scan token-endpoint="${token.endpoint}" allowed-origins="${allowed}"></ip-face-scan>
      <script type="module">
        window.__events = [];
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__violations.push(e.disposition + ' ' + e.effectiveDirective + ' ' + e.blockedURI));
        for (const type of ['ip-ready', 'ip-error'])
          document.addEventListener(type, (e) => window.__events.push(type + ' ' + (e.detail.code ?? '')));
        await import('/src/entries/index.ts');
        ${script}
      </script></body></html>`,
  });
  const frame = document.createElement('iframe');
  frame.style.width = '600px';
  frame.style.height = '700px';
  frame.src = `${page.apiBase}/host.html`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as Window & { __events: string[]; __violations: string[] };
  const el = () => frame.contentDocument!.querySelector('ip-face-scan') as Status;
  await until(() => el().status === 'ready' || el().status === 'error', 'settled');
  // The kit decides on the violation report, which each of these pages gets: once the page has
  // seen it, the kit has too (it listens for the same event), and nothing later can change it.
  await until(() => win.__violations.length, 'the violation report');
  return { frame, el: el(), events: win.__events, violations: win.__violations };
}

describe('CSP frame-blocked', () => {
  let plugins: string;
  before(async () => (plugins = (await sandboxEnv()).plugins));
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('control: an enforced frame-src that leaves the plug-in out → frame-blocked', async () => {
    const { el, events } = await hostPage(
      { 'content-security-policy': "frame-src 'self'" },
      await relayUrl(),
      plugins,
    );
    expect(el.status).to.equal('error');
    expect(events).to.deep.equal(['ip-error frame-blocked']);
  });

  it('a Report-Only policy blocks nothing: the plug-in loads, ip-ready, no frame-blocked', async () => {
    const { el, events, violations } = await hostPage(
      { 'content-security-policy-report-only': "frame-src 'self'" },
      await relayUrl(),
      plugins,
    );
    // The browser reported it, as a report-only policy does, and loaded the frame.
    expect(violations.length).to.be.above(0);
    expect(violations.every((v) => v === `report frame-src ${plugins}`)).to.equal(true);
    // The frame did load: it is on the plug-in origin and answers messages.
    expect(events, 'a policy in report-only mode enforces nothing').to.deep.equal(['ip-ready ']);
    expect(el.status).to.equal('ready');
  });

  it("a frame of the page's own that its CSP blocks while the plug-in loads is not the plug-in's", async () => {
    // The plug-in is on the page's own origin ('self'), slow; an ad or chat frame elsewhere on
    // the page, which the policy blocks, appears while it loads.
    const slow = await apiScenario({
      contentType: 'text/html',
      body: '<p>plug-in</p>',
      delayMs: 1500,
    });
    const { el, events, violations } = await hostPage(
      { 'content-security-policy': "frame-src 'self'" },
      `${slow.apiBase}/plugin/`,
      location.origin,
      `const scan = document.querySelector('ip-face-scan');
      await customElements.whenDefined('ip-face-scan');
      new MutationObserver((_, watch) => {
        if (!scan.shadowRoot.querySelector('iframe')) return;
        watch.disconnect();
        const ad = document.createElement('iframe');
        ad.src = '${await relayUrl('ad')}';
        document.body.append(ad);
      }).observe(scan.shadowRoot, { childList: true, subtree: true });`,
    );
    expect(violations).to.deep.equal([`enforce frame-src ${plugins}`]); // the ad was blocked
    expect(events).to.deep.equal(['ip-ready ']);
    expect(el.status).to.equal('ready');
  });

  it('an approved URL that redirects to an origin frame-src blocks → frame-blocked, not ip-ready', async () => {
    // The approved origin (the page's own, listed in allowed-origins) answers 302 to the relay.
    const hop = await apiScenario({ status: 302, headers: { location: await relayUrl() } });
    const own = new URL(hop.apiBase).origin;
    const { el, events, violations } = await hostPage(
      { 'content-security-policy': "frame-src 'self'" },
      `${hop.apiBase}/plugin/`,
      `${own} ${plugins}`,
    );
    // The browser did block it: the violation names the redirect's target.
    expect(violations).to.deep.equal([`enforce frame-src ${plugins}`]);
    expect(events).to.deep.equal(['ip-error frame-blocked']);
    expect(el.status).to.equal('error');
  });
});

describe('watchFramePolicy, on reports that name the frame', () => {
  it("counts its own frame inside another component's shadow root, and no other element's", () => {
    const app = document.body.appendChild(document.createElement('div'));
    try {
      const host = app.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
      const own = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('iframe'));
      const other = app.shadowRoot!.appendChild(document.createElement('iframe'));
      const url = new URL('https://plugin.intelliprove.com/face-scan/');
      const blocked: string[] = [];
      const stop = watchFramePolicy(
        host,
        url,
        () => true,
        (error) => blocked.push(error.code),
      );
      reportBlockedFrame(other, 'https://ads.example/frame'); // another element's frame, while loading
      expect(blocked).to.deep.equal([]);
      reportBlockedFrame(own, 'https://redirected.example/'); // its own, wherever it was sent
      expect(blocked).to.deep.equal(['frame-blocked']);
      stop();
    } finally {
      app.remove();
    }
  });
});
