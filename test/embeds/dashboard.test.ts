import { expect, fixture, html } from '@open-wc/testing';
import type { IpDashboard } from '../../src/entries/index.js';
import '../../src/entries/index.js';
import { consoleErrors } from '../helpers/data.js';
import { sandboxEnv } from '../helpers/env.js';
import { messageFrom, record, relayUrl, scenario, until } from '../helpers/scenario.js';

const frameOf = (el: Element) => el.shadowRoot!.querySelector('iframe');

describe('<ip-dashboard>', () => {
  let plugins: string;
  const errors = consoleErrors();
  before(async () => {
    plugins = (await sandboxEnv()).plugins;
  });
  /** A dashboard on `endpoint` that trusts the sandbox plug-ins, once it is ready. */
  async function readyDashboard(endpoint: string): Promise<IpDashboard> {
    const el = await fixture<IpDashboard>(
      html`<ip-dashboard token-endpoint=${endpoint} allowed-origins=${plugins}></ip-dashboard>`,
    );
    await until(() => el.status === 'ready', 'ready');
    return el;
  }

  it('sends disabled-sections (space or comma separated) and shows the real dashboard', async () => {
    const endpoint = await scenario({ proxy: true });
    const el = await fixture<IpDashboard>(
      html`<ip-dashboard
        token-endpoint=${endpoint.endpoint}
        allowed-origins=${plugins}
        lang="da"
        disabled-sections="todos, recommendations todos"
      ></ip-dashboard>`,
    );
    const ready = record(el, 'ip-ready');
    await until(() => ready.length, 'ip-ready');
    const [request] = await endpoint.log();
    expect(request!.body).to.deep.equal({
      purpose: 'dashboard',
      language: 'da',
      disabled_sections: ['todos', 'recommendations'],
    });
    expect(frameOf(el)!.title).to.equal('IntelliProve-sundhedsoversigt');
    expect(frameOf(el)!.hasAttribute('allow')).to.equal(false);
    expect(new URL(frameOf(el)!.src).pathname).to.equal('/dashboard/');
    await expect(el).to.be.accessible();
  });

  it('refuses an unknown section with invalid-attribute, naming the valid ones, and asks for nothing', async () => {
    const endpoint = await scenario({ proxy: true });
    const failures = record(document, 'ip-error');
    const el = await fixture<IpDashboard>(
      html`<ip-dashboard
        token-endpoint=${endpoint.endpoint}
        allowed-origins=${plugins}
        disabled-sections="kitchen metrics"
      ></ip-dashboard>`,
    );
    await until(() => el.status === 'error', 'error');
    expect(failures.map((e) => e.detail.code)).to.deep.equal(['invalid-attribute']);
    expect(el.shadowRoot!.textContent).to.contain('not set up correctly');
    expect(
      errors().calledWithMatch(
        /disabled-sections="kitchen" is not a dashboard section; use one of: main, metrics/,
      ),
    ).to.equal(true);
    el.disabledSections = 'metrics';
    await until(() => el.status === 'ready', 'ready once fixed');
    // The request once fixed is the first and only one.
    expect((await endpoint.log()).map((r) => r.body)).to.deep.equal([
      { purpose: 'dashboard', disabled_sections: ['metrics'] },
    ]);
  });

  it('fetches a new URL when disabled-sections changes at run time, and on reload()', async () => {
    const endpoint = await scenario({ json: { url: await relayUrl('a') } });
    const el = await readyDashboard(endpoint.endpoint);
    el.disabledSections = 'main';
    await until(async () => (await endpoint.log()).length === 2, 'second request');
    expect((await endpoint.log())[1]!.body).to.deep.include({ disabled_sections: ['main'] });
    await until(() => el.status === 'ready', 'ready again');
    el.reload();
    await until(async () => (await endpoint.log()).length === 3, 'third request');
  });

  it('refuses a hostile URL like the face scan does', async () => {
    const endpoint = await scenario({
      json: { url: 'https://dashboard.intelliprove.com.evil.test/' },
    });
    const el = await fixture<IpDashboard>(
      html`<ip-dashboard token-endpoint=${endpoint.endpoint}></ip-dashboard>`,
    );
    const failures = record(el, 'ip-error');
    await until(() => failures.length, 'ip-error');
    expect(failures[0]!.detail.code).to.equal('invalid-url');
    expect(frameOf(el)).to.equal(null);
  });

  it('passes plug-in messages on as ip-stage, from its own frame only', async () => {
    const endpoint = await scenario({ json: { url: await relayUrl() } });
    const el = await readyDashboard(endpoint.endpoint);
    const stages = record(el, 'ip-stage', 'ip-scan-complete');
    const fromPage = messageFrom(() => window);
    window.postMessage({ stage: 'dismiss' }, '*');
    await fromPage; // the kit has seen it too
    frameOf(el)!.contentWindow!.postMessage({ stage: 'startNewMeasurement' }, '*');
    await until(() => stages.length, 'stage');
    expect(stages.map((e) => `${e.type}:${e.detail.stage}`)).to.deep.equal([
      'ip-stage:startNewMeasurement',
    ]);
  });
});
