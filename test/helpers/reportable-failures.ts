/**
 * Browser side, loaded on every test page before the test framework (web-test-runner.config.mjs,
 * testRunnerHtml): a failed assertion on a DOM node, a window or a function fails at once, with
 * its message and diff.
 *
 * web-test-runner sends each failure's `actual` and `expected` to Node through structuredClone;
 * those values cannot be cloned, so the page never reports and the run waits out
 * testsFinishTimeout (modernweb-dev/web#2967, #2772) — minutes, with no word of which test failed.
 * Here chai's failures carry such a value in its inspected form (`<iframe src="…">`) instead.
 */
import * as testing from '@open-wc/testing/pure';

// The side-effect-free entry: the default one registers open-wc's fixture clean-up with mocha,
// which is not on the page yet. It exports chai, though its typings leave it out.
const { chai } = testing as unknown as { chai: Chai.ChaiStatic };

/** Whether `value` survives the trip to Node. */
function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

const { Assertion, AssertionError, util } = chai;
const assert = Assertion.prototype.assert;
Assertion.prototype.assert = function (
  this: Chai.AssertionStatic,
  ...args: Parameters<typeof assert>
) {
  try {
    assert.apply(this, args);
  } catch (error) {
    if (error instanceof AssertionError) {
      const failure = error as Chai.AssertionError & { actual?: unknown; expected?: unknown };
      for (const key of ['actual', 'expected'] as const) {
        if (!cloneable(failure[key])) failure[key] = util.inspect(failure[key]);
      }
    }
    throw error;
  }
};
