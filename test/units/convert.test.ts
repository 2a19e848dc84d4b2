import { expect } from '@open-wc/testing';
import {
  cToF,
  cmToFeetInches,
  cmToIn,
  fToC,
  inToCm,
  kgToLb,
  kmToMi,
  lbToKg,
  mToFt,
  miToKm,
} from '../../src/units/convert.js';

const close = 1e-9;

describe('unit conversion', () => {
  it('converts mass with the exact pound (0.45359237 kg)', () => {
    expect(lbToKg(1)).to.equal(0.45359237);
    expect(Math.round(kgToLb(70))).to.equal(154);
    expect(lbToKg(100)).to.be.closeTo(45.359237, close);
    expect(lbToKg(kgToLb(81.3))).to.be.closeTo(81.3, close);
  });

  it('converts length with the exact inch (2.54 cm) and foot (0.3048 m)', () => {
    expect(inToCm(1)).to.equal(2.54);
    expect(cmToIn(2.54)).to.equal(1);
    expect(cmToIn(inToCm(7.25))).to.be.closeTo(7.25, close);
    expect(mToFt(0.3048)).to.equal(1);
    expect(mToFt(100)).to.be.closeTo(328.0839895, 1e-6);
  });

  it('converts distance with the exact mile (1.609344 km)', () => {
    expect(miToKm(1)).to.equal(1.609344);
    expect(kmToMi(10)).to.be.closeTo(6.2137119, 1e-6);
    expect(kmToMi(miToKm(26.2))).to.be.closeTo(26.2, close);
  });

  it('converts temperature both ways', () => {
    expect(cToF(0)).to.equal(32);
    expect(cToF(100)).to.equal(212);
    expect(cToF(37)).to.be.closeTo(98.6, close);
    expect(cToF(-40)).to.equal(-40);
    expect(fToC(32)).to.equal(0);
    expect(fToC(98.6)).to.be.closeTo(37, close);
  });

  it('splits a height into whole feet and inches, carrying 12 inches into a foot', () => {
    expect(cmToFeetInches(175)).to.deep.equal({ feet: 5, inches: 9 });
    expect(cmToFeetInches(182.88)).to.deep.equal({ feet: 6, inches: 0 });
    // 182.5 cm is 71.85 in: the inches round up to 12 and carry.
    expect(cmToFeetInches(182.5)).to.deep.equal({ feet: 6, inches: 0 });
    expect(cmToFeetInches(152.4)).to.deep.equal({ feet: 5, inches: 0 });
    expect(cmToFeetInches(0)).to.deep.equal({ feet: 0, inches: 0 });
  });
});
