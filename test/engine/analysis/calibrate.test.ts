// Calibration by ABC rejection recovers inputs the engine itself generated a series from; a backtest reports coverage.
import { describe, expect, it } from 'vitest';
import { backtest, calibrate, withPriors } from '../../../src/engine/analysis/calibrate';
import { centralScenario, uncertainInputs } from '../../../src/engine/analysis/inputs';
import type { Evaluate } from '../../../src/engine/analysis/sensitivity';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { parseScenario } from '../../../src/scenario/parse';
import type { Scenario } from '../../../src/scenario/schema';
import { loadScenario, SMALL } from '../../helpers/scenarios';

const evaluate: Evaluate = async (s, o) => runSimulation(s, o);

/** Truth: the small council with every input central (80 children referred a month, 1,273 days in care on average). */
const TRUTH = { 'demand.referralsPerMonth': 80, 'pathway.cla.duration.mean': 1273 };
const MONTHS = 18;
/** Observed and fitted: the four series the issue names, and referrals (the signal for referral volume). */
const FITTED = ['cla', 'cp', 'claEntries', 'claExits', 'referrals'] as const;

/** The truth's own simulated series (one run, one arm), carried as the scenario's observed series. */
function synthetic(): Scenario {
  const truth = centralScenario(loadScenario(SMALL));
  const run = runSimulation(truth, { runs: 1, seed: 'truth', months: MONTHS, capacity: [2], keepRunSeries: [...FITTED] });
  const arm = run.arms[1]!.runSeries!;
  const series = Object.fromEntries(FITTED.map((m) => [m, arm[m]![0]!]));
  return { ...truth, arms: { ...truth.arms, options: [{ name: 'Two coordinators', coordinatorsFte: 2 }] }, observed: { startMonth: truth.startMonth, source: 'synthetic: the engine, seed truth', series } };
}

describe('calibration', () => {
  it('puts a uniform ±30% prior on fixed inputs chosen for fitting and keeps existing distributions', () => {
    const s = withPriors(loadScenario(SMALL), ['demand.referralsPerMonth', 'pathway.cla.duration.mean', 'pathway.closed.reReferralProbability']);
    const byPath = new Map(uncertainInputs(s).map((i) => [i.path, i.dist]));
    expect(byPath.get('demand.referralsPerMonth')).toEqual({ dist: 'uniform', min: 56, max: 104, unit: 'children/month', source: 'test fixture', note: 'prior for calibration: uniform ±30% around 80' });
    expect(byPath.get('pathway.cla.duration.mean')).toMatchObject({ dist: 'uniform', min: 1273 * 0.7, max: 1273 * 1.3 });
    expect(byPath.get('pathway.closed.reReferralProbability')).toMatchObject({ dist: 'uniform', min: 0.15, max: 0.3 });
    expect(() => withPriors(loadScenario(SMALL), ['demand.nothing'])).toThrow('demand.nothing: not a numeric input of this scenario');
  });

  it('recovers the inputs a synthetic series was generated from, inside their posterior P5–P95, narrower than the prior; writes a valid fitted scenario', async () => {
    const observed = synthetic();
    const result = await calibrate(observed, evaluate, { runs: 400, seed: 'abc', inputs: Object.keys(TRUTH), metrics: [...FITTED], acceptShare: 0.1 });
    expect(result.accepted).toBe(40);
    expect(result.arm).toBe('Two coordinators');
    for (const [path, truth] of Object.entries(TRUTH)) {
      const fitted = result.inputs.find((i) => i.input === path)!;
      expect(truth, path).toBeGreaterThanOrEqual(fitted.posterior.p5);
      expect(truth, path).toBeLessThanOrEqual(fitted.posterior.p95);
    }
    const referrals = result.inputs.find((i) => i.input === 'demand.referralsPerMonth')!;
    expect(referrals.posterior.p95 - referrals.posterior.p5).toBeLessThan(0.6 * (referrals.prior.p95 - referrals.prior.p5));
    // The stocks (smooth, informative) sit closer to what was observed after fitting than before.
    for (const metric of ['cla', 'cp']) {
      const fit = result.series.find((s) => s.metric === metric)!;
      expect(fit.rmsePosterior, metric).toBeLessThan(fit.rmsePrior);
    }
    // The fitted scenario is a valid scenario with the posteriors as PERT distributions.
    const parsed = parseScenario(result.fittedScenario);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(result.fittedScenario.name).toMatch(/\(calibrated\)$/);
    expect(result.fittedScenario.demand.referralsPerMonth).toMatchObject({ dist: 'pert', unit: 'children/month', source: 'test fixture' });
    expect((result.fittedScenario.demand.referralsPerMonth as { note: string }).note).toMatch(/calibrated by ABC rejection to synthetic: the engine, seed truth: 40 of 400 runs kept/);
  }, 60_000);

  it('a backtest fits the first two thirds, scores the held-out months against the band and a naive trend, and reports coverage', async () => {
    const observed = synthetic();
    const result = await backtest(observed, evaluate, { runs: 200, seed: 'backtest', inputs: Object.keys(TRUTH), metrics: [...FITTED] });
    expect(result.fitMonths).toBe(12);
    expect(result.heldOutMonths).toBe(7);
    for (const s of result.series) {
      expect(s.points.length).toBeGreaterThan(0);
      for (const p of s.points) expect(p.month > result.calibration.fitMonths.at(-1)!).toBe(true);
      expect(s.coverage).toBe(s.points.filter((p) => p.observed >= p.p5 && p.observed <= p.p95).length / s.points.length);
      expect(Number.isFinite(s.maeNaive)).toBe(true);
    }
    expect(result.coverage).toBeGreaterThan(0.5);
  }, 60_000);
});
