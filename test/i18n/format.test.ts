import { expect } from '@open-wc/testing';
import type { Language } from '../../src/protocol/contract.js';
import {
  dateTimeFormat,
  formatDateTime,
  formatNumber,
  formatRelativeTime,
  numberFormat,
} from '../../src/i18n/format.js';
import { formatDuration } from '../../src/i18n/duration.js';

/** Intl separates with U+00A0 or U+202F in some locales; compare with plain spaces. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('Intl formatter cache', () => {
  it('returns the same formatter for the same language and options', () => {
    const options = { maximumFractionDigits: 1 };
    expect(numberFormat('nl', options)).to.equal(numberFormat('nl', { maximumFractionDigits: 1 }));
    expect(numberFormat('en')).to.equal(numberFormat('en'));
    expect(numberFormat('en', options)).not.to.equal(numberFormat('nl', options));
    expect(numberFormat('nl', options)).not.to.equal(numberFormat('nl'));
    const brussels = { timeZone: 'Europe/Brussels', hour: 'numeric' } as const;
    expect(dateTimeFormat('fr', brussels)).to.equal(dateTimeFormat('fr', { ...brussels }));
  });
});

describe('formatNumber', () => {
  it('writes numbers the way each language does', () => {
    expect(formatNumber('en', 1234.5)).to.equal('1,234.5');
    expect(formatNumber('nl', 1234.5)).to.equal('1.234,5');
    expect(formatNumber('da', 1234.5)).to.equal('1.234,5');
    expect(plain(formatNumber('sv', 1234.5))).to.equal('1 234,5');
    expect(plain(formatNumber('fr', 1234.5))).to.equal('1 234,5');
    expect(formatNumber('en', 2.345, { maximumFractionDigits: 1 })).to.equal('2.3');
  });
});

describe('formatDateTime', () => {
  // 13:05 UTC is 14:05 in Brussels in winter (CET) and 15:05 in summer (CEST).
  const winter = new Date('2024-03-15T13:05:00Z');
  const summer = new Date('2024-07-15T13:05:00Z');
  const brussels = { timeZone: 'Europe/Brussels' };
  const medium = { dateStyle: 'medium', timeStyle: 'short', ...brussels } as const;

  it('shows a date and time in the given time zone', () => {
    const en = formatDateTime('en', winter, medium);
    expect(en).to.contain('2:05');
    expect(en).to.contain('PM');
    expect(en).to.contain('Mar');
    expect(en).to.contain('2024');
    expect(formatDateTime('nl', winter, medium)).to.contain('14:05');
    expect(formatDateTime('nl', winter, medium)).to.contain('mrt');
    expect(formatDateTime('nl', summer, medium)).to.contain('15:05');
    expect(formatDateTime('fr', summer, medium)).to.contain('juil');
  });

  it('uses the options it is given', () => {
    const hour = formatDateTime('en', summer, { ...brussels, hour: 'numeric', hourCycle: 'h23' });
    expect(hour).to.equal('15');
    const date = formatDateTime('sv', winter, { ...brussels, dateStyle: 'long' });
    expect(date).to.equal('15 mars 2024');
  });

  it('defaults to a medium date and short time', () => {
    const text = formatDateTime('en', winter);
    expect(text).to.equal(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(winter),
    );
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2024-03-15T12:00:00Z');
  const at = (offset: number) => new Date(now.getTime() + offset);
  const relative = (offset: number, lang: Language = 'en') =>
    formatRelativeTime(lang, at(offset), now);

  it('says "2 hours ago" in each language', () => {
    expect(relative(-2 * HOUR)).to.equal('2 hours ago');
    expect(relative(-2 * HOUR, 'nl')).to.equal('2 uur geleden');
    expect(plain(relative(-2 * HOUR, 'fr'))).to.equal('il y a 2 heures');
    expect(relative(-2 * HOUR, 'da')).to.equal('for 2 timer siden');
    expect(relative(-2 * HOUR, 'sv')).to.equal('för 2 timmar sedan');
  });

  it('speaks of the future too', () => {
    expect(relative(3 * DAY)).to.equal('in 3 days');
    expect(relative(10 * MINUTE)).to.equal('in 10 minutes');
  });

  it('says "now" for the same moment', () => {
    expect(relative(0)).to.equal('now');
    expect(relative(-400)).to.equal('now');
  });

  it('picks the unit by size and rounds to the nearest', () => {
    expect(relative(-44 * SECOND)).to.equal('44 seconds ago');
    expect(relative(-45 * SECOND)).to.equal('1 minute ago');
    expect(relative(-44 * MINUTE)).to.equal('44 minutes ago');
    expect(relative(-45 * MINUTE)).to.equal('1 hour ago');
    expect(relative(-90 * MINUTE)).to.equal('2 hours ago');
    expect(relative(90 * MINUTE)).to.equal('in 2 hours');
    expect(relative(-21 * HOUR)).to.equal('21 hours ago');
    expect(relative(-22 * HOUR)).to.equal('yesterday');
    expect(relative(-25 * DAY)).to.equal('25 days ago');
    expect(relative(-26 * DAY)).to.equal('last month');
    expect(relative(-300 * DAY)).to.equal('10 months ago');
    expect(relative(-335 * DAY)).to.equal('last year');
    expect(relative(-3 * 365 * DAY)).to.equal('3 years ago');
  });

  it('measures from the current time by default', () => {
    expect(formatRelativeTime('en', new Date(Date.now() - 5 * MINUTE))).to.equal('5 minutes ago');
  });
});

describe('formatDuration', () => {
  type DurationFormatHolder = { DurationFormat?: unknown };
  const holder = Intl as unknown as DurationFormatHolder;
  const native = holder.DurationFormat;
  const variants: [string, () => void][] = [
    ['with Intl.DurationFormat (if the browser has it)', () => {}],
    ['with the Intl.NumberFormat fallback', () => delete holder.DurationFormat],
  ];

  for (const [name, setUp] of variants) {
    describe(name, () => {
      beforeEach(setUp);
      afterEach(() => {
        if (native) holder.DurationFormat = native;
      });

      it('shows hours and minutes', () => {
        const en = formatDuration('en', 452);
        expect(en).to.match(/\b7\b/);
        expect(en).to.match(/\b32\b/);
        expect(en).to.match(/\bhr?\b/);
        expect(en).to.match(/\bmin\b/);
        expect(en.indexOf('7')).to.be.lessThan(en.indexOf('32'));
        expect(formatDuration('nl', 452)).to.match(/7 uur.* 32 min/);
        expect(plain(formatDuration('fr', 452))).to.match(/7 h.* 32 min/);
        expect(formatDuration('da', 452)).to.match(/7 t\..* 32 min/);
        expect(formatDuration('sv', 452)).to.match(/7 tim.* 32 min/);
      });

      it('leaves out a zero part', () => {
        expect(formatDuration('en', 45)).to.equal('45 min');
        expect(formatDuration('en', 480)).to.match(/^8 hr?$/);
        expect(formatDuration('nl', 480)).to.equal('8 uur');
        expect(formatDuration('en', 0)).to.equal('0 min');
      });

      it('rounds to whole minutes', () => {
        expect(formatDuration('en', 59.6)).to.match(/^1 hr?$/);
        expect(formatDuration('en', 44.4)).to.equal('44 min');
      });
    });
  }
});
