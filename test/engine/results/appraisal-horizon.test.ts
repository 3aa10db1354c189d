// Issue 23, points 2 and 3: an appraisal that does not lean. Cashable and non-cashable savings add up to the whole
// saving, month by month and run by run; optimism bias raises the cost line by its share; set-up is booked once;
// the horizon is the user's, years past the simulation are carried at the last full year's level and say so, NPVs
// over 5 and 10 years sit beside it, and a warning says when net benefit is still rising as the simulation ends.
import { describe, expect, it } from 'vitest';
import { appraiseRun, stillRising, type AppraisalInputs } from '../../../src/engine/results/finance';
import { appraiseComparisons, appraisalYears, type YearlyMoney } from '../../../src/engine/results/finance-summary';
import { financialYearOf, type FinancialYear } from '../../../src/engine/results/financial-years';
import { M, type Metric } from '../../../src/engine/results/metrics';
import { finish } from '../../../src/engine/results/steps';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { LEEDS, loadScenario, SMALL, variant } from '../../helpers/scenarios';

const NONE: AppraisalInputs = { discountRate: 0, optimismBias: 0, optimismBiasCosts: 0, deadweight: 0, setUpCostPerAddedFte: 0 };

describe('cashable and non-cashable savings', () => {
  /** The small council with each placement's cost all marginal, or all fixed. */
  function placementsAll(part: 'marginal' | 'fixed') {
    return variant(SMALL, (raw) => {
      for (const key of Object.keys(raw.costs.perChild.cla)) {
        const c = raw.costs.perChild.cla[key];
        const whole = { ...c.marginal, value: c.marginal.value + 0 };
        raw.costs.perChild.cla[key] = { marginal: { ...whole, value: part === 'marginal' ? 1000 : 0 }, fixed: { ...whole, value: part === 'fixed' ? 1000 : 0 } };
      }
    });
  }

  it('the cashable cost is the placements’ marginal part: all of their cost when all of it is marginal, none when all is fixed', () => {
    const options = { runs: 6, months: 24, seed: 'cashable', keepRunSeries: ['costCashable', 'costPlacements'] as Metric[] };
    const marginal = runSimulation(placementsAll('marginal'), options);
    const fixed = runSimulation(placementsAll('fixed'), options);
    for (const [i, arm] of marginal.arms.entries()) {
      expect(arm.runSeries!.costCashable).toEqual(arm.runSeries!.costPlacements);
      expect(fixed.arms[i]!.runSeries!.costCashable!.flat().every((x) => x === 0)).toBe(true);
      // The same families in both (costs do not move a path): the placements' whole cost is the same.
      expect(fixed.arms[i]!.runSeries!.costPlacements).toEqual(arm.runSeries!.costPlacements);
    }
  });

  it('cashable + non-cashable = the whole saving, year by year and run by run, and the cashable part is the fall in marginal cost (Leeds, 20 runs)', () => {
    const runs = 20;
    const s = runSimulation(loadScenario(LEEDS), { runs, seed: 'cashable', keepRunSeries: ['costCashable', 'costPlacements'] });
    // Leeds has fixed placement costs: the cashable part is below the placements' whole cost in every month.
    for (const arm of s.arms) for (let run = 0; run < runs; run++) for (let m = 1; m < s.months.length; m++) expect(arm.runSeries!.costCashable![run]![m]!).toBeLessThan(arm.runSeries!.costPlacements![run]![m]!);
    const simulated = s.finance.simulatedYears;
    for (const [i, c] of s.finance.comparisons.entries()) {
      const arm = s.arms[i + 1]!;
      for (const [t, y] of c.byYear.slice(0, simulated).entries()) {
        // The last year, cut short, is completed with carried months: compare the years wholly simulated.
        if (y.carriedMonths > 0) continue;
        // Optimism bias and deadweight are 0 on Leeds's benefits: the two savings add to the saving before the service's cost.
        const saving = s.comparisons[i]!.savingByYear![t]!;
        // The service's cost in the option less the counterfactual's (Leeds's counterfactual is the service before).
        const service = monthsOf(s.months, y.year).reduce((a, m) => a + arm.series.costFgcService.mean[m]! - s.arms[0]!.series.costFgcService.mean[m]!, 0);
        expect(y.cashableSaving.mean + y.nonCashableSaving.mean).toBeCloseTo(saving.saving.mean + service, 0);
        const fall = monthsOf(s.months, y.year).reduce((a, m) => a + s.arms[0]!.series.costCashable.mean[m]! - arm.series.costCashable.mean[m]!, 0);
        expect(y.cashableSaving.mean).toBeCloseTo(fall, 0);
      }
    }
  });
});

