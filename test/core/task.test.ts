// The kit's Task controller keeps @lit/task's semantics where the elements rely on them.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Task } from '../../src/core/task.js';

const tick = () => new Promise((resolve) => setTimeout(resolve));

/** A host whose task reads `input`, answering after a task (or failing on `fail`). */
class TaskHost extends LitElement {
  static override properties = { input: {}, fail: {} };
  declare input: unknown;
  declare fail: boolean;
  runs: unknown[] = [];
  signals: AbortSignal[] = [];
  readonly task = new Task(this, {
    args: () => [this.input, this.fail] as const,
    task: async ([input, fail], { signal }) => {
      this.runs.push(input);
      this.signals.push(signal);
      await tick();
      if (fail) throw new Error('failed');
      return `value of ${String(input)}`;
    },
  });
}
customElements.define('ip-task-test-host', TaskHost);

describe('Task', () => {
  it('runs once for an argument that is NaN (compared like Lit: Object.is)', async () => {
    const el = await fixture<TaskHost>(html`<ip-task-test-host .input=${NaN}></ip-task-test-host>`);
    for (let i = 0; i < 5; i++) await tick();
    expect(el.task.status).to.equal('complete');
    expect(el.runs).to.have.length(1);
  });

  it('aborts the run it replaces and keeps only the latest outcome', async () => {
    const el = await fixture<TaskHost>(html`<ip-task-test-host .input=${'a'}></ip-task-test-host>`);
    el.input = 'b';
    await el.updateComplete;
    for (let i = 0; i < 3; i++) await tick();
    expect(el.runs).to.deep.equal(['a', 'b']);
    expect(el.signals[0]!.aborted).to.equal(true);
    expect(el.task.value).to.equal('value of b');
  });

  it('clears the value on error, as @lit/task does', async () => {
    const el = await fixture<TaskHost>(html`<ip-task-test-host .input=${'a'}></ip-task-test-host>`);
    for (let i = 0; i < 3; i++) await tick();
    expect(el.task.value).to.equal('value of a');
    el.fail = true;
    for (let i = 0; i < 3; i++) await tick();
    expect(el.task.status).to.equal('error');
    expect(el.task.error).to.be.instanceOf(Error);
    expect(el.task.value).to.equal(undefined);
  });
});
