import { expect } from '@open-wc/testing';
import type { Language, UnitSystem } from '../../src/protocol/contract.js';
import { formatQuantity, type FormattedQuantity, type Quantity } from '../../src/units/index.js';

/** Intl separates with U+00A0 or U+202F in some locales; compare with plain spaces. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

function fmt(
  value: number,
  quantity: Quantity,
  lang: Language = 'en',
  unitSystem: UnitSystem = 'metric',
): FormattedQuantity {
  const result = formatQuantity(value, quantity, { lang, unitSystem });
  return { value: plain(result.value), unit: plain(result.unit), text: plain(result.text) };
}

describe('formatQuantity', () => {
  describe('quantities that differ by unit system', () => {
    it('shows mass in kg (one decimal at most) or whole pounds', () => {
      expect(fmt(70, 'mass')).to.deep.equal({ value: '70', unit: 'kg', text: '70 kg' });
      expect(fmt(70, 'mass', 'en', 'imperial')).to.deep.equal({
        value: '154',
        unit: 'lb',
        text: '154 lb',
      });
      expect(fmt(45.359237, 'mass').text).to.equal('45.4 kg');
      expect(fmt(72.25, 'mass', 'en', 'imperial').text).to.equal('159 lb');
    });

    it('shows height in whole cm or feet and inches', () => {
      expect(fmt(175, 'height')).to.deep.equal({ value: '175', unit: 'cm', text: '175 cm' });
      expect(fmt(175, 'height', 'en', 'imperial')).to.deep.equal({
        value: '5 ft 9 in',
        unit: '',
        text: '5 ft 9 in',
      });
      expect(fmt(182.88, 'height', 'en', 'imperial').text).to.equal('6 ft 0 in');
    });

    it('shows length in cm or inches with one decimal', () => {
      expect(fmt(12.34, 'length').text).to.equal('12.3 cm');
      expect(fmt(10, 'length', 'en', 'imperial').text).to.equal('3.9 in');
    });

    it('shows distance in km or miles with one decimal', () => {
      expect(fmt(10, 'distance').text).to.equal('10 km');
      expect(fmt(10, 'distance', 'en', 'imperial')).to.deep.equal({
        value: '6.2',
        unit: 'mi',
        text: '6.2 mi',
      });
    });

    it('shows temperature in °C or °F with one decimal', () => {
      const celsius = fmt(37, 'temperature');
      expect(celsius.value).to.equal('37');
      expect(celsius.unit).to.equal('°C');
      expect(celsius.text).to.match(/^37 ?°C$/);
      const fahrenheit = fmt(37, 'temperature', 'en', 'imperial');
      expect(fahrenheit.value).to.equal('98.6');
      expect(fahrenheit.unit).to.equal('°F');
      expect(fahrenheit.text).to.match(/^98\.6 ?°F$/);
      expect(fmt(0, 'temperature', 'en', 'imperial').text).to.match(/^32 ?°F$/);
    });
  });

  describe('numbers in the reader’s language', () => {
    it('writes a decimal comma in nl, da, sv and fr', () => {
      expect(fmt(70.5, 'mass', 'nl')).to.deep.equal({ value: '70,5', unit: 'kg', text: '70,5 kg' });
      expect(fmt(70.5, 'mass', 'da').value).to.equal('70,5');
      expect(fmt(70.5, 'mass', 'sv').value).to.equal('70,5');
      expect(fmt(70.5, 'mass', 'fr').text).to.equal('70,5 kg');
      expect(fmt(10, 'distance', 'da', 'imperial').value).to.equal('6,2');
      expect(fmt(36.6, 'temperature', 'sv').value).to.equal('36,6');
    });

    it('localizes unit words where Intl has them', () => {
      expect(fmt(175, 'height', 'fr', 'imperial').text).to.equal('5 pi 9 po');
      expect(fmt(175, 'height', 'sv', 'imperial').text).to.equal('5 fot 9 tum');
    });

    it('groups thousands the local way', () => {
      expect(fmt(12345, 'count', 'en')).to.deep.equal({
        value: '12,345',
        unit: '',
        text: '12,345',
      });
      expect(fmt(12345, 'count', 'nl').text).to.equal('12.345');
      expect(fmt(12345, 'count', 'fr').text).to.equal('12 345');
      expect(fmt(2450.4, 'energy', 'fr').text).to.equal('2 450 kcal');
    });
  });

  describe('quantities that read the same in both systems', () => {
    it('shows heart rate as whole beats per minute', () => {
      for (const unitSystem of ['metric', 'imperial'] as const) {
        expect(fmt(56, 'heart-rate', 'en', unitSystem)).to.deep.equal({
          value: '56',
          unit: 'bpm',
          text: '56 bpm',
        });
      }
      expect(fmt(71.6, 'heart-rate').text).to.equal('72 bpm');
    });

    it('uses default unit words and accepts translated ones', () => {
      expect(fmt(14, 'respiratory-rate').text).to.equal('14 breaths/min');
      expect(fmt(120, 'blood-pressure').text).to.equal('120 mmHg');
      expect(fmt(82, 'score').text).to.equal('82 / 100');
      const pressure = formatQuantity(120, 'blood-pressure', {
        lang: 'nl',
        unitSystem: 'imperial',
        labels: { mmhg: 'mm Hg' },
      });
      expect(pressure).to.deep.equal({ value: '120', unit: 'mm Hg', text: '120 mm Hg' });
      const breaths = formatQuantity(14, 'respiratory-rate', {
        lang: 'nl',
        unitSystem: 'metric',
        labels: { 'breaths-per-minute': 'ademhalingen/min' },
      });
      expect(breaths.text).to.equal('14 ademhalingen/min');
    });

    it('shows percent from a 0–100 value', () => {
      expect(fmt(80, 'percent')).to.deep.equal({ value: '80', unit: '%', text: '80%' });
      expect(fmt(80, 'percent', 'fr').text).to.equal('80 %');
    });

    it('shows milliseconds, energy, VO2max and BMI', () => {
      expect(fmt(850.4, 'duration-ms')).to.deep.equal({ value: '850', unit: 'ms', text: '850 ms' });
      expect(fmt(2100.6, 'energy').text).to.equal('2,101 kcal');
      expect(fmt(42.37, 'vo2max').text).to.equal('42.4 ml/kg/min');
      expect(fmt(22.46, 'bmi', 'nl').text).to.equal('22,5 kg/m²');
    });

    it('shows sleep as hours and minutes', () => {
      const sleep = fmt(452, 'sleep-duration');
      expect(sleep.unit).to.equal('');
      expect(sleep.value).to.equal(sleep.text);
      expect(sleep.text).to.match(/\b7\b/);
      expect(sleep.text).to.match(/\b32\b/);
      expect(sleep.text).to.match(/min/);
    });
  });
});
