import { describe, expect, it } from 'vitest';
import { financialYearOf, financialYears } from '../../../src/engine/results/financial-years';
import { monthLabels } from '../../../src/engine/results/plan';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { loadScenario, SMALL } from '../../helpers/scenarios';

describe('financial years', () => {
  it('start in April', () => {
    expect(financialYearOf('2015-04')).toBe('2015/16');
    expect(financialYearOf('2016-03')).toBe('2015/16');
    expect(financialYearOf('1999-12')).toBe('1999/00');
  });

  it('cover months 1..H, with part-years at either end', () => {
    // Month 0 is the end of April 2015; month 1 is May 2015.
    const years = financialYears(monthLabels('2015-04', 24));
    expect(years.map((y) => [y.label, y.first, y.last, y.months])).toEqual([
      ['2015/16', 1, 11, 11],
      ['2016/17', 12, 23, 12],
      ['2017/18', 24, 24, 1],
    ]);
  });

  it('yearly savings add up, run by run, to the saving over the horizon', () => {
    const s = runSimulation(loadScenario(SMALL), { runs: 8, months: 24 });
    for (const c of s.comparisons) {
      const years = c.savingByYear!;
      expect(years).toHaveLength(3);
      const totals = years[0]!.runs.map((_, r) => years.reduce((sum, y) => sum + y.runs[r]!, 0));
      const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
      expect(mean).toBeCloseTo(c.saving.mean, 4);
    }
  });
});
