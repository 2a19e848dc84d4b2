// The plug-in session controller on a throwaway host: what any element that holds one gets,
// apart from what <ip-face-scan> and <ip-dashboard> add to it.
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon/pkg/sinon-esm.js';
import type { PropertyDeclarations } from 'lit';
import type { DashboardSection } from '../../src/protocol/contract.js';
import { IpError } from '../../src/core/errors.js';
import { IpElement } from '../../src/core/ip-element.js';
import { Localizer } from '../../src/i18n/localizer.js';
import type { PluginMessage } from '../../src/embeds/message-bridge.js';
import { PluginSession, type PluginSessionOptions } from '../../src/embeds/plugin-session.js';
import { pluginView } from '../../src/embeds/plugin-view.js';
import { MIN_REFRESH_DELAY_MS, refreshDelay } from '../../src/embeds/refresh.js';
import { sandboxEnv } from '../helpers/env.js';
import { record, relayUrl, scenario, until } from '../helpers/scenario.js';

/** What the host's options did, in order. */
const calls: string[] = [];
let problem: IpError | null = null;
let frameProblem: IpError | null = null;

class TestPluginHost extends IpElement {
  static override properties: PropertyDeclarations = {
    allowedOrigins: { attribute: 'allowed-origins' },
    extra: {},
  };
  declare allowedOrigins?: string;
  declare extra?: DashboardSection;
  readonly i18n = new Localizer(this);
  readonly session = new PluginSession(this, {
    purpose: 'dashboard',
    request: () => (this.extra ? { disabled_sections: [this.extra] } : {}),
    check: () => problem,
    checkFrame: () => frameProblem,
    onStart: () => calls.push('start'),
    onMessage: (message: PluginMessage) => calls.push(`message ${message.stage}`),
  } satisfies PluginSessionOptions);

  override render() {
    return pluginView(this.session, this.i18n, this.language, {
      title: 'dashboard.title',
      loading: 'dashboard.loading',
    });
  }
}
customElements.define('test-plugin-host', TestPluginHost);

const frameOf = (el: Element) => el.shadowRoot!.querySelector('iframe');
const send = (el: Element, stage: string) =>
  frameOf(el)!.contentWindow!.postMessage({ stage }, '*');

async function host(endpoint: string, extra = '') {
  const { plugins } = await sandboxEnv();
  return fixture<TestPluginHost>(
    html`<test-plugin-host
      token-endpoint=${endpoint}
      allowed-origins=${plugins}
      extra=${extra || ''}
      lang="en"
    ></test-plugin-host>`,
  );
}

/** A host shown with the first of two plug-in URLs its endpoint hands out ('first', 'second'). */
async function readyOnFirstOfTwo() {
  const endpoint = await scenario(
    { json: { url: await relayUrl('first') } },
    { json: { url: await relayUrl('second') } },
  );
  const el = await host(endpoint.endpoint);
  await until(() => el.status === 'ready', 'ready');
  return { endpoint, el };
}

