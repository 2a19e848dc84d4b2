// Every animation of the kit, moving and still. The test pages start in prefers-reduced-motion
// (scripts/chromium.mjs), so that the many tests that hold an element in loading for seconds of
// real time do not spend the CPU on its shine or spinner; the tests here turn motion on.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { IpBiomarkerCard, IpFaceScan } from '../../src/entries/index.js';
import '../../src/entries/index.js';
import { consoleErrors, render, scripted } from '../helpers/data.js';
import { faceScanOn, scenario, until } from '../helpers/scenario.js';

const reduced = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** A card whose read is answered only after the test: it shows its skeleton all along. */
async function loadingCard(): Promise<IpBiomarkerCard> {
  const where = await scripted(undefined, [{ json: {}, delayMs: 20_000 }]);
  const card = await render<IpBiomarkerCard>(
    'ip-biomarker-card',
    { biomarker: 'heart_rate' },
    where,
  );
  await until(() => card.shadowRoot!.querySelector('.skeleton'), 'the skeleton');
  return card;
}

/** A face scan whose token endpoint answers only after the test: it shows its spinner. */
async function loadingScan(): Promise<IpFaceScan> {
  const scan = await faceScanOn((await scenario({ proxy: true, delayMs: 20_000 })).endpoint);
  await until(() => scan.shadowRoot!.querySelector('.spinner'), 'the spinner');
  return scan;
}

/** The CSS animations running in `el`'s shadow root, pseudo-elements' included, by name. */
const running = (el: Element) =>
  el
    .shadowRoot!.getAnimations()
    .filter((animation) => animation.playState === 'running')
    .map((animation) => animation as CSSAnimation);

describe('the kit in motion, and still with prefers-reduced-motion', () => {
  consoleErrors();
  afterEach(() => emulateMedia({ reducedMotion: 'reduce' }));

  it('test pages start in prefers-reduced-motion; a test can turn it off', async () => {
    expect(reduced()).to.equal(true);
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(reduced()).to.equal(false);
  });

  it("a loading card's skeleton shines, by a transform the compositor runs; still, it does not", async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const moving = await loadingCard();
    const shines = running(moving).filter((animation) => animation.animationName === 'shine');
    // The value skeleton and the time skeleton.
    expect(shines).to.have.length(2);
    for (const shine of shines) {
      const effect = shine.effect as KeyframeEffect;
      expect(effect.pseudoElement).to.equal('::after');
      // Only transform: a property the compositor animates without repainting the page.
      const animated = new Set(effect.getKeyframes().flatMap((frame) => Object.keys(frame)));
      for (const key of ['offset', 'computedOffset', 'easing', 'composite']) animated.delete(key);
      expect([...animated]).to.deep.equal(['transform']);
    }
    await emulateMedia({ reducedMotion: 'reduce' });
    const still = await loadingCard();
    expect(running(still)).to.deep.equal([]);
    const skeleton = still.shadowRoot!.querySelector('.skeleton')!;
    expect(getComputedStyle(skeleton, '::after').display).to.equal('none');
  });

  it("a loading plug-in's spinner spins; still, it does not", async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const moving = await loadingScan();
    expect(running(moving).map((animation) => animation.animationName)).to.deep.equal(['spin']);
    await emulateMedia({ reducedMotion: 'reduce' });
    const still = await loadingScan();
    expect(running(still)).to.deep.equal([]);
  });
});
