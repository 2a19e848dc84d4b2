// A page of many cards (request-gate.ts): a read's time starts when it goes on the wire, not
// while it waits behind the browser's six connections per host, and a queue behind a server
// that does not answer fails at once.
import { expect } from '@open-wc/testing';
import type { IpBiomarkerCard } from '../../src/entries/index.js';
import '../../src/entries/index.js';
import { READ_TIMEOUT_MS } from '../../src/data/reading.js';
import { clock } from '../../src/core/deadline.js';
import { API_TIMEOUT_MS, MAX_IN_FLIGHT, throughGate } from '../../src/data/request-gate.js';
import { consoleErrors, renderAll, scripted, type Setup } from '../helpers/data.js';
import { record, until } from '../helpers/scenario.js';

const SCAN = { face_scan_id: 'x', heart_rate: 61, timestamp: '2026-11-30T08:00:00Z' };

/** `count` heart-rate cards, each showing a scan of its own (`<prefix>-<n>`): a read each. */
const cardsOf = (where: Setup, count: number, prefix: string) =>
  renderAll<IpBiomarkerCard>(
    'ip-biomarker-card',
    Array.from({ length: count }, (_, i) => ({
      biomarker: 'heart_rate',
      'face-scan-id': `${prefix}-${i}`,
    })),
    where,
  );

describe('API reads of a page of many cards', () => {
  consoleErrors();

  it('every card of 20 shows its value from an API that takes 5 s a read, 6 at a time on the wire', async () => {
    // Four rounds of six reads: the last round goes out after 15 s, past the 8 s a read has,
    // and is answered after 20 s, past the 18 s a card has: reads or cards that counted their
    // wait for a turn would time out.
    const delayMs = 5000;
    const rounds = Math.ceil(20 / MAX_IN_FLIGHT);
    expect((rounds - 1) * delayMs).to.be.above(API_TIMEOUT_MS);
    expect(rounds * delayMs).to.be.above(READ_TIMEOUT_MS);
    const where = await scripted(undefined, [{ json: SCAN, delayMs }]);
    const cards = await cardsOf(where, 20, 's');
    const failures = record(document, 'ip-error');
    const settled = (card: IpBiomarkerCard) => !['idle', 'loading'].includes(card.status);
    await until(() => cards.every(settled), 'all settled', 40_000);
    expect(failures.map((event) => event.detail.message)).to.deep.equal([]);
    expect(cards.map((card) => card.status)).to.deep.equal(Array(20).fill('ready'));
    const log = await where.apiLog();
    expect(log).to.have.length(20);
    expect(Math.max(...log.map((entry) => entry.open!))).to.equal(MAX_IN_FLIGHT);
  });

  it('a card removed while its read waits for its turn never asks', async () => {
    const where = await scripted(undefined, [{ json: SCAN, delayMs: 1500 }]);
    const cards = await cardsOf(where, MAX_IN_FLIGHT + 2, 'w');
    await until(async () => (await where.apiLog()).length === MAX_IN_FLIGHT, 'six on the wire');
    const [waiting, next] = cards.slice(MAX_IN_FLIGHT);
    waiting!.remove();
    await until(() => next!.status === 'ready', 'the card after it shown');
    const asked = (await where.apiLog()).map((entry) => entry.path);
    expect(asked, asked.join(' ')).to.have.length(MAX_IN_FLIGHT + 1);
    expect(asked).to.not.include(`/v2/face-scans/w-${MAX_IN_FLIGHT}`);
    expect(asked).to.include(`/v2/face-scans/w-${MAX_IN_FLIGHT + 1}`);
  });

  it('a card removed while its read is on the wire frees its place: the cards waiting go on', async () => {
    const where = await scripted(undefined, [{ json: SCAN, delayMs: 1500 }]);
    const cards = await cardsOf(where, MAX_IN_FLIGHT + 2, 'r');
    await until(async () => (await where.apiLog()).length === MAX_IN_FLIGHT, 'six on the wire');
    const failures = record(document, 'ip-error');
    cards[0]!.remove();
    const rest = cards.slice(1);
    await until(() => rest.every((card) => card.status === 'ready'), 'the other cards shown');
    expect(failures).to.have.length(0);
    expect(await where.apiLog()).to.have.length(MAX_IN_FLIGHT + 2);
  });

  it('cards waiting for their turn behind reads that get no answer fail with them, and never ask', async () => {
    const HANG = { json: SCAN, delayMs: 40_000 };
    const count = MAX_IN_FLIGHT * 2;
    // The six on the wire get no answer; a read after them (a retry) gets the scan.
    const where = await scripted(undefined, [...Array(MAX_IN_FLIGHT).fill(HANG), { json: SCAN }]);
    const cards = await cardsOf(where, count, 'h');
    const failures = record(document, 'ip-error');
    await until(() => cards.every((card) => card.status === 'error'), 'all in error', 30_000);
    expect(failures).to.have.length(count);
    for (const event of failures)
      expect(event.detail.message).to.match(/did not answer .* in time/);
    // The six behind them never went on the wire.
    expect(await where.apiLog()).to.have.length(MAX_IN_FLIGHT);
    // A retry asks again, and is answered.
    const last = cards[count - 1]!;
    last.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await until(() => last.status === 'ready', 'the retried card shown');
    expect(await where.apiLog()).to.have.length(MAX_IN_FLIGHT + 1);
  });

  it('a read with no answer frees its place even when its fetch never ends; the queue fails only when all on the wire are silent', async () => {
    const live = new AbortController().signal;
    /** A fetch that never ends, and ignores its signal (a wrapped fetch, say). */
    const never = () => new Promise<string>(() => {});
    const answeredAfter = (ms: number) => async () => {
      const sent = clock();
      await until(() => clock() - sent >= ms, 'the answer');
      return 'ok';
    };
    // One origin: six reads that never end, and one behind them.
    const silent = 'https://silent.example';
    let asked = false;
    const stuck = [
      ...Array.from({ length: MAX_IN_FLIGHT }, () => throughGate(silent, live, never)),
      throughGate(silent, live, () => ((asked = true), answeredAfter(0)())),
    ];
    // Another: one read with no answer, and shortly before its time is up, twelve that a slow
    // server answers in a second: too young to be called silent when the first times out.
    const slow = 'https://slow.example';
    const start = clock();
    const alone = throughGate(slow, live, never);
    await until(() => clock() - start >= API_TIMEOUT_MS - 500, 'the lone read near its end');
    const young = Array.from({ length: 12 }, () => throughGate(slow, live, answeredAfter(1000)));

    const outcome = (result: PromiseSettledResult<string>) =>
      result.status === 'fulfilled' ? result.value : (result.reason as Error).name;
    const outcomes = (await Promise.allSettled([...stuck, alone, ...young])).map(outcome);
    expect(outcomes.slice(0, MAX_IN_FLIGHT + 2)).to.deep.equal(
      Array(MAX_IN_FLIGHT + 2).fill('TimeoutError'),
    );
    expect(asked, 'the read behind six silent ones went out').to.equal(false);
    expect(outcomes.slice(MAX_IN_FLIGHT + 2)).to.deep.equal(Array(12).fill('ok'));
    // Nothing is left holding a place: a read now goes out at once.
    expect(await throughGate(silent, live, answeredAfter(0))).to.equal('ok');
  });
});
