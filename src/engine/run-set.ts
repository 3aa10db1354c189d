// Folds per-run results into bands as they arrive: exact, order-independent, and small for many runs.
import { M, METRIC_COUNT, METRICS, type Metric } from './metrics';
import type { Scenario } from '../scenario/schema';
import { APPRAISAL_FIELDS, type AppraisalInputs } from './finance';
import { appraiseComparisons, type FinanceSummary } from './finance-summary';
import { financialYears, sumByYear, type FinancialYear } from './financial-years';
import { monthLabels, type RunBlock, type RunPlan } from './plan';
import { quantilesInPlace } from './select';
import { finish, type Steps } from './steps';
import { priceBasis } from '../scenario/prices';
import { compare, stat, type ArmSummary, type Band, type Comparison, type Stat, type YearSaving } from './summarise';

/** Series kept as exact per-run values (continuous); every other series is an integer count kept as a histogram. */
const PER_RUN_SERIES = new Set<number>([M.cost, M.costPlacements, M.costFgcService]);
/** Multiplier before counting: 1 for counts; the longest wait is counted in thousandths of a week. */
const SCALES = Array.from({ length: METRIC_COUNT }, (_, k) => (k === M.fgcLongestWaitWeeks ? 1000 : 1));

/**
 * Counts of integer values for one series, one histogram per month in one flat array: exact order
 * statistics in memory proportional to the spread of the values, not to the number of runs.
 */
class SeriesCounts {
  private width = 64;
  /** Value at column 0 of each month's row. */
  private readonly origin: Float64Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private counts: Uint32Array;
  readonly sums: Float64Array;
  n = 0;

  constructor(private readonly months: number) {
    this.origin = new Float64Array(months).fill(NaN);
    this.lo = new Float64Array(months).fill(Infinity);
    this.hi = new Float64Array(months).fill(-Infinity);
    this.counts = new Uint32Array(months * this.width);
    this.sums = new Float64Array(months);
  }

  get byteLength(): number {
    return this.counts.byteLength + 4 * this.origin.byteLength;
  }

  /**
   * Adds `runs` runs' values: run i's month m is `values[offset + i * stride + m]`, multiplied by
   * `scale`. Month by month across the runs, so each month's row stays in cache while a block's runs
   * land in it (a block holds runs one after another; run by run, every value would touch a new row).
   */
  addRuns(values: Float64Array, offset: number, stride: number, runs: number, scale: number): void {
    const { months, origin, lo, hi, sums } = this;
    for (let m = 0; m < months; m++) {
      let sum = 0;
      for (let i = 0, at = offset + m; i < runs; i++, at += stride) {
        const raw = values[at]!;
        const v = scale === 1 ? raw : Math.round(raw * scale);
        if (!Number.isInteger(v)) throw new Error(`a count series holds ${raw}, not a whole number`);
        if (v < lo[m]!) lo[m] = v;
        if (v > hi[m]!) hi[m] = v;
        let column = v - origin[m]!;
        if (!(column >= 0 && column < this.width)) column = this.place(m, v);
        this.counts[m * this.width + column]!++;
        sum += v;
      }
      sums[m]! += sum;
    }
    this.n += runs;
  }

  /**
   * Makes room for v in month m's row (recentring the row, or widening every row); returns its column.
   * Rows are kept at least twice as wide as the spread they have seen, so a row recentred on the
   * middle of what it has seen holds all of it (at exactly the spread, the highest value fell off).
   */
  private place(m: number, v: number): number {
    const spread = this.hi[m]! - this.lo[m]! + 1;
    if (spread * 2 > this.width) this.widen(spread);
    if (Number.isNaN(this.origin[m]!)) {
      this.origin[m] = v - (this.width >> 1);
    } else {
      // Recentre the row on what it has seen, moving its counts.
      const row = this.counts.subarray(m * this.width, (m + 1) * this.width);
      const old = Float64Array.from(row);
      const newOrigin = Math.floor((this.lo[m]! + this.hi[m]!) / 2) - (this.width >> 1);
      row.fill(0);
      for (let i = 0; i < old.length; i++) if (old[i]) row[this.origin[m]! + i - newOrigin] = old[i]!;
      this.origin[m] = newOrigin;
    }
    return v - this.origin[m]!;
  }

