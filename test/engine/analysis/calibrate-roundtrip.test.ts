// A scenario written back by calibration reproduces the observed series it was fitted to (issue 24, point 4): the mean
// absolute error of its median over every observed month is within 3% of the observed mean, for each fitted series.
// The series come from a known truth the engine simulated (referrals 15% higher than the scenario says, a fall of 15% a
// year in the shares that escalate, more assessments ending in a CP plan), so that the fit has something to find and a
// perfect fit exists: referral volume, the trend and the assessment's shares are fitted together, and referrals are
// among the series, so a falling stock cannot be bought with fewer referrals.
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../src/engine/analysis/calibrate';
import { centralScenario } from '../../../src/engine/analysis/inputs';
import { compareWithObserved } from '../../../src/engine/analysis/observed';
import type { Evaluate } from '../../../src/engine/analysis/sensitivity';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { parseScenario } from '../../../src/scenario/parse';
import type { Scenario } from '../../../src/scenario/schema';
import { loadScenario, SMALL } from '../../helpers/scenarios';

const evaluate: Evaluate = async (s, o) => runSimulation(s, o);
const MONTHS = 24;
const FITTED = ['cla', 'cp', 'cin', 'referrals'] as const;

/** The small council ten times over (800 children referred a month): a council's size, whose stocks' process noise is a few per cent. */
function base(): Scenario {
  const s: Scenario = JSON.parse(JSON.stringify(centralScenario(loadScenario(SMALL))));
  s.demand.referralsPerMonth = { ...s.demand.referralsPerMonth, value: 800 } as typeof s.demand.referralsPerMonth;
  for (const k of ['cin', 'cp', 'preProceedings', 'cla'] as const) s.initialStocks[k] = { ...s.initialStocks[k], value: s.initialStocks[k].value * 10 };
  return { ...s, arms: { ...s.arms, options: [] } };
}

/** The truth's median series over 300 runs, carried as the base scenario's observed series. */
function observedFromTruth(): Scenario {
  const s = base();
  const truth: Scenario = JSON.parse(JSON.stringify(s));
  truth.demand.referralsPerMonth = { ...truth.demand.referralsPerMonth, value: 920 } as typeof truth.demand.referralsPerMonth;
  truth.pathway.escalationTrendPerYear = { value: -0.15, unit: 'fraction/year', source: 'test truth' };
  truth.pathway.assessment.exits = { ...truth.pathway.assessment.exits, shares: { cla: 0.02, cp: 0.08, cin: 0.3, noFurtherAction: 0.6 } };
  const run = runSimulation(truth, { runs: 300, seed: 'truth', months: MONTHS });
  const series = Object.fromEntries(FITTED.map((m) => [m, run.arms[0]!.series[m].p50.map((x) => Math.round(x))]));
  return { ...s, observed: { startMonth: s.startMonth, source: 'synthetic: the engine, seed truth', series } };
}

describe('calibration written back', () => {
  it('reproduces its observed series: the median’s mean absolute error within 3% of the observed mean, series by series', async () => {
    const observed = observedFromTruth();
    const fit = await calibrate(observed, evaluate, { runs: 1500, rounds: 3, acceptShare: 0.05, seed: 'fit', inputs: ['demand.referralsPerMonth', 'pathway.escalationTrendPerYear', 'pathway.assessment.exits'], metrics: [...FITTED] });
    expect(fit.rounds).toBe(3);
    const parsed = parseScenario(fit.fittedScenario);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    const rerun = runSimulation(fit.fittedScenario, { runs: 300, seed: 'rerun', months: MONTHS });
    const rows = compareWithObserved(fit.fittedScenario, rerun, rerun.arms[0]!);
    expect(rows.map((r) => r.metric).sort()).toEqual([...FITTED].sort());
    const errors = Object.fromEntries(rows.map((r) => [r.metric, r.points.reduce((a, p) => a + Math.abs(p.p50 - p.observed), 0) / r.points.length / r.observedMean]));
    // Before fitting, the base scenario misses at least one series by more than that.
    const before = runSimulation(observed, { runs: 300, seed: 'rerun', months: MONTHS });
    const beforeErrors = compareWithObserved(observed, before, before.arms[0]!).map((r) => r.points.reduce((a, p) => a + Math.abs(p.p50 - p.observed), 0) / r.points.length / r.observedMean);
    expect(Math.max(...beforeErrors)).toBeGreaterThan(0.05);
    for (const metric of FITTED) expect(errors[metric], metric).toBeLessThanOrEqual(0.03);
  }, 120_000);
});
