// Tornado and global sensitivity: on a constructed scenario where one input alone drives the output, both put it first.
import { describe, expect, it } from 'vitest';
import { centralScenario, drawnInput, uncertainInputs, withInputDist } from '../../../src/engine/analysis/inputs';
import { globalSensitivity, leastSquares, perRunOutput, ranks, tornado, type Evaluate } from '../../../src/engine/analysis/sensitivity';
import { drawParameters } from '../../../src/engine/sim/params';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { loadScenario, LEEDS, SMALL, variant } from '../../helpers/scenarios';

const evaluate: Evaluate = async (s, o) => runSimulation(s, o);

/**
 * The small council with every input fixed, then three uncertain: the FGC's relative risk of care
 * (drives the saving), and the optimism bias and discount rate (which move the appraisal, not the
 * undiscounted cost difference the net saving is).
 */
function oneDriver() {
  // A council where a CIN plan often ends in care, so an FGC offered when one starts has something to change.
  const council = variant(SMALL, (raw) => (raw.pathway.cin.exits.shares = { cla: 0.25, cp: 0.06, close: 0.69 }));
  let s = centralScenario(council);
  s = withInputDist(s, 'fgc.effects.byOfferPoint.referral.rrEntryToCare', { dist: 'uniform', min: 0, max: 1 });
  s = withInputDist(s, 'finance.optimismBias', { dist: 'uniform', min: 0, max: 0.4 });
  s = withInputDist(s, 'finance.discountRate', { dist: 'uniform', min: 0.01, max: 0.06 });
  return { ...s, simulation: { ...s.simulation, horizonMonths: 24 } };
}

describe('sensitivity', () => {
  it('finds every distribution in a scenario and re-draws each exactly as the run drew it', () => {
    const leeds = loadScenario(LEEDS);
    const inputs = uncertainInputs(leeds);
    expect(inputs.length).toBeGreaterThan(5);
    const p = drawParameters(leeds, 'draws', 7);
    const rr = inputs.find((i) => i.path === 'fgc.effects.byOfferPoint.referral.rrEntryToCare')!;
    expect(drawnInput(rr, 'draws', 7)).toBe(p.fgc.effects[0]!.rrEntryToCare);
    expect(uncertainInputs(centralScenario(leeds))).toEqual([]);
  });

  it('ranks with ties and solves least squares exactly on a constructed case', () => {
    expect(Array.from(ranks([10, 30, 20, 30]))).toEqual([1, 3.5, 2, 3.5]);
    const x1 = Float64Array.from([1, 2, 3, 4, 5]);
    const x2 = Float64Array.from([1, 0, 1, 0, 2]);
    const y = Float64Array.from(x1, (v, i) => 2 * v - 3 * x2[i]!);
    const beta = leastSquares([x1, x2], y);
    expect(beta[0]).toBeCloseTo(2, 10);
    expect(beta[1]).toBeCloseTo(-3, 10);
  });

  it('the tornado puts the one driving input first; inputs that cannot move the saving swing it by exactly 0', async () => {
    const s = oneDriver();
    const steps: number[] = [];
    const t = await tornado(s, evaluate, { output: 'netSaving', runs: 8, seed: 'tornado', onStep: (d) => steps.push(d) });
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(t.bars.map((b) => b.input)).toEqual(['fgc.effects.byOfferPoint.referral.rrEntryToCare', expect.any(String), expect.any(String)]);
    const [first, ...rest] = t.bars;
    expect(first!.low).toBeCloseTo(0.1, 12);
    expect(first!.high).toBeCloseTo(0.9, 12);
    expect(first!.outputAtLow).toBeGreaterThan(first!.outputAtHigh); // a stronger effect saves more
    expect(first!.swing).toBeGreaterThan(0);
    for (const bar of rest) expect(bar.swing).toBe(0);
  });

  it('the global ranking from one probabilistic run puts the same input first, and its group explains most of the spread', () => {
    const s = oneDriver();
    const runs = 60;
    const summary = runSimulation(s, { runs, seed: 'global' });
    const g = globalSensitivity(s, summary, 'netSaving');
    expect(g.inputs[0]!.input).toBe('fgc.effects.byOfferPoint.referral.rrEntryToCare');
    // A stronger effect (lower RR) saves more: negative rank coefficient, far outside noise (SE ≈ 1/√runs).
    expect(g.inputs[0]!.index).toBeLessThan(-4 / Math.sqrt(runs));
    for (const other of g.inputs.slice(1)) expect(Math.abs(other.index)).toBeLessThan(4 / Math.sqrt(runs));
    expect(g.groups.find((x) => x.group === 'FGC effect')!.share).toBeGreaterThan(0.5);
    expect(perRunOutput(summary, 'netSaving', 1)).toHaveLength(runs);
  });
});
