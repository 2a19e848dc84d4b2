// What every test page has before its tests (test/helpers/reportable-failures.ts): a failed
// assertion on a value web-test-runner cannot send to Node still reaches it.
import { expect, fixture, html } from '@open-wc/testing';

/** The AssertionError that `assertion` throws. */
function failureOf(
  assertion: () => void,
): Chai.AssertionError & { actual: unknown; expected: unknown } {
  try {
    assertion();
  } catch (error) {
    return error as never;
  }
  throw new Error('the assertion passed');
}

describe('a failed assertion on a test page', () => {
  it('carries a DOM node as its inspected form, which reaches Node', async () => {
    const box = await fixture<HTMLElement>(html`<div><iframe src="about:blank"></iframe></div>`);
    const failure = failureOf(() => expect(box.querySelector('iframe')).to.equal(null));
    expect(failure.message).to.include('expected <iframe src="about:blank">');
    // typeof first: were the node still there, this test's own failure would not be reported.
    expect(typeof failure.actual).to.equal('string');
    expect(failure.actual).to.equal('<iframe src="about:blank"></iframe>');
    expect(failure.expected).to.equal(null);
    expect(() =>
      structuredClone({ actual: failure.actual, expected: failure.expected }),
    ).to.not.throw();
  });

  it('carries a window and a function as text, and leaves plain values as they were', () => {
    const windowFailure = failureOf(() => expect(window).to.equal(document));
    expect(typeof windowFailure.actual).to.equal('string');
    expect(typeof windowFailure.expected).to.equal('string');
    expect(windowFailure.expected).to.include('HTMLDocument');
    const callback = () => 'x';
    expect(typeof failureOf(() => expect(callback).to.equal(null)).actual).to.equal('string');
    const plain = failureOf(() => expect({ a: [1, 2] }).to.deep.equal({ a: [1] }));
    expect(plain.actual).to.deep.equal({ a: [1, 2] });
    expect(plain.expected).to.deep.equal({ a: [1] });
  });
});
