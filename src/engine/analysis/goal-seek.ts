// Break-even: the weakest FGC effect at which the net saving is positive with a given probability (the coordinator
// FTE is the coordinator answer's, analysis/sweep.ts). Every evaluation
// uses the same seed, so the families are the same throughout (common random numbers).
import type { Scenario } from '../../scenario/schema';
import { perRunOutput, type Evaluate } from './sensitivity';

/** Relative risks of entering care from 1 (no effect) down to 0.2 in steps of 0.05. */
const DEFAULT_RR_GRID = Array.from({ length: 17 }, (_, i) => Math.round((1 - i * 0.05) * 100) / 100);

export interface EffectPoint {
  /** Relative risk of entering care after an FGC. */
  rr: number;
  /** Share of runs whose net saving over the horizon is above 0. */
  probability: number;
  meanSaving: number;
}

export interface EffectBreakEven {
  arm: string;
  runs: number;
  /** P(net saving > 0) at each relative risk, weakest effect (highest RR) first. */
  curve: EffectPoint[];
  /** The weakest effect (highest RR) at which P(net saving > 0) reaches 50% / 80%; null if no RR on the grid reaches it. */
  rrAt50: number | null;
  rrAt80: number | null;
}

/**
 * The highest RR at which the probability reaches `target`, interpolated linearly between the grid
 * points either side (curve ordered from the highest RR down). The first point if it already
 * reaches the target; null if none does.
 */
export function weakestEffect(curve: EffectPoint[], target: number): number | null {
  for (let i = 0; i < curve.length; i++) {
    const here = curve[i]!;
    if (here.probability < target) continue;
    if (i === 0) return here.rr;
    const before = curve[i - 1]!;
    return before.rr + ((here.rr - before.rr) * (target - before.probability)) / (here.probability - before.probability);
  }
  return null;
}

export interface EffectOptions {
  runs: number;
  seed?: string;
  months?: number;
  /** Arm compared with the first (default 1). */
  arm?: number;
  grid?: number[];
  onStep?: (done: number, total: number) => void;
}

/**
 * The scenario with the relative risk of entering care after a conference held fixed at `rr` at every offer point
 * (per conference held, whatever the scenario measured), every other input as it was.
 */
export function withCareEffectEverywhere(scenario: Scenario, rr: number): Scenario {
  const points = scenario.fgc.effects.byOfferPoint;
  const fixed = (old: Scenario['fgc']['effects']['byOfferPoint']['referral']) => {
    const rrEntryToCare = { value: rr, unit: 'relative risk', source: `the break-even grid: ${rr} per conference held at every offer point`, grade: 'assumption' as const, measure: 'per conference' as const };
    const rest = { ...old, rrEntryToCare };
    // With no effect left by intention to treat, the uptake that converted it goes too.
    if (rest.rrEscalationToCp.measure !== 'intention to treat') delete (rest as { uptake?: unknown }).uptake;
    return rest;
  };
  const byOfferPoint = { referral: fixed(points.referral), icpc: fixed(points.icpc), preProceedings: fixed(points.preProceedings), inCare: fixed(points.inCare) };
  return { ...scenario, fgc: { ...scenario.fgc, effects: { ...scenario.fgc.effects, preset: 'custom', byOfferPoint } } };
}

/**
 * Runs the scenario with the relative risk of entering care per conference held fixed at each grid value at every
 * offer point (every other input keeps its distribution, the seed stays the same) and finds where the net saving
 * turns positive with probability 50% and 80%.
 */
export async function effectBreakEven(scenario: Scenario, evaluate: Evaluate, options: EffectOptions): Promise<EffectBreakEven> {
  const grid = [...(options.grid ?? DEFAULT_RR_GRID)].sort((a, b) => b - a);
  const arm = options.arm ?? 1;
  const curve: EffectPoint[] = [];
  let name = '';
  for (const [i, rr] of grid.entries()) {
    const summary = await evaluate(withCareEffectEverywhere(scenario, rr), { runs: options.runs, seed: options.seed ?? scenario.simulation.seed, months: options.months });
    const savings = perRunOutput(summary, 'netSaving', arm);
    name = summary.arms[arm]!.name;
    curve.push({ rr, probability: savings.filter((v) => v > 0).length / savings.length, meanSaving: savings.reduce((a, b) => a + b, 0) / savings.length });
    options.onStep?.(i + 1, grid.length);
  }
  return { arm: name, runs: options.runs, curve, rrAt50: weakestEffect(curve, 0.5), rrAt80: weakestEffect(curve, 0.8) };
}
