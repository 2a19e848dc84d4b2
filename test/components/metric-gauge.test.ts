import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { IpMetricGauge } from '../../src/index.js';
import '../../src/index.js';

describe('<ip-metric-gauge> (chart plumbing)', () => {
  it('loads the chart.js gauge parts on first render and draws on its canvas', async () => {
    const el = await fixture<IpMetricGauge>(
      html`<ip-metric-gauge metric="mental_stress"></ip-metric-gauge>`,
    );
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    const { Chart } = await import('chart.js');
    await waitUntil(() => Chart.getChart(canvas), 'the gauge chart is created');
    expect((Chart.getChart(canvas)!.config as { type: string }).type).to.equal('doughnut');
    el.remove();
    expect(Chart.getChart(canvas)).to.equal(undefined);
  });
});
