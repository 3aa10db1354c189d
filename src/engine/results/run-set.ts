// Folds per-run results into bands as they arrive: exact, order-independent, and small for many runs.
import { M, METRIC_COUNT, METRICS, type Metric } from './metrics';
import { CountQuantiles, CountTally, PER_RUN_SERIES, SCALES, type CountsSnapshot } from './series-counts';
import { presetOf } from '../../scenario/effect-presets';
import type { Scenario } from '../../scenario/schema';
import { APPRAISAL_FIELDS, DEFAULT_APPRAISAL_YEARS, type AppraisalInputs } from './finance';
import { appraiseComparisons, type FinanceSummary } from './finance-summary';
import { financialYears, sumByYear, type FinancialYear } from './financial-years';
import { monthLabels, type RunBlock, type RunPlan } from './plan';
import { quantilesInPlace } from './select';
import { finish, type Steps } from './steps';
import { priceBasis } from '../../scenario/prices';
import { compare, savingsByYear, statInPlace, type ArmSummary, type Band, type Comparison } from './summarise';

const BAND_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
const TOTALS = 7; // cost, fgcHeld, claEntries over the horizon; CLA at the horizon; the caseload service's children taken on, families turned away or lapsed, its cost over the horizon
const T_COST = 0;
const T_FGC = 1;
const T_ENTRIES = 2;
const T_CLA_END = 3;
const T_SUPPORT_CHILDREN = 4;
const T_SUPPORT_AWAY = 5;
const T_SUPPORT_COST = 6;
/** Values band() transposes at once (1 MB): whole months of every run, so a month's column is contiguous. */
const TRANSPOSE_VALUES = 2 ** 17;

/** The series kept run by run for a plan: the money series, then any the plan asks to keep. */
function keptSeries(plan: RunPlan): number[] {
  const kept = [...PER_RUN_SERIES];
  for (const metric of plan.keepRunSeries ?? []) {
    const k = METRICS.indexOf(metric);
    if (k < 0) throw new Error(`keepRunSeries: no series called ${metric}`);
    if (!kept.includes(k)) kept.push(k);
  }
  return kept;
}

/**
 * Bytes a RunSet for `plan` holds in typed arrays, all but its histograms (which grow with the
 * months and the spread of the counts, not with the runs): each run's kept series and totals per
 * arm, its appraisal inputs and two flags. What a run asks of the page's memory.
 */
export function runSetBytes(plan: RunPlan): number {
  const perRunArm = keptSeries(plan).length * (plan.months + 1) + TOTALS;
  return plan.runs * (8 * plan.arms.length * perRunArm + 8 * APPRAISAL_FIELDS + 2);
}

/**
 * What a set keeps of each run apart from its counts: the kept series and the totals, per arm, and the
 * appraisal inputs. A worker sends these for each batch and keeps the counts (see CountTally).
 */
export interface RunRows {
  first: number;
  count: number;
  familyMonths: number;
  /** Per run and arm: each kept series' months (keptSeries order), then TOTALS totals. */
  values: Float64Array;
  /** count × APPRAISAL_FIELDS. */
  appraisal: Float64Array;
}

/** A block's runs without their counts. */
export function runRows(plan: RunPlan, block: RunBlock): RunRows {
  const mc = plan.months + 1;
  const size = METRIC_COUNT * mc;
  const kept = keptSeries(plan);
  const stride = kept.length * mc + TOTALS;
  const arms = plan.arms.length;
  const out = new Float64Array(block.count * arms * stride);
  for (let i = 0; i < block.count; i++) {
    for (let a = 0; a < arms; a++) {
      const values = block.arms[a]!.subarray(i * size, (i + 1) * size);
      const base = (i * arms + a) * stride;
      kept.forEach((k, j) => out.set(values.subarray(k * mc, (k + 1) * mc), base + j * mc));
      const t = base + kept.length * mc;
      out[t + T_COST] = sumFlow(values, M.cost, mc);
      out[t + T_FGC] = sumFlow(values, M.fgcHeld, mc);
      out[t + T_ENTRIES] = sumFlow(values, M.claEntries, mc);
      out[t + T_CLA_END] = values[M.cla * mc + mc - 1]!;
      out[t + T_SUPPORT_CHILDREN] = sumFlow(values, M.supportAllocatedChildren, mc);
      out[t + T_SUPPORT_AWAY] = sumFlow(values, M.supportLapsed, mc);
      out[t + T_SUPPORT_COST] = sumFlow(values, M.supportCost, mc);
    }
  }
  return { first: block.first, count: block.count, familyMonths: block.familyMonths, values: out, appraisal: block.appraisal };
}

