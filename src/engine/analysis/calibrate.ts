// Calibration by approximate Bayesian computation (rejection): every run draws its inputs from their
// priors, the runs whose series lie closest to the observed ones are kept, and the kept draws are the
// posterior. The fitted inputs go back into a new scenario as distributions. A backtest fits on the
// first months only and scores the band of the kept runs on the months held out, next to a naive trend.
import type { DistSpec } from '../../scenario/quantity';
import type { Scenario } from '../../scenario/schema';
import { drawnInput, inputGroup, numericInput, uncertainInputs, withInputDist, withInputFixed, type InputGroup } from './inputs';
import { CalibrationError, drawnShares, ESCALATION_TREND, isShareGroup, posteriorConcentration, SHARES_PRIOR_CONCENTRATION, withFittedShares, withPriors } from './calibrate-inputs';
import type { Metric } from '../results/metrics';
import { monthLabels } from '../results/plan';
import type { Evaluate } from './sensitivity';
import { quantileSorted, stat, type Stat } from '../results/summarise';

/** Observed series the calibration can fit (stocks at month end, flows in the month). */
export const CALIBRATION_METRICS = ['cla', 'cp', 'cin', 'claEntries', 'claExits', 'referrals', 'fgcHeld'] as const;
export type CalibrationMetric = (typeof CALIBRATION_METRICS)[number];
/** Fitted by default, each where the scenario observes it: every stock, care's flows, and referrals (so the referral volume cannot absorb a falling stock). */
export const DEFAULT_CALIBRATION_METRICS: CalibrationMetric[] = ['cla', 'cp', 'cin', 'claEntries', 'claExits', 'referrals'];
/**
 * Fitted by default, where the scenario has them (a duration's mean only if its family has one): referral volume, time
 * in care, re-referral, the trend in the escalation shares (added at no trend where the scenario has none), and the
 * assessment's outcome shares (as a group).
 */
export const DEFAULT_CALIBRATION_INPUTS = ['demand.referralsPerMonth', 'pathway.cla.duration.mean', 'pathway.closed.reReferralProbability', ESCALATION_TREND, 'pathway.assessment.exits'];

const STOCKS = new Set<string>(['cla', 'cp', 'cin']);

export { CalibrationError, withPriors };

export interface CalibrationOptions {
  runs: number;
  seed?: string;
  /** Inputs to fit (paths); default DEFAULT_CALIBRATION_INPUTS that the scenario has. */
  inputs?: string[];
  metrics?: CalibrationMetric[];
  /** Share of runs kept (the rejection tolerance as a quantile of the distances); default 0.1. */
  acceptShare?: number;
  /** Arm the observed series reflect (default: the scenario's observed.arm, else the last). */
  arm?: number;
  /** Fit only the first N observed months (a backtest holds out the rest); default all. */
  fitMonths?: number;
  /**
   * Rounds of rejection (default 2): each round after the first takes the one before's fitted scenario as its prior
   * (a sequential ABC); a group of shares is drawn with twice the variance the round before fitted.
   */
  rounds?: number;
}

export interface FittedInput {
  input: string;
  group: InputGroup;
  unit: string;
  prior: Stat;
  posterior: Stat;
  /** What goes back into the fitted scenario: PERT over the kept draws (min, median, max). */
  fitted: DistSpec | { value: number };
}

export interface BandPoint {
  month: string;
  observed: number | null;
  p5: number;
  p50: number;
  p95: number;
  /** Whether the month was used for fitting (false: held out). */
  fitted: boolean;
}

export interface SeriesFit {
  metric: CalibrationMetric;
  /** Root mean square error of the kept runs' median against the observed months fitted, and of all runs' median (the prior). */
  rmsePrior: number;
  rmsePosterior: number;
  /** Share of fitted observed months inside the kept runs' P5–P95. */
  coverage: number;
  band: BandPoint[];
}

export interface Calibration {
  method: 'ABC rejection';
  /** Rounds of rejection, each from the one before's fit. */
  rounds: number;
  arm: string;
  runs: number;
  accepted: number;
  /** Largest distance kept: RMS over the series of each statistic's distance in prior-predictive SDs. */
  tolerance: number;
  metrics: CalibrationMetric[];
  fitMonths: string[];
  inputs: FittedInput[];
  series: SeriesFit[];
  fittedScenario: Scenario;
}

