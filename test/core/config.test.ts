import { expect, fixture, html } from '@open-wc/testing';
import { configure, pageDefaults } from '../../src/core/config.js';
import { IpElement } from '../../src/core/ip-element.js';
import type { IpErrorDetail } from '../../src/core/events.js';
import '../../src/entries/index.js';

class ProbeElement extends IpElement {
  renders = 0;
  fail() {
    return this.emit('ip-error', { code: 'invalid-attribute', message: 'probe' });
  }
  endpoint() {
    return this.effectiveTokenEndpoint;
  }
  override render() {
    this.renders++;
    return null;
  }
}
customElements.define('ip-probe-config', ProbeElement);

describe('page defaults and the base element', () => {
  it('merges configure() calls, ignoring undefined values', () => {
    configure({ tokenEndpoint: '/a', apiBase: 'https://engine.example' });
    configure({ tokenEndpoint: '/b', apiBase: undefined });
    expect(pageDefaults().tokenEndpoint).to.equal('/b');
    expect(pageDefaults().apiBase).to.equal('https://engine.example');
  });

  it("prefers the element's own attribute over the page default, and re-renders on configure()", async () => {
    configure({ tokenEndpoint: '/page' });
    const el = await fixture<ProbeElement>(html`<ip-probe-config></ip-probe-config>`);
    expect(el.endpoint()).to.equal('/page');
    el.setAttribute('token-endpoint', '/own');
    expect(el.tokenEndpoint).to.equal('/own');
    expect(el.endpoint()).to.equal('/own');
    await el.updateComplete; // the render the attribute asked for
    const before = el.renders;
    configure({ lang: 'nl' });
    await el.updateComplete;
    expect(el.renders, 'one render for the configure() call').to.equal(before + 1);
  });

  it('fires events that bubble out of shadow roots', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const probe = document.createElement('ip-probe-config') as ProbeElement;
    shadow.append(probe);
    let detail: IpErrorDetail | undefined;
    document.addEventListener('ip-error', (e) => (detail = e.detail), { once: true });
    probe.fail();
    expect(detail).to.deep.equal({ code: 'invalid-attribute', message: 'probe' });
    host.remove();
  });

  it('reflects status for CSS to target', async () => {
    const el = await fixture<ProbeElement>(html`<ip-probe-config></ip-probe-config>`);
    el.status = 'error';
    await el.updateComplete;
    expect(el.getAttribute('status')).to.equal('error');
  });
});