describe('PluginSession (on a throwaway host)', () => {
  let errors: sinon.SinonStub;
  beforeEach(() => {
    calls.length = 0;
    problem = frameProblem = null;
    errors = sinon.stub(console, 'error');
  });
  afterEach(() => errors.restore());

  it("asks for the purpose and the host's request, shows the frame, and passes messages on after ip-stage", async () => {
    const endpoint = await scenario({ json: { url: await relayUrl('one') } });
    const el = await host(endpoint.endpoint, 'todos');
    const events = record(el, 'ip-ready', 'ip-stage');
    await until(() => events.length === 1, 'ip-ready');
    expect(el.status).to.equal('ready');
    expect((await endpoint.log()).map((r) => r.body)).to.deep.equal([
      { purpose: 'dashboard', language: 'en', disabled_sections: ['todos'] },
    ]);
    el.addEventListener('ip-stage', () => calls.push('ip-stage'));
    send(el, 'recordingStarted');
    await until(() => calls.length === 3, 'the message');
    expect(calls).to.deep.equal(['start', 'ip-stage', 'message recordingStarted']);
  });

  it("shows the host's check as an error, asks for nothing, and starts once the check passes", async () => {
    problem = new IpError('invalid-attribute', '<test-plugin-host> extra="x" is not known.');
    const endpoint = await scenario({ json: { url: await relayUrl() } });
    const failures = record(document, 'ip-error');
    const el = await host(endpoint.endpoint);
    await until(() => el.status === 'error', 'error');
    expect(failures.map((e) => e.detail.code)).to.deep.equal(['invalid-attribute']);
    expect(el.shadowRoot!.querySelector('[part=retry-button]')).to.equal(null);
    expect(await endpoint.log()).to.have.length(0);
    problem = null;
    el.requestUpdate(); // the next update sees the check pass
    await until(() => el.status === 'ready', 'ready once fixed');
    expect(await endpoint.log()).to.have.length(1);
    expect(failures).to.have.length(1);
  });

  it("fails with the host's frame check, never ip-ready, and keeps no frame", async () => {
    frameProblem = new IpError('camera-blocked', '<test-plugin-host>: blocked.');
    const endpoint = await scenario({ json: { url: await relayUrl() } });
    const el = await host(endpoint.endpoint);
    const events = record(el, 'ip-ready', 'ip-error');
    await until(() => el.status === 'error', 'error');
    expect(events.map((e) => e.type)).to.deep.equal(['ip-error']);
    expect(frameOf(el)).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=retry-button]')).to.not.equal(null);
  });

  it('restarts in a fresh frame with a new URL (retry, restart, reload), telling the host', async () => {
    const { el } = await readyOnFirstOfTwo();
    const first = frameOf(el);
    el.session.restart();
    await until(() => frameOf(el)?.src.includes('second'), 'the second URL');
    expect(frameOf(el)).to.not.equal(first);
    expect(calls).to.deep.equal(['start', 'start']);
  });

  it('drops its frame when removed for good, so a re-insert never loads the old URL again', async () => {
    const { endpoint, el } = await readyOnFirstOfTwo();
    const parent = el.parentElement!;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve)); // the task after which it lets go
    await el.updateComplete;
    expect(frameOf(el), 'no frame kept off the page').to.equal(null);
    parent.append(el);
    expect(frameOf(el), 'nothing from before, put back').to.equal(null);
    await until(() => el.status === 'ready' && frameOf(el)?.src.includes('second'), 'a new URL');
    expect(await endpoint.log()).to.have.length(2);
  });

  it('aborts its token request on the wire when removed, and starts nothing after', async () => {
    const endpoint = await scenario({ json: { url: await relayUrl() }, delayMs: 50 });
    const fetches = sinon.spy(window, 'fetch');
    try {
      const el = await host(endpoint.endpoint);
      await until(() => el.status === 'loading', 'loading');
      const [, init] = fetches.lastCall.args;
      el.remove();
      await new Promise((resolve) => setTimeout(resolve)); // the task after which it lets go
      expect(init?.signal?.aborted, 'the token request is aborted').to.equal(true);
      await until(async () => (await endpoint.log()).length === 1, 'the request arrived');
      expect(el.status).to.equal('loading'); // left as it was: nothing more happens off the page
      expect(frameOf(el)).to.equal(null);
      expect(calls).to.deep.equal(['start']);
    } finally {
      fetches.restore();
    }
  });
});

describe('refreshDelay', () => {
  const now = Date.UTC(2026, 11, 1, 12);
  const minutes = (n: number) => n * 60_000;
  it('refreshes a tenth of the lifetime (at most 5 minutes) before expiry', () => {
    expect(refreshDelay(new Date(now + minutes(20)), now)).to.equal(minutes(18));
    expect(refreshDelay(new Date(now + minutes(120)), now)).to.equal(minutes(115));
  });
  it('waits at least 5 minutes, whatever expires_at says', () => {
    expect(refreshDelay(new Date(now - minutes(60)), now)).to.equal(MIN_REFRESH_DELAY_MS);
    expect(refreshDelay(new Date(now + 10_000), now)).to.equal(MIN_REFRESH_DELAY_MS);
  });
  it('never waits longer than a plug-in URL lives (six hours), nor past setTimeout', () => {
    expect(refreshDelay(undefined, now)).to.equal(minutes(355));
    expect(refreshDelay(new Date(Date.UTC(2999, 0, 1)), now)).to.equal(minutes(360));
  });
});
