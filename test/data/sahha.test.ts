// provider="sahha" on cards and gauges, against the Sahha sandbox over real HTTP.
import { expect } from '@open-wc/testing';
import type { IpBiomarkerCard, IpMetricGauge } from '../../src/entries/index.js';
import '../../src/entries/index.js';
import { loadCatalog, translate, type MessageKey } from '../../src/i18n/translate.js';
import { render, renderAll, settled, textOf } from '../helpers/data.js';
import { sandboxEnv } from '../helpers/env.js';
import { record, scenario, until } from '../helpers/scenario.js';

const BIOMARKERS = [
  'steps',
  'sleep_duration',
  'heart_rate_resting',
  'heart_rate_variability_sdnn',
  'respiratory_rate',
  'oxygen_saturation',
  'vo2_max',
  'weight',
  'height',
  'body_mass_index',
  'body_fat',
  'active_energy_burned',
  'distance',
  'body_temperature',
];
const SCORES = ['activity', 'sleep', 'readiness', 'wellbeing', 'mental_wellbeing'];
const LANGUAGES = ['en', 'nl', 'fr', 'da', 'sv'] as const;

const valueText = (el: Element) =>
  (el.shadowRoot!.querySelector('.reading') as HTMLElement).innerText.replace(/\s+/g, ' ').trim();

async function sahhaSetup(user = 'demo@example.com') {
  const env = await sandboxEnv();
  const token = await scenario({ proxy: 'sahha', user });
  return { 'token-endpoint': token.endpoint, 'api-base': env.sahha, provider: 'sahha' };
}