interface Target {
  metric: CalibrationMetric;
  /** Simulation month index and observed value of each usable point, in month order. */
  points: Array<{ m: number; label: string; value: number; fitted: boolean }>;
}

/** Lines the observed series up with simulation months (flows in month 0 happened before it and are skipped). */
function targets(s: Scenario, metrics: CalibrationMetric[], fitMonths: number | undefined): { targets: Target[]; months: number } {
  const observed = s.observed;
  if (!observed) throw new CalibrationError(`${s.name} carries no observed series to calibrate to`);
  const start = monthIndex(s.startMonth);
  const out: Target[] = [];
  let months = 0;
  for (const metric of metrics) {
    const values = observed.series[metric];
    if (!values) continue;
    const labels = monthLabels(observed.startMonth, values.length - 1);
    const points: Target['points'] = [];
    values.forEach((value, i) => {
      const m = monthIndex(labels[i]!) - start;
      if (value === null || value === undefined || m < 0 || (!STOCKS.has(metric) && m === 0)) return;
      points.push({ m, label: labels[i]!, value, fitted: fitMonths === undefined || i < fitMonths });
      months = Math.max(months, m);
    });
    const fitted = points.filter((p) => p.fitted);
    if (fitted.length === 0) continue;
    out.push({ metric, points });
  }
  if (out.length === 0) throw new CalibrationError(`none of ${metrics.join(', ')} is observed in the months the scenario simulates`);
  return { targets: out, months };
}

function mean(xs: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  return sum / xs.length;
}

function standardDeviation(xs: Float64Array): number {
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return Math.sqrt(ss / Math.max(1, xs.length - 1));
}

function monthIndex(label: string): number {
  return Number(label.slice(0, 4)) * 12 + Number(label.slice(5, 7)) - 1;
}

/**
 * Fits the chosen inputs to the scenario's observed series: one probabilistic job of `runs` runs
 * (inputs drawn from their priors), each run's distance to the observed months, the closest
 * `acceptShare` kept. The posterior is the kept runs' draws, re-drawn from each input's own stream.
 */
export async function calibrate(scenario: Scenario, evaluate: Evaluate, options: CalibrationOptions): Promise<Calibration> {
  const rounds = options.rounds ?? 2;
  if (!(Number.isInteger(rounds) && rounds >= 1 && rounds <= 10)) throw new CalibrationError(`rounds must be a whole number from 1 to 10, got ${rounds}`);
  let current = scenario;
  let result: Calibration | undefined;
  let first: Calibration | undefined;
  for (let round = 1; round <= rounds; round++) {
    result = await calibrateOnce(current, evaluate, options, round === 1 ? SHARES_PRIOR_CONCENTRATION : undefined);
    first ??= result;
    current = result.fittedScenario;
  }
  // The report's priors are the first round's (before any fitting); its name says it was calibrated once.
  const rmsePrior = new Map(first!.series.map((x) => [x.metric, x.rmsePrior]));
  const prior = new Map(first!.inputs.map((x) => [x.input, x.prior]));
  return {
    ...result!,
    rounds,
    series: result!.series.map((x) => ({ ...x, rmsePrior: rmsePrior.get(x.metric) ?? x.rmsePrior })),
    inputs: result!.inputs.map((x) => ({ ...x, prior: prior.get(x.input) ?? x.prior })),
    fittedScenario: { ...result!.fittedScenario, name: `${scenario.name} (calibrated)` },
  };
}