  private widen(spread: number): void {
    let width = this.width;
    while (width < spread * 2) width *= 2;
    const counts = new Uint32Array(this.months * width);
    for (let m = 0; m < this.months; m++) {
      if (Number.isNaN(this.origin[m]!)) continue;
      const shift = (width - this.width) >> 1;
      counts.set(this.counts.subarray(m * this.width, (m + 1) * this.width), m * width + shift);
      this.origin[m]! -= shift;
    }
    this.counts = counts;
    this.width = width;
  }

  /** The values at the given ranks (0-based, ascending) in month m, into out. */
  valuesAtRanks(m: number, ranks: number[], out: number[]): void {
    let cum = 0;
    let r = 0;
    const base = m * this.width;
    for (let i = 0; i < this.width && r < ranks.length; i++) {
      cum += this.counts[base + i]!;
      while (r < ranks.length && ranks[r]! < cum) out[r++] = this.origin[m]! + i;
    }
  }
}

const BAND_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
const TOTALS = 4; // cost, fgcHeld, claEntries over the horizon; CLA at the horizon
const T_COST = 0;
const T_FGC = 1;
const T_ENTRIES = 2;
const T_CLA_END = 3;

/**
 * The results of a plan's runs, folded in as blocks arrive in any order. Integer series go into
 * histograms (counts add up the same whatever the order), cost is kept per run and per month, and
 * per-run totals are kept for paired comparisons: so the bands are bit-identical for any split of
 * the runs into batches or workers, and 10,000 runs take tens of megabytes, not gigabytes.
 */
export class RunSet {
  readonly monthCount: number;
  readonly armCount: number;
  /** Per arm and series (undefined for the per-run ones). */
  private readonly counts: (SeriesCounts | undefined)[];
  /** Per-run monthly values of the money series (PER_RUN_SERIES): runs × arms × months each. */
  private readonly perRunSeries = new Map<number, Float64Array>();
  private readonly totals: Float64Array;
  private readonly have: Uint8Array;
  /** Each run's appraisal inputs (see AppraisalInputs), runs × APPRAISAL_FIELDS. */
  private readonly appraisal: Float64Array;
  /** Runs folded in so far. */
  done = 0;
  familyMonths = 0;

  constructor(readonly plan: RunPlan) {
    this.monthCount = plan.months + 1;
    this.armCount = plan.arms.length;
    this.counts = [];
    for (let a = 0; a < this.armCount; a++) {
      for (let k = 0; k < METRIC_COUNT; k++) this.counts.push(PER_RUN_SERIES.has(k) ? undefined : new SeriesCounts(this.monthCount));
    }
    for (const k of PER_RUN_SERIES) this.perRunSeries.set(k, new Float64Array(plan.runs * this.armCount * this.monthCount));
    for (const metric of plan.keepRunSeries ?? []) {
      const k = METRICS.indexOf(metric);
      if (k < 0) throw new Error(`keepRunSeries: no series called ${metric}`);
      if (!this.perRunSeries.has(k)) this.perRunSeries.set(k, new Float64Array(plan.runs * this.armCount * this.monthCount));
    }
    this.totals = new Float64Array(plan.runs * this.armCount * TOTALS);
    this.have = new Uint8Array(plan.runs);
    this.appraisal = new Float64Array(plan.runs * APPRAISAL_FIELDS);
  }

