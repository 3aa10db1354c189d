// What a calibration can fit, and the priors it fits them under: a numeric input (a quantity or a duration's part),
// the escalation trend (added at no trend if the scenario has none), or a group of branch shares (a state's exits),
// fitted as a whole through the Dirichlet each run draws them from.
import type { Scenario } from '../../scenario/schema';
import { scenarioInputs } from '../../scenario/inputs';
import { gamma } from '../random/distributions';
import { makeInputRng } from '../random/rng';
import { numericInput, withInputDist } from './inputs';

/** A fixed input chosen for fitting gets a uniform prior from (1 − w) to (1 + w) times its value. */
export const PRIOR_HALF_WIDTH = 0.3;
/** A fixed trend (a fraction a year, often 0) gets a uniform prior of ± this around it, inside ±0.9. */
export const TREND_PRIOR_HALF_WIDTH = 0.2;
/** A group of shares is fitted with its Dirichlet concentration at most this (spread enough for the runs to explore). */
export const SHARES_PRIOR_CONCENTRATION = 150;

export const ESCALATION_TREND = 'pathway.escalationTrendPerYear';
const SHARE_GROUP = /^pathway\.(assessment|cin|cp|preProceedings|cla)\.exits$/;

/** A calibration that cannot be set up as asked (an input, series, arm or split the scenario does not have). */
export class CalibrationError extends Error {
  override name = 'CalibrationError';
}

/** Whether `path` names a group of branch shares (`pathway.<state>.exits`), fitted as a whole. */
export function isShareGroup(path: string): boolean {
  return SHARE_GROUP.test(path);
}

type Json = Record<string, any>;

function groupAt(s: Scenario, path: string): Json {
  const state = SHARE_GROUP.exec(path)![1]!;
  return (s.pathway as unknown as Json)[state].exits as Json;
}

function withGroup(s: Scenario, path: string, group: Json): Scenario {
  const state = SHARE_GROUP.exec(path)![1]!;
  const out = JSON.parse(JSON.stringify(s)) as Json;
  out.pathway[state].exits = group;
  return out as Scenario;
}

/**
 * The scenario with a prior on each input to fit: an input already a distribution keeps it; a fixed one gets uniform
 * ±30% around its value, capped at the input's upper bound (1 for a probability or share); a fixed trend ±0.2 a
 * year (the trend is added at 0 where the scenario has none); a group of shares its Dirichlet with the concentration
 * at most `sharesConcentration` (undefined: half its own, for a round after the first).
 */
export function withPriors(s: Scenario, paths: string[], sharesConcentration: number | undefined = SHARES_PRIOR_CONCENTRATION): Scenario {
  let out = s;
  for (const path of paths) {
    if (isShareGroup(path)) {
      const group = groupAt(out, path);
      // A first round draws them at most SHARES_PRIOR_CONCENTRATION concentrated; a later round (undefined) at half
      // the concentration the round before fitted (twice its variance: the kernel of a sequential ABC).
      const concentration = sharesConcentration === undefined ? group.concentration / 2 : Math.min(group.concentration ?? Infinity, sharesConcentration);
      out = withGroup(out, path, { ...group, concentration });
      continue;
    }
    if (path === ESCALATION_TREND && !out.pathway.escalationTrendPerYear) {
      out = JSON.parse(JSON.stringify(out)) as Scenario;
      out.pathway.escalationTrendPerYear = { value: 0, unit: 'fraction/year', source: 'calibration: no trend before fitting' };
    }
    const input = numericInput(out, path);
    if (!input) throw new CalibrationError(`${path}: not a numeric input of this scenario, nor a group of branch shares (pathway.<state>.exits)`);
    const node = input.node;
    if (typeof node === 'object' && 'dist' in node) continue;
    const value = typeof node === 'number' ? node : node.value;
    let min: number;
    let max: number;
    let why: string;
    if (path === ESCALATION_TREND) {
      min = Math.max(-0.9, value - TREND_PRIOR_HALF_WIDTH);
      max = Math.min(0.9, value + TREND_PRIOR_HALF_WIDTH);
      why = `uniform ±${TREND_PRIOR_HALF_WIDTH} a year around ${value}`;
    } else {
      min = value * (1 - PRIOR_HALF_WIDTH);
      max = Math.min(input.bounds.max ?? Infinity, value * (1 + PRIOR_HALF_WIDTH));
      why = `uniform ±${PRIOR_HALF_WIDTH * 100}% around ${value}`;
    }
    if (!(max > min)) throw new CalibrationError(`${path}: cannot put a prior around ${value}`);
    out = withInputDist(out, path, { dist: 'uniform', min, max }, `prior for calibration: ${why}`);
  }
  return out;
}

