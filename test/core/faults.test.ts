// Faults (CONTRACT §4): no fault leaves an element stuck, and nothing it cannot show is shown.
import { expect, fixture, html } from '@open-wc/testing';
import type { IpBiomarkerCard, IpFaceScan, IpMetricGauge } from '../../src/entries/index.js';
import '../../src/entries/index.js';
import { announceScan, onScanCompleted } from '../../src/core/scan-signal.js';
import { consoleErrors, render, scripted, settled, setup, textOf } from '../helpers/data.js';
import { sandboxEnv } from '../helpers/env.js';
import { record, relayUrl, scenario, statusTrail, until } from '../helpers/scenario.js';

type Element_ = HTMLElement & { status: string };
const retry = (el: Element) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
const HANG = { proxy: true, delayMs: 40_000 } as const;

describe('faults', () => {
  const errors = consoleErrors();

  describe('a token endpoint or API read that never answers', () => {
    it('a card and a gauge show their error with retry within 20 s; retry and a later element ask again', async () => {
      const where = await scripted([HANG, { proxy: true }]);
      const started = performance.now();
      const card = await render<IpBiomarkerCard>(
        'ip-biomarker-card',
        { biomarker: 'heart_rate' },
        where,
      );
      const gauge = await render<IpMetricGauge>(
        'ip-metric-gauge',
        { metric: 'mental_stress' },
        where,
      );
      const failures = record(document, 'ip-error');
      await settled(card, 25_000);
      await settled(gauge, 25_000);
      expect(performance.now() - started).to.be.below(20_000);
      for (const el of [card, gauge]) {
        expect(el.status).to.equal('error');
        expect(textOf(el)).to.contain('Your session could not be started');
        expect(el.shadowRoot!.querySelector('[part="retry-button"]')).to.not.equal(null);
      }
      expect(failures.map((e) => e.detail.code)).to.deep.equal([
        'token-endpoint-failed',
        'token-endpoint-failed',
      ]);
      expect(errors().calledWithMatch(/did not answer within/)).to.equal(true);
      expect(await where.tokenLog(), 'one shared request').to.have.length(1);
      // The endpoint has recovered: a later element asks again, and so does the retry.
      const later = await render<IpBiomarkerCard>(
        'ip-biomarker-card',
        { biomarker: 'respiratory_rate' },
        where,
      );
      await until(() => later.status === 'ready', 'a later element shows its value');
      expect(await where.tokenLog()).to.have.length(2);
      retry(card);
      retry(gauge);
      await until(() => card.status === 'ready' && gauge.status === 'ready', 'retried');
      expect(textOf(card)).to.match(/Heart rate \d+ bpm/);
    });

    it('an API read that hangs shows its error with retry within 20 s, and the retry works', async () => {
      const where = await scripted(undefined, [HANG, { proxy: true }]);
      const started = performance.now();
      const card = await render<IpBiomarkerCard>(
        'ip-biomarker-card',
        { biomarker: 'heart_rate' },
        where,
      );
      const failures = record(card, 'ip-error');
      await settled(card, 25_000);
      expect(performance.now() - started).to.be.below(20_000);
      expect(card.status).to.equal('error');
      expect(failures[0]!.detail.code).to.equal('api-error');
      expect(textOf(card)).to.contain('could not be loaded');
      retry(card);
      await until(() => card.status === 'ready', 'retried');
      expect(await where.apiLog()).to.have.length(2);
    });

    it('a face scan shows its error with retry within 20 s', async () => {
      const plugins = (await sandboxEnv()).plugins;
      const token = await scenario(HANG, { proxy: true });
      const started = performance.now();
      const el = await fixture<IpFaceScan>(
        html`<ip-face-scan
          token-endpoint=${token.endpoint}
          allowed-origins=${plugins}
        ></ip-face-scan>`,
      );
      await until(() => el.status === 'error', 'error', 25_000);
      expect(performance.now() - started).to.be.below(20_000);
      expect(textOf(el)).to.contain('Your session could not be started');
      retry(el);
      await until(() => el.status === 'ready', 'ready after retry');
    });
  });

  it('a token endpoint that redirects (a login page) counts as signed out', async () => {
    const plugins = (await sandboxEnv()).plugins;
    const redirect = { status: 302, headers: { location: '/login?next=/' }, body: '' };
    const card = await render<IpBiomarkerCard>('ip-biomarker-card', {
      'token-endpoint': (await scenario(redirect)).endpoint,
      biomarker: 'heart_rate',
    });
    const cardFailures = record(card, 'ip-error');
    await settled(card);
    expect(textOf(card)).to.contain('Please sign in first');
    expect(cardFailures[0]!.detail).to.include({ code: 'token-endpoint-failed', status: 401 });
    const scan = await fixture<IpFaceScan>(
      html`<ip-face-scan
        token-endpoint=${(await scenario(redirect)).endpoint}
        allowed-origins=${plugins}
      ></ip-face-scan>`,
    );
    await until(() => scan.status === 'error', 'error');
    expect(textOf(scan)).to.contain('Please sign in first');
  });

  describe('attributes with a value outside their list', () => {
    it('credentials="includes" is invalid-attribute on every element, and nothing is asked', async () => {
      const plugins = (await sandboxEnv()).plugins;
      const token = await scenario({ proxy: true });
      const failures = record(document, 'ip-error');
      const els = [
        await render<Element_>('ip-biomarker-card', {
          'token-endpoint': token.endpoint,
          biomarker: 'heart_rate',
          credentials: 'includes',
        }),
        await render<Element_>('ip-metric-gauge', {
          'token-endpoint': token.endpoint,
          metric: 'mental_stress',
          credentials: 'includes',
        }),
        await render<Element_>('ip-face-scan', {
          'token-endpoint': token.endpoint,
          'allowed-origins': plugins,
          credentials: 'includes',
        }),
      ];
      for (const el of els) {
        await until(() => el.status === 'error', `${el.localName} error`);
        expect(textOf(el)).to.contain('not set up correctly');
        expect(el.shadowRoot!.querySelector('[part="retry-button"]')).to.equal(null);
      }
      expect(failures.map((e) => e.detail.code)).to.deep.equal([
        'invalid-attribute',
        'invalid-attribute',
        'invalid-attribute',
      ]);
      expect(
        errors().calledWithMatch(
          /credentials="includes" is not a fetch credentials mode; use one of: same-origin, include, omit/,
        ),
      ).to.equal(true);
      expect(await token.log()).to.have.length(0);
    });

    it('unit-system="imperal" is invalid-attribute; fixing it shows the value', async () => {
      const el = await render<IpBiomarkerCard>(
        'ip-biomarker-card',
        { biomarker: 'heart_rate', 'unit-system': 'imperal' },
        await setup(),
      );
      await settled(el);
      expect(el.status).to.equal('error');
      expect(
        errors().calledWithMatch(
          /unit-system="imperal" is not a unit system; use one of: metric, imperial/,
        ),
      ).to.equal(true);
      el.unitSystem = 'imperial';
      await until(() => el.status === 'ready', 'ready');
    });
  });

  describe('values it cannot show', () => {
    const scan = (values: Record<string, unknown>) => ({
      face_scan_id: 'odd',
      heart_rate: 61,
      respiratory_rate: 14,
      heart_rate_variability: 60,
      resonant_breathing_score: 50,
      systolic_blood_pressure: 120,
      diastolic_blood_pressure: 79,
      timestamp: '2026-11-30T08:00:00Z',
      ...values,
    });
    /** A card or gauge on an API that answers `body` (raw JSON text) to everything. */
    async function on<T extends Element_ & { updateComplete: Promise<unknown> }>(
      tag: string,
      attributes: Record<string, string>,
      body: string,
    ) {
      const failures = record(document, 'ip-error');
      const el = await render<T>(
        tag,
        { ...attributes, lang: 'en' },
        await scripted(undefined, [{ body }]),
      );
      await settled(el);
      await el.updateComplete;
      return { el, failures };
    }
    const notAvailable = [
      ['a string', { heart_rate: '72' }, 'heart_rate'],
      ['infinity (1e999)', { heart_rate: '__1e999__' }, 'heart_rate'],
      ['a negative heart rate', { heart_rate: -5 }, 'heart_rate'],
      ['a pair with a null', { systolic_blood_pressure: null }, 'blood_pressure'],
      ['a pair with a string', { systolic_blood_pressure: 'NaN' }, 'blood_pressure'],
    ] as const;
    for (const [what, values, biomarker] of notAvailable) {
      it(`a card shows "not available" (status empty) for ${what}`, async () => {
        // JSON can carry 1e999 (JSON.parse reads it as Infinity); JSON.stringify cannot write it.
        const body = JSON.stringify([scan(values)]).replace('"__1e999__"', '1e999');
        const { el, failures } = await on<IpBiomarkerCard>(
          'ip-biomarker-card',
          { biomarker },
          body,
        );
        expect(el.status).to.equal('empty');
        expect(textOf(el)).to.contain('Not available');
        expect(textOf(el)).to.not.match(/NaN|∞|Infinity/);
        expect(failures).to.have.length(0);
      });
    }

    const gaugeValues = [
      ['a score of 150', '{"metrics":{"mental_stress":{"score":150,"confidence":80}}}'],
      [
        'a score that is a string',
        '{"metrics":{"mental_stress":{"score":"high","confidence":80}}}',
      ],
      ['a score of 1e999', '{"metrics":{"mental_stress":{"score":1e999,"confidence":80}}}'],
    ] as const;
    for (const [what, body] of gaugeValues) {
      it(`a gauge shows "not available" (status empty) for ${what}`, async () => {
        const { el, failures } = await on<IpMetricGauge>(
          'ip-metric-gauge',
          { metric: 'mental_stress' },
          body,
        );
        expect(el.status).to.equal('empty');
        expect(textOf(el)).to.contain('Not available');
        expect(textOf(el)).to.not.match(/NaN|∞|Infinity|150/);
        expect(el.shadowRoot!.querySelector('[role="meter"]')).to.equal(null);
        expect(failures).to.have.length(0);
        await expect(el).to.be.accessible();
      });
    }

    it('a gauge ignores a confidence it cannot show, and shows the score', async () => {
      const body = '{"metrics":{"mental_stress":{"score":40,"confidence":"sure"}}}';
      const { el } = await on<IpMetricGauge>('ip-metric-gauge', { metric: 'mental_stress' }, body);
      expect(el.status).to.equal('ready');
      expect(textOf(el)).to.contain('40').and.not.contain('Confidence');
    });

    const shapes = [
      [
        'ip-biomarker-card',
        { biomarker: 'heart_rate' },
        '{"heart_rate": 61}',
        'a scan object, not a list',
      ],
      ['ip-biomarker-card', { biomarker: 'heart_rate' }, '[1, 2]', 'a list of numbers'],
      [
        'ip-metric-gauge',
        { metric: 'mental_stress' },
        '{"metrics": "many"}',
        'metrics that are a string',
      ],
      [
        'ip-metric-gauge',
        { metric: 'mental_stress' },
        '{"metrics": {"mental_stress": 7}}',
        'a metric that is a number',
      ],
      ['ip-metric-gauge', { metric: 'wellbeing_mental' }, '[]', 'wellbeing as a list'],
    ] as const;
    for (const [tag, attributes, body, what] of shapes) {
      it(`${tag} shows an error (invalid-response, status error) for ${what}`, async () => {
        const { el, failures } = await on<IpMetricGauge>(tag, attributes, body);
        expect(el.status).to.equal('error');
        expect(textOf(el)).to.contain('could not use');
        expect(failures.map((e) => e.detail.code)).to.deep.equal(['invalid-response']);
        expect(errors().calledWithMatch(/cannot show/)).to.equal(true);
      });
    }

    it('a Sahha factor without a name: invalid-response, status error, ip-error', async () => {
      const body = JSON.stringify([
        { type: 'sleep', value: 0.8, state: 'high', factors: [{ value: 7, unit: 'hour' }] },
      ]);
      const { el, failures } = await on<IpMetricGauge>(
        'ip-metric-gauge',
        { metric: 'sleep', provider: 'sahha', details: '' },
        body,
      );
      expect(el.status).to.equal('error');
      expect(failures.map((e) => e.detail.code)).to.deep.equal(['invalid-response']);
    });

    it('a Sahha value that is not a number is "not available"', async () => {
      const body = JSON.stringify([
        { type: 'steps', value: '12abc', unit: 'count', endDateTime: '2026-11-30T08:00:00Z' },
      ]);
      const { el } = await on<IpBiomarkerCard>(
        'ip-biomarker-card',
        { biomarker: 'steps', provider: 'sahha' },
        body,
      );
      expect(el.status).to.equal('empty');
      expect(textOf(el)).to.contain('Not available');
    });
  });

  describe('a stormy plug-in', () => {
    it('200 faceScanSuccessful for one scan: one ip-scan-complete, one scan signal', async () => {
      const plugins = (await sandboxEnv()).plugins;
      const el = await fixture<IpFaceScan>(
        html`<ip-face-scan
          token-endpoint=${(await scenario({ json: { url: await relayUrl() } })).endpoint}
          allowed-origins=${plugins}
        ></ip-face-scan>`,
      );
      await until(() => el.status === 'ready', 'ready');
      const completes = record(el, 'ip-scan-complete');
      const stages = record(el, 'ip-stage');
      let signals = 0;
      const stop = onScanCompleted(() => signals++);
      const frame = el.shadowRoot!.querySelector('iframe')!.contentWindow!;
      for (let i = 0; i < 200; i++)
        frame.postMessage({ stage: 'faceScanSuccessful', face_scan_id: 's1' }, '*');
      await until(() => stages.length === 200, 'all 200 passed on as ip-stage');
      stop();
      expect(completes).to.have.length(1);
      expect(signals).to.equal(1);
    });

    it('a card reloads once per scan id, however often the scan is announced', async () => {
      const where = await setup();
      const el = await render<IpBiomarkerCard>(
        'ip-biomarker-card',
        { biomarker: 'heart_rate' },
        where,
      );
      await until(() => el.status === 'ready', 'ready');
      const statuses = statusTrail(el);
      for (let i = 0; i < 200; i++)
        announceScan({ tokenEndpoint: where.endpoint, faceScanId: 's1' });
      await until(async () => (await where.apiLog()).length === 2, 'the reload');
      await settled(el);
      // Announced once more, later: nothing starts.
      announceScan({ tokenEndpoint: where.endpoint, faceScanId: 's1' });
      await el.updateComplete;
      expect(statuses(), 'one reload in all').to.deep.equal(['loading', 'ready']);
      expect(await where.apiLog()).to.have.length(2);
    });
  });
});