  /** Folds in a block of runs; a run already folded in is an error. */
  add(block: RunBlock): void {
    const mc = this.monthCount;
    const size = METRIC_COUNT * mc;
    for (let i = 0; i < block.count; i++) {
      const r = block.first + i;
      if (r < 0 || r >= this.plan.runs || this.have[r]) throw new Error(`run ${r} is outside the plan or was already added`);
      this.have[r] = 1;
      this.appraisal.set(block.appraisal.subarray(i * APPRAISAL_FIELDS, (i + 1) * APPRAISAL_FIELDS), r * APPRAISAL_FIELDS);
      for (let a = 0; a < this.armCount; a++) {
        const values = block.arms[a]!.subarray(i * size, (i + 1) * size);
        for (const [k, store] of this.perRunSeries) store.set(values.subarray(k * mc, (k + 1) * mc), (r * this.armCount + a) * mc);
        const t = (r * this.armCount + a) * TOTALS;
        this.totals[t + T_COST] = sumFlow(values, M.cost, mc);
        this.totals[t + T_FGC] = sumFlow(values, M.fgcHeld, mc);
        this.totals[t + T_ENTRIES] = sumFlow(values, M.claEntries, mc);
        this.totals[t + T_CLA_END] = values[M.cla * mc + mc - 1]!;
      }
    }
    for (let a = 0; a < this.armCount; a++) {
      for (let k = 0; k < METRIC_COUNT; k++) this.counts[a * METRIC_COUNT + k]?.addRuns(block.arms[a]!, k * mc, size, block.count, SCALES[k]!);
    }
    this.done += block.count;
    this.familyMonths += block.familyMonths;
  }

  /** Bytes held in typed arrays: what the folded results cost in memory. */
  byteLength(): number {
    let bytes = this.totals.byteLength + this.have.byteLength;
    for (const store of this.perRunSeries.values()) bytes += store.byteLength;
    for (const c of this.counts) if (c) bytes += c.byteLength;
    return bytes;
  }