describe('provider="sahha"', () => {
  it('shows every listed biomarker in both unit systems and all five languages', async () => {
    const where = await sahhaSetup();
    for (const lang of LANGUAGES) {
      await loadCatalog(lang);
      const shown = BIOMARKERS.flatMap((biomarker) =>
        ['metric', 'imperial'].map((unitSystem) => ({ biomarker, unitSystem })),
      );
      const cards = await renderAll<IpBiomarkerCard>(
        'ip-biomarker-card',
        shown.map(({ biomarker, unitSystem }) => ({
          ...where,
          biomarker,
          lang,
          'unit-system': unitSystem,
        })),
      );
      await Promise.all(cards.map((el) => settled(el)));
      cards.forEach((el, n) => {
        const { biomarker, unitSystem } = shown[n]!;
        expect(el.status, `${biomarker} ${lang} ${unitSystem}`).to.equal('ready');
        const label = el.shadowRoot!.querySelector('[part="label"]')!.textContent;
        expect(label, `${biomarker} ${lang}`).to.equal(
          translate(lang, `biomarker.${biomarker}` as MessageKey),
        );
        expect(el.shadowRoot!.querySelector('[part="value"]')!.textContent).to.match(/\d/);
      });
      cards[0]!.parentElement!.remove();
    }
  });

  it('converts where metric and imperial differ: 70 kg is 154 lb; height, distance, temperature', async () => {
    const where = await sahhaSetup();
    const show = async (biomarker: string, unitSystem: string) => {
      const el = await render<IpBiomarkerCard>('ip-biomarker-card', {
        ...where,
        biomarker,
        lang: 'en',
        'unit-system': unitSystem,
      });
      await settled(el);
      return valueText(el);
    };
    expect(await show('weight', 'metric')).to.equal('70 kg');
    expect(await show('weight', 'imperial')).to.equal('154 lb');
    expect(await show('height', 'metric')).to.match(/^175 cm$/);
    expect(await show('height', 'imperial')).to.match(/^5 ft 9 in$/);
    expect(await show('distance', 'metric')).to.match(/km$/);
    expect(await show('distance', 'imperial')).to.match(/mi$/);
    expect(await show('body_temperature', 'metric')).to.match(/°C$/);
    expect(await show('body_temperature', 'imperial')).to.match(/°F$/);
    expect(await show('steps', 'imperial')).to.equal(await show('steps', 'metric'));
    expect(await show('sleep_duration', 'metric')).to.match(/\d+ hr,? \d+ min/);
  });

  it('draws history from the daily values', async () => {
    const el = await render<IpBiomarkerCard>('ip-biomarker-card', {
      ...(await sahhaSetup()),
      biomarker: 'steps',
      history: '5',
      lang: 'en',
    });
    await settled(el);
    // A daily value: the day it ends (midnight UTC) as the page's zone (Pacific/Auckland) has it.
    const time = el.shadowRoot!.querySelector('time')!;
    expect(time.dateTime).to.match(/T00:00:00\.000Z$/);
    const day = new Intl.DateTimeFormat('en', {
      dateStyle: 'medium',
      timeZone: 'Pacific/Auckland',
    }).format(new Date(time.dateTime));
    expect(time.textContent!.trim()).to.equal(`On ${day}`);
    const canvas = await until(() => el.shadowRoot!.querySelector('canvas'), 'canvas');
    const { Chart } = await import('chart.js');
    const chart = await until(() => Chart.getChart(canvas), 'chart');
    expect(chart.data.datasets[0]!.data).to.have.length(5);
  });

  it('shows every score with its level in words, in all five languages, and its factors with details', async () => {
    const where = await sahhaSetup();
    for (const lang of LANGUAGES) {
      await loadCatalog(lang);
      const gauges = await renderAll<IpMetricGauge>(
        'ip-metric-gauge',
        SCORES.map((metric) => ({ ...where, metric, lang })),
      );
      await Promise.all(gauges.map((el) => settled(el)));
      gauges.forEach((el, n) => {
        const metric = SCORES[n]!;
        expect(el.status, `${metric} ${lang}`).to.equal('ready');
        const score = Number(
          el.shadowRoot!.querySelector('[role="meter"]')!.getAttribute('aria-valuenow'),
        );
        expect(score).to.be.within(0, 100);
        expect(score, 'shown 0–100, not 0–1').to.be.greaterThan(1);
        const level = el.shadowRoot!.querySelector('.zone-text')!.textContent!;
        const levels = ['minimal', 'low', 'medium', 'high'].map((l) =>
          translate(lang, `level.${l}` as MessageKey),
        );
        expect(levels, `${metric} ${lang}: ${level}`).to.include(level);
      });
      gauges[0]!.parentElement!.remove();
    }
    const detailed = await render<IpMetricGauge>('ip-metric-gauge', {
      ...where,
      metric: 'sleep',
      details: '',
    });
    await settled(detailed);
    expect(detailed.shadowRoot!.querySelectorAll('[part="factors"] li').length).to.be.greaterThan(
      0,
    );
    // Unchanged by IntelliProve's explanations: no meaning or basis, no confidence band.
    expect(detailed.shadowRoot!.querySelector('[part="about"]')).to.equal(null);
    expect(detailed.shadowRoot!.querySelector('svg .band')).to.equal(null);
    expect(
      detailed.shadowRoot!.querySelector('[role="meter"]')!.getAttribute('aria-valuetext'),
    ).to.not.match(/confidence/i);
    await expect(detailed).to.be.accessible();
  });

  it('says "no data yet" for 204, without ip-error', async () => {
    const where = await sahhaSetup('sahha-empty@example.com');
    const failures: Event[] = [];
    const listen = (e: Event) => failures.push(e);
    document.addEventListener('ip-error', listen);
    const card = await render<IpBiomarkerCard>('ip-biomarker-card', {
      ...where,
      biomarker: 'steps',
      lang: 'en',
    });
    const gauge = await render<IpMetricGauge>('ip-metric-gauge', {
      ...where,
      metric: 'sleep',
      lang: 'en',
    });
    await settled(card);
    await settled(gauge);
    document.removeEventListener('ip-error', listen);
    expect(card.status).to.equal('empty');
    expect(textOf(card)).to.contain('No data yet').and.contain('once your device has shared data');
    expect(textOf(card)).to.not.contain('face scan');
    expect(gauge.status).to.equal('empty');
    expect(textOf(gauge)).to.contain('No data yet').and.contain('once your device has shared data');
    expect(failures).to.have.length(0);
  });

  it('renews an expired profile token once through the token endpoint', async () => {
    const env = await sandboxEnv();
    const token = await scenario(
      {
        json: {
          token: 'expired-profile-token',
          expires_at: new Date(Date.now() + 3600_000).toISOString(),
        },
      },
      { proxy: 'sahha' },
    );
    const el = await render<IpBiomarkerCard>('ip-biomarker-card', {
      'token-endpoint': token.endpoint,
      'api-base': env.sahha,
      provider: 'sahha',
      biomarker: 'weight',
      lang: 'en',
    });
    const failures = record(el, 'ip-error');
    await settled(el);
    expect(el.status).to.equal('ready');
    expect(await token.log()).to.have.length(2);
    expect(failures).to.have.length(0);
  });

  it('names the valid Sahha biomarkers when the attribute is wrong', async () => {
    const original = console.error;
    const messages: string[] = [];
    console.error = (message: string) => messages.push(message);
    try {
      const el = await render<IpBiomarkerCard>('ip-biomarker-card', {
        ...(await sahhaSetup()),
        biomarker: 'heart_rate',
      });
      await settled(el);
      expect(el.status).to.equal('error');
      expect(messages.join('\n'))
        .to.contain('is not a biomarker of sahha')
        .and.contain('steps, active_energy_burned');
    } finally {
      console.error = original;
    }
  });
});