/** Month indexes (1..H) of a financial year "2015/16". */
function monthsOf(months: string[], year: string): number[] {
  const out: number[] = [];
  for (let m = 1; m < months.length; m++) if (financialYearOf(months[m]!) === year) out.push(m);
  return out;
}

describe('costs and set-up in the appraisal', () => {
  const ref = { total: [1000, 1000, 1000], cashable: [400, 400, 400], service: [100, 100, 100], fte: 2 };
  const arm = { total: [1300, 1200, 1100], cashable: [380, 360, 340], service: [400, 400, 400], fte: 6 };

  it('optimism bias on costs raises the cost line by its stated share, set-up included', () => {
    const plain = appraiseRun(ref, arm, { ...NONE, setUpCostPerAddedFte: 25 });
    const biased = appraiseRun(ref, arm, { ...NONE, setUpCostPerAddedFte: 25, optimismBiasCosts: 0.2 });
    // Service 300 a year more, set-up 4 FTE × £25 = 100 in year 0 only.
    expect(Array.from(plain.serviceCost)).toEqual([400, 300, 300]);
    biased.serviceCost.forEach((c, t) => expect(c).toBeCloseTo(1.2 * plain.serviceCost[t]!, 9));
    // Benefits untouched by it.
    expect(Array.from(biased.cashable)).toEqual(Array.from(plain.cashable));
  });

  it('optimism bias never makes an arm cheaper to run than the reference look cheaper still', () => {
    const cheaper = { ...arm, service: [50, 50, 50], fte: 2 };
    const a = appraiseRun(ref, cheaper, { ...NONE, optimismBiasCosts: 0.4 });
    expect(Array.from(a.serviceCost)).toEqual([-50, -50, -50]);
  });

  it('books set-up once, in the first year, whatever the horizon', () => {
    const a = appraiseRun(ref, arm, { ...NONE, setUpCostPerAddedFte: 1000 });
    expect(a.serviceCost[0]! - 300).toBe(4000);
    expect(a.serviceCost[1]).toBe(300);
    expect(a.serviceCost[2]).toBe(300);
  });

  it('measures over the horizon it is given and keeps the NPV of every prefix', () => {
    const a = appraiseRun(ref, arm, { ...NONE, discountRate: 0.035 }, undefined, 2);
    expect(a.npv).toBeCloseTo(a.cumulativeNpv[1]!, 9);
    expect(a.cumulativeNpv[2]! - a.cumulativeNpv[1]!).toBeCloseTo(a.net[2]! / 1.035 ** 2, 9);
  });
});

/** Financial years of 12 months, 2015/16 on. */
function fullYears(n: number): FinancialYear[] {
  return Array.from({ length: n }, (_, i) => ({ label: `${2015 + i}/${String((16 + i) % 100).padStart(2, '0')}`, first: 1 + 12 * i, last: 12 * (i + 1), months: 12 }));
}

