import { describe, expect, it } from 'vitest';
import { appraiseRun, discountFactors, paybackYear, presentValue, yearlyAppraisal } from '../../../src/engine/results/finance';

describe('Green Book appraisal', () => {
  it('discounts year t by (1 + r)^-t, year 0 not at all (hand-computed at 3.5%)', () => {
    const d = discountFactors(3, 0.035);
    expect(d[0]).toBe(1);
    expect(d[1]).toBeCloseTo(1 / 1.035, 12);
    expect(d[2]).toBeCloseTo(1 / 1.071225, 12);
    // 100 now, 100 next year, 100 the year after: 100 + 96.6184 + 93.3511 = 289.9695
    expect(presentValue([100, 100, 100], 0.035)).toBeCloseTo(289.96946, 4);
  });

  it('at a rate of 0 the NPV is the undiscounted sum', () => {
    expect(presentValue([-500, 200, 200, 200], 0)).toBe(100);
  });

  it('pays back in the first year the cumulative discounted net turns non-negative, or never', () => {
    // −1,000, then +400 a year: cumulative at 0%: −1000, −600, −200, +200 → year 3.
    expect(paybackYear([-1000, 400, 400, 400], 0)).toBe(3);
    // At 10%: −1000, −636.4, −305.8, −5.3, +267.9 → year 4.
    expect(paybackYear([-1000, 400, 400, 400, 400], 0.1)).toBe(4);
    expect(paybackYear([-1000, 100, 100], 0.035)).toBe(-1);
  });

  it('appraises an arm: cashable placements apart, optimism bias and deadweight off benefits, set-up per added FTE', () => {
    const ref = { total: [1000, 1000], cashable: [600, 600], service: [100, 100], fte: 2 };
    const arm = { total: [1100, 900], cashable: [580, 500], service: [300, 300], fte: 6 };
    const a = appraiseRun(ref, arm, { discountRate: 0, optimismBias: 0.2, optimismBiasCosts: 0, deadweight: 0.5, setUpCostPerAddedFte: 10 });
    // Pathway saving (service excluded): year 0: 900 − 800 = 100; year 1: 900 − 600 = 300. Kept: × 0.8 × 0.5 = 0.4.
    expect(Array.from(a.cashable)).toEqual([20 * 0.4, 100 * 0.4]);
    expect(Array.from(a.nonCashable).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([80 * 0.4, 200 * 0.4]);
    // Service: 200 a year more, plus set-up 4 added FTE × £10 in year 0.
    expect(Array.from(a.serviceCost)).toEqual([240, 200]);
    expect(a.npv).toBeCloseTo(40 + 120 - 440, 9);
    expect(a.bcr).toBeCloseTo(160 / 440, 9);
    expect(a.roi).toBeCloseTo((160 - 440) / 440, 9);
    expect(a.payback).toBe(-1);
  });

  it('an arm identical to the reference has zero saving and zero service cost', () => {
    const same = { total: [10, 20], cashable: [5, 5], service: [0, 0], fte: 0 };
    const a = appraiseRun(same, same, { discountRate: 0.035, optimismBias: 0, optimismBiasCosts: 0, deadweight: 0, setUpCostPerAddedFte: 1000 });
    expect(a.npv).toBe(0);
    expect(Array.from(a.serviceCost)).toEqual([0, 0]);
    expect(Number.isNaN(a.bcr)).toBe(true);
  });

  it('writes each run into arrays it is given, leaving nothing of the run before, and refuses arrays of the wrong length', () => {
    const inputs = { discountRate: 0.035, optimismBias: 0.1, optimismBiasCosts: 0.2, deadweight: 0.2, setUpCostPerAddedFte: 50 };
    const ref = { total: [1000, 1200, 900], cashable: [600, 700, 500], service: [100, 100, 100], fte: 2 };
    const arms = [
      { total: [1100, 900, 800], cashable: [580, 500, 450], service: [300, 300, 300], fte: 6 },
      { total: [990, 1250, 700], cashable: [610, 650, 300], service: [150, 150, 150], fte: 3 },
    ];
    const into = yearlyAppraisal(3);
    for (const arm of arms) {
      const fresh = appraiseRun(ref, arm, inputs);
      const reused = appraiseRun(ref, arm, inputs, into);
      expect(reused.cashable).toBe(into.cashable);
      expect({ ...reused }).toEqual({ ...fresh });
    }
    expect(() => appraiseRun(ref, arms[0]!, inputs, yearlyAppraisal(2))).toThrow(/3 years of money but room for 2/);
  });
});
