// The base element on a throwaway subclass: what every element of the kit gets from it.
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon/pkg/sinon-esm.js';
import { html as lit } from 'lit';
import { IpError } from '../../src/core/errors.js';
import { IpElement } from '../../src/core/ip-element.js';
import { record } from '../helpers/scenario.js';

/** Records what its first update saw. */
class TestBaseHost extends IpElement {
  firstSaw?: string;
  protected override willUpdate(): void {
    if (!this.hasUpdated) this.firstSaw = this.tokenEndpoint ?? 'nothing';
  }
  override render() {
    return lit`<span>${this.language}</span>`;
  }
}
customElements.define('test-base-host', TestBaseHost);

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

describe('IpElement (on a throwaway subclass)', () => {
  let errors: sinon.SinonStub;
  beforeEach(() => {
    errors = sinon.stub(console, 'error');
  });
  afterEach(() => errors.restore());

  it('waits one task before its first update, so a framework can bind properties first', async () => {
    const el = document.createElement('test-base-host') as TestBaseHost;
    document.body.append(el);
    try {
      await Promise.resolve();
      el.tokenEndpoint = '/bound-late'; // as Angular binds a routed component's inputs
      await el.updateComplete;
      expect(el.firstSaw).to.equal('/bound-late');
    } finally {
      el.remove();
    }
  });

  it('reflects status for CSS, and takes its language from lang, then the nearest [lang]', async () => {
    const wrapper = await fixture(html`<div lang="fr"><test-base-host></test-base-host></div>`);
    const el = wrapper.querySelector<TestBaseHost>('test-base-host')!;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('fr');
    el.lang = 'sv';
    el.status = 'empty';
    await el.updateComplete;
    expect([el.shadowRoot!.textContent, el.getAttribute('status')]).to.deep.equal(['sv', 'empty']);
  });

  it('gives its token source only with an endpoint, and refuses a credentials mode it does not know', async () => {
    const el = await fixture<TestBaseHost>(html`<test-base-host></test-base-host>`);
    expect(el.tokenSource()).to.equal(undefined);
    el.tokenEndpoint = '/api/ip-token';
    el.credentials = 'include';
    expect(el.tokenSource()).to.deep.equal({
      tokenEndpoint: '/api/ip-token',
      credentials: 'include',
    });
    el.credentials = 'includes' as RequestCredentials;
    expect(() => el.tokenSource())
      .to.throw(IpError, /credentials="includes" is not a fetch credentials mode/)
      .with.property('code', 'invalid-attribute');
  });

  it('announces each error as a composed ip-error, and writes the console once per task for all alike', async () => {
    const [a, b] = await Promise.all([
      fixture<TestBaseHost>(html`<test-base-host></test-base-host>`),
      fixture<TestBaseHost>(html`<test-base-host></test-base-host>`),
    ]);
    const seen = record(document, 'ip-error');
    const error = new IpError('token-endpoint-failed', 'the endpoint answered 401', 401);
    a.announceError(error);
    b.announceError(error);
    expect(seen.map((e) => [e.target, e.detail])).to.deep.equal([
      [a, { code: 'token-endpoint-failed', message: 'the endpoint answered 401', status: 401 }],
      [b, { code: 'token-endpoint-failed', message: 'the endpoint answered 401', status: 401 }],
    ]);
    expect(seen.every((e) => e.bubbles && e.composed)).to.equal(true);
    expect(errors.callCount).to.equal(1);
    await nextTask();
    a.announceError(error);
    expect(errors.callCount).to.equal(2);
  });
});