/** Yearly money for a reference and one arm, `runs` runs alike but for a run-sized wobble; the arm saves `saving(t)` on placements' marginal cost. */
function money(years: number, saving: (t: number) => number, runs = 5): YearlyMoney {
  const byArm = [0, 1].map((a) => {
    const total = new Float64Array(runs * years);
    const cashable = new Float64Array(runs * years);
    const service = new Float64Array(runs * years);
    for (let r = 0; r < runs; r++) {
      for (let t = 0; t < years; t++) {
        const s = a === 1 ? saving(t) + r : 0;
        cashable[r * years + t] = 1000 - s;
        service[r * years + t] = a === 1 ? 50 : 0;
        total[r * years + t] = 5000 - s + service[r * years + t]!;
      }
    }
    return { total, cashable, service };
  });
  return {
    plan: { runs, seed: 'x', months: 12 * years, arms: [{ name: 'Reference', coordinatorsFte: 0 }, { name: 'Service', coordinatorsFte: 1 }] },
    costByYear: (arm, _years, metric) => (metric === M.costCashable ? byArm[arm]!.cashable : metric === M.costFgcService ? byArm[arm]!.service : byArm[arm]!.total),
    appraisalInputs: () => Array.from({ length: runs }, () => ({ ...NONE, discountRate: 0.035 })),
  };
}

