import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon/pkg/sinon-esm.js';
import type { IpFaceScan } from '../../src/entries/index.js';
import '../../src/entries/index.js';
import { onScanCompleted } from '../../src/core/scan-signal.js';
import { consoleErrors } from '../helpers/data.js';
import { sandboxEnv } from '../helpers/env.js';
import {
  fakeTimers,
  messageFrom,
  realPluginUrl,
  record,
  relayScenario,
  relayUrl,
  scenario,
  until,
} from '../helpers/scenario.js';

const shadowText = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const frameOf = (el: Element) => el.shadowRoot!.querySelector('iframe');

/** Posts `message` into the relay plug-in frame; it comes back from the frame's window and origin. */
function sendFromPlugin(el: Element, message: unknown): void {
  frameOf(el)!.contentWindow!.postMessage(message, '*');
}

async function scanElement(endpoint: string, plugins: string, extra = '') {
  const el = await fixture<IpFaceScan>(
    html`<ip-face-scan
      token-endpoint=${endpoint}
      allowed-origins=${plugins}
      lang=${extra || 'en'}
    ></ip-face-scan>`,
  );
  return el;
}

describe('<ip-face-scan>', () => {
  let plugins: string;
  const errors = consoleErrors();

  before(async () => {
    plugins = (await sandboxEnv()).plugins;
  });

  /**
   * A face scan on `endpoint` (trusting the sandbox plug-ins), its ip-error events recorded from
   * the start, once the first has come.
   */
  async function failedScan(endpoint: string, what = 'ip-error') {
    const failures: CustomEvent[] = [];
    const el = await fixture<IpFaceScan>(
      html`<ip-face-scan
        token-endpoint=${endpoint}
        allowed-origins=${plugins}
        lang="en"
        @ip-error=${(e: CustomEvent) => failures.push(e)}
      ></ip-face-scan>`,
    );
    await until(() => failures.length, what);
    return { el, failures };
  }

  describe('token endpoint', () => {
    it('makes one token request per start, with the contract body, and shows the URL unaltered', async () => {
      const url = await realPluginUrl();
      const endpoint = await scenario({
        json: { url, expires_at: new Date(Date.now() + 3600_000).toISOString() },
      });
      const el = await scanElement(endpoint.endpoint, plugins, 'nl');
      const ready = record(el, 'ip-ready');
      await until(() => ready.length, 'ip-ready');
      const log = await endpoint.log();
      expect(log).to.have.length(1);
      expect(log[0]!.method).to.equal('POST');
      expect(log[0]!.contentType).to.equal('application/json');
      expect(log[0]!.body).to.deep.equal({ purpose: 'face-scan', language: 'nl' });
      expect(frameOf(el)!.getAttribute('src')).to.equal(url);
      expect(frameOf(el)!.getAttribute('allow')).to.contain('camera');
      expect(frameOf(el)!.title).to.equal('IntelliProve-gezichtsscan');
      expect(ready[0]!.detail.url).to.not.contain('action_token');
      expect(el.getAttribute('status')).to.equal('ready');
    });

    it('accepts a bare JSON string (what /v2/userjourneys/scan returns)', async () => {
      const url = await realPluginUrl();
      const endpoint = await scenario({ json: url });
      const el = await scanElement(endpoint.endpoint, plugins);
      await until(() => el.status === 'ready', 'ready');
      expect(frameOf(el)!.getAttribute('src')).to.equal(url);
    });

    it('makes no request with default values when a framework sets attributes right after insertion', async () => {
      const endpoint = await scenario({ proxy: true });
      const el = document.createElement('ip-face-scan');
      document.body.append(el);
      el.tokenEndpoint = endpoint.endpoint;
      el.setAttribute('allowed-origins', plugins);
      el.setAttribute('lang', 'fr');
      await until(() => el.status === 'ready', 'ready');
      const log = await endpoint.log();
      expect(log).to.have.length(1);
      expect(log[0]!.body).to.deep.equal({ purpose: 'face-scan', language: 'fr' });
      el.remove();
    });

    it('retries a 500 a bounded number of times, then shows an error whose retry works', async () => {
      const endpoint = await scenario(
        { status: 500, body: 'boom' },
        { status: 502 },
        { status: 503 },
        { proxy: true },
      );
      const { el, failures } = await failedScan(endpoint.endpoint);
      expect(await endpoint.log()).to.have.length(3);
      expect(failures[0]!.detail).to.include({ code: 'token-endpoint-failed', status: 503 });
      expect(shadowText(el)).to.contain('Your session could not be started');
      expect(el.getAttribute('status')).to.equal('error');
      const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
      expect(retry.textContent!.trim()).to.equal('Try again');
      retry.click();
      await until(() => el.status === 'ready', 'ready after retry');
      expect(await endpoint.log()).to.have.length(4);
    });

    it('does not retry a 400', async () => {
      const endpoint = await scenario({
        status: 400,
        json: { error: 'invalid-body', message: 'bad' },
      });
      const { el, failures } = await failedScan(endpoint.endpoint);
      // A retry would have come before the error (see the 500 case): one request in all.
      expect(await endpoint.log()).to.have.length(1);
      expect(failures[0]!.detail).to.include({ code: 'token-endpoint-failed', status: 400 });
      expect(el.shadowRoot!.querySelector('[part="retry-button"]')).to.not.equal(null);
    });

    it('does not retry a 401, and tells a signed-out user to sign in', async () => {
      const endpoint = await scenario({ status: 401, json: { error: 'unauthenticated' } });
      const { el, failures } = await failedScan(endpoint.endpoint);
      expect(await endpoint.log()).to.have.length(1);
      expect(failures[0]!.detail).to.include({ code: 'token-endpoint-failed', status: 401 });
      expect(shadowText(el)).to.contain('Please sign in first');
    });

    it('reports an HTML answer as invalid-response', async () => {
      const endpoint = await scenario({
        body: '<!doctype html><h1>Login</h1>',
        contentType: 'text/html',
      });
      const { el, failures } = await failedScan(endpoint.endpoint);
      expect(failures[0]!.detail.code).to.equal('invalid-response');
      expect(failures[0]!.detail.message).to.contain('text/html');
      expect(errors().calledWithMatch(/text\/html/)).to.equal(true);
      expect(frameOf(el)).to.equal(null);
    });

    it('reports wrong types in the answer as invalid-response', async () => {
      for (const json of [
        { url: 42 },
        { token: 'x' },
        { url: 'https://plugin.intelliprove.com/', expires_at: 'soon' },
        [1],
      ]) {
        const endpoint = await scenario({ json });
        const { failures } = await failedScan(
          endpoint.endpoint,
          `ip-error for ${JSON.stringify(json)}`,
        );
        expect(failures[0]!.detail.code, JSON.stringify(json)).to.equal('invalid-response');
      }
    });

    it('says which attribute is missing when there is no token endpoint', async () => {
      const failures: CustomEvent[] = [];
      const el = await fixture<IpFaceScan>(
        html`<ip-face-scan @ip-error=${(e: CustomEvent) => failures.push(e)}></ip-face-scan>`,
      );
      await until(() => el.status === 'error', 'error');
      expect(shadowText(el)).to.contain('not set up for IntelliProve');
      expect(errors().calledWithMatch(/token-endpoint/)).to.equal(true);
      el.tokenEndpoint = (await scenario({ proxy: true })).endpoint;
      el.allowedOrigins = plugins;
      await until(() => el.status === 'ready', 'ready once configured');
      expect(failures.map((e) => e.detail.code)).to.deep.equal(['missing-token-endpoint']);
    });
  });

  describe('camera checks', () => {
    it('says so, without asking for a URL, when the browser has no camera API', async () => {
      const endpoint = await scenario({ proxy: true });
      const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'mediaDevices')!;
      Object.defineProperty(Navigator.prototype, 'mediaDevices', {
        configurable: true,
        get: () => undefined,
      });
      try {
        const failures: CustomEvent[] = [];
        const listen = (event: Event) => failures.push(event as CustomEvent);
        document.addEventListener('ip-error', listen);
        const el = await scanElement(endpoint.endpoint, plugins);
        document.removeEventListener('ip-error', listen);
        await until(() => el.status === 'error', 'error');
        expect(shadowText(el)).to.contain('This browser cannot use a camera');
        expect(failures.map((e) => e.detail.code)).to.deep.equal(['camera-unavailable']);
        expect(await endpoint.log()).to.have.length(0);
      } finally {
        Object.defineProperty(Navigator.prototype, 'mediaDevices', descriptor);
      }
    });
  });

  describe('plug-in URL check', () => {
    const hostile = [
      'javascript:alert(document.domain)',
      'data:text/html,<script>alert(1)</script>',
      'http://evil.test/face-scan',
      'http://plugin.intelliprove.com/?action_token=x',
      'https://intelliprove.com.evil.test/',
      'https://evilintelliprove.com/',
      'https://intelliprove.com@evil.test/',
      'https://user:pw@plugin.intelliprove.com/',
      '/relative/path',
    ];
    // URLs that a parser reads as the allowed host, but the iframe resolves against the page.
    const ambiguous = (allowed: URL) => [
      `${allowed.protocol}${allowed.host}/relay/`, // scheme-relative on a page of that scheme
      `//${allowed.host}/relay/`,
      `${allowed.protocol}\\\\${allowed.host}\\relay\\`,
      `${allowed.protocol}//${allowed.host}\\relay/`,
      `https:plugin.intelliprove.com/?action_token=x`,
      `https:\\\\plugin.intelliprove.com/`,
      ` https://plugin.intelliprove.com/`,
      `https://plugin.intelliprove.com/\tx`,
    ];
    it('never loads a URL that the page would resolve differently (https:host, //host, backslashes)', async () => {
      for (const url of ambiguous(new URL(plugins))) {
        const endpoint = await scenario({ json: { url } });
        const { el, failures } = await failedScan(endpoint.endpoint, `ip-error for ${url}`);
        expect(failures[0]!.detail.code, url).to.equal('invalid-url');
        expect(frameOf(el), url).to.equal(null);
        el.remove();
      }
    });

    for (const url of hostile) {
      it(`never loads ${url}`, async () => {
        const endpoint = await scenario({ json: { url } });
        const { el, failures } = await failedScan(endpoint.endpoint);
        expect(failures[0]!.detail.code).to.equal('invalid-url');
        expect(frameOf(el)).to.equal(null);
        expect(shadowText(el)).to.contain('not trusted');
        expect(errors().calledWithMatch(/allowed-origins/)).to.equal(true);
      });
    }

    it('accepts https://plugin.intelliprove.com/... and an allowed sandbox origin', async () => {
      const legit = 'https://plugin.intelliprove.com/?action_token=abc&patient=p';
      const el = await scanElement((await scenario({ json: legit })).endpoint, plugins);
      await until(() => frameOf(el), 'iframe');
      expect(frameOf(el)!.getAttribute('src')).to.equal(legit);
      const sandbox = await scanElement((await scenario({ proxy: true })).endpoint, plugins);
      await until(() => sandbox.status === 'ready', 'sandbox ready');
      expect(new URL(frameOf(sandbox)!.src).origin).to.equal(plugins);
    });

    it('does not trust the sandbox origin unless allowed-origins names it', async () => {
      const el = await fixture<IpFaceScan>(
        html`<ip-face-scan
          token-endpoint=${(await scenario({ proxy: true })).endpoint}
        ></ip-face-scan>`,
      );
      const failures = record(el, 'ip-error');
      await until(() => failures.length, 'ip-error');
      expect(failures[0]!.detail.code).to.equal('invalid-url');
    });
  });

  describe('plug-in messages', () => {
    async function relayed() {
      const endpoint = await scenario({ json: { url: await relayUrl() } });
      const el = await scanElement(endpoint.endpoint, plugins);
      await until(() => el.status === 'ready', 'relay ready');
      return el;
    }

    it('passes stages on in order, with scan-complete (id) and dismiss', async () => {
      const el = await relayed();
      const events = record(el, 'ip-stage', 'ip-scan-complete', 'ip-dismiss');
      const announced: unknown[] = [];
      const off = onScanCompleted((scan) => announced.push(scan));
      sendFromPlugin(el, JSON.stringify({ stage: 'startNewMeasurement' }));
      sendFromPlugin(el, { stage: 'RECORDINGSTARTED' });
      sendFromPlugin(el, JSON.stringify({ stage: 'recordingStopped' }));
      sendFromPlugin(el, JSON.stringify({ stage: 'faceScanSuccessful', face_scan_id: 'scan-1' }));
      sendFromPlugin(el, { stage: 'dismiss' });
      await until(() => events.length >= 7, 'seven events');
      off();
      expect(
        events.map((e) => e.type + (e.detail.stage ? `:${e.detail.stage}` : '')),
      ).to.deep.equal([
        'ip-stage:startNewMeasurement',
        'ip-stage:recordingStarted',
        'ip-stage:recordingStopped',
        'ip-stage:faceScanSuccessful',
        'ip-scan-complete',
        'ip-stage:dismiss',
        'ip-dismiss',
      ]);
      expect(events[4]!.detail).to.deep.equal({ faceScanId: 'scan-1' });
      expect(events[3]!.detail.data).to.deep.equal({
        stage: 'faceScanSuccessful',
        face_scan_id: 'scan-1',
      });
      expect(events.every((e) => e.bubbles && e.composed)).to.equal(true);
      expect(announced).to.have.length(1);
    });

    it("reports the plug-in's error stage as ip-error plugin-error, keeping the plug-in", async () => {
      const el = await relayed();
      const events = record(el, 'ip-stage', 'ip-error');
      const warn = sinon.stub(console, 'warn');
      try {
        sendFromPlugin(el, JSON.stringify({ stage: 'error', error: 'poor_quality' }));
        await until(() => events.length >= 2, 'two events');
      } finally {
        warn.restore();
      }
      expect(events.map((e) => e.type)).to.deep.equal(['ip-stage', 'ip-error']);
      expect(events[1]!.detail.code).to.equal('plugin-error');
      expect(events[1]!.detail.message).to.contain('poor_quality');
      expect(frameOf(el)).to.not.equal(null);
      expect(el.status).to.equal('ready');
    });

    it('finds the scan id as faceScanId or inside data, and gives null when there is none', async () => {
      const el = await relayed();
      const complete = record(el, 'ip-scan-complete');
      sendFromPlugin(el, { stage: 'faceScanSuccessful', faceScanId: 'camel' });
      sendFromPlugin(el, { stage: 'faceScanSuccessful', data: { face_scan_id: 'nested' } });
      sendFromPlugin(el, { stage: 'faceScanSuccessful' });
      await until(() => complete.length >= 3, 'three completions');
      expect(complete.map((e) => e.detail.faceScanId)).to.deep.equal(['camel', 'nested', null]);
    });

    it('ignores forged messages: from the page, from another frame, from the right origin in another window', async () => {
      const el = await relayed();
      const stages = record(el, 'ip-stage');
      // Each forged message is seen by this window (and so by the kit) before the test goes on.
      const fromPage = messageFrom(() => window);
      window.postMessage(
        JSON.stringify({ stage: 'faceScanSuccessful', face_scan_id: 'forged-page' }),
        '*',
      );
      await fromPage;
      const other = document.createElement('iframe');
      other.srcdoc = `<script>parent.postMessage('{"stage":"dismiss"}', '*')</script>`;
      const fromOther = messageFrom(() => other.contentWindow);
      document.body.append(other);
      await fromOther;
      const twin = document.createElement('iframe');
      twin.src = await relayUrl('twin');
      document.body.append(twin);
      await new Promise((resolve) => twin.addEventListener('load', resolve, { once: true }));
      const fromTwin = messageFrom(() => twin.contentWindow);
      twin.contentWindow!.postMessage(
        JSON.stringify({ stage: 'faceScanSuccessful', face_scan_id: 'forged-twin' }),
        '*',
      );
      await fromTwin;
      // From the plug-in's own frame, in order: two that are no stage, then the one real message.
      sendFromPlugin(el, 'not json at all');
      sendFromPlugin(el, { no: 'stage' });
      sendFromPlugin(el, { stage: 'recordingStarted' });
      await until(() => stages.length, 'the real stage');
      expect(stages.map((e) => e.detail.stage)).to.deep.equal(['recordingStarted']);
      other.remove();
      twin.remove();
    });
  });

  describe('expiry and restart (clock under test control)', () => {
    let clock: sinon.SinonFakeTimers;
    afterEach(() => clock?.restore());

    /** A face scan on `relayScenario(tags, expiring)`, ready, the clock faked from its first render. */
    async function clockedScan(tags: string[], expiring: number) {
      const endpoint = await relayScenario(tags, expiring);
      const el = await scanElement(endpoint.endpoint, plugins);
      clock = fakeTimers(); // once the element has rendered (its first update waits for a task)
      await until(() => el.status === 'ready', 'ready');
      return { endpoint, el };
    }

    it('fetches a fresh URL before the old one expires', async () => {
      const { endpoint, el } = await clockedScan(['first', 'second'], 1);
      const oldFrame = frameOf(el);
      clock.tick(14 * 60_000);
      expect(el.status, 'a refresh starts loading at once').to.equal('ready');
      expect(await endpoint.log()).to.have.length(1);
      clock.tick(5 * 60_000); // 19 minutes: within the margin (a tenth of the 20-minute lifetime)
      await until(() => frameOf(el)?.getAttribute('src')?.includes('second'), 'the fresh URL');
      expect(await endpoint.log()).to.have.length(2);
      expect(frameOf(el)).to.not.equal(oldFrame);
    });

    it('never refreshes while recording or showing the result; refreshes once the user continues', async () => {
      const { endpoint, el } = await clockedScan(['first', 'second'], 1);
      const stages = record(el, 'ip-stage');
      sendFromPlugin(el, { stage: 'recordingStarted' });
      await until(() => stages.length === 1, 'recording');
      clock.tick(60 * 60_000); // past expiry
      sendFromPlugin(el, { stage: 'recordingStopped' });
      await until(() => stages.length === 2, 'recordingStopped');
      // A refresh would have started, loading, as the stage came: none did.
      expect(el.status).to.equal('ready');
      expect(await endpoint.log()).to.have.length(1);
      expect(frameOf(el)!.getAttribute('src')).to.contain('first');
      sendFromPlugin(el, { stage: 'faceScanSuccessful', face_scan_id: 'x' });
      await until(() => stages.length === 3, 'faceScanSuccessful');
      expect(el.status).to.equal('ready');
      expect(
        await endpoint.log(),
        'the result screen stays until the user continues',
      ).to.have.length(1);
      sendFromPlugin(el, { stage: 'dismiss' });
      await until(
        () => frameOf(el)?.getAttribute('src')?.includes('second'),
        'refreshed after the scan',
      );

      expect(await endpoint.log()).to.have.length(2);
    });

    // Whatever expires_at says, a working plug-in is replaced at most once in 5 minutes: by
    // 9 min 59 s, once at 5 minutes where the URL is (nearly) expired, else not at all.
    const HOUR = 3600_000;
    const expiries: [string, (now: number) => string, number, number][] = [
      ['in the past', (now) => new Date(now - HOUR).toISOString(), 0, 2],
      ['10 s ahead', (now) => new Date(now + 10_000).toISOString(), 0, 2],
      ['without a UTC offset', (now) => new Date(now + 6 * HOUR).toISOString().slice(0, 19), 0, 1],
      [
        'right, on a user clock 7 h ahead',
        (now) => new Date(now + 6 * HOUR).toISOString(),
        7 * HOUR,
        1,
      ],
    ];
    for (const [name, expiresAt, userClockAhead, requests] of expiries) {
      it(`replaces the iframe at most once in 5 minutes with an expires_at ${name}`, async () => {
        const now = Date.now(); // the endpoint's clock (its Date header)
        const endpoint = await scenario(
          { json: { url: await relayUrl('first'), expires_at: expiresAt(now) } },
          { json: { url: await relayUrl('second'), expires_at: expiresAt(now) } },
          { json: { url: await relayUrl('third'), expires_at: expiresAt(now) } },
        );
        clock = fakeTimers({ now: now + userClockAhead, shouldAdvanceTime: true });
        const el = await scanElement(endpoint.endpoint, plugins);
        await until(() => el.status === 'ready', 'ready');
        const frames = () => endpoint.log().then((log) => log.length);
        clock.tick(5 * 60_000 - 1000);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expect(await frames(), 'no replacement within 5 minutes').to.equal(1);
        for (let minute = 0; minute < 5; minute++) {
          clock.tick(60_000);
          await new Promise((resolve) => requestAnimationFrame(resolve));
          // A replacement sets the element loading at once; the clock moves on once its frame
          // has loaded (a minute on the clock while it loads would be a frame that never loads).
          await until(() => el.status === 'ready', 'ready after');
        }
        expect(await frames(), 'token requests by 9 min 59 s').to.equal(requests);
      });
    }

    it('does not loop on an expiry far in the future', async () => {
      const endpoint = await scenario({
        json: { url: await relayUrl(), expires_at: '2099-12-31T00:00:00Z' },
      });
      const el = await scanElement(endpoint.endpoint, plugins);
      clock = fakeTimers(); // once the element has rendered (its first update waits for a task)
      await until(() => el.status === 'ready', 'ready');
      // A refresh starts loading at once, in the timer: an hour on, none has started.
      clock.tick(HOUR);
      expect(el.status).to.equal('ready');
      expect(await endpoint.log()).to.have.length(1);
    });

    it('forgets a recording when a new session starts', async () => {
      const { endpoint, el } = await clockedScan(['first', 'second', 'third'], 2);
      const stages = record(el, 'ip-stage');
      sendFromPlugin(el, { stage: 'recordingStarted' });
      await until(() => stages.length === 1, 'recording');
      el.restart(); // the user left the recording: a new session
      await until(() => frameOf(el)?.getAttribute('src')?.includes('second'), 'second session');
      await until(() => el.status === 'ready', 'ready again');
      clock.tick(19 * 60_000);
      await until(
        () => frameOf(el)?.getAttribute('src')?.includes('third'),
        'refreshed: not stuck as recording',
      );
      expect(await endpoint.log()).to.have.length(3);
    });

    it('restart() fetches a new URL into a fresh iframe', async () => {
      const endpoint = await scenario(
        { json: { url: await relayUrl('first') } },
        { json: { url: await relayUrl('second') } },
      );
      const el = await scanElement(endpoint.endpoint, plugins);
      await until(() => el.status === 'ready', 'ready');
      const oldFrame = frameOf(el);
      const ready = record(el, 'ip-ready');
      el.restart();
      await until(() => ready.length, 'ready again');
      expect(await endpoint.log()).to.have.length(2);
      expect(frameOf(el)).to.not.equal(oldFrame);
      expect(frameOf(el)!.getAttribute('src')).to.contain('second');
    });
  });

  describe('teardown', () => {
    it('leaves no iframe, message listener or timer after 200 insert/remove cycles', async () => {
      const endpoint = await scenario({
        json: { url: await relayUrl(), expires_at: new Date(Date.now() + 3600_000).toISOString() },
      });
      let listeners = 0;
      const pending = new Set<unknown>();
      const realAdd = window.addEventListener;
      const realRemove = window.removeEventListener;
      const realSetTimeout = window.setTimeout;
      const realClearTimeout = window.clearTimeout;
      window.addEventListener = function (this: Window, type: string, ...rest: unknown[]) {
        if (type === 'message') listeners++;
        return (realAdd as (...a: unknown[]) => void).call(this, type, ...rest);
      } as typeof window.addEventListener;
      window.removeEventListener = function (this: Window, type: string, ...rest: unknown[]) {
        if (type === 'message') listeners--;
        return (realRemove as (...a: unknown[]) => void).call(this, type, ...rest);
      } as typeof window.removeEventListener;
      window.setTimeout = ((fn: () => void, ms?: number) => {
        const id = realSetTimeout(() => {
          pending.delete(id);
          fn();
        }, ms);
        if ((ms ?? 0) >= 60_000) pending.add(id); // the refresh timers; short ones end by themselves
        return id;
      }) as typeof window.setTimeout;
      window.clearTimeout = ((id: number) => {
        pending.delete(id);
        realClearTimeout(id);
      }) as typeof window.clearTimeout;
      try {
        const container = document.createElement('div');
        document.body.append(container);
        const el = document.createElement('ip-face-scan');
        el.tokenEndpoint = endpoint.endpoint;
        el.allowedOrigins = plugins;
        const nextTask = () => new Promise((resolve) => realSetTimeout(resolve));
        for (let i = 0; i < 200; i++) {
          container.append(el);
          if (i % 20 === 0) await until(() => el.status === 'ready', `ready in cycle ${i}`);
          else await el.updateComplete;
          el.remove();
          await el.updateComplete;
          if (i % 2) await nextTask(); // removed for good (not moved): it lets go after the task
        }
        await nextTask();
        expect(document.querySelectorAll('iframe')).to.have.length(0);
        expect(el.shadowRoot!.querySelectorAll('iframe')).to.have.length(0);
        expect(listeners).to.equal(0);
        expect(pending.size).to.equal(0);
        // and it still works when inserted again
        container.append(el);
        await until(() => el.status === 'ready', 'ready after re-insert');
        expect(listeners).to.equal(1);
        el.remove();
        await nextTask();
        expect(listeners).to.equal(0);
        container.remove();
      } finally {
        window.addEventListener = realAdd;
        window.removeEventListener = realRemove;
        window.setTimeout = realSetTimeout;
        window.clearTimeout = realClearTimeout;
      }
    });
  });

  describe('accessibility', () => {
    it('is accessible while loading, when ready and in error', async () => {
      const slow = await scenario({ proxy: true, delayMs: 1500 });
      const el = await scanElement(slow.endpoint, plugins);
      await until(() => el.status === 'loading', 'loading');
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain(
        'Preparing your face scan',
      );
      await expect(el).to.be.accessible();
      await until(() => el.status === 'ready', 'ready');
      await expect(el).to.be.accessible();
      const broken = await scanElement((await scenario({ status: 400 })).endpoint, plugins);
      await until(() => broken.status === 'error', 'error');
      expect(broken.shadowRoot!.querySelector('[role="alert"]')).to.not.equal(null);
      await expect(broken).to.be.accessible();
    });
  });
});
