// Price years and uprating: parsing, the deflator's index for a year, factors, errors, and a whole run uprated by hand.
import { describe, expect, it } from 'vitest';
import { drawParameters, WEEKS_PER_MONTH } from '../../src/engine/sim/params';
import { runSimulation } from '../../src/engine/sim/simulate';
import type { Scenario } from '../../src/scenario/schema';
import { parseScenario } from '../../src/scenario/parse';
import { deflatorAt, moneyInputs, parsePriceYear, upratingFactors, withReportingYear } from '../../src/scenario/prices';
import { DARLINGTON, LEEDS, loadScenario, readJson, SMALL, validated } from '../helpers/scenarios';

/** Every money input of the small council at 2013/14 prices, reported at 2015/16 with a financial-year index 80 → 100. */
function smallAt(reportingYear: string | undefined, priceYear = '2013/14') {
  const raw = structuredClone(readJson(SMALL)) as any;
  const visit = (node: any) => {
    if (node && typeof node === 'object') {
      if (typeof node.priceYear === 'string') node.priceYear = priceYear;
      Object.values(node).forEach(visit);
    }
  };
  visit(raw.costs);
  visit(raw.finance);
  if (reportingYear) {
    raw.prices = {
      reportingYear,
      deflator: { name: 'test index', basis: 'financial', base: '2015/16 = 100', source: 'constructed for this test', index: { '2013/14': 80, '2014/15': 90, '2015/16': 100 } },
    };
  }
  return raw;
}

