import { expect, fixture } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { IpMetricGauge } from '../../src/entries/index.js';
import '../../src/entries/index.js';
import { BIOMARKERS } from '../../src/data/providers/intelliprove/scans.js';
import { intelliproveScores } from '../../src/data/providers/intelliprove/scores.js';
import { GAUGE_METRICS, METRICS, WELLBEING_SCORES } from '../../src/protocol/health.js';
import {
  consoleErrors,
  engineGet,
  render,
  renderAll,
  scripted,
  settled,
  setup,
  textOf,
  type Setup,
} from '../helpers/data.js';
import { until } from '../helpers/scenario.js';

const gauge = (attributes: Record<string, string>, where?: Setup) =>
  render<IpMetricGauge>('ip-metric-gauge', attributes, where);
/** The words of one part of the gauge, as a user reads them. */
const said = (part: Element) => part.textContent!.replace(/\s+/g, ' ').trim();
const meterOf = (el: IpMetricGauge) => el.shadowRoot!.querySelector('[role="meter"]')!;

/** The drawn half ring: its track and the arc over it. */
function ringOf(el: IpMetricGauge) {
  const svg = el.shadowRoot!.querySelector('[part="chart"] svg')!;
  return {
    svg,
    track: svg.querySelector('.track')!,
    arc: svg.querySelector('.arc')!,
    band: svg.querySelector<SVGPathElement>('.band'),
  };
}

/**
 * Where the confidence band lies on the ring, read from its geometry: the scores (0 on the
 * left, 100 on the right) at its two ends, from their angles about the ring's centre.
 */
function bandOf(el: IpMetricGauge) {
  const band = ringOf(el).band!;
  const scoreAt = (length: number) => {
    const { x, y } = band.getPointAtLength(length);
    return 100 - (Math.atan2(100 - y, x - 100) * 100) / Math.PI;
  };
  const [from, to] = [scoreAt(0), scoreAt(band.getTotalLength())];
  return { from, to, degrees: ((to - from) * 180) / 100 };
}

/** The gauge for one metric answer of the API (`{ score, confidence }`, or null). */
const answering = async (metric: string, value: unknown, attributes = {}) => {
  const where = await scripted([{ proxy: true }], [{ json: { metrics: { [metric]: value } } }]);
  const el = await gauge({ metric, lang: 'en', ...attributes }, where);
  await settled(el);
  return el;
};
const strokeOf = (path: Element) => getComputedStyle(path).stroke;