/**
 * The results of a plan's runs, folded in as they arrive in any order. Integer series go into
 * histograms (counts add up the same whatever the order), cost is kept per run and per month, and
 * per-run totals are kept for paired comparisons: so the bands are bit-identical for any split of
 * the runs into batches or workers, and 10,000 runs take tens of megabytes, not gigabytes.
 *
 * A run arrives whole (`add`, a block) or in two parts: its rows (`addRows`) and later its counts,
 * inside a worker's histograms (`addCounts`). Bands and totals cover the runs that are complete.
 */
export class RunSet {
  readonly monthCount: number;
  readonly armCount: number;
  private readonly tally: CountTally;
  /** Per-run monthly values of the kept series: runs × arms × months each. */
  private readonly perRunSeries = new Map<number, Float64Array>();
  private readonly totals: Float64Array;
  /** Runs whose rows have arrived, and runs whose counts have too. */
  private readonly hasRows: Uint8Array;
  private readonly counted: Uint8Array;
  /** Each run's appraisal inputs (see AppraisalInputs), runs × APPRAISAL_FIELDS. */
  private readonly appraisal: Float64Array;
  /** Where band() transposes money series, a few months at a time (grown as runs arrive, reused). */
  private scratch = new Float64Array(0);
  /** Runs whose rows have arrived. */
  done = 0;
  /** Runs whose counts have arrived too: what bands and totals cover. */
  complete = 0;
  /** Open family-months simulated in the runs whose rows have arrived: the work done so far. */
  familyMonths = 0;

  constructor(readonly plan: RunPlan) {
    this.monthCount = plan.months + 1;
    this.armCount = plan.arms.length;
    this.tally = new CountTally(this.armCount, this.monthCount);
    for (const k of keptSeries(plan)) this.perRunSeries.set(k, new Float64Array(plan.runs * this.armCount * this.monthCount));
    this.totals = new Float64Array(plan.runs * this.armCount * TOTALS);
    this.hasRows = new Uint8Array(plan.runs);
    this.counted = new Uint8Array(plan.runs);
    this.appraisal = new Float64Array(plan.runs * APPRAISAL_FIELDS);
  }

  /** Folds in a block of whole runs; a run already folded in is an error. */
  add(block: RunBlock): void {
    this.addRows(runRows(this.plan, block));
    this.tally.addBlock(block);
    for (let i = 0; i < block.count; i++) this.counted[block.first + i] = 1;
    this.complete += block.count;
  }

  /** Folds in runs' rows (their counts come later, with addCounts); a run already here is an error. */
  addRows(rows: RunRows): void {
    const mc = this.monthCount;
    const kept = [...this.perRunSeries.values()];
    const stride = kept.length * mc + TOTALS;
    if (rows.values.length !== rows.count * this.armCount * stride) throw new Error(`runs ${rows.first}–${rows.first + rows.count - 1} came with ${rows.values.length} values, not ${rows.count * this.armCount * stride}`);
    for (let i = 0; i < rows.count; i++) {
      const r = rows.first + i;
      if (r < 0 || r >= this.plan.runs || this.hasRows[r]) throw new Error(`run ${r} is outside the plan or was already added`);
      this.hasRows[r] = 1;
      this.appraisal.set(rows.appraisal.subarray(i * APPRAISAL_FIELDS, (i + 1) * APPRAISAL_FIELDS), r * APPRAISAL_FIELDS);
      for (let a = 0; a < this.armCount; a++) {
        const base = (i * this.armCount + a) * stride;
        const at = (r * this.armCount + a) * mc;
        kept.forEach((store, j) => store.set(rows.values.subarray(base + j * mc, base + (j + 1) * mc), at));
        this.totals.set(rows.values.subarray(base + kept.length * mc, base + stride), (r * this.armCount + a) * TOTALS);
      }
    }
    this.done += rows.count;
    this.familyMonths += rows.familyMonths;
  }