describe('price years', () => {
  it('parses one financial or calendar year and nothing else', () => {
    expect(parsePriceYear('2013/14')).toEqual({ kind: 'financial', year: 2013, label: '2013/14' });
    expect(parsePriceYear('1999/00')).toEqual({ kind: 'financial', year: 1999, label: '1999/00' });
    expect(parsePriceYear('2013')).toEqual({ kind: 'calendar', year: 2013, label: '2013' });
    for (const bad of ['2013/15', '2011/12 (low) to 2015/16 (high)', 'c. 2016', '2017 edition', '']) expect(parsePriceYear(bad)).toBeUndefined();
  });

  it('reads a financial year off a calendar series as 9 months of one year and 3 of the next (and the reverse)', () => {
    const calendar = { name: 'x', basis: 'calendar' as const, base: '', source: '', index: { '2013': 73.4795, '2014': 74.6524 } };
    expect(deflatorAt(calendar, parsePriceYear('2013/14')!)).toBeCloseTo(0.75 * 73.4795 + 0.25 * 74.6524, 12);
    expect(deflatorAt(calendar, parsePriceYear('2013')!)).toBe(73.4795);
    expect(deflatorAt(calendar, parsePriceYear('2014/15')!)).toBeUndefined();
    const financial = { name: 'x', basis: 'financial' as const, base: '', source: '', index: { '2012/13': 80, '2013/14': 84 } };
    expect(deflatorAt(financial, parsePriceYear('2013')!)).toBe(0.25 * 80 + 0.75 * 84);
  });

  it('uprates every money input by index(reporting year) / index(price year), computed by hand', () => {
    const s = validated(smallAt('2015/16'));
    const { factors, errors } = upratingFactors(s);
    expect(errors).toEqual([]);
    expect(factors.size).toBe(moneyInputs(s).length);
    for (const f of factors.values()) expect(f).toBe(100 / 80);
    // The parameter draw carries it: a fixed £/week placement cost becomes 1.25 × it, a month of it.
    const plain = validated(smallAt(undefined));
    const uprated = drawParameters(s, 'seed', 0);
    const raw = drawParameters(plain, 'seed', 0);
    expect(plain.costs.perChild.cla.residential).toMatchObject({ marginal: { value: 1474, unit: 'GBP/week' }, fixed: { value: 1498, unit: 'GBP/week' } });
    expect(uprated.costs.claMonthly[3]).toBeCloseTo((1474 + 1498) * 1.25 * WEEKS_PER_MONTH, 9);
    expect(uprated.costs.claCashableMonthly[3]).toBeCloseTo(1474 * 1.25 * WEEKS_PER_MONTH, 9);
    expect(uprated.costs.referral).toBeCloseTo(raw.costs.referral * 1.25, 9);
    expect(uprated.costs.coordinatorAnnual).toBeCloseTo(raw.costs.coordinatorAnnual * 1.25, 9);
    // Reported in 2014/15 prices instead: 90 / 80.
    expect(upratingFactors(s, '2014/15').factors.get('costs.process.referral')).toBe(90 / 80);
  });

  it('a whole run in 2015/16 prices costs 1.25 times the same run at 2013/14 prices, month by month; flows are untouched', () => {
    const options = { runs: 3, months: 12, seed: 'prices' };
    const at1314 = runSimulation(validated(smallAt(undefined)), options);
    const at1516 = runSimulation(validated(smallAt('2015/16')), options);
    expect(at1516.arms.map((a) => a.series.cla)).toEqual(at1314.arms.map((a) => a.series.cla));
    at1516.arms.forEach((arm, a) => arm.series.cost.mean.forEach((v, m) => expect(v).toBeCloseTo(1.25 * at1314.arms[a]!.series.cost.mean[m]!, 3)));
    expect(at1516.finance.priceYear).toBe('2015/16');
    expect(at1516.finance.priceBasis).toContain('2015/16 prices');
    expect(at1314.finance.priceYear).toBeNull();
  });

  it('names the input whose price year cannot be uprated, and a reporting year the series does not reach', () => {
    const raw = smallAt('2015/16');
    raw.costs.perChild.cla.residential.marginal.priceYear = '2017 edition';
    raw.costs.process.referral.priceYear = '2009/10';
    const parsed = parseScenario(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      { path: 'costs.process.referral.priceYear', message: '2009/10 is outside the deflator series: it needs the index for financial year 2009/10, which prices.deflator.index (2013/14 to 2015/16) does not reach' },
      { path: 'costs.perChild.cla.residential.marginal.priceYear', message: 'must be one financial year "YYYY/YY" or calendar year "YYYY" to be uprated, got "2017 edition"' },
    ]);
    const late = parseScenario(smallAt('2016/17'));
    expect(late.ok ? [] : late.errors).toEqual([{ path: 'prices.reportingYear', message: '2016/17 is outside the deflator series: it needs the index for financial year 2016/17, which prices.deflator.index (2013/14 to 2015/16) does not reach' }]);
  });

  it('withReportingYear re-reports a scenario, or says why it cannot', () => {
    const s = validated(smallAt('2015/16'));
    const moved = withReportingYear(s, '2014/15');
    expect(moved.ok && moved.value.prices?.reportingYear).toBe('2014/15');
    expect(s.prices?.reportingYear).toBe('2015/16');
    const far = withReportingYear(s, '2030/31');
    expect(far.ok ? '' : far.message).toBe('2030/31 is outside the deflator series: it needs the index for financial year 2030/31, which prices.deflator.index (2013/14 to 2015/16) does not reach');
    const none = withReportingYear(validated(smallAt(undefined)), '2015/16');
    expect(none.ok ? '' : none.message).toMatch(/no deflator series/);
  });

  it('the shipped scenarios report in one year, with every money input upratable', () => {
    const leeds = loadScenario(LEEDS);
    expect(leeds.prices?.reportingYear).toBe('2015/16');
    expect(upratingFactors(leeds).factors.size).toBe(moneyInputs(leeds).length);
  });
});

/** The shipped scenario's own deflator index, read straight from its JSON (not through deflatorAt). */
function shippedIndex(path: string): Record<string, number> {
  return (readJson(path) as any).prices.deflator.index;
}

