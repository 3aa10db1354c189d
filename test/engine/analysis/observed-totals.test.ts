// Observed totals (issue 24): a flow published as a total over months (FGCs held in a financial year, a pilot's
// conferences in a quarter) is compared with the same months' total run by run, not with a sum of monthly bands.
import { describe, expect, it } from 'vitest';
import { compareTotals, totalMetrics } from '../../../src/engine/analysis/observed';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { parseScenario } from '../../../src/scenario/parse';
import { SMALL, variant } from '../../helpers/scenarios';
import { readFileSync } from 'node:fs';

const total = (metric: string, from: string, to: string, value: number) => ({ metric, from, to, value, unit: 'families', source: 'test' });
const withTotals = (totals: object[]) => {
  const raw = JSON.parse(readFileSync(SMALL, 'utf8'));
  raw.observed = { startMonth: raw.startMonth, source: 'test', series: {}, totals };
  return raw;
};

describe('observed totals', () => {
  it('are refused when they start at month 0 (its flows came before it) or end before they begin, naming the field', () => {
    const atZero = parseScenario(withTotals([total('fgcHeld', '2015-04', '2015-06', 10)]));
    expect(atZero.ok).toBe(false);
    if (!atZero.ok) expect(atZero.errors[0]!.path).toBe('observed.totals[0].from');
    const backwards = parseScenario(withTotals([total('referrals', '2015-06', '2015-05', 10)]));
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.errors[0]!.path).toBe('observed.totals[0].to');
    const stock = parseScenario(withTotals([total('cla', '2015-05', '2015-06', 10)]));
    expect(stock.ok).toBe(false);
    if (!stock.ok) expect(stock.errors[0]!.path).toBe('observed.totals[0].metric');
  });

  it('sum each run over the months: their mean is the sum of the monthly means, their band is the runs’ own', () => {
    const s = variant(SMALL, (raw) => Object.assign(raw, { observed: { startMonth: raw.startMonth, source: 'test', series: {}, totals: [total('referrals', '2015-05', '2015-10', 3000)] } }));
    expect(totalMetrics(s)).toEqual(['referrals']);
    const summary = runSimulation(s, { runs: 30, months: 12, seed: 'totals', keepRunSeries: totalMetrics(s) });
    const arm = summary.arms[0]!;
    const [t] = compareTotals(s, summary, arm);
    const sumOfMeans = arm.series.referrals.mean.slice(1, 7).reduce((a, b) => a + b, 0);
    expect(t!.mean).toBeCloseTo(sumOfMeans, 6);
    expect(t!.p5).toBeLessThanOrEqual(t!.p50);
    expect(t!.p50).toBeLessThanOrEqual(t!.p95);
    expect(t!.relativeError).toBeCloseTo((t!.p50 - 3000) / 3000, 12);
    expect(t!.inside).toBe(3000 >= t!.p5 && 3000 <= t!.p95);
    // A total past the months simulated is an error that says so.
    const short = runSimulation(s, { runs: 2, months: 4, seed: 'totals', keepRunSeries: ['referrals'] });
    expect(() => compareTotals(s, short, short.arms[0]!)).toThrow(/reaches past the months simulated/);
  });
});