  /** Merges a worker's histograms; each of their runs must have its rows here and not be counted yet. */
  addCounts(snapshot: CountsSnapshot): void {
    if (snapshot.runs.length === 0) return;
    for (const r of snapshot.runs) {
      if (!this.hasRows[r]) throw new Error(`the counts of run ${r} came before its rows`);
      if (this.counted[r]) throw new Error(`the counts of run ${r} came twice`);
    }
    this.tally.merge(snapshot);
    for (const r of snapshot.runs) this.counted[r] = 1;
    this.complete += snapshot.runs.length;
  }

  /** Bytes held in typed arrays: what the folded results cost in memory. */
  byteLength(): number {
    let bytes = this.totals.byteLength + this.hasRows.byteLength + this.counted.byteLength + this.appraisal.byteLength;
    for (const store of this.perRunSeries.values()) bytes += store.byteLength;
    return bytes + this.tally.byteLength;
  }

  /** Bytes held by the count histograms alone (a worker holds its own, for its share of the runs). */
  histogramByteLength(): number {
    return this.tally.byteLength;
  }

  /** Bands of one series for one arm over the complete runs. */
  band(arm: number, metric: number): Band {
    const band: Band = { mean: [], p5: [], p25: [], p50: [], p75: [], p95: [] };
    const q = [0, 0, 0, 0, 0];
    const mc = this.monthCount;
    const store = PER_RUN_SERIES.has(metric) ? this.perRunSeries.get(metric) : undefined;
    if (store) {
      // A few months at a time, transposed into the set's scratch (runs in run order) so each month is
      // contiguous: the scratch is reused by every band of every summary, not made anew (a summary of
      // 10,000 runs would otherwise leave nine 9.7 MB transposes behind as garbage).
      const runs = this.runsDone();
      const n = runs.length;
      const width = Math.max(1, Math.min(mc, Math.floor(TRANSPOSE_VALUES / Math.max(1, n))));
      if (this.scratch.length < width * n) this.scratch = new Float64Array(width * n);
      const byMonth = this.scratch;
      for (let m0 = 0; m0 < mc; m0 += width) {
        const w = Math.min(width, mc - m0);
        for (let i = 0; i < n; i++) {
          const base = (runs[i]! * this.armCount + arm) * mc + m0;
          for (let j = 0; j < w; j++) byMonth[j * n + i] = store[base + j]!;
        }
        for (let j = 0; j < w; j++) {
          const column = byMonth.subarray(j * n, (j + 1) * n);
          const mean = sumInOrder(column) / n; // in run order, before the selection reorders the column
          quantilesInPlace(column, BAND_QUANTILES, q);
          pushMonth(band, mean, q);
        }
      }
    } else {
      const counts = this.tally.series[arm * METRIC_COUNT + metric]!;
      const scale = SCALES[metric]!;
      const quantiles = new CountQuantiles(counts.n, BAND_QUANTILES);
      for (let m = 0; m < mc; m++) {
        quantiles.read(counts, m, q);
        for (let i = 0; i < q.length; i++) q[i]! /= scale;
        pushMonth(band, counts.sums[m]! / counts.n / scale, q);
      }
    }
    return band;
  }