describe('the appraisal horizon', () => {
  it('carries the last full simulated year past the simulation, says so, and puts NPVs over 5 and 10 years beside the horizon', () => {
    const years = fullYears(3);
    const f = finish(appraiseComparisons(money(3, (t) => 100 * (t + 1)), years, { priceYear: null, priceBasis: 'x' }, 12));
    expect(f.appraisalYears).toBe(12);
    expect(f.simulatedYears).toBe(3);
    expect(f.carriedFrom).toBe('2017/18');
    const c = f.comparisons[0]!;
    expect(c.byYear).toHaveLength(12);
    expect(c.byYear.map((y) => y.carriedMonths)).toEqual([0, 0, 0, 12, 12, 12, 12, 12, 12, 12, 12, 12]);
    expect(c.byYear[11]!.year).toBe('2026/27');
    // Year 3 on: the third year's saving (300 + run) less 50 of service, every year.
    expect(c.byYear[3]!.net.p50).toBe(c.byYear[2]!.net.p50);
    expect(c.npvByHorizon.map((h) => h.years)).toEqual([5, 10, 12]);
    // The NPV over the horizon is the horizon's row.
    expect(c.npvByHorizon[2]!.npv.p50).toBeCloseTo(c.npv.p50, 6);
    // Net 50, 150, 250, 250… (the median run): NPV over 5 years at 3.5%.
    const npv5 = [50, 150, 250, 250, 250].reduce((a, x, t) => a + (x + 2) / 1.035 ** t, 0);
    expect(c.npvByHorizon[0]!.npv.p50).toBeCloseTo(npv5, 6);
  });

  it('completes a last year the simulation cut short at the last full year’s level', () => {
    const years: FinancialYear[] = [...fullYears(2), { label: '2017/18', first: 25, last: 27, months: 3 }];
    const plan = appraisalYears(years, 10);
    expect(plan[2]).toMatchObject({ label: '2017/18', months: 3, carriedMonths: 9, from: 2, carry: 0.75 });
    expect(plan[3]).toMatchObject({ label: '2018/19', months: 0, carriedMonths: 12, from: -1, carry: 1 });
    // With no full year there is no level to carry: the appraisal stops with the simulation.
    expect(appraisalYears([{ label: '2015/16', first: 1, last: 6, months: 6 }], 10)).toHaveLength(1);
  });

  it('warns when net benefit rises in the last full year simulated, and not when it is flat or falling', () => {
    const rising = finish(appraiseComparisons(money(3, (t) => 100 * (t + 1)), fullYears(3), { priceYear: null, priceBasis: 'x' }));
    expect(rising.comparisons[0]!.stillRising).toMatchObject({ year: '2017/18', rising: true, meanRise: 100, share: 1 });
    expect(rising.warnings.map((w) => w.kind)).toEqual(['years carried', 'still rising']);
    const flat = finish(appraiseComparisons(money(3, () => 100), fullYears(3), { priceYear: null, priceBasis: 'x' }));
    expect(flat.comparisons[0]!.stillRising).toMatchObject({ rising: false, meanRise: 0 });
    expect(flat.warnings.map((w) => w.kind)).toEqual(['years carried']);
    // Rising beyond noise but by too little to move the NPV (a tenth of it): no warning, though the JSON says it rose.
    const slight = finish(appraiseComparisons(money(3, (t) => 1000 + t), fullYears(3), { priceYear: null, priceBasis: 'x' }));
    expect(slight.comparisons[0]!.stillRising!.rising).toBe(true);
    expect(slight.warnings.map((w) => w.kind)).toEqual(['years carried']);
    // Where it matters, the trend's NPV is beside the flat one's.
    expect(rising.comparisons[0]!.npvWithTrend.p50).toBeGreaterThan(rising.comparisons[0]!.npv.p50 * 1.1);
    const falling = finish(appraiseComparisons(money(3, (t) => 300 - 100 * t), fullYears(3), { priceYear: null, priceBasis: 'x' }));
    expect(falling.comparisons[0]!.stillRising!.rising).toBe(false);
    // One full year only: nothing to compare.
    expect(stillRising([Float64Array.of(1, 2)], 0)).toBeUndefined();
    // Paired: a mean rise of 1 with a spread of 10 over 100 runs is within two standard errors (2.0); over 1,000 runs not.
    const runs = (n: number) => [new Float64Array(n), Float64Array.from({ length: n }, (_, i) => 1 + (i % 2 ? 10 : -10))];
    expect(stillRising(runs(100), 1)!.rising).toBe(false);
    expect(stillRising(runs(1000), 1)!.rising).toBe(true);
  });

  it('says when the horizon asked for cannot be met, or rests on one full year carried forward', () => {
    // Six months: no full year to carry, the appraisal stops with the simulation.
    const short = finish(appraiseComparisons(money(1, () => 100), [{ label: '2015/16', first: 1, last: 6, months: 6 }], { priceYear: null, priceBasis: 'x' }, 10));
    expect(short.appraisalYears).toBe(1);
    expect(short.warnings[0]).toMatchObject({ kind: 'horizon cut' });
    expect(short.warnings[0]!.message).toMatch(/^The appraisal covers 1 year, not the 10 asked for/);
    // One full year: carried, and flagged.
    const one = finish(appraiseComparisons(money(2, () => 100), [{ label: '2015/16', first: 1, last: 11, months: 11 }, { label: '2016/17', first: 12, last: 23, months: 12 }], { priceYear: null, priceBasis: 'x' }));
    expect(one.warnings.map((w) => w.kind)).toEqual(['years carried', 'one full year']);
  });

  it('keeps the budget’s own NPV apart: cashable savings less the service’s cost, non-cashable left out', () => {
    const f = finish(appraiseComparisons(money(3, () => 100), fullYears(3), { priceYear: null, priceBasis: 'x' }, 3));
    const c = f.comparisons[0]!;
    // Here every saving is cashable (the arm's cost falls on placements' marginal cost only): the two NPVs agree.
    expect(c.cashNpv.p50).toBeCloseTo(c.npv.p50, 6);
    const ref = { total: [1000, 1000], cashable: [400, 400], service: [0, 0], fte: 0 };
    const arm = { total: [900, 900], cashable: [380, 380], service: [50, 50], fte: 0 };
    const a = appraiseRun(ref, arm, NONE);
    // Savings 150 a year, of which 20 cashable; service 50: economic NPV 200, budget NPV −60.
    expect(a.npv).toBeCloseTo(200, 9);
    expect(a.cashNpv).toBeCloseTo(-60, 9);
    expect(a.cashPayback).toBe(-1);
  });
});
