// The appraisal in a whole run: NPV at rate 0 equals the undiscounted sum; a zero-FTE arm has no saving and no FGC cost.
import { describe, expect, it } from 'vitest';
import { withEffectPreset } from '../../../src/scenario/effect-presets';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { readJson, SMALL, validated, variant } from '../../helpers/scenarios';

describe('appraisal in the run summary', () => {
  const s = variant(SMALL, (raw) => {
    raw.arms.options = [{ name: 'Zero', coordinatorsFte: 0 }, { name: 'Four', coordinatorsFte: 4 }];
  });

  // 35 months from April 2015 end in March 2018: three financial years, the last a whole one, so with the appraisal
  // over those three years nothing is carried past the simulation.
  it('at a discount rate of 0, NPV is the sum of the yearly net amounts, run by run', () => {
    const summary = runSimulation(s, { runs: 12, months: 35, discountRate: 0, appraisalYears: 3 });
    const four = summary.finance.comparisons[1]!;
    expect(summary.finance.discountRate).toBe(0);
    expect(summary.finance.appraisalYears).toBe(3);
    // The mean NPV equals the sum of the mean yearly nets (means add up).
    const sumOfNets = four.byYear.slice(0, 3).reduce((acc, y) => acc + y.net.mean, 0);
    expect(four.npv.mean).toBeCloseTo(sumOfNets, 6);
    // With no optimism bias (the fixture's optimism bias on costs is drawn: off here) or deadweight, benefits − service cost over the horizon = the total saving.
    const plain = runSimulation(variant(SMALL, (raw) => {
      raw.arms.options = [{ name: 'Zero', coordinatorsFte: 0 }, { name: 'Four', coordinatorsFte: 4 }];
      raw.finance.optimismBiasCosts = { value: 0, unit: 'share', source: 'test' };
      raw.finance.setUpCostPerAddedFte = { value: 0, unit: 'GBP/FTE', priceYear: '2015/16', source: 'test' };
    }), { runs: 12, months: 35, discountRate: 0, appraisalYears: 3 });
    expect(plain.finance.comparisons[1]!.npv.mean).toBeCloseTo(plain.comparisons[1]!.saving.mean, 4);
  });

  it('discounting at 3.5% shrinks later years: |NPV| is below the undiscounted total when all years are one-signed', () => {
    const at0 = runSimulation(s, { runs: 12, months: 30, discountRate: 0 }).finance.comparisons[1]!;
    const at35 = runSimulation(s, { runs: 12, months: 30 }).finance.comparisons[1]!;
    const allNegative = at0.byYear.every((y) => y.net.p95 < 0);
    if (allNegative) expect(at35.npv.mean).toBeGreaterThan(at0.npv.mean);
    expect(at35.npv.mean).not.toBe(at0.npv.mean);
  });

  it('the zero-capacity arm has zero saving, zero FGC cost and NPV 0 in every run', () => {
    const zero = runSimulation(s, { runs: 8, months: 24 }).finance.comparisons[0]!;
    expect(zero.npv.p5).toBe(0);
    expect(zero.npv.p95).toBe(0);
    for (const y of zero.byYear) {
      expect(y.serviceCost.p95).toBe(0);
      expect(y.cashableSaving.p95).toBe(0);
      expect(y.nonCashableSaving.p5).toBe(0);
    }
    expect(zero.payback.never + Object.values(zero.payback.byYear).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('cashable savings are the fall in placements’ marginal cost, not their whole cost', () => {
    const summary = runSimulation(s, { runs: 10, months: 35, appraisalYears: 3 });
    const four = summary.finance.comparisons[1]!;
    const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
    const marginal = summary.arms.map((a) => sum(a.series.costCashable.mean));
    const placements = summary.arms.map((a) => sum(a.series.costPlacements.mean));
    const cashable = four.byYear.slice(0, 3).reduce((acc, y) => acc + y.cashableSaving.mean, 0);
    expect(cashable).toBeCloseTo(marginal[0]! - marginal[2]!, 2);
    expect(Math.abs(cashable)).toBeLessThan(Math.abs(placements[0]! - placements[2]!));
  });

  it('payback by year lists the financial years in order, each with the share of runs that pay back in it', () => {
    // Leeds with the effects the published evaluations assumed pays back in several different years across runs,
    // so an order by first occurrence would show.
    const leeds = withEffectPreset(readJson('scenarios/leeds-2015-family-valued.json') as any, 'as the evaluations assumed');
    // Against no service (Leeds's default comparison is the service before the expansion).
    // Against no service, with the throughput a Darlington facilitator has (Leeds's default comparison is the service
    // before the expansion, whose 8-9.5 FGCs a coordinator a year pay back in no run).
    leeds.arms = { counterfactual: { name: 'No FGC service', coordinatorsFte: 0 }, options: [{ name: '22.5 FTE', coordinatorsFte: 22.5 }, { name: '41 FTE', coordinatorsFte: 41 }] };
    leeds.fgc.conferencesPerFtePerYear = { dist: 'uniform', min: 22, max: 27, unit: 'conferences/FTE/year', source: 'test: Darlington' };
    leeds.fgc.offerPoints.referral.eligibleShare.value = 0.85;
    delete leeds.observed.arm;
    const summary = runSimulation(validated(leeds), { runs: 60 });
    for (const c of summary.finance.comparisons) {
      const years = Object.keys(c.payback.byYear);
      expect(years).toEqual(summary.finance.financialYears.filter((y) => years.includes(y)));
      for (const y of years) expect(c.payback.byYear[y]! * 60).toBeCloseTo(Math.round(c.payback.byYear[y]! * 60), 9);
      expect(c.payback.never + Object.values(c.payback.byYear).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    expect(Object.keys(summary.finance.comparisons[0]!.payback.byYear).length).toBeGreaterThanOrEqual(3);
  });
});