  /** One kept series of one arm, run by run in run order: runs × months. */
  runSeries(arm: number, metric: Metric): number[][] {
    const store = this.perRunSeries.get(METRICS.indexOf(metric));
    if (!store) throw new Error(`the series ${metric} was not kept run by run (RunOptions.keepRunSeries)`);
    const mc = this.monthCount;
    return Array.from(this.runsDone(), (r) => Array.from(store.subarray((r * this.armCount + arm) * mc, (r * this.armCount + arm + 1) * mc)));
  }

  /** Indices of the runs folded in, ascending. */
  private runsDone(): Int32Array {
    const out = new Int32Array(this.complete);
    let i = 0;
    for (let r = 0; r < this.plan.runs; r++) if (this.counted[r]) out[i++] = r;
    return out;
  }

  /** Per-run totals of one arm (in run order): 0 cost, 1 FGCs held, 2 care entries, 3 CLA at the horizon. */
  totalsOf(arm: number, which: number): Float64Array {
    const out = new Float64Array(this.complete);
    let i = 0;
    for (let r = 0; r < this.plan.runs; r++) if (this.counted[r]) out[i++] = this.totals[(r * this.armCount + arm) * TOTALS + which]!;
    return out;
  }

  armTotals(arm: number): ArmSummary['totals'] {
    return {
      cost: statInPlace(this.totalsOf(arm, T_COST)),
      fgcHeld: statInPlace(this.totalsOf(arm, T_FGC)),
      claEntries: statInPlace(this.totalsOf(arm, T_ENTRIES)),
      supportChildren: statInPlace(this.totalsOf(arm, T_SUPPORT_CHILDREN)),
      supportAway: statInPlace(this.totalsOf(arm, T_SUPPORT_AWAY)),
      supportCost: statInPlace(this.totalsOf(arm, T_SUPPORT_COST)),
    };
  }

  /** Each run's money series (£, default total cost) summed within each financial year, in run order: runs × years. */
  costByYear(arm: number, years: FinancialYear[], metric: number = M.cost): Float64Array {
    const store = this.perRunSeries.get(metric)!;
    const mc = this.monthCount;
    const out = new Float64Array(this.complete * years.length);
    let i = 0;
    for (let r = 0; r < this.plan.runs; r++) {
      if (!this.counted[r]) continue;
      const start = (r * this.armCount + arm) * mc;
      sumByYear(store.subarray(start, start + mc), years, out, i * years.length);
      i++;
    }
    return out;
  }

  /** Appraisal inputs of the runs folded in, in run order. */
  appraisalInputs(): AppraisalInputs[] {
    const out: AppraisalInputs[] = [];
    for (let r = 0; r < this.plan.runs; r++) {
      if (!this.counted[r]) continue;
      const a = this.appraisal.subarray(r * APPRAISAL_FIELDS, (r + 1) * APPRAISAL_FIELDS);
      out.push({ discountRate: a[0]!, optimismBias: a[1]!, optimismBiasCosts: a[2]!, deadweight: a[3]!, setUpCostPerAddedFte: a[4]! });
    }
    return out;
  }
}

function sumFlow(values: Float64Array, metric: number, mc: number): number {
  let sum = 0;
  for (let m = 1; m < mc; m++) sum += values[metric * mc + m]!;
  return sum;
}

function sumInOrder(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum;
}

/** Appends one month's mean and band quantiles (p5, p25, p50, p75, p95 in q). */
function pushMonth(band: Band, mean: number, q: number[]): void {
  band.mean.push(mean);
  band.p5.push(q[0]!);
  band.p25.push(q[1]!);
  band.p50.push(q[2]!);
  band.p75.push(q[3]!);
  band.p95.push(q[4]!);
}

/** The result of a job (all its runs), in the shape the command line prints. */
export interface RunSummary {
  scenario: string;
  seed: string;
  runs: number;
  /** Month-end labels "YYYY-MM", month 0 first; length = horizon + 1. */
  months: string[];
  arms: ArmSummary[];
  comparisons: Comparison[];
  /** Green Book appraisal of each arm against the reference, by financial year. */
  finance: FinanceSummary;
  /** The FGC effects in force: the preset they came from ("custom" if edited or none named) and the values, by offer point. */
  effects: { preset: string; values: Scenario['fgc']['effects'] };
  diagnostics: { familyMonths: number };
}

