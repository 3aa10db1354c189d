// The app's number formats: a true minus sign, never −0, a line's own decimals, payback as a share of runs by each year.
import { describe, expect, it } from 'vitest';
import { formatCount, formatFixed, formatGbp, formatGbpMillions, formatShare, formatSignificant, formatDuration, monthName, monthsText, paidBackBy } from '../../src/ui/format';

describe('number formats', () => {
  it('prints negative figures with U+2212, as the £m totals always did', () => {
    expect(formatGbp(-1692549.4)).toBe('−£1,692,549');
    expect(formatGbp(755)).toBe('£755');
    expect(formatCount(-3.2)).toBe('−3');
    expect(formatShare(-0.19)).toBe('−19%');
    expect(formatFixed(-0.567, 2)).toBe('−0.57');
    expect(formatSignificant(-0.0123456, 4)).toBe('−0.01235');
    expect(formatGbpMillions(-3_400_000)).toBe('−£3.4m');
  });

  it('never prints −0 for a figure that rounds to zero', () => {
    expect(formatGbp(-0.4)).toBe('£0');
    expect(formatCount(-0.2)).toBe('0');
    expect(formatShare(-0.001)).toBe('0%');
    expect(formatFixed(-0.004, 2)).toBe('0.00');
    expect(formatGbpMillions(-20_000)).toBe('£0.0m');
  });

  it('prints a published line at the decimals its source prints, trailing zeros kept', () => {
    expect(formatFixed(70.54, 2)).toBe('70.54');
    expect(formatFixed(6.5, 2)).toBe('6.50');
    expect(formatFixed(406466.6, 2)).toBe('406,466.60');
    expect(formatFixed(1943, 0)).toBe('1,943');
    expect(formatFixed(2.5, 0, 2)).toBe('2.5');
    expect(formatSignificant(42431.7, 4)).toBe('42,430');
    expect(formatSignificant(0.69174, 4)).toBe('0.6917');
    expect(formatSignificant(7.8, 4)).toBe('7.8');
  });

  it('payback: the share of runs paid back by the end of each year, years in order, whatever order they came in', () => {
    expect(paidBackBy({ '2017/18': 0.1, '2016/17': 0.02, '2019/20': 0.09, '2018/19': 0.15 })).toBe('by 2016/17: 2%; by 2017/18: 12%; by 2018/19: 27%; by 2019/20: 36%; ');
    expect(paidBackBy({})).toBe('');
  });

  it('a part year is "1 month" or "11 months"', () => {
    expect(monthsText(1)).toBe('1 month');
    expect(monthsText(11)).toBe('11 months');
  });

  it('names a series month for headings', () => {
    expect(monthName('2020-04')).toBe('April 2020');
    expect(monthName('2024-10')).toBe('October 2024');
    expect(monthName('not a month')).toBe('not a month');
  });

  it('says how long is left in seconds, minutes or hours, rounded up', () => {
    expect(formatDuration(3.2)).toBe('4 s');
    expect(formatDuration(89)).toBe('89 s');
    expect(formatDuration(1609)).toBe('27 min');
    // Under ten minutes to 10 s: the "3 min" with 111 s to go and "2 min" with 192 s were too coarse to trust.
    expect(formatDuration(111)).toBe('1 min 50 s');
    expect(formatDuration(192)).toBe('3 min 10 s');
    expect(formatDuration(178)).toBe('3 min');
    expect(formatDuration(7500)).toBe('2 h 5 min');
  });
});