async function calibrateOnce(scenario: Scenario, evaluate: Evaluate, options: CalibrationOptions, sharesConcentration: number | undefined): Promise<Calibration> {
  const metrics = options.metrics ?? DEFAULT_CALIBRATION_METRICS;
  const paths = options.inputs ?? DEFAULT_CALIBRATION_INPUTS.filter((p) => p === ESCALATION_TREND || isShareGroup(p) || numericInput(scenario, p) !== undefined);
  const prior = withPriors(scenario, paths, sharesConcentration);
  const { targets: fit, months } = targets(prior, metrics, options.fitMonths);
  const seed = options.seed ?? scenario.simulation.seed;
  const summary = await evaluate(prior, { runs: options.runs, seed, months, keepRunSeries: fit.map((t) => t.metric as Metric) });
  const armIndex = options.arm ?? scenario.observed?.arm ?? summary.arms.length - 1;
  const arm = summary.arms[armIndex];
  if (!arm?.runSeries) throw new CalibrationError(`the scenario has no arm ${armIndex} (0 is the counterfactual, 1..${summary.arms.length - 1} its options)`);
  const runs = summary.runs;
  // Summary statistics: a stock's value in each fitted month; a flow's mean over the fitted months
  // (single months of a small flow are mostly noise). Each statistic is scaled by its spread over
  // all runs (the prior predictive SD); each series weighs the same in the distance.
  const distance = new Float64Array(runs);
  for (const t of fit) {
    const series = arm.runSeries[t.metric as Metric]!;
    const fitted = t.points.filter((p) => p.fitted);
    const stats: Array<{ observed: number; simulated: Float64Array }> = STOCKS.has(t.metric)
      ? fitted.map((p) => ({ observed: p.value, simulated: Float64Array.from({ length: runs }, (_, r) => series[r]![p.m]!) }))
      : [{ observed: mean(fitted.map((p) => p.value)), simulated: Float64Array.from({ length: runs }, (_, r) => mean(fitted.map((p) => series[r]![p.m]!))) }];
    for (const stat_ of stats) {
      const sd = Math.max(1e-9, standardDeviation(stat_.simulated));
      for (let r = 0; r < runs; r++) distance[r]! += ((stat_.simulated[r]! - stat_.observed) / sd) ** 2 / stats.length;
    }
  }
  for (let r = 0; r < runs; r++) distance[r] = Math.sqrt(distance[r]! / fit.length);
  const accepted = Math.max(2, Math.round((options.acceptShare ?? 0.1) * runs));
  const order = Array.from({ length: runs }, (_, r) => r).sort((a, b) => distance[a]! - distance[b]! || a - b);
  const kept = order.slice(0, accepted).sort((a, b) => a - b);
  const tolerance = distance[order[accepted - 1]!]!;

  const inputs = uncertainInputs(prior).filter((i) => paths.includes(i.path));
  let fittedScenario: Scenario = { ...prior, name: `${prior.name} (calibrated)` };
  const fittedInputs: FittedInput[] = inputs.map((input) => {
    const all = Float64Array.from({ length: runs }, (_, r) => drawnInput(input, seed, r));
    const post = Float64Array.from(kept, (r) => all[r]!);
    const fitted = pertOver(post);
    const note = `calibrated by ABC rejection to ${prior.observed!.source}: ${accepted} of ${runs} runs kept (seed ${seed})`;
    fittedScenario = 'value' in fitted ? withInputFixed(fittedScenario, input.path, fitted.value) : withInputDist(fittedScenario, input.path, fitted, note);
    return { input: input.path, group: inputGroup(input.path), unit: input.unit, prior: stat(all), posterior: stat(post), fitted };
  });
  // A group of shares: each branch's mean over the kept runs, written back (the scenario's own concentration kept).
  for (const path of paths.filter(isShareGroup)) {
    const drawn = drawnShares(prior, path, seed, runs);
    const means = new Map<string, number>();
    const variances: number[] = [];
    for (const [branch, all] of drawn) {
      const post = Float64Array.from(kept, (r) => all[r]!);
      const posterior = stat(post);
      means.set(branch, posterior.mean);
      variances.push(standardDeviation(post) ** 2);
      fittedInputs.push({ input: `${path}.shares.${branch}`, group: 'council flows', unit: 'share', prior: stat(all), posterior, fitted: { value: posterior.mean } });
    }
    const concentration = posteriorConcentration([...means.values()], variances);
    const note = `calibrated by ABC rejection to ${prior.observed!.source}: the mean shares of the ${accepted} of ${runs} runs kept (seed ${seed}, drawn with concentration ${groupConcentration(prior, path)}), and the concentration their spread gives`;
    fittedScenario = withFittedShares(fittedScenario, scenario, path, means, concentration, note);
  }

  const band = (t: Target, which: number[]) => {
    const series = arm.runSeries![t.metric as Metric]!;
    const all = new Map(t.points.map((p) => [p.m, p]));
    const out: BandPoint[] = [];
    for (let m = STOCKS.has(t.metric) ? 0 : 1; m <= months; m++) {
      const values = Float64Array.from(which, (r) => series[r]![m]!).sort();
      const p = all.get(m);
      out.push({ month: summary.months[m]!, observed: p?.value ?? null, p5: quantileSorted(values, 0.05), p50: quantileSorted(values, 0.5), p95: quantileSorted(values, 0.95), fitted: p?.fitted ?? false });
    }
    return out;
  };
  const everyRun = Array.from({ length: runs }, (_, r) => r);
  const rmse = (points: BandPoint[]) => {
    const fitted = points.filter((p) => p.fitted && p.observed !== null);
    return Math.sqrt(fitted.reduce((a, p) => a + (p.p50 - p.observed!) ** 2, 0) / fitted.length);
  };
  const series = fit.map((t) => {
    const posterior = band(t, kept);
    const fitted = posterior.filter((p) => p.fitted && p.observed !== null);
    return {
      metric: t.metric,
      rmsePrior: rmse(band(t, everyRun)),
      rmsePosterior: rmse(posterior),
      coverage: fitted.filter((p) => p.observed! >= p.p5 && p.observed! <= p.p95).length / fitted.length,
      band: posterior,
    };
  });
  return {
    method: 'ABC rejection',
    rounds: 1,
    arm: arm.name,
    runs,
    accepted,
    tolerance,
    metrics: fit.map((t) => t.metric),
    fitMonths: [...new Set(fit.flatMap((t) => t.points.filter((p) => p.fitted).map((p) => p.label)))].sort(),
    inputs: fittedInputs,
    series,
    fittedScenario,
  };
}