/** Summarises the runs folded into a RunSet (all of them, or those done so far for a partial result). */
export function summariseRuns(scenario: Scenario, set: RunSet): RunSummary {
  return finish(summariseRunsInSteps(scenario, set));
}

/**
 * `summariseRuns` in small steps (one band, one comparison, a few hundred runs' appraisal each), so a
 * UI thread can spread it over several tasks. The set must not change until it returns.
 */
export function* summariseRunsInSteps(scenario: Scenario, set: RunSet): Steps<RunSummary> {
  const plan = set.plan;
  const arms: ArmSummary[] = [];
  for (const [a, arm] of plan.arms.entries()) {
    const series = {} as Record<Metric, Band>;
    for (const [k, metric] of METRICS.entries()) {
      series[metric] = set.band(a, k);
      yield;
    }
    arms.push({
      name: arm.name,
      coordinatorsFte: arm.coordinatorsFte,
      ...(arm.services ? { serviceFte: Object.fromEntries(Object.entries(arm.services).map(([id, x]) => [id, x.workersFte])) } : {}),
      series,
      totals: set.armTotals(a),
      runs: {
        cost: Array.from(set.totalsOf(a, T_COST)),
        fgcHeld: Array.from(set.totalsOf(a, T_FGC)),
        claEntries: Array.from(set.totalsOf(a, T_ENTRIES)),
        claAtHorizon: Array.from(set.totalsOf(a, T_CLA_END)),
      },
      ...(plan.keepRunSeries ? { runSeries: Object.fromEntries(plan.keepRunSeries.map((m) => [m, set.runSeries(a, m)])) } : {}),
    });
    yield;
  }
  const reference = plan.arms[0]!;
  const refCost = set.totalsOf(0, T_COST);
  const refCla = set.totalsOf(0, T_CLA_END);
  const months = monthLabels(scenario.startMonth, plan.months);
  const years = financialYears(months);
  const refByYear = set.costByYear(0, years);
  const refServiceByYear = set.costByYear(0, years, M.costFgcService);
  const comparisons: Comparison[] = [];
  for (const [i, arm] of plan.arms.slice(1).entries()) {
    const cost = set.totalsOf(i + 1, T_COST);
    const cla = set.totalsOf(i + 1, T_CLA_END);
    comparisons.push({
      ...compare(arm.name, reference.name, refCost, cost, refCla, cla),
      savingByYear: savingsByYear(years, refByYear, set.costByYear(i + 1, years)),
      // The arm's services' cost over the reference's, a year (every service: the FGC's and a caseload service's).
      extraServiceCostByYear: savingsByYear(years, set.costByYear(i + 1, years, M.costFgcService), refServiceByYear),
    });
    yield;
  }
  const finance = yield* appraiseComparisons(set, years, { priceYear: scenario.prices?.reportingYear ?? null, priceBasis: priceBasis(scenario) }, plan.appraisalYears ?? appraisalYearsOf(scenario));
  return {
    scenario: scenario.name,
    seed: plan.seed,
    runs: set.complete,
    months,
    arms,
    comparisons,
    finance,
    // The name of the effect preset the effects are, or "custom" when they are not one exactly (src/scenario/effect-presets.ts).
    effects: { preset: presetOf(scenario.fgc.effects), values: scenario.fgc.effects },
    diagnostics: { familyMonths: set.familyMonths },
  };
}

/** The scenario's appraisal horizon, years (finance.appraisalYears, fixed by the schema), or the default. */
function appraisalYearsOf(scenario: Scenario): number {
  const q = scenario.finance?.appraisalYears;
  return q && 'value' in q ? q.value : DEFAULT_APPRAISAL_YEARS;
}

