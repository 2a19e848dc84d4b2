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
import { clearSession } from '../../src/core/session.js';
import {
  FRAME_LOAD_TIMEOUT_MS,
  PluginSession,
  type PluginSessionOptions,
} from '../../src/embeds/plugin-session.js';
import { pluginView } from '../../src/embeds/plugin-view.js';
import { MIN_REFRESH_DELAY_MS, refreshDelay } from '../../src/embeds/refresh.js';
import { reportBlockedFrame } from '../helpers/csp-report.js';
import { sandboxEnv } from '../helpers/env.js';
import {
  apiScenario,
  fakeTimers,
  nextTask,
  record,
  relayScenario,
  relayUrl,
  scenario,
  until,
} from '../helpers/scenario.js';

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

async function host(endpoint: string, extra = '', alsoAllowed = '') {
  const { plugins } = await sandboxEnv();
  return fixture<TestPluginHost>(
    html`<test-plugin-host
      token-endpoint=${endpoint}
      allowed-origins=${`${alsoAllowed} ${plugins}`.trim()}
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

  it('restarted while being moved, starts over in its new place, and refreshes after', async () => {
    const endpoint = await relayScenario(['first', 'second', 'third'], 3); // 20-minute URLs
    const el = await host(endpoint.endpoint);
    await until(() => el.status === 'ready', 'ready');
    const clock = fakeTimers();
    try {
      const other = el.parentElement!.appendChild(document.createElement('div'));
      el.remove();
      el.session.restart(); // a retry handled while a framework moves the element
      other.append(el);
      await until(() => el.status === 'ready' && frameOf(el)?.src.includes('second'), 'second');
      clock.tick(25 * 60_000);
      await until(() => frameOf(el)?.src.includes('third'), 'the refresh after it');
      expect(await endpoint.log()).to.have.length(3);
    } finally {
      clock.restore();
    }
  });

  it("cleared while off the page, drops its frame at once: put back, never loads the last user's URL", async () => {
    const last = await apiScenario({ contentType: 'text/html', body: '<!doctype html><p>A</p>' });
    const endpoint = await scenario(
      { json: { url: `${last.apiBase}/plugin/a` } },
      { json: { url: await relayUrl('next') } },
    );
    const el = await host(endpoint.endpoint, '', location.origin);
    await until(() => el.status === 'ready', "the last user's plug-in");
    const parent = el.parentElement!;
    el.remove();
    clearSession(); // a sign-out while a framework moves the element, all in one task
    parent.append(el);
    expect(frameOf(el) === null, 'no frame of the last session, put back').to.equal(true);
    await until(() => el.status === 'ready' && frameOf(el)?.src.includes('next'), 'the next URL');
    expect(await last.log(), "loads of the last user's URL").to.have.length(1);
  });

  it('removed as its frame loads, says nothing is ready', async () => {
    const endpoint = await scenario({ json: { url: await relayUrl('one') } });
    const el = await host(endpoint.endpoint);
    const ready = record(el, 'ip-ready');
    const frame = await until(() => frameOf(el), 'the frame');
    frame.addEventListener('load', () => el.remove(), { once: true });
    await until(() => el.session.phase === 'idle', 'let go, off the page');
    await nextTask();
    expect(ready).to.have.length(0);
    expect(el.status).to.equal('loading'); // as it was when removed
  });

  it("takes a CSP report that comes just after its frame's load (where it was redirected) as frame-blocked, never ip-ready", async () => {
    // Chromium's headless shell reports a blocked redirect after the blocked frame's `load`;
    // the report names no element, as Chromium's do for frames.
    const endpoint = await scenario({ json: { url: await relayUrl('one') } });
    const el = await host(endpoint.endpoint);
    const events = record(el, 'ip-ready', 'ip-error');
    const frame = await until(() => frameOf(el), 'the frame');
    frame.addEventListener(
      'load',
      () => reportBlockedFrame(document, 'https://redirected.example/plugin'),
      { once: true },
    );
    await until(() => el.status === 'error', 'frame-blocked');
    await nextTask();
    expect(events.map((e) => `${e.type} ${e.detail.code ?? ''}`)).to.deep.equal([
      'ip-error frame-blocked',
    ]);
  });

  it('shows an error with retry, not a spinner, when its frame never loads', async () => {
    const page = await apiScenario({ status: 204 }); // no page: the frame never fires load
    const endpoint = await scenario(
      { json: { url: `${page.apiBase}/plugin/` }, delayMs: 200 },
      { json: { url: await relayUrl('second') } },
    );
    const el = await host(endpoint.endpoint, '', location.origin);
    const failures = record(el, 'ip-error');
    const clock = fakeTimers(); // before the URL arrives, so the frame's time is fake
    try {
      await until(async () => (await page.log()).length === 1, 'the frame asked');
      clock.tick(FRAME_LOAD_TIMEOUT_MS - 1);
      expect(el.status).to.equal('loading');
      clock.tick(1);
      expect(el.status).to.equal('error');
    } finally {
      clock.restore();
    }
    expect(failures.map((e) => e.detail.code)).to.deep.equal(['load-failed']);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')?.textContent).to.include(
      'The IntelliProve plug-in did not load.',
    );
    expect(String(errors.lastCall.args[0])).to.include(
      `the plug-in at ${new URL(page.apiBase).origin} did not load within 30 s`,
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await until(() => el.status === 'ready' && frameOf(el)?.src.includes('second'), 'retried');
  });

  it('refuses a plug-in URL longer than a browser loads, with its length, instead of a blank frame', async () => {
    const long = `${await relayUrl('long')}&pad=${'a'.repeat(2 * 1024 * 1024)}`;
    const endpoint = await scenario({ json: { url: long } });
    const failures = record(document, 'ip-error');
    const el = await host(endpoint.endpoint);
    await until(() => el.status === 'error', 'error');
    expect(failures.map((e) => e.detail.code)).to.deep.equal(['invalid-url']);
    expect(String(errors.lastCall.args[0])).to.include(`${long.length} characters long`);
    expect(frameOf(el) === null, 'no frame').to.equal(true);
  });

  it('moved into another document (a pop-out), passes its plug-in messages on from there', async () => {
    const { el } = await readyOnFirstOfTwo();
    const pop = document.createElement('iframe');
    pop.srcdoc = '<!doctype html><body></body>';
    const opened = new Promise((resolve) => pop.addEventListener('load', resolve, { once: true }));
    el.parentElement!.append(pop);
    await opened;
    pop.contentDocument!.body.append(el);
    // The relay echoes what its parent posts: post from the pop-out's own realm.
    const popWindow = pop.contentWindow as Window & { Function: FunctionConstructor };
    const post = popWindow.Function(
      'frame',
      "frame?.postMessage({ stage: 'recordingStarted' }, '*')",
    );
    // Its frame loads again in the new document: ask (each frame) until the relay answers.
    await until(() => {
      post(frameOf(el)?.contentWindow);
      return calls.includes('message recordingStarted');
    }, 'the message, from the pop-out');
    el.remove();
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