describe('reporting years the deflator reaches, and those it does not', () => {
  const shipped: [string, string][] = [['Leeds', LEEDS], ['Darlington', DARLINGTON]];

  it.each(shipped)('%s: a year past the series is refused with the missing year named', (_name, path) => {
    const s = loadScenario(path);
    expect(Object.keys(shippedIndex(path)).sort().at(-1)).toBe('2024/25');
    const fy = withReportingYear(s, '2025/26');
    expect(fy.ok ? '' : fy.message).toBe('2025/26 is outside the deflator series: it needs the index for financial year 2025/26, which prices.deflator.index (1999/00 to 2024/25) does not reach');
    // Calendar 2025 is 3 months of 2024/25 and 9 of 2025/26: the message names the one the series lacks.
    const cy = withReportingYear(s, '2025');
    expect(cy.ok ? '' : cy.message).toBe(
      "2025 is outside the deflator series: it needs the index for financial year 2025/26 (a calendar year is 0.25 × the financial year before's + 0.75 × its own), which prices.deflator.index (1999/00 to 2024/25) does not reach",
    );
    expect(upratingFactors(s, '2025/26').errors.map((e) => e.path)).toEqual(['prices.reportingYear']);
  });

  it('a financial year read off a calendar series that stops a year short names the calendar year it lacks', () => {
    const raw = smallAt('2014/15');
    raw.prices.deflator = { name: 'test index', basis: 'calendar', base: '2015 = 100', source: 'constructed for this test', index: { '2013': 80, '2014': 90, '2015': 100 } };
    const s = validated(raw);
    expect(upratingFactors(s).errors).toEqual([]);
    const refused = withReportingYear(s, '2015/16');
    expect(refused.ok ? '' : refused.message).toBe(
      '2015/16 is outside the deflator series: it needs the index for calendar 2016 (a financial year is 0.75 × its first calendar year + 0.25 × the next), which prices.deflator.index (2013 to 2015) does not reach',
    );
    // A hole inside the series is "lacks", not "does not reach".
    delete raw.prices.deflator.index['2014'];
    raw.prices.deflator.index['2012'] = 70;
    const holed = parseScenario(raw);
    expect(holed.ok ? [] : holed.errors.filter((e) => e.path === 'prices.reportingYear')).toEqual([
      { path: 'prices.reportingYear', message: '2014/15 is outside the deflator series: it needs the index for calendar 2014 (a financial year is 0.75 × its first calendar year + 0.25 × the next), which prices.deflator.index (2012 to 2015) lacks' },
    ]);
  });

  it.each(shipped)('%s: reported in 2024/25, every money input is re-priced by index(2024/25) / index(its price year), input by input', (_name, path) => {
    const s = loadScenario(path);
    const index = shippedIndex(path);
    const moved = withReportingYear(s, '2024/25');
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    const money = moneyInputs(moved.value);
    expect(money.length).toBeGreaterThan(20);
    const { factors, errors } = upratingFactors(moved.value);
    expect(errors).toEqual([]);
    expect([...factors.keys()].sort()).toEqual(money.map((i) => i.path).sort());
    const before = upratingFactors(s).factors;
    for (const { path: input, node } of money) {
      // Every shipped price year is a financial year, read straight off the financial-year index.
      const priceYear = node.priceYear!;
      expect(index[priceYear], `${input} at ${priceYear}`).toBeDefined();
      expect(factors.get(input), input).toBeCloseTo(100 / index[priceYear]!, 12);
      expect(factors.get(input)! / before.get(input)!, input).toBeCloseTo(index['2024/25']! / index[s.prices!.reportingYear]!, 12);
    }
  });

  it('Leeds run in 2024/25 prices costs index(2024/25) / index(2015/16) times the same run in 2015/16 prices; flows are untouched', () => {
    const leeds = loadScenario(LEEDS);
    const moved = withReportingYear(leeds, '2024/25') as { ok: true; value: Scenario };
    const options = { runs: 2, months: 12, seed: 'prices' };
    const at1516 = runSimulation(leeds, options);
    const at2425 = runSimulation(moved.value, options);
    const ratio = 100 / shippedIndex(LEEDS)['2015/16']!;
    expect(at2425.finance.priceYear).toBe('2024/25');
    at2425.arms.forEach((arm, a) => {
      expect(arm.series.cla).toEqual(at1516.arms[a]!.series.cla);
      arm.series.cost.mean.forEach((v, m) => {
        const base = at1516.arms[a]!.series.cost.mean[m]!;
        expect(Math.abs(v - ratio * base)).toBeLessThanOrEqual(1e-9 * Math.abs(base));
      });
      expect(arm.totals.cost.mean).toBeGreaterThan(at1516.arms[a]!.totals.cost.mean);
    });
  });
});
