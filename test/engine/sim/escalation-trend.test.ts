// A trend in the escalation shares (issue 24, point 4): pathway.escalationTrendPerYear scales the share of every exit
// that escalates by (1 + trend)^(t / 12), t months from month 0, the other exits taking up the difference; referrals
// are untouched. A stock that falls while referrals do not is fitted here rather than by the referral volume.
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { SMALL, variant } from '../../helpers/scenarios';

const fixed = (value: number, unit: string) => ({ value, unit, source: 'test' });
const NO_ONE = { cin: fixed(0, 'children'), cp: fixed(0, 'children'), preProceedings: fixed(0, 'children'), cla: fixed(0, 'children') };
const sum = (xs: readonly number[], from: number, to: number) => xs.slice(from, to + 1).reduce((a, b) => a + b, 0);

/** One-child families, Poisson referrals of 1,000 a month, a one-day assessment that sends 10% into care, the rest closed. */
function council(trend: number | undefined) {
  return variant(SMALL, (raw) => {
    raw.demand.referralsPerMonth = fixed(1000, 'children/month');
    raw.demand.countModel = 'poisson';
    delete raw.demand.dispersion;
    delete raw.demand.seasonality;
    raw.demand.trendPerYear = fixed(0, 'fraction/year');
    raw.demand.childrenPerFamily.sharesBySize = [1];
    raw.initialStocks = NO_ONE;
    raw.pathway.closed.reReferralProbability = fixed(0, 'probability');
    raw.pathway.assessment.duration = { family: 'gamma', mean: 1, sd: 0.1, unit: 'days', source: 'test' };
    raw.pathway.assessment.exits = { shares: { cla: 0.1, cp: 0, cin: 0, noFurtherAction: 0.9 }, source: 'test' };
    raw.arms.options = [];
    if (trend !== undefined) raw.pathway.escalationTrendPerYear = fixed(trend, 'fraction/year');
  });
}

const RUNS = 20;
const MONTHS = 24;

describe('escalation trend', () => {
  it('a trend of 0 is the scenario without one, run for run', () => {
    const without = runSimulation(council(undefined), { runs: 3, months: 12, seed: 'trend' });
    const zero = runSimulation(council(0), { runs: 3, months: 12, seed: 'trend' });
    expect(zero.arms[0]!.series.claEntries.mean).toEqual(without.arms[0]!.series.claEntries.mean);
    expect(zero.arms[0]!.series.referrals.mean).toEqual(without.arms[0]!.series.referrals.mean);
  });

  it('a fall of 30% a year cuts care entries by 0.7^(18/12) from the first half-year to the last, and leaves referrals alone', () => {
    const s = runSimulation(council(-0.3), { runs: RUNS, months: MONTHS, seed: 'trend' });
    const arm = s.arms[0]!.series;
    // Entries in a month are Poisson (thinned Poisson referrals), so a six-month total over RUNS runs has SD √(its mean).
    const first = sum(arm.claEntries.mean, 1, 6) * RUNS;
    const last = sum(arm.claEntries.mean, 19, 24) * RUNS;
    // Expected: 100 a month × 0.7^(t/12) at each month's middle t = m - 0.5.
    const expected = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => 100 * 0.7 ** ((from + i - 0.5) / 12)).reduce((a, b) => a + b, 0);
    const ratio = last / first;
    const expectedRatio = expected(19, 24) / expected(1, 6);
    const se = ratio * Math.sqrt(1 / first + 1 / last);
    expect(Math.abs(ratio - expectedRatio)).toBeLessThan(4 * se);
    // Referrals have no trend: the last half-year's within 4 SD of the first's.
    const r1 = sum(arm.referrals.mean, 1, 6) * RUNS;
    const r2 = sum(arm.referrals.mean, 19, 24) * RUNS;
    expect(Math.abs(r2 / r1 - 1)).toBeLessThan(4 * Math.sqrt(1 / r1 + 1 / r2));
  });

  it('a rise that would send more than every family onward is capped: all of them escalate, none more', () => {
    // 10% escalating, up 90% a year: from month 44 the factor 1.9^(t / 12) passes 1 / 0.1 = 10 and is capped there.
    const s = runSimulation(council(0.9), { runs: 2, months: 72, seed: 'trend' });
    const arm = s.arms[0]!.series;
    const referrals = sum(arm.referrals.mean, 60, 71);
    const entries = sum(arm.claEntries.mean, 60, 71);
    // Every family assessed goes into care: the months' totals differ only by the referrals whose one-day
    // assessment crosses a month's end at either side (about 1,000 / 30 a month each side).
    expect(Math.abs(entries - referrals)).toBeLessThan(0.01 * referrals);
    // Before the cap (months 1-6: factor at most 1.9^0.5 = 1.38) entries are about 10-14% of referrals.
    const early = sum(arm.claEntries.mean, 1, 6) / sum(arm.referrals.mean, 1, 6);
    expect(early).toBeGreaterThan(0.1);
    expect(early).toBeLessThan(0.14);
  });
});
