// Frameworks may insert an element and set its properties a task later (Angular does for the
// elements of a routed component). CONTRACT §3: that never causes a request with default
// values, a second token request, or an error for an attribute that was on its way.
import { expect } from '@open-wc/testing';
import type { IpBiomarkerCard, IpFaceScan } from '../../src/entries/index.js';
import '../../src/entries/index.js';
import { consoleErrors, setup, textOf } from '../helpers/data.js';
import { sandboxEnv } from '../helpers/env.js';
import { record, relayUrl, scenario, until } from '../helpers/scenario.js';

/** Inserts `tag` bare, then sets `properties` in a later task, as Angular's router does. */
async function insertThenBind<T extends HTMLElement>(
  tag: string,
  properties: Partial<T>,
): Promise<T> {
  const el = document.createElement(tag) as T;
  document.body.append(el);
  await new Promise((resolve) => setTimeout(resolve));
  Object.assign(el, properties);
  return el;
}

describe('properties set a task after insertion', () => {
  const errors = consoleErrors();
  const made: HTMLElement[] = [];
  afterEach(() => made.splice(0).forEach((el) => el.remove()));

  it('a card reports no missing biomarker and reads once, with the bound values', async () => {
    const where = await setup();
    const el = await insertThenBind<IpBiomarkerCard>('ip-biomarker-card', {
      tokenEndpoint: where.endpoint,
      apiBase: where.apiBase,
      biomarker: 'heart_rate',
      lang: 'nl',
    });
    made.push(el);
    const failures = record(el, 'ip-error');
    await until(() => el.status === 'ready', 'ready');
    // The Dutch texts come on their own, once their chunk is here.
    await until(() => textOf(el).startsWith('Hartslag'), 'Dutch texts');
    expect(textOf(el)).to.match(/^Hartslag \d+ slagen\/min/);
    expect(failures).to.have.length(0);
    expect(errors().called, 'no console error').to.equal(false);
    expect(await where.tokenLog()).to.have.length(1);
  });

  it('a face scan asks its token endpoint once, in the bound language', async () => {
    const endpoint = await scenario({ json: { url: await relayUrl() } });
    const el = await insertThenBind<IpFaceScan>('ip-face-scan', {
      tokenEndpoint: endpoint.endpoint,
      allowedOrigins: (await sandboxEnv()).plugins,
      lang: 'fr',
    });
    made.push(el);
    await until(() => el.status === 'ready', 'ready');
    const log = await endpoint.log();
    expect(log).to.have.length(1);
    expect(log[0]!.body).to.deep.include({ purpose: 'face-scan', language: 'fr' });
    expect(errors().called, 'no console error').to.equal(false);
  });
});
