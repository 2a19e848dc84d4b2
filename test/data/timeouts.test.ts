// Attack: the API read's 8 s clock starts before its token is fetched, so a slow (but in-budget)
// token endpoint eats the API read's time.
import { expect } from '@open-wc/testing';
import type { IpBiomarkerCard } from '../../src/entries/index.js';
import '../../src/entries/index.js';
import { consoleErrors, render, scripted, settled, textOf, type Setup } from '../helpers/data.js';
import { record } from '../helpers/scenario.js';

/** A heart-rate card on `where`, the ip-error events it fires, once it has settled. */
async function settledCard(where: Setup) {
  const card = await render<IpBiomarkerCard>(
    'ip-biomarker-card',
    { biomarker: 'heart_rate', lang: 'en' },
    where,
  );
  const failures = record(card, 'ip-error');
  await settled(card, 20_000);
  return { card, failures: failures.map((e) => e.detail.message) };
}

describe('token time counted against the API read', () => {
  consoleErrors();

  it('token endpoint 5 s (< 8 s), API 3.5 s (< 8 s): the card shows the value', async () => {
    const { card, failures } = await settledCard(
      await scripted([{ proxy: true, delayMs: 5000 }], [{ proxy: true, delayMs: 3500 }]),
    );
    expect(failures, 'no error: each request answered within its own 8 s').to.deep.equal([]);
    expect(card.status).to.equal('ready');
    expect(textOf(card)).to.match(/\d+ bpm/);
  });

  it('an expired token (401), renewal 4 s, retried read 1 s, after a 3.5 s first read: shown', async () => {
    // First token: a bogus one the API refuses; the renewal is real but slow.
    const { card, failures } = await settledCard(
      await scripted(
        [{ json: { token: 'expired-token' } }, { proxy: true, delayMs: 4000 }],
        [
          { status: 401, json: { detail: 'expired' }, delayMs: 3500 },
          { proxy: true, delayMs: 1000 },
        ],
      ),
    );
    expect(failures).to.deep.equal([]);
    expect(card.status).to.equal('ready');
  });
});
