// The message bridge's listeners: one per window frames post to, gone with the last frame.
import { expect } from '@open-wc/testing';
import sinon from 'sinon/pkg/sinon-esm.js';
import { listenToFrame } from '../../src/embeds/message-bridge.js';

describe('listenToFrame', () => {
  it('removes its listener once every frame has stopped, also after a frame registered twice', () => {
    const frame = document.body.appendChild(document.createElement('iframe'));
    const added = sinon.spy(window, 'addEventListener');
    const removed = sinon.spy(window, 'removeEventListener');
    try {
      const source = frame.contentWindow!;
      const first = listenToFrame(source, 'https://plugin.intelliprove.com', () => {});
      const second = listenToFrame(source, 'https://plugin.intelliprove.com', () => {});
      first(); // stale: the second registration replaced it
      second();
      const count = (spy: sinon.SinonSpy) =>
        spy.getCalls().filter((c) => c.args[0] === 'message').length;
      expect(count(added)).to.equal(1);
      expect(count(removed)).to.equal(1);
    } finally {
      added.restore();
      removed.restore();
      frame.remove();
    }
  });
});
