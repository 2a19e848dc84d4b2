import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  IpBiomarkerCard,
  IpDashboard,
  IpFaceScan,
  IpMetricGauge,
  IpRecommendations,
  define,
} from '../../src/entries/index.js';
import { VERSION } from '../../src/core/version.js';

describe('define()', () => {
  it('registers all five elements from the ESM entry', () => {
    expect(customElements.get('ip-face-scan')).to.equal(IpFaceScan);
    expect(customElements.get('ip-dashboard')).to.equal(IpDashboard);
    expect(customElements.get('ip-biomarker-card')).to.equal(IpBiomarkerCard);
    expect(customElements.get('ip-metric-gauge')).to.equal(IpMetricGauge);
    expect(customElements.get('ip-recommendations')).to.equal(IpRecommendations);
  });

  it('does not throw or warn when the same element is defined again', () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      define('ip-face-scan', IpFaceScan);
      define('ip-face-scan', class extends IpFaceScan {});
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(0);
  });

  it('warns, without throwing, when another version owns the tag', () => {
    class OldCopy extends LitElement {
      static version = '0.0.1';
    }
    customElements.define('ip-clash-test', OldCopy);
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      define('ip-clash-test', class extends LitElement {});
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0])
      .to.contain('0.0.1')
      .and.contain(VERSION)
      .and.contain('Include the kit once');
  });
});
