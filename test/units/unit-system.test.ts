import { expect } from '@open-wc/testing';
import { quantitiesThatDiffer, resolveUnitSystem } from '../../src/units/unit-system.js';

/** Runs `fn` with console.warn replaced, and returns what was warned. */
function captureWarnings(fn: () => void): string[] {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    fn();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('resolveUnitSystem', () => {
  it("prefers the element's own attribute", () => {
    expect(resolveUnitSystem('imperial', 'metric', 'metric')).to.equal('imperial');
    expect(resolveUnitSystem('metric', 'imperial', 'imperial')).to.equal('metric');
  });

  it('then the page default, then the user preference', () => {
    expect(resolveUnitSystem(null, 'imperial', 'metric')).to.equal('imperial');
    expect(resolveUnitSystem(undefined, undefined, 'imperial')).to.equal('imperial');
    expect(resolveUnitSystem(null, null, null)).to.equal('metric');
  });

  it('treats an empty attribute as unset, without a warning', () => {
    const warnings = captureWarnings(() => {
      expect(resolveUnitSystem('', 'imperial', null)).to.equal('imperial');
    });
    expect(warnings).to.deep.equal([]);
  });

  it('ignores an invalid own value with one warning naming the attribute and the valid values', () => {
    let resolved: string | undefined;
    const warnings = captureWarnings(() => {
      resolved = resolveUnitSystem('furlongs', null, 'imperial');
    });
    expect(resolved).to.equal('imperial');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('unit-system');
    expect(warnings[0]).to.contain('furlongs');
    expect(warnings[0]).to.contain('metric');
    expect(warnings[0]).to.contain('imperial');
  });

  it('silently skips invalid page defaults and user preferences', () => {
    const warnings = captureWarnings(() => {
      expect(resolveUnitSystem(null, 'Imperial', 'stones')).to.equal('metric');
    });
    expect(warnings).to.deep.equal([]);
  });
});

describe('quantitiesThatDiffer', () => {
  it('lists the quantities that change with the unit system', () => {
    expect([...quantitiesThatDiffer].sort()).to.deep.equal(
      ['distance', 'height', 'length', 'mass', 'temperature'].sort(),
    );
    expect(quantitiesThatDiffer.has('heart-rate')).to.equal(false);
  });
});
