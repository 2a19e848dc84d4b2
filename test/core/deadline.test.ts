// Deadline (src/core/deadline.ts): a time limit that stands still while held, and goes on with
// the time it had left when the last hold goes.
import { expect } from '@open-wc/testing';
import { Deadline, clock } from '../../src/core/deadline.js';
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

  it('stands still while held, by each holder until the last lets go', async () => {
    const deadline = new Deadline(MS);
    const first = deadline.hold();
    const second = deadline.hold();
    await longer();
    first();
    first(); // once is enough; a second call changes nothing
    await longer();
    expect(deadline.signal.aborted, 'held by the second').to.equal(false);
    second();
    expect(deadline.signal.aborted, 'the time it had left').to.equal(false);
    await until(() => deadline.signal.aborted, 'the deadline after the holds');
  });

  it('goes on with the time it had left, not with its full time', async () => {
    const ms = 1000;
    const deadline = new Deadline(ms);
    const start = clock();
    await until(() => clock() - start >= ms * 0.6, 'most of its time');
    deadline.hold()();
    const released = clock();
    await until(() => deadline.signal.aborted, 'the deadline');
    // About 400 ms were left; a fresh start would take 1000 (the rest is room for a busy machine).
    expect(clock() - released).to.be.below(ms * 0.9);
  });

  it('stays aborted: a hold after it ran out changes nothing', async () => {
    const deadline = new Deadline(MS);
    await until(() => deadline.signal.aborted, 'the deadline');
    const reason = deadline.signal.reason as unknown;
    deadline.hold()();
    expect(deadline.signal.reason).to.equal(reason);
  });
});
