// Break-even against values computed by hand, then on the engine.
import { describe, expect, it } from 'vitest';
import { effectBreakEven, weakestEffect } from '../../../src/engine/analysis/goal-seek';
import { centralScenario, withInputDist } from '../../../src/engine/analysis/inputs';
import type { RunSummary } from '../../../src/engine/results/run-set';
import type { Evaluate } from '../../../src/engine/analysis/sensitivity';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { loadScenario, SMALL } from '../../helpers/scenarios';

/**
 * A constructed evaluator: ten runs whose net saving is a_r − 10 × RR with a_r = 1, 2, …, 10, so run
 * r saves when RR < a_r / 10. By hand: P(saving > 0) is 0.5 at RR = 0.55 (runs a = 6..10) and 0.4
 * at 0.6; 0.8 at RR = 0.25 (a = 3..10) and 0.7 at 0.3. The weakest effects are RR 0.55 and 0.25.
 */
const constructed: Evaluate = async (s) => {
  // The break-even sets the same per-conference RR at every offer point.
  const rrs = Object.values(s.fgc.effects.byOfferPoint).map((e) => (e.rrEntryToCare as { value: number }).value);
  expect(new Set(rrs).size).toBe(1);
  const rr = rrs[0]!;
  const a = Array.from({ length: 10 }, (_, r) => r + 1);
  return {
    runs: 10,
    arms: [
      { name: 'none', runs: { cost: a.map(() => 0) } },
      { name: 'FGC', runs: { cost: a.map((ar) => 10 * rr - ar) } },
    ],
  } as unknown as RunSummary;
};

describe('break-even and goal-seek', () => {
  it('finds the weakest effect that pays with probability 50% and 80%, as computed by hand', async () => {
    const s = loadScenario(SMALL);
    const result = await effectBreakEven(s, constructed, { runs: 10 });
    expect(result.curve[0]).toEqual({ rr: 1, probability: 0, meanSaving: 5.5 - 10 });
    expect(result.curve.find((p) => p.rr === 0.55)!.probability).toBe(0.5);
    expect(result.rrAt50).toBeCloseTo(0.55, 12);
    expect(result.rrAt80).toBeCloseTo(0.25, 12);
  });

  it('interpolates between grid points and says when no effect on the grid is enough', () => {
    const curve = [
      { rr: 1, probability: 0, meanSaving: 0 },
      { rr: 0.9, probability: 0.4, meanSaving: 0 },
      { rr: 0.8, probability: 0.6, meanSaving: 0 },
    ];
    expect(weakestEffect(curve, 0.5)).toBeCloseTo(0.85, 12);
    expect(weakestEffect(curve, 0.8)).toBeNull();
    expect(weakestEffect(curve, 0)).toBe(1);
  });

  it('on the engine: the net saving grows and pays more often as the effect strengthens', async () => {
    let s = centralScenario(loadScenario(SMALL));
    s = { ...s, simulation: { ...s.simulation, horizonMonths: 24 } };
    s = withInputDist(s, 'fgc.conferencesPerFtePerYear', { dist: 'uniform', min: 20, max: 40 });
    const evaluate: Evaluate = async (sc, o) => runSimulation(sc, o);
    const result = await effectBreakEven(s, evaluate, { runs: 12, seed: 'be', grid: [1, 0.7, 0.4] });
    expect(result.curve.map((p) => p.rr)).toEqual([1, 0.7, 0.4]);
    expect(result.curve[2]!.meanSaving).toBeGreaterThan(result.curve[0]!.meanSaving);
    expect(result.curve[2]!.probability).toBeGreaterThanOrEqual(result.curve[0]!.probability);
  });
});
