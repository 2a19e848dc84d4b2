// Deadline (src/core/deadline.ts): a time limit that stands still while held, and starts over
// with its full time when the last hold goes.
import { expect } from '@open-wc/testing';
import { Deadline } from '../../src/core/deadline.js';
import { until } from '../helpers/scenario.js';

const MS = 30;
/** Longer than `MS`: a deadline that ran would have run out by then. */
const longer = () => new Promise((resolve) => setTimeout(resolve, MS * 3));

describe('Deadline', () => {
  it('aborts with a TimeoutError once its time has run out', async () => {
    const deadline = new Deadline(MS);
    expect(deadline.signal.aborted).to.equal(false);
    await until(() => deadline.signal.aborted, 'the deadline');
    expect((deadline.signal.reason as DOMException).name).to.equal('TimeoutError');
  });

  it('stands still while held, by each holder until the last lets go, then starts over', async () => {
    const deadline = new Deadline(MS);
    const first = deadline.hold();
    const second = deadline.hold();
    await longer();
    first();
    first(); // once is enough; a second call changes nothing
    await longer();
    expect(deadline.signal.aborted, 'held by the second').to.equal(false);
    second();
    expect(deadline.signal.aborted, 'its full time again').to.equal(false);
    await until(() => deadline.signal.aborted, 'the deadline after the holds');
  });

  it('stays aborted: a hold after it ran out changes nothing', async () => {
    const deadline = new Deadline(MS);
    await until(() => deadline.signal.aborted, 'the deadline');
    const reason = deadline.signal.reason as unknown;
    deadline.hold()();
    expect(deadline.signal.reason).to.equal(reason);
  });
});