function groupConcentration(s: Scenario, path: string): number {
  const state = path.split('.')[1] as 'assessment';
  return s.pathway[state].exits.concentration ?? Infinity;
}

/** PERT(min, median, max) over the kept draws; a fixed value if they are all equal. */
function pertOver(values: Float64Array): DistSpec | { value: number } {
  const sorted = Float64Array.from(values).sort();
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (!(max > min)) return { value: min };
  return { dist: 'pert', min, mode: quantileSorted(sorted, 0.5), max };
}

export interface HeldOutSeries {
  metric: CalibrationMetric;
  points: Array<{ month: string; observed: number; p5: number; p50: number; p95: number; naive: number; inside: boolean }>;
  /** Share of held-out observed months inside the P5–P95 band of the runs kept on the fitted months. */
  coverage: number;
  /** Mean absolute error of the band's median and of a straight line fitted to the fitted months. */
  maeModel: number;
  maeNaive: number;
}

export interface Backtest {
  fitMonths: number;
  heldOutMonths: number;
  calibration: Calibration;
  series: HeldOutSeries[];
  /** Over every held-out point of every series. */
  coverage: number;
}

/** Least-squares straight line through (x, y), evaluated at `at`. */
function linearTrend(xs: number[], ys: number[], at: number): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
  });
  return my + (sxx > 0 ? sxy / sxx : 0) * (at - mx);
}

/**
 * Fits on the first `fitMonths` observed months (default two thirds), then scores the kept runs'
 * band on the months held out, next to a straight line through the fitted months.
 */
export async function backtest(scenario: Scenario, evaluate: Evaluate, options: CalibrationOptions): Promise<Backtest> {
  const length = Math.max(...Object.values(scenario.observed?.series ?? {}).map((v) => v?.length ?? 0));
  const fitMonths = options.fitMonths ?? Math.max(2, Math.floor((2 * length) / 3));
  if (fitMonths >= length) throw new CalibrationError(`a backtest needs months to hold out: fitting ${fitMonths} of ${length} observed months leaves none`);
  const calibration = await calibrate(scenario, evaluate, { ...options, fitMonths });
  const series: HeldOutSeries[] = calibration.series.map((s) => {
    const fitted = s.band.map((p, i) => ({ p, i })).filter(({ p }) => p.fitted && p.observed !== null);
    const points = s.band
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => !p.fitted && p.observed !== null)
      .map(({ p, i }) => ({
        month: p.month,
        observed: p.observed!,
        p5: p.p5,
        p50: p.p50,
        p95: p.p95,
        naive: linearTrend(fitted.map((f) => f.i), fitted.map((f) => f.p.observed!), i),
        inside: p.observed! >= p.p5 && p.observed! <= p.p95,
      }));
    const mae = (f: (x: (typeof points)[number]) => number) => points.reduce((a, x) => a + Math.abs(f(x) - x.observed), 0) / points.length;
    return { metric: s.metric, points, coverage: points.filter((x) => x.inside).length / points.length, maeModel: mae((x) => x.p50), maeNaive: mae((x) => x.naive) };
  });
  const all = series.flatMap((s) => s.points);
  return { fitMonths, heldOutMonths: length - fitMonths, calibration, series, coverage: all.filter((x) => x.inside).length / all.length };
}
