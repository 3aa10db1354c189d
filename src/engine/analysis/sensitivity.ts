// What drives the answer: a tornado (each input at its P10 and P90, the rest central, common random
// numbers) and a global ranking from the draws a probabilistic run already made (standardised
// rank regression), with the share of the output's spread each group of inputs explains.
import type { Scenario } from '../../scenario/schema';
import { distQuantile } from '../random/dist-quantile';
import { centralScenario, drawnInput, inputGroupsOf, uncertainInputs, withInputFixed, type InputGroup } from './inputs';
import type { RunOptions } from '../results/plan';
import type { RunSummary } from '../results/run-set';
import { finish, type Steps } from '../results/steps';

/** What the sensitivity is of: net saving over the horizon (£), NPV (£), or children looked after at the horizon. */
export type SensitivityOutput = 'netSaving' | 'npv' | 'claAtHorizon';
export const SENSITIVITY_OUTPUTS: SensitivityOutput[] = ['netSaving', 'npv', 'claAtHorizon'];

/** Runs a scenario and returns its summary: in one thread, or on a worker pool. */
export type Evaluate = (scenario: Scenario, options: RunOptions) => Promise<RunSummary>;

/**
 * One number per run for the arm: its net saving against the first arm over the horizon (the
 * first arm's cost − the arm's, the FGC service included), its NPV, or its CLA at the horizon.
 */
export function perRunOutput(summary: RunSummary, output: SensitivityOutput, arm: number): Float64Array {
  const a = summary.arms[arm];
  if (!a || arm < 1) throw new Error(`arm ${arm} is not one of the ${summary.arms.length - 1} arms compared with the counterfactual (1..${summary.arms.length - 1})`);
  const runs = a.runs!;
  switch (output) {
    case 'netSaving': {
      const ref = summary.arms[0]!.runs!.cost;
      return Float64Array.from(runs.cost, (c, r) => ref[r]! - c);
    }
    case 'npv':
      return Float64Array.from(summary.finance.comparisons[arm - 1]!.npvRuns);
    case 'claAtHorizon':
      return Float64Array.from(runs.claAtHorizon);
  }
}

function mean(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

export interface TornadoBar {
  input: string;
  group: InputGroup;
  unit: string;
  /** The input's P10 and P90. */
  low: number;
  high: number;
  /** Mean output over the runs with the input at its P10 / P90 and every other input central. */
  outputAtLow: number;
  outputAtHigh: number;
  swing: number;
}

export interface Tornado {
  output: SensitivityOutput;
  arm: string;
  runs: number;
  /** Mean output with every input at its central value (the mean of its distribution). */
  central: number;
  bars: TornadoBar[];
}

export interface TornadoOptions {
  output: SensitivityOutput;
  /** Index of the arm compared with the first (default 1). */
  arm?: number;
  runs: number;
  seed?: string;
  months?: number;
  /** Called after each evaluation: (done, total). */
  onStep?: (done: number, total: number) => void;
}

/**
 * Each uncertain input at its P10 and at its P90 with every other input at its central value; the
 * same seed throughout, so every evaluation sees the same families (common random numbers) and
 * the bars show the input, not noise. Sorted by swing, largest first.
 */
export async function tornado(scenario: Scenario, evaluate: Evaluate, options: TornadoOptions): Promise<Tornado> {
  const arm = options.arm ?? 1;
  const inputs = uncertainInputs(scenario);
  const central = centralScenario(scenario);
  const run = { runs: options.runs, seed: options.seed ?? scenario.simulation.seed, months: options.months };
  const total = 1 + 2 * inputs.length;
  let done = 0;
  const value = async (s: Scenario) => {
    const summary = await evaluate(s, run);
    options.onStep?.(++done, total);
    return { mean: mean(perRunOutput(summary, options.output, arm)), name: summary.arms[arm]!.name };
  };
  const base = await value(central);
  const bars: TornadoBar[] = [];
  for (const input of inputs) {
    const low = distQuantile(input.dist, 0.1);
    const high = distQuantile(input.dist, 0.9);
    const atLow = await value(withInputFixed(central, input.path, low));
    const atHigh = await value(withInputFixed(central, input.path, high));
    bars.push({ input: input.path, group: input.group, unit: input.unit, low, high, outputAtLow: atLow.mean, outputAtHigh: atHigh.mean, swing: Math.abs(atHigh.mean - atLow.mean) });
  }
  bars.sort((a, b) => b.swing - a.swing);
  return { output: options.output, arm: base.name, runs: options.runs, central: base.mean, bars };
}

/** Ranks 1..n (ties share their mean rank). */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!] = rank;
    i = j + 1;
  }
  return out;
}

