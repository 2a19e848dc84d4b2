// The reading controller on a throwaway host and a throwaway provider: what every card and
// gauge gets from it, apart from how each draws its reading.
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon/pkg/sinon-esm.js';
import { html as lit, type PropertyDeclarations } from 'lit';
import { IpError } from '../../src/core/errors.js';
import { IpElement } from '../../src/core/ip-element.js';
import { clearSession } from '../../src/core/session.js';
import type { ApiContext } from '../../src/data/api-client.js';
import { sourceTable } from '../../src/data/providers/index.js';
import type { Source } from '../../src/data/providers/types.js';
import { Reading } from '../../src/data/reading.js';
import { textOf } from '../helpers/data.js';
import { record, scenario, until } from '../helpers/scenario.js';

interface Value {
  n: number | null;
}
type TestSource = Source<{ label: 'biomarker.heart_rate' }, Value>;

/** Each read the provider was asked for, with its context; `answer` decides what it returns. */
const reads: { key: string; context: ApiContext }[] = [];
let answer: (key: string, context: ApiContext) => Promise<Value | null>;

const testSource: TestSource = {
  id: 'test',
  defaultApiBase: 'https://api.test.invalid',
  scheme: 'Token',
  entries: { one: { label: 'biomarker.heart_rate' }, two: { label: 'biomarker.heart_rate' } },
  empty: ['state.no-scan', 'state.no-scan-hint'],
  read(context, key) {
    reads.push({ key, context });
    return answer(key, context);
  },
};

let viewFails = false;

class TestReadingHost extends IpElement {
  static override properties: PropertyDeclarations = { provider: {}, which: {} };
  declare provider?: string;
  declare which?: string;
  readonly reading = new Reading<Value, TestSource>(this, {
    sources: sourceTable<TestSource>({ test: testSource }),
    select: () => ({ attribute: 'which', key: this.which, noun: 'test value' }),
    args: () => [this.which],
    read: (source, key, context) => source.read(context, key, {}),
    isEmpty: (value) => value.n === null,
    view: (value) => {
      if (viewFails) throw new IpError('invalid-response', 'cannot show it');
      return lit`<span part="value">value ${value.n}</span>`;
    },
    skeleton: () => lit`<span class="skeleton"></span>`,
  });

  override render() {
    return this.reading.render();
  }
}
customElements.define('test-reading-host', TestReadingHost);

async function host(which = 'one') {
  const endpoint = await scenario({
    json: { token: 'test-token', expires_at: new Date(Date.now() + 3600_000).toISOString() },
  });
  const el = await fixture<TestReadingHost>(
    html`<test-reading-host
      token-endpoint=${endpoint.endpoint}
      provider="test"
      which=${which}
      lang="en"
    ></test-reading-host>`,
  );
  return { el, endpoint };
}
const settled = (el: TestReadingHost) =>
  until(() => el.status !== 'loading' && el.status !== 'idle', 'settled');

describe('Reading (on a throwaway host and provider)', () => {
  let errors: sinon.SinonStub;
  beforeEach(() => {
    reads.length = 0;
    viewFails = false;
    answer = (key) => Promise.resolve({ n: key === 'one' ? 1 : 2 });
    errors = sinon.stub(console, 'error');
  });
  afterEach(() => errors.restore());

  it('reads with args from properties, shows the value, and tells ip-load once', async () => {
    const { el } = await host();
    const loads = record(el, 'ip-load');
    await settled(el);
    expect([el.status, textOf(el)]).to.deep.equal(['ready', 'value 1']);
    el.which = 'two';
    await until(() => textOf(el).endsWith('value 2'), 'the second value');
    el.requestUpdate();
    await el.updateComplete;
    expect(reads.map((r) => r.key)).to.deep.equal(['one', 'two']);
    expect(loads.map((e) => e.detail.data)).to.deep.equal([{ n: 1 }, { n: 2 }]);
  });

  it("passes the task's signal to the provider: a removed host's read is aborted", async () => {
    answer = () => new Promise(() => {}); // never answers
    const { el } = await host();
    await until(() => reads.length === 1, 'the read');
    const { signal } = reads[0]!.context;
    expect(signal?.aborted).to.equal(false);
    el.remove();
    await new Promise((resolve) => setTimeout(resolve)); // the task after which it lets go
    expect(signal?.aborted).to.equal(true);
  });

  it("is empty for an empty reading, and for none, in the provider's words", async () => {
    answer = (key) => Promise.resolve(key === 'one' ? { n: null } : null);
    const { el } = await host();
    await settled(el);
    expect(el.status).to.equal('empty');
    el.which = 'two';
    await until(() => textOf(el).includes('No face scan yet'), 'no reading');
    expect(el.status).to.equal('empty');
  });

  it('shows a reading it cannot draw as invalid-response, with exactly one ip-error', async () => {
    viewFails = true;
    const failures = record(document, 'ip-error');
    const { el } = await host();
    await settled(el);
    for (let i = 0; i < 3; i++) {
      el.requestUpdate();
      await el.updateComplete;
    }
    expect(el.status).to.equal('error');
    expect(failures.map((e) => e.detail.code)).to.deep.equal(['invalid-response']);
  });

  it('names the valid values of an unknown selection and reads nothing', async () => {
    const failures = record(document, 'ip-error');
    const { el } = await host('three');
    await settled(el);
    expect(failures.map((e) => e.detail.code)).to.deep.equal(['invalid-attribute']);
    expect(reads).to.have.length(0);
    expect(
      errors.calledWithMatch(/which="three" is not a test value of test; use one of: one, two/),
    ).to.equal(true);
  });

  it('keeps the value on screen while reload() reads again, then shows the new one', async () => {
    const { el } = await host();
    await settled(el);
    let release!: (value: Value) => void;
    answer = () => new Promise((resolve) => (release = resolve));
    el.reading.reload();
    await until(() => reads.length === 2, 'the second read');
    await el.updateComplete;
    expect([el.status, textOf(el)]).to.deep.equal(['loading', 'value 1']);
    release({ n: 7 });
    await until(() => el.status === 'ready', 'ready');
    expect(textOf(el)).to.equal('value 7');
  });

  it('drops what it showed on clearSession(): loading, never the last value, then the new read', async () => {
    const { el } = await host();
    await settled(el);
    let release!: (value: Value) => void;
    answer = () => new Promise((resolve) => (release = resolve));
    clearSession();
    await until(() => reads.length === 2, 'the new session read');
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    expect(textOf(el)).to.not.contain('value 1');
    release({ n: 9 });
    await until(() => el.status === 'ready', 'ready');
    expect(textOf(el)).to.equal('value 9');
  });
});