  /** Bands of one series for one arm over the runs folded in so far. */
  band(arm: number, metric: number): Band {
    const band: Band = { mean: [], p5: [], p25: [], p50: [], p75: [], p95: [] };
    const mc = this.monthCount;
    const q = [0, 0, 0, 0, 0];
    const store = PER_RUN_SERIES.has(metric) ? this.perRunSeries.get(metric) : undefined;
    // Per-run series: months × runs (in run order), transposed in one pass so each month is contiguous.
    const runs = store ? this.runsDone() : undefined;
    const n = runs?.length ?? 0;
    const byMonth = store && runs ? new Float64Array(mc * n) : undefined;
    if (store && runs && byMonth) {
      for (let i = 0; i < n; i++) {
        const base = (runs[i]! * this.armCount + arm) * mc;
        for (let m = 0; m < mc; m++) byMonth[m * n + i] = store[base + m]!;
      }
    }
    for (let m = 0; m < mc; m++) {
      let mean: number;
      if (byMonth) {
        const column = byMonth.subarray(m * n, (m + 1) * n);
        mean = sumInOrder(column) / n;
        quantilesInPlace(column, BAND_QUANTILES, q);
      } else {
        const counts = this.counts[arm * METRIC_COUNT + metric]!;
        const scale = SCALES[metric]!;
        countQuantiles(counts, m, q);
        for (let i = 0; i < q.length; i++) q[i]! /= scale;
        mean = counts.sums[m]! / counts.n / scale;
      }
      band.mean.push(mean);
      band.p5.push(q[0]!);
      band.p25.push(q[1]!);
      band.p50.push(q[2]!);
      band.p75.push(q[3]!);
      band.p95.push(q[4]!);
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
    const out = new Int32Array(this.done);
    let i = 0;
    for (let r = 0; r < this.plan.runs; r++) if (this.have[r]) out[i++] = r;
    return out;
  }

  /** Per-run totals of one arm (in run order): 0 cost, 1 FGCs held, 2 care entries, 3 CLA at the horizon. */
  totalsOf(arm: number, which: number): Float64Array {
    return this.perRun((r) => this.totals[(r * this.armCount + arm) * TOTALS + which]!);
  }

  armTotals(arm: number): { cost: Stat; fgcHeld: Stat; claEntries: Stat } {
    return { cost: stat(this.totalsOf(arm, T_COST)), fgcHeld: stat(this.totalsOf(arm, T_FGC)), claEntries: stat(this.totalsOf(arm, T_ENTRIES)) };
  }

  /** Each run's money series (£, default total cost) summed within each financial year, in run order: runs × years. */
  costByYear(arm: number, years: FinancialYear[], metric: number = M.cost): Float64Array {
    const store = this.perRunSeries.get(metric)!;
    const mc = this.monthCount;
    const out = new Float64Array(this.done * years.length);
    let i = 0;
    for (let r = 0; r < this.plan.runs; r++) {
      if (!this.have[r]) continue;
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
      if (!this.have[r]) continue;
      const a = this.appraisal.subarray(r * APPRAISAL_FIELDS, (r + 1) * APPRAISAL_FIELDS);
      out.push({ discountRate: a[0]!, optimismBias: a[1]!, deadweight: a[2]!, setUpCostPerAddedFte: a[3]! });
    }
    return out;
  }

  /** Values of the runs folded in, in run order (so sums do not depend on arrival order). */
  private perRun(get: (r: number) => number): Float64Array {
    const out = new Float64Array(this.done);
    let i = 0;
    for (let r = 0; r < this.plan.runs; r++) if (this.have[r]) out[i++] = get(r);
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

/** The band quantiles (type 7) of month m's counts, into q. */
function countQuantiles(counts: SeriesCounts, m: number, q: number[]): void {
  const n = counts.n;
  const ranks: number[] = [];
  for (const p of BAND_QUANTILES) {
    const pos = (n - 1) * p;
    ranks.push(Math.floor(pos), Math.min(n - 1, Math.floor(pos) + 1));
  }
  // Read all ten values in one pass over the row, in ascending rank (pairs overlap when n < 6: 0,1,0,1,…).
  const order = ranks.map((_, i) => i).sort((i, j) => ranks[i]! - ranks[j]!);
  const sortedValues = new Array<number>(ranks.length);
  counts.valuesAtRanks(m, order.map((i) => ranks[i]!), sortedValues);
  const values = new Array<number>(ranks.length);
  order.forEach((i, at) => (values[i] = sortedValues[at]!));
  BAND_QUANTILES.forEach((p, i) => {
    const pos = (n - 1) * p;
    const lo = values[2 * i]!;
    q[i] = lo + (pos - Math.floor(pos)) * (values[2 * i + 1]! - lo);
  });
}

/** The result of a whole run, in the shape the command line prints. */
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
  const comparisons: Comparison[] = [];
  for (const [i, arm] of plan.arms.slice(1).entries()) {
    const cost = set.totalsOf(i + 1, T_COST);
    const cla = set.totalsOf(i + 1, T_CLA_END);
    comparisons.push({ ...compare(arm.name, reference.name, refCost, cost, refCla, cla), savingByYear: savingsByYear(years, refByYear, set.costByYear(i + 1, years)) });
    yield;
  }
  const finance = yield* appraiseComparisons(set, years, { priceYear: scenario.prices?.reportingYear ?? null, priceBasis: priceBasis(scenario) });
  return {
    scenario: scenario.name,
    seed: plan.seed,
    runs: set.done,
    months,
    arms,
    comparisons,
    finance,
    diagnostics: { familyMonths: set.familyMonths },
  };
}


/** Per financial year: the reference's cost − the arm's, run by run, summarised and kept per run (for targets). */
function savingsByYear(years: FinancialYear[], reference: Float64Array, arm: Float64Array): YearSaving[] {
  const runs = reference.length / Math.max(1, years.length);
  return years.map((y, j) => {
    const perRun = new Float64Array(runs);
    for (let r = 0; r < runs; r++) perRun[r] = reference[r * years.length + j]! - arm[r * years.length + j]!;
    return { year: y.label, months: y.months, saving: stat(perRun), runs: Array.from(perRun) };
  });
}