function standardise(x: Float64Array): Float64Array | undefined {
  const m = mean(x);
  let ss = 0;
  for (const v of x) ss += (v - m) ** 2;
  const sd = Math.sqrt(ss / x.length);
  return sd > 0 ? Float64Array.from(x, (v) => (v - m) / sd) : undefined;
}

/** Least squares β for y ≈ Xβ (columns of X given), by the normal equations and Gaussian elimination with pivoting. */
export function leastSquares(columns: Float64Array[], y: Float64Array): number[] {
  const k = columns.length;
  const a = Array.from({ length: k }, (_, i) => {
    const row = new Array<number>(k + 1).fill(0);
    for (let j = 0; j < k; j++) for (let r = 0; r < y.length; r++) row[j]! += columns[i]![r]! * columns[j]![r]!;
    for (let r = 0; r < y.length; r++) row[k]! += columns[i]![r]! * y[r]!;
    return row;
  });
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const p = a[c]![c]!;
    if (Math.abs(p) < 1e-12) throw new Error('the inputs are collinear over these runs: use more runs');
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / p;
      for (let j = c; j <= k; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row, i) => row[k]! / row[i]!);
}

export interface GlobalIndex {
  input: string;
  group: InputGroup;
  /** Standardised rank regression coefficient: the output's rank moves by this many SDs per SD of the input's rank. */
  index: number;
  /** index², the share of the output's rank variance this input explains (inputs are drawn independently). */
  share: number;
}

export interface GlobalSensitivity {
  output: SensitivityOutput;
  arm: string;
  runs: number;
  /** Share of the output's rank variance the inputs explain together (R² of the rank regression). */
  rSquared: number;
  inputs: GlobalIndex[];
  /** Share of the output's rank variance each group explains; the rest is process noise, branch shares and interactions. */
  groups: Array<{ group: InputGroup; share: number }>;
}

/**
 * Ranks inputs by their contribution to the output's spread, from the draws a probabilistic run
 * already made (each re-drawn from its own stream, exactly as the run drew it): standardised rank
 * regression of the output on every uncertain input. Needs more runs than inputs + 1.
 */
export function globalSensitivity(scenario: Scenario, summary: RunSummary, output: SensitivityOutput, arm = 1): GlobalSensitivity {
  return finish(globalSensitivityInSteps(scenario, summary, output, arm));
}

/** globalSensitivity in steps (one a block of runs of an input's draws), for a caller on the page's thread to spread over tasks. */
export function* globalSensitivityInSteps(scenario: Scenario, summary: RunSummary, output: SensitivityOutput, arm = 1): Steps<GlobalSensitivity> {
  const y = standardise(ranks(perRunOutput(summary, output, arm)));
  const runs = summary.runs;
  const inputs = uncertainInputs(scenario);
  if (runs < inputs.length + 2) throw new Error(`global sensitivity needs more runs than inputs + 1 (${inputs.length} uncertain inputs, ${runs} runs)`);
  const used: Array<{ input: (typeof inputs)[number]; x: Float64Array }> = [];
  for (const input of inputs) {
    const drawn = new Float64Array(runs);
    for (let r = 0; r < runs; r++) {
      drawn[r] = drawnInput(input, summary.seed, r);
      if (r % 64 === 63) yield;
    }
    const x = standardise(ranks(drawn));
    if (x) used.push({ input, x });
    yield;
  }
  const name = summary.arms[arm]!.name;
  if (!y || used.length === 0) {
    return { output, arm: name, runs, rSquared: 0, inputs: [], groups: inputGroupsOf(scenario).map((group) => ({ group, share: 0 })) };
  }
  const beta = leastSquares(used.map((u) => u.x), y);
  let sse = 0;
  for (let r = 0; r < runs; r++) {
    let fit = 0;
    used.forEach((u, j) => (fit += beta[j]! * u.x[r]!));
    sse += (y[r]! - fit) ** 2;
  }
  const result = used.map((u, j) => ({ input: u.input.path, group: u.input.group, index: beta[j]!, share: beta[j]! ** 2 }));
  result.sort((a, b) => Math.abs(b.index) - Math.abs(a.index));
  return {
    output,
    arm: name,
    runs,
    rSquared: 1 - sse / runs,
    inputs: result,
    groups: inputGroupsOf(scenario).map((group) => ({ group, share: result.filter((r) => r.group === group).reduce((s, r) => s + r.share, 0) })),
  };
}