/**
 * Each branch's share as each run drew it, for a group of shares: the Dirichlet draw of src/engine/sim/params.ts
 * (ParameterDraw.shares) from the same stream (seed, path, run), branch by branch in the walk's order, a gamma of shape
 * share × concentration each, normalised (test/engine/analysis/calibrate-shares.test.ts holds the two to the same values).
 */
export function drawnShares(s: Scenario, path: string, seed: string, runs: number): Map<string, Float64Array> {
  const state = SHARE_GROUP.exec(path)![1]! as keyof ReturnType<typeof scenarioInputs>['tree']['pathway'];
  const keys = (scenarioInputs(s).tree.pathway[state] as { exits: { keys: readonly string[] } }).exits.keys;
  const group = groupAt(s, path);
  const base = keys.map((k) => group.shares[k] as number);
  const out = new Map(keys.map((k) => [k, new Float64Array(runs)]));
  for (let r = 0; r < runs; r++) {
    const drawn = base.slice();
    if (group.concentration !== undefined) {
      const rng = makeInputRng(seed, path, r);
      let total = 0;
      for (let i = 0; i < drawn.length; i++) {
        drawn[i] = base[i]! > 0 ? gamma(rng, base[i]! * group.concentration, 1) : 0;
        total += drawn[i]!;
      }
      for (let i = 0; i < drawn.length; i++) drawn[i] = drawn[i]! / total;
    }
    keys.forEach((k, i) => (out.get(k)![r] = drawn[i]!));
  }
  return out;
}

/**
 * The fitted scenario with a group of shares set to the kept runs' mean shares (rounded to 4 places, summing to 1) and
 * the Dirichlet concentration their spread gives (posteriorConcentration), its note saying so.
 */
export function withFittedShares(s: Scenario, original: Scenario, path: string, means: Map<string, number>, concentration: number, note: string): Scenario {
  const group = { ...groupAt(original, path), concentration };
  const keys = [...means.keys()];
  const rounded = keys.map((k) => Math.round(means.get(k)! * 1e4) / 1e4);
  // Whatever rounding left over goes to the largest share, so they still sum to 1.
  const largest = rounded.indexOf(Math.max(...rounded));
  rounded[largest] = Math.round((rounded[largest]! + 1 - rounded.reduce((a, b) => a + b, 0)) * 1e4) / 1e4;
  const shares = Object.fromEntries(keys.map((k, i) => [k, rounded[i]!]));
  return withGroup(s, path, { ...group, shares, note });
}

/**
 * The Dirichlet concentration c whose spread matches the kept runs' shares (method of moments: Var(p_i) = p_i(1 - p_i)
 * / (c + 1), pooled over the branches), at least 2 (a shape too small to draw) and at most 100,000.
 */
export function posteriorConcentration(means: number[], variances: number[]): number {
  const spread = means.reduce((a, p) => a + p * (1 - p), 0);
  const variance = variances.reduce((a, v) => a + v, 0);
  const c = variance > 0 ? spread / variance - 1 : 100_000;
  return Math.round(Math.min(100_000, Math.max(2, c)));
}
