// Attack: a page that sets the IntelliProve API base page-wide (data-api-base / configure) and
// adds a Sahha card as the README shows it (provider + token-endpoint, no api-base).
import { expect } from '@open-wc/testing';
import type { IpBiomarkerCard } from '../../src/entries/index.js';
import { configure } from '../../src/entries/index.js';
import { consoleErrors, render, settled } from '../helpers/data.js';
import { apiScenario, scenario } from '../helpers/scenario.js';

describe('the Sahha profile token and the page-wide IntelliProve api-base', () => {
  consoleErrors();

  it('a Sahha card never sends its profile token to the IntelliProve API base', async () => {
    const intelliprove = await apiScenario({ proxy: true }); // stands for engine.intelliprove.com
    configure({ apiBase: intelliprove.apiBase }); // what data-api-base="…" on the script tag does
    const sahhaToken = await scenario({ proxy: 'sahha', user: 'demo@example.com' });
    const card = await render<IpBiomarkerCard>('ip-biomarker-card', {
      provider: 'sahha',
      'token-endpoint': sahhaToken.endpoint,
      biomarker: 'steps',
    });
    await settled(card);
    const sent = (await intelliprove.log()).map((r) => `${r.path} ${r.authorization}`);
    expect(sent, 'the Sahha credential went to IntelliProve').to.deep.equal([]);
  });
});