describe('<ip-metric-gauge>', () => {
  const errors = consoleErrors();

  it("shows the sandbox's metric: score, confidence, zone, and a meter for assistive technology", async () => {
    const { metrics } = await engineGet('/v2/metrics');
    const where = await setup();
    for (const metric of METRICS) {
      const expected = metrics[metric] as { score: number; confidence: number };
      const el = await gauge({ metric, lang: 'en' }, where);
      await settled(el);
      const score = Math.round(expected.score * 10) / 10;
      const zone = expected.score < 45 ? 'Below' : expected.score > 55 ? 'Above' : 'Around';
      expect(el.shadowRoot!.querySelector('[part="value"]')!.textContent, metric).to.equal(
        String(score),
      );
      expect(textOf(el))
        .to.contain(`${zone} your average`)
        .and.contain(`Confidence ${Math.round(expected.confidence)}%`);
      const meter = meterOf(el);
      expect(meter.getAttribute('aria-valuenow')).to.equal(String(score));
      expect(meter.getAttribute('aria-valuemin')).to.equal('0');
      expect(meter.getAttribute('aria-valuemax')).to.equal('100');
      expect(meter.getAttribute('aria-valuetext')).to.equal(
        `${score} out of 100, ${zone} your average, confidence ${Math.round(expected.confidence)}%`,
      );
      await expect(el).to.be.accessible();
    }
  });

  it('shows wellbeing scores, without confidence', async () => {
    const wellbeing = await engineGet('/v2/userprofiles/wellbeing');
    const where = await setup();
    for (const [metric, key] of Object.entries(WELLBEING_SCORES)) {
      const el = await gauge({ metric: metric!, lang: 'en' }, where);
      await settled(el);
      expect(el.shadowRoot!.querySelector('[part="value"]')!.textContent).to.equal(
        String(Math.round(wellbeing[key!] * 10) / 10),
      );
      expect(el.shadowRoot!.querySelector('[part="confidence"]')).to.equal(null);
      // No confidence: no band, and the meter says nothing about it.
      expect(ringOf(el).band).to.equal(null);
      expect(meterOf(el).getAttribute('aria-valuetext')).to.not.match(/confidence/i);
    }
  });

  it('uses a decimal comma and Dutch words with nl', async () => {
    const el = await gauge({ metric: 'mental_stress', lang: 'nl' }, await setup());
    await settled(el);
    await until(() => textOf(el).startsWith('Mentale stress'), 'Dutch label');
    const { metrics } = await engineGet('/v2/metrics');
    const score = Math.round(metrics.mental_stress.score * 10) / 10;
    const shown = el.shadowRoot!.querySelector('[part="value"]')!.textContent!;
    expect(shown).to.equal(String(score).replace('.', ','));
    expect(textOf(el)).to.match(/je gemiddelde/i);
  });

  it('says "no data yet" for a null metric and for a user without scans (204), without ip-error', async () => {
    const failures: Event[] = [];
    const listen = (e: Event) => failures.push(e);
    document.addEventListener('ip-error', listen);
    const nullMetric = await gauge(
      { metric: 'sleep_quality', lang: 'en' },
      await setup('jan@example.be'),
    );
    const noScans = await gauge(
      { metric: 'energy_balance', lang: 'en' },
      await setup('new@example.com'),
    );
    await settled(nullMetric);
    await settled(noScans);
    document.removeEventListener('ip-error', listen);
    for (const el of [nullMetric, noScans]) {
      expect(el.status).to.equal('empty');
      expect(textOf(el)).to.contain('No data yet');
      await expect(el).to.be.accessible();
    }
    expect(failures).to.have.length(0);
  });

  it('under "No data yet" says what unlocks an empty sleep-quality gauge, in each of the five languages', async () => {
    const where = await setup('jan@example.be'); // no sleep answers: sleep quality is null
    for (const [lang, title, unlock] of [
      [
        'en',
        'No data yet',
        'This appears after at least two face scans before 10 am within one week, usually after your first week.',
      ],
      [
        'nl',
        'Nog geen gegevens',
        'Dit verschijnt na minstens twee gezichtsscans vóór 10 uur ’s ochtends binnen één week, meestal na je eerste week.',
      ],
      [
        'fr',
        'Pas encore de données',
        'S’affichera après au moins deux scans du visage avant 10 h au cours d’une même semaine, en général après votre première semaine.',
      ],
      [
        'da',
        'Ingen data endnu',
        'Dette vises efter mindst to ansigtsscanninger før kl. 10 inden for én uge, som regel efter din første uge.',
      ],
      [
        'sv',
        'Inga data än',
        'Det här visas efter minst två ansiktsskanningar före kl. 10 inom en vecka, oftast efter din första vecka.',
      ],
    ] as const) {
      const el = await gauge({ metric: 'sleep_quality', lang }, where);
      await settled(el);
      expect(el.status, lang).to.equal('empty');
      const [shownTitle, hint] = [...el.shadowRoot!.querySelectorAll('[part="empty"] p')];
      expect(said(shownTitle!), lang).to.equal(title);
      expect(said(hint!), lang).to.equal(unlock);
      expect(hint!.checkVisibility(), `${lang}: the condition is on screen`).to.equal(true);
      await expect(el).to.be.accessible();
    }
  });

  it('says what unlocks each metric for a user without any scan yet (204)', async () => {
    const where = await setup('new@example.com');
    const expected: Record<string, RegExp> = {
      sleep_quality: /two face scans before 10 am within one week/,
      mental_stress: /the day after your first face scan\.$/,
      general_fitness: /two or three face scans, once you have answered the fitness questions/,
      mental_health_risk: /two face scans a week for three weeks in a row/,
      wellbeing_mental: /once the metrics behind it have their first results/,
    };
    for (const [metric, unlock] of Object.entries(expected)) {
      const el = await gauge({ metric, lang: 'en' }, where);
      await settled(el);
      expect(el.status, metric).to.equal('empty');
      expect(said(el.shadowRoot!.querySelector('[part="empty"] .hint')!), metric).to.match(unlock);
    }
  });

  it('draws the confidence as a band around the score: wide when unsure, narrowing to the score', async () => {
    const widths: number[] = [];
    for (const confidence of [10, 40, 70, 100]) {
      const el = await answering('mental_stress', { score: 50, confidence });
      const band = bandOf(el);
      expect(band.from, `${confidence}: from below the score`).to.be.below(50);
      expect(band.to, `${confidence}: to above it`).to.be.above(50);
      expect((band.from + band.to) / 2, 'centred on the score').to.be.closeTo(50, 0.1);
      expect(getComputedStyle(ringOf(el).band!).stroke).to.not.equal('none');
      widths.push(band.degrees);
      expect(meterOf(el).getAttribute('aria-valuetext')).to.equal(
        `50 out of 100, Around your average, confidence ${confidence}%`,
      );
      await expect(el).to.be.accessible();
    }
    for (let n = 1; n < widths.length; n++) {
      expect(widths[n], `narrower at higher confidence: ${widths.join(', ')}°`).to.be.below(
        widths[n - 1]!,
      );
    }
    expect(widths[0], 'confidence 10: a wide band').to.be.above(45);
    expect(widths[3], 'confidence 100: a dot at the score').to.be.below(3);
  });

  it('keeps the band on the ring near its ends, and reads the confidence out in the language', async () => {
    for (const score of [1, 99]) {
      const band = bandOf(await answering('mental_stress', { score, confidence: 5 }));
      expect(band.from, `${score}`).to.be.at.least(0);
      expect(band.to, `${score}`).to.be.at.most(100);
    }
    const dutch = await answering('mental_stress', { score: 62.5, confidence: 40 }, { lang: 'nl' });
    expect(meterOf(dutch).getAttribute('aria-valuetext')).to.equal(
      '62,5 van de 100, Boven je gemiddelde, betrouwbaarheid 40%',
    );
  });

  it('draws no band and reads out no confidence when the API gives none it can use', async () => {
    for (const value of [
      { score: 60 },
      { score: 60, confidence: 'high' },
      { score: 60, confidence: 140 },
    ]) {
      const el = await answering('mental_stress', value);
      expect(el.status).to.equal('ready');
      expect(ringOf(el).band, JSON.stringify(value)).to.equal(null);
      expect(meterOf(el).getAttribute('aria-valuetext')).to.equal(
        '60 out of 100, Above your average',
      );
      expect(textOf(el)).to.not.contain('Confidence');
      await expect(el).to.be.accessible();
    }
  });

  it('with details, says what the score means and what it is based on', async () => {
    const where = await setup();
    const el = await gauge({ metric: 'sleep_quality', lang: 'en', details: '' }, where);
    await settled(el);
    const meaning = el.shadowRoot!.querySelector('[part="meaning"]')!;
    const basis = el.shadowRoot!.querySelector('[part="basis"]')!;
    expect(said(meaning)).to.equal(
      'How restful your sleep is, and so how ready you are for the day. The score compares you with a healthy person of your age and sex: 50 is average, and higher is better.',
    );
    expect(said(basis)).to.equal(
      'Based on your heart rate, heart rate variability and stress level, what you told us about your sleep, and signs of tiredness in your face, such as dark circles or puffy eyes.',
    );
    expect(meaning.checkVisibility() && basis.checkVisibility()).to.equal(true);
    await expect(el).to.be.accessible();
    const risk = await gauge({ metric: 'hypertension', lang: 'en', details: '' }, where);
    await settled(risk);
    expect(said(risk.shadowRoot!.querySelector('[part="meaning"]')!)).to.contain(
      'a higher score means a lower risk',
    );
    expect(said(risk.shadowRoot!.querySelector('[part="basis"]')!)).to.equal(
      'Based on the blood-flow signal measured in your face during the scans, and what you told us about yourself.',
    );
    const plain = await gauge({ metric: 'sleep_quality', lang: 'en' }, where);
    await settled(plain);
    expect(plain.shadowRoot!.querySelector('[part="about"]'), 'only with details').to.equal(null);
  });

  it('explains every metric with details, in each of the five languages', async () => {
    const where = await setup();
    for (const lang of ['en', 'nl', 'fr', 'da', 'sv'] as const) {
      const gauges = await renderAll<IpMetricGauge>(
        'ip-metric-gauge',
        GAUGE_METRICS.map((metric) => ({ metric, lang, details: '' })),
        where,
      );
      await Promise.all(gauges.map((el) => settled(el)));
      const texts = gauges.map((el) => {
        const [meaning, basis] = ['meaning', 'basis'].map((part) =>
          said(el.shadowRoot!.querySelector(`[part="${part}"]`)!),
        );
        return { metric: el.metric!, meaning: meaning!, basis: basis! };
      });
      for (const { metric, meaning, basis } of texts) {
        expect(meaning, `${lang} ${metric}`).to.contain('50');
        expect(basis.length, `${lang} ${metric}`).to.be.greaterThan(40);
        if (lang !== 'en') {
          expect(meaning, `${lang} ${metric} is not English`).to.not.contain('The score');
          expect(basis, `${lang} ${metric} is not English`).to.not.contain('Based on');
        }
      }
      expect(new Set(texts.map((t) => t.basis)).size, `${lang}: one basis per metric`).to.equal(
        GAUGE_METRICS.length,
      );
      await expect(gauges[0]).to.be.accessible();
      gauges[0]!.parentElement!.remove();
    }
  });

  it('draws the arc in SVG, its share of the ring the score, coloured by CSS from --ip-* properties', async () => {
    const el = await gauge({ metric: 'mental_stress' }, await setup());
    await settled(el);
    const { svg, track, arc } = ringOf(el);
    expect(el.shadowRoot!.querySelector('canvas'), 'no canvas').to.equal(null);
    expect(svg.getAttribute('aria-hidden')).to.equal('true');
    const score = Number(meterOf(el).getAttribute('aria-valuenow'));
    const zone = score < 45 ? 'below' : score > 55 ? 'above' : 'around';
    // The arc is the ring's first `score` hundredths (pathLength 100): offset 100 − score.
    expect(arc.getAttribute('pathLength')).to.equal('100');
    expect(Number(arc.getAttribute('stroke-dashoffset'))).to.be.closeTo(100 - score, 0.05);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `html.dark ip-metric-gauge { --ip-gauge-color-${zone}: rgb(1, 2, 3); --ip-color-track: rgb(4, 5, 6); }`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    document.documentElement.classList.add('dark');
    try {
      // A theme change needs no code: the same elements, restyled (the arc's colour through
      // its 600 ms transition, once a frame has drawn it).
      expect(strokeOf(track)).to.equal('rgb(4, 5, 6)');
      await until(() => strokeOf(arc) === 'rgb(1, 2, 3)', 'the arc in the new colour');
      expect(ringOf(el).arc).to.equal(arc);
    } finally {
      document.documentElement.classList.remove('dark');
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  it('follows a new score in place: the same arc, a new share', async () => {
    const where = await scripted(
      [{ proxy: true }],
      [
        { json: { metrics: { mental_stress: { score: 30, confidence: 80 } } } },
        { json: { metrics: { mental_stress: { score: 80, confidence: 80 } } } },
      ],
    );
    const el = await gauge({ metric: 'mental_stress' }, where);
    await settled(el);
    const { arc } = ringOf(el);
    expect(arc.getAttribute('stroke-dashoffset')).to.equal('70');
    expect(meterOf(el).classList.contains('zone-below')).to.equal(true);
    el.reload();
    await until(() => ringOf(el).arc.getAttribute('stroke-dashoffset') === '20', 'new score');
    expect(ringOf(el).arc).to.equal(arc);
    expect(meterOf(el).classList.contains('zone-above')).to.equal(true);
    const band = bandOf(el);
    expect((band.from + band.to) / 2, 'the band follows the score').to.be.closeTo(80, 0.1);
  });

  it('names the valid metrics when the attribute is wrong', async () => {
    const el = await gauge({ metric: 'happiness' }, await setup());
    await settled(el);
    expect(el.status).to.equal('error');
    expect(errors().calledWithMatch(/happiness.*energy_balance, general_fitness/)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('is accessible while loading and in error', async () => {
    const slow = await scripted([{ proxy: true, delayMs: 800 }]);
    const el = await gauge({ metric: 'mental_stress' }, slow);
    expect(el.status).to.equal('loading');
    await expect(el).to.be.accessible();
    await settled(el);
    const broken = await gauge({ metric: 'mental_stress' }, await scripted([{ status: 503 }]));
    await until(() => broken.status === 'error', 'error', 10_000);
    expect(textOf(broken)).to.contain('Your session could not be started');
    await expect(broken).to.be.accessible();
  });

  it('keeps its ring when moved in the page', async () => {
    const el = await gauge({ metric: 'energy_balance' }, await setup());
    await settled(el);
    const before = ringOf(el).arc;
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(el); // removed and inserted, as frameworks do when they reorder
    await el.updateComplete;
    expect(ringOf(el).arc).to.equal(before);
    expect(el.status).to.equal('ready');
    elsewhere.remove();
  });
});

describe('cards and gauges on one page', () => {
  it('make one token request and one request per API endpoint', async () => {
    const where = await setup();
    // Every metric and every biomarker IntelliProve has, as the kit lists them.
    const metrics = Object.keys(intelliproveScores.entries);
    const biomarkers = Object.keys(BIOMARKERS);
    const attrs = `token-endpoint="${where.endpoint}" api-base="${where.apiBase}"`;
    const page = await fixture<HTMLElement>(`<div>
      ${metrics.map((m) => `<ip-metric-gauge metric="${m}" ${attrs}></ip-metric-gauge>`).join('')}
      ${biomarkers.map((b) => `<ip-biomarker-card biomarker="${b}" ${attrs}></ip-biomarker-card>`).join('')}
    </div>`);
    const elements = [...page.children] as (HTMLElement & { status: string })[];
    await until(
      () => elements.every((el) => el.status === 'ready' || el.status === 'empty'),
      'all shown',
    );
    expect(await where.tokenLog()).to.have.length(1);
    const paths = (await where.apiLog()).map((r) => r.path).sort();
    expect(paths).to.deep.equal([
      '/v2/face-scans/latest',
      '/v2/metrics',
      '/v2/userprofiles/wellbeing',
    ]);
  });
});

describe('<ip-metric-gauge> and reduced motion', () => {
  // Test pages start in reduced motion (scripts/chromium.mjs).
  afterEach(() => emulateMedia({ reducedMotion: 'reduce' }));

  it('fills the arc in with a transition, and not at all with prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const animated = await gauge({ metric: 'mental_stress' }, await setup());
    await settled(animated);
    const moving = getComputedStyle(ringOf(animated).arc);
    expect(moving.transitionDuration).to.not.equal('0s');
    expect(moving.animationName).to.equal('fill-in');
    await emulateMedia({ reducedMotion: 'reduce' });
    const still = await gauge({ metric: 'mental_stress' }, await setup());
    await settled(still);
    const resting = getComputedStyle(ringOf(still).arc);
    expect(resting.transitionDuration).to.equal('0s');
    expect(resting.animationName).to.equal('none');
  });
});
