// A page of many cards (request-gate.ts): a read's time starts when it goes on the wire, not
// while it waits behind the browser's six connections per host.
import { expect } from '@open-wc/testing';
import type { IpBiomarkerCard } from '../../src/entries/index.js';
import '../../src/entries/index.js';
import { API_TIMEOUT_MS } from '../../src/data/api-client.js';
import { MAX_IN_FLIGHT } from '../../src/data/request-gate.js';
import { consoleErrors, renderAll, scripted } from '../helpers/data.js';
import { record, until } from '../helpers/scenario.js';

const SCAN = { face_scan_id: 'x', heart_rate: 61, timestamp: '2026-11-30T08:00:00Z' };

describe('API reads of a page of many cards', () => {
  consoleErrors();

  it('every card of 20 shows its value from an API that takes 3 s a read, 6 at a time on the wire', async () => {
    // Four rounds of six reads: the last round goes out after 9 s, past the 8 s a read has, so
    // reads that counted their wait in the browser's queue would time out.
    const delayMs = 3000;
    expect(Math.ceil(20 / MAX_IN_FLIGHT) * delayMs - delayMs).to.be.above(API_TIMEOUT_MS);
    const where = await scripted(undefined, [{ json: SCAN, delayMs }]);
    const cards = await renderAll<IpBiomarkerCard>(
      'ip-biomarker-card',
      Array.from({ length: 20 }, (_, i) => ({ biomarker: 'heart_rate', 'face-scan-id': `s-${i}` })),
      where,
    );
    const failures = record(document, 'ip-error');
    const settled = (card: IpBiomarkerCard) => !['idle', 'loading'].includes(card.status);
    await until(() => cards.every(settled), 'all settled', 25_000);
    expect(failures.map((event) => event.detail.message)).to.deep.equal([]);
    expect(cards.map((card) => card.status)).to.deep.equal(Array(20).fill('ready'));
    const log = await where.apiLog();
    expect(log).to.have.length(20);
    expect(Math.max(...log.map((entry) => entry.open!))).to.equal(MAX_IN_FLIGHT);
  });

  it('a card removed while its read waits for its turn never asks', async () => {
    const where = await scripted(undefined, [{ json: SCAN, delayMs: 1500 }]);
    const cards = await renderAll<IpBiomarkerCard>(
      'ip-biomarker-card',
      Array.from({ length: MAX_IN_FLIGHT + 2 }, (_, i) => ({
        biomarker: 'heart_rate',
        'face-scan-id': `w-${i}`,
      })),
      where,
    );
    await until(async () => (await where.apiLog()).length === MAX_IN_FLIGHT, 'six on the wire');
    const [waiting, next] = cards.slice(MAX_IN_FLIGHT);
    waiting!.remove();
    await until(() => next!.status === 'ready', 'the card after it shown');
    const asked = (await where.apiLog()).map((entry) => entry.path);
    expect(asked, asked.join(' ')).to.have.length(MAX_IN_FLIGHT + 1);
    expect(asked).to.not.include(`/v2/face-scans/w-${MAX_IN_FLIGHT}`);
    expect(asked).to.include(`/v2/face-scans/w-${MAX_IN_FLIGHT + 1}`);
  });
});
