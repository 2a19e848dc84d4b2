// The data elements' small controllers on throwaway hosts: following face scans, the trend,
// and a session's membership.
import { expect, fixture, html } from '@open-wc/testing';
import { Chart } from 'chart.js';
import { html as lit, nothing, type PropertyDeclarations } from 'lit';
import { IpElement } from '../../src/core/ip-element.js';
import { announceScan } from '../../src/core/scan-signal.js';
import { SessionMember, clearSession } from '../../src/core/session.js';
import { Trend } from '../../src/data/biomarker-card/trend.js';
import { ScanFollower } from '../../src/data/scan-follower.js';
import { until } from '../helpers/scenario.js';

type Point = { at: Date; value: number | null };

class TestControllersHost extends IpElement {
  static override properties: PropertyDeclarations = { points: { attribute: false } };
  declare points?: Point[];
  scans = 0;
  clears = 0;
  readonly follower = new ScanFollower(this, () => this.scans++);
  readonly trend = new Trend(this, () => this.points);
  readonly member = new SessionMember(this, () => this.clears++);

  override render() {
    return this.points ? lit`<canvas></canvas>` : nothing;
  }
}
customElements.define('test-controllers-host', TestControllersHost);

const host = () =>
  fixture<TestControllersHost>(
    html`<test-controllers-host token-endpoint="/api/ip-token"></test-controllers-host>`,
  );
const at = (day: number) => new Date(Date.UTC(2026, 10, day));

describe('ScanFollower', () => {
  it("reads again once per scan of the host's endpoint, however often it is told", async () => {
    const el = await host();
    const endpoint = new URL('/api/ip-token', location.href).href; // another spelling of it
    announceScan({ tokenEndpoint: endpoint, faceScanId: 'scan-1' });
    announceScan({ tokenEndpoint: '/api/ip-token', faceScanId: 'scan-1' });
    announceScan({ tokenEndpoint: '/other-endpoint', faceScanId: 'scan-2' });
    expect(el.scans).to.equal(1);
    announceScan({ tokenEndpoint: '/api/ip-token', faceScanId: null }); // no id: each time
    announceScan({ tokenEndpoint: '/api/ip-token', faceScanId: null });
    expect(el.scans).to.equal(3);
    el.follower.forget(); // a new session: its scans are new
    announceScan({ tokenEndpoint: '/api/ip-token', faceScanId: 'scan-1' });
    expect(el.scans).to.equal(4);
    el.remove();
    announceScan({ tokenEndpoint: '/api/ip-token', faceScanId: 'scan-3' });
    expect(el.scans).to.equal(4);
  });
});

describe('Trend', () => {
  it('draws the points on the rendered canvas, updates it in place, and destroys it with the canvas', async () => {
    const el = await host();
    el.points = [
      { at: at(1), value: 60 },
      { at: at(2), value: null },
      { at: at(3), value: 64 },
    ];
    await el.updateComplete;
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    const chart = await until(() => Chart.getChart(canvas), 'the chart');
    expect(chart.data.datasets[0]!.data).to.deep.equal([60, 64]); // only points with a value
    el.points = [...el.points, { at: at(4), value: 70 }];
    await until(() => chart.data.datasets[0]!.data.length === 3, 'the update');
    expect(Chart.getChart(canvas)).to.equal(chart);
    el.points = undefined;
    await el.updateComplete;
    await until(() => !Chart.getChart(canvas), 'destroyed with its canvas');
    expect(el.trend.available).to.equal(true);
  });

  it('destroys its chart when the host leaves the page', async () => {
    const el = await host();
    el.points = [
      { at: at(1), value: 60 },
      { at: at(2), value: 62 },
    ];
    await el.updateComplete;
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    await until(() => Chart.getChart(canvas), 'the chart');
    el.remove();
    expect(Chart.getChart(canvas)).to.equal(undefined);
  });
});

describe('SessionMember', () => {
  it('tells a host on the page that its session ended, and not one that left', async () => {
    const [on, off] = await Promise.all([host(), host()]);
    on.member.use({ tokenEndpoint: '/api/ip-token' });
    off.member.use({ tokenEndpoint: '/api/ip-token' });
    off.remove();
    clearSession();
    expect([on.clears, off.clears]).to.deep.equal([1, 0]);
  });
});
