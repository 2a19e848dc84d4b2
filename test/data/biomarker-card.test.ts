import { expect } from '@open-wc/testing';
import sinon from 'sinon/pkg/sinon-esm.js';
import type { IpBiomarkerCard } from '../../src/entries/index.js';
import '../../src/entries/index.js';
import { announceScan } from '../../src/core/scan-signal.js';
import {
  consoleErrors,
  engineGet,
  render,
  scripted,
  settled,
  setup,
  textOf,
  type Setup,
} from '../helpers/data.js';
import { overOnTheWire, record, statusTrail, until } from '../helpers/scenario.js';

const card = (attributes: Record<string, string>, where?: Setup) =>
  render<IpBiomarkerCard>('ip-biomarker-card', attributes, where);
const HOUR = 3600_000;

describe('<ip-biomarker-card>', () => {
  const errors = consoleErrors();

  it("shows each biomarker of the sandbox's latest scan, with label, unit and time (clock pinned)", async () => {
    const [scan] = await engineGet('/v2/face-scans/latest');
    const where = await setup();
    const expected: [string, string, RegExp][] = [
      ['heart_rate', 'Heart rate', new RegExp(`^Heart rate ${scan.heart_rate} bpm`)],
      [
        'respiratory_rate',
        'Respiratory rate',
        new RegExp(`^Respiratory rate ${scan.respiratory_rate} breaths/min`),
      ],
      [
        'heart_rate_variability',
        'Heart rate variability',
        new RegExp(`^Heart rate variability ${scan.heart_rate_variability} ms`),
      ],
      [
        'resonant_breathing_score',
        'Resonant breathing',
        new RegExp(`^Resonant breathing ${scan.resonant_breathing_score} / 100`),
      ],
      ['systolic_blood_pressure', 'Systolic', new RegExp(`${scan.systolic_blood_pressure} mmHg`)],
      [
        'diastolic_blood_pressure',
        'Diastolic',
        new RegExp(`${scan.diastolic_blood_pressure} mmHg`),
      ],
      [
        'blood_pressure',
        'Blood pressure',
        new RegExp(
          `^Blood pressure ${scan.systolic_blood_pressure}/${scan.diastolic_blood_pressure} mmHg`,
        ),
      ],
    ];
    const measured = scan.timestamp_epoch * 1000;
    // In the page's zone (Pacific/Auckland), as en writes a medium date and a short time.
    const title = new Intl.DateTimeFormat('en', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Pacific/Auckland',
    }).format(measured);
    for (const [biomarker, , pattern] of expected) {
      const el = await card({ biomarker, lang: 'en' }, where);
      await settled(el);
      expect(el.status, biomarker).to.equal('ready');
      expect(textOf(el), biomarker).to.match(pattern);
      // Seen 3 hours after the scan: the card says so when it draws next.
      const clock = sinon.useFakeTimers({ now: measured + 3 * HOUR, toFake: ['Date'] });
      try {
        el.requestUpdate();
        await el.updateComplete;
        const time = el.shadowRoot!.querySelector('time')!;
        expect(time.textContent!.trim(), biomarker).to.equal('Measured 3 hours ago');
        expect(new Date(time.dateTime).getTime()).to.equal(measured);
        expect(time.title).to.equal(title);
      } finally {
        clock.restore();
      }
      await expect(el).to.be.accessible();
    }
  });

  it('shows the documented reference band', async () => {
    const [scan] = await engineGet('/v2/face-scans/latest');
    const el = await card({ biomarker: 'heart_rate_variability', lang: 'en' }, await setup());
    await settled(el);
    const hrv = scan.heart_rate_variability as number;
    const band = hrv < 35 ? 'Below average' : hrv <= 100 ? 'Average' : 'Excellent';
    expect(el.shadowRoot!.querySelector('[part="hint"]')!.textContent).to.contain(band);
  });

  it('speaks Dutch with nl, and switches language in place', async () => {
    const el = await card({ biomarker: 'blood_pressure', lang: 'nl' }, await setup());
    await settled(el);
    await until(() => textOf(el).startsWith('Bloeddruk'), 'Dutch label');
    expect(textOf(el)).to.contain('Gemeten');
    el.lang = 'fr';
    await until(() => textOf(el).startsWith('Tension artérielle'), 'French label');
  });

  it('shows a given face scan with face-scan-id', async () => {
    const scans = await engineGet('/v2/face-scans/?count=3&order=desc');
    const older = scans[2];
    const where = await setup();
    const el = await card({ biomarker: 'heart_rate', 'face-scan-id': older.face_scan_id }, where);
    await settled(el);
    expect(el.shadowRoot!.querySelector('[part="value"]')!.textContent).to.equal(
      String(older.heart_rate),
    );
    expect((await where.apiLog()).map((r) => r.path)).to.deep.equal([
      `/v2/face-scans/${older.face_scan_id}`,
    ]);
  });

  it('says "no scan yet" for a user without scans (204), without ip-error', async () => {
    const where = await setup('new@example.com');
    const failures: Event[] = [];
    document.addEventListener('ip-error', (e) => failures.push(e));
    const el = await card({ biomarker: 'heart_rate', lang: 'en' }, where);
    await settled(el);
    expect(el.status).to.equal('empty');
    expect(textOf(el)).to.contain('No face scan yet');
    expect(failures).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says "not available" for a null (locked) value', async () => {
    const el = await card(
      { biomarker: 'blood_pressure', lang: 'en' },
      await setup('jan@example.be'),
    );
    await settled(el);
    expect(textOf(el)).to.contain('Not available');
    await expect(el).to.be.accessible();
  });

  it('renews the token once on a 401 and shows the value', async () => {
    const where = await scripted(
      [
        {
          json: {
            token: 'expired.token.value',
            expires_at: new Date(Date.now() + 3600_000).toISOString(),
          },
        },
        { proxy: true },
      ],
      [{ proxy: true }],
    );
    const el = await card({ biomarker: 'heart_rate' }, where);
    await settled(el);
    expect(el.status).to.equal('ready');
    expect(await where.tokenLog()).to.have.length(2);
    const calls = await where.apiLog();
    expect(calls).to.have.length(2);
    expect(calls[0]!.authorization).to.equal('Token expired.token.value');
    expect(calls[1]!.authorization).to.not.equal('Token expired.token.value');
  });

  it('shows an error after a second 401', async () => {
    const where = await scripted(
      [
        {
          json: {
            token: 'bad.token.value',
            expires_at: new Date(Date.now() + 3600_000).toISOString(),
          },
        },
      ],
      [{ proxy: true }],
    );
    const el = await card({ biomarker: 'heart_rate' }, where);
    const failures = record(el, 'ip-error');
    await settled(el);
    expect(el.status).to.equal('error');
    expect(await where.tokenLog()).to.have.length(2);
    expect(failures[0]!.detail).to.include({ code: 'api-error', status: 401 });
    expect(textOf(el)).to.contain('could not be loaded');
    await expect(el).to.be.accessible();
  });

  it('shows an error on a 500, and its retry button works', async () => {
    const where = await scripted(
      [{ proxy: true }],
      [{ status: 500, json: { detail: 'Internal Server Error' } }, { proxy: true }],
    );
    const el = await card({ biomarker: 'heart_rate' }, where);
    const failures = record(el, 'ip-error');
    await settled(el);
    expect(el.status).to.equal('error');
    expect(failures[0]!.detail.message).to.contain('500').and.contain('Internal Server Error');
    expect(errors().calledWithMatch(/500/)).to.equal(true);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await until(() => el.status === 'ready', 'ready after retry');
    expect(await where.apiLog()).to.have.length(2);
  });

  it('after an error, its retry shows loading, not the reading from before the error', async () => {
    const where = await scripted(
      [{ proxy: true }],
      [
        { proxy: true },
        { status: 500, json: { detail: 'Internal Server Error' } },
        { proxy: true, delayMs: 800 },
      ],
    );
    const el = await card({ biomarker: 'heart_rate' }, where);
    await settled(el);
    expect(el.status).to.equal('ready');
    el.reload();
    await until(() => el.status === 'error', 'error');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await until(() => el.status === 'loading', 'loading');
    await el.updateComplete;
    expect(textOf(el)).to.not.match(/\d bpm/);
    await until(() => el.status === 'ready', 'ready after retry');
  });

  it('drops a slow read that a change replaced, and shows only the new one', async () => {
    const where = await scripted([{ proxy: true }], [{ proxy: true, delayMs: 400 }]);
    const el = await card({ biomarker: 'heart_rate' }, where);
    const loads = record(el, 'ip-load');
    await until(async () => (await where.apiLog()).length === 1, 'first read sent');
    el.biomarker = 'respiratory_rate'; // same answer: the new read shares the request in flight
    await settled(el);
    await overOnTheWire(where.apiLog); // all that request brings has come
    await el.updateComplete;
    expect(loads).to.have.length(1);
    expect(textOf(el)).to.match(/^Respiratory rate \d+ breaths\/min/);
    expect(await where.apiLog()).to.have.length(1);
  });

  it('ignores a replaced read that answers late or fails: no error, the newer reading stays', async () => {
    const where = await scripted(
      [{ proxy: true }],
      [{ status: 500, json: { detail: 'Internal Server Error' }, delayMs: 600 }, { proxy: true }],
    );
    const el = await card({ biomarker: 'heart_rate' }, where);
    const failures = record(el, 'ip-error');
    await until(async () => (await where.apiLog()).length === 1, 'first read sent');
    el.history = 3; // another request, answered at once
    await until(() => el.status === 'ready', 'ready');
    await overOnTheWire(where.apiLog, 0); // the 500 has come, or its read was dropped
    await el.updateComplete;
    expect((await where.apiLog()).map((entry) => entry.path)).to.deep.equal([
      '/v2/face-scans/latest',
      '/v2/face-scans/?count=3&order=desc',
    ]);
    expect(failures).to.have.length(0);
    expect(el.status).to.equal('ready');
    expect(textOf(el)).to.match(/^Heart rate \d+ bpm/);
  });

  it('draws no trend, and fetches no chart, when fewer than two scans have the value', async () => {
    const scan = (id: string, day: number, heartRate: number | null) => ({
      face_scan_id: id,
      heart_rate: heartRate,
      respiratory_rate: 15,
      heart_rate_variability: 70,
      resonant_breathing_score: 54,
      systolic_blood_pressure: 120,
      diastolic_blood_pressure: 80,
      timestamp: `2026-11-${day}T08:00:00Z`,
    });
    const where = await scripted(undefined, [
      { json: [scan('c', 20, 66), scan('b', 19, null), scan('a', 18, null)] },
    ]);
    const el = await card({ biomarker: 'heart_rate', history: '3' }, where);
    await settled(el);
    await el.updateComplete;
    expect(textOf(el)).to.match(/^Heart rate 66 bpm/);
    expect(el.shadowRoot!.querySelector('[part="chart"]')).to.equal(null);
  });

  it("shows loading, not the reading from before, while another provider's data loads", async () => {
    const el = await card({ biomarker: 'heart_rate' }, await setup());
    await settled(el);
    expect(textOf(el)).to.match(/bpm/);
    el.provider = 'sahha'; // which has no heart_rate: an error once its code is here
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    expect(textOf(el)).to.not.match(/bpm/);
    expect(el.shadowRoot!.querySelector('[part="error"]'), 'no error while loading').to.equal(null);
    expect(el.shadowRoot!.querySelector('.skeleton')).to.not.equal(null);
    await until(() => el.status === 'error', 'error');
    expect(errors().calledWithMatch(/heart_rate" is not a biomarker of sahha/)).to.equal(true);
  });

  it('refuses a history that is not a number, and asks for nothing', async () => {
    const where = await setup();
    const el = await card({ biomarker: 'heart_rate', history: 'six' }, where);
    await settled(el);
    expect(el.status).to.equal('error');
    expect(textOf(el)).to.contain('not set up correctly');
    expect(errors().calledWithMatch(/history="six" is not a number of scans/)).to.equal(true);
    expect(errors().callCount, 'reported once').to.equal(1);
    // Set right, it reads: that read is the first and only one the servers saw.
    el.setAttribute('history', '6');
    await until(() => el.status === 'ready', 'ready once set right');
    expect(await where.tokenLog()).to.have.length(1);
    expect((await where.apiLog()).map((r) => r.path)).to.deep.equal([
      '/v2/face-scans/?count=6&order=desc',
    ]);
  });

  it('names the valid biomarkers when the attribute is wrong', async () => {
    const el = await card({ biomarker: 'heart_beat' }, await setup());
    await settled(el);
    expect(el.status).to.equal('error');
    expect(textOf(el)).to.contain('not set up correctly');
    expect(errors().calledWithMatch(/heart_beat.*heart_rate, respiratory_rate/)).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="retry-button"]')).to.equal(null);
  });

  it('shows an error, without throwing, when the biomarker changes to an unknown one', async () => {
    const el = await card({ biomarker: 'blood_pressure' }, await setup());
    await settled(el);
    el.biomarker = 'nonsense';
    await until(() => el.status === 'error', 'error');
    expect(textOf(el)).to.contain('not set up correctly');
    el.biomarker = 'heart_rate';
    await until(() => el.status === 'ready', 'ready again');
    expect(textOf(el)).to.match(/^Heart rate/);
  });

  it('shows a reading without a usable time, without the time line', async () => {
    const where = await scripted(
      [{ proxy: true }],
      [
        {
          json: [{ face_scan_id: 'x', heart_rate: 61, timestamp: 'garbage' }],
        },
      ],
    );
    const el = await card({ biomarker: 'heart_rate' }, where);
    await settled(el);
    expect(el.status).to.equal('ready');
    expect(el.shadowRoot!.querySelector('[part="value"]')!.textContent).to.equal('61');
    expect(el.shadowRoot!.querySelector('time')).to.equal(null);
  });

  it("uses the user's imperial preference from the token, and the attribute overrides it", async () => {
    const where = await setup('amy@example.com');
    const el = await card({ biomarker: 'heart_rate' }, where);
    await settled(el);
    const reading = () =>
      el.shadowRoot!.querySelector('.reading')!.getAttribute('data-unit-system');
    expect(reading()).to.equal('imperial');
    expect(textOf(el)).to.contain('bpm'); // the same in both systems
    el.unitSystem = 'metric';
    await el.updateComplete;
    expect(reading()).to.equal('metric');
  });

  it('reloads after a face scan completes on the page, and on reload()', async () => {
    const where = await setup();
    const el = await card({ biomarker: 'heart_rate' }, where);
    await settled(el);
    expect(await where.apiLog()).to.have.length(1);
    announceScan({ tokenEndpoint: where.endpoint, faceScanId: 'x' });
    await until(async () => (await where.apiLog()).length === 2, 'reload after scan');
    await settled(el);
    const statuses = statusTrail(el);
    announceScan({ tokenEndpoint: '/some/other/endpoint', faceScanId: 'y' });
    await el.updateComplete;
    expect(statuses(), "another endpoint's scan: no reload").to.deep.equal([]);
    expect(await where.apiLog()).to.have.length(2);
    el.reload();
    await until(async () => (await where.apiLog()).length === 3, 'reload()');
  });

  it('draws a trend of the last N scans with history', async () => {
    const where = await setup();
    const el = await card({ biomarker: 'heart_rate', history: '6' }, where);
    await settled(el);
    const canvas = await until(() => el.shadowRoot!.querySelector('canvas'), 'canvas');
    const { Chart } = await import('chart.js');
    const chart = await until(() => Chart.getChart(canvas), 'chart');
    expect(chart.data.datasets[0]!.data).to.have.length(6);
    expect(canvas.getAttribute('aria-label')).to.equal('Trend of your last 6 scans');
    expect((await where.apiLog()).map((r) => r.path)).to.deep.equal([
      '/v2/face-scans/?count=6&order=desc',
    ]);
    await expect(el).to.be.accessible();
  });

  it('is accessible while loading', async () => {
    const where = await scripted([{ proxy: true, delayMs: 800 }], [{ proxy: true }]);
    const el = await card({ biomarker: 'heart_rate' }, where);
    expect(el.status).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[role="status"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    await settled(el);
  });
});
