// Folds per-run results into bands as they arrive: exact, order-independent, and small for many runs.
import { M, METRIC_COUNT, METRICS, type Metric } from './metrics';
import type { Scenario } from '../scenario/schema';
import { monthLabels, type RunBlock, type RunPlan } from './plan';
import { compare, quantileSorted, stat, type ArmSummary, type Band, type Comparison, type Stat } from './summarise';

/** Series kept as exact per-run values (continuous); every other series is an integer count kept as a histogram. */
const PER_RUN_SERIES = new Set<number>([M.cost]);
/** Series rounded to a fixed grid before counting: the longest wait, to a thousandth of a week. */
const SCALE: Partial<Record<number, number>> = { [M.fgcLongestWaitWeeks]: 1000 };

/** Counts of integer values: exact order statistics in memory proportional to the spread, not the runs. */
class Histogram {
  private min = 0;
  private counts = new Uint32Array(0);
  n = 0;
  sum = 0;

  add(v: number): void {
    if (!Number.isInteger(v)) throw new Error(`a count series holds ${v}, not a whole number`);
    if (this.counts.length === 0) this.min = v;
    if (v < this.min || v >= this.min + this.counts.length) this.grow(v);
    this.counts[v - this.min]!++;
    this.n++;
    this.sum += v;
  }

  /** Values at the given ranks (ascending), 0-based. */
  valuesAtRanks(ranks: number[], out: number[]): void {
    let cum = 0;
    let r = 0;
    for (let i = 0; i < this.counts.length && r < ranks.length; i++) {
      cum += this.counts[i]!;
      while (r < ranks.length && ranks[r]! < cum) out[r++] = this.min + i;
    }
  }

  private grow(v: number): void {
    const lo = Math.min(v, this.min);
    const hi = Math.max(v, this.min + this.counts.length - 1);
    const width = hi - lo + 1;
    const size = this.counts.length === 0 ? 8 : Math.max(width, this.counts.length * 2);
    const counts = new Uint32Array(size);
    // Keep some room below when the new value extends the range downwards.
    const newMin = v < this.min && this.counts.length > 0 ? hi - size + 1 : lo;
    counts.set(this.counts, this.min - newMin);
    this.counts = counts;
    this.min = newMin;
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
  private readonly histograms: (Histogram | undefined)[];
  private readonly costs: Float64Array;
  private readonly totals: Float64Array;
  private readonly have: Uint8Array;
  /** Runs folded in so far. */
  done = 0;
  familyMonths = 0;

  constructor(readonly plan: RunPlan) {
    this.monthCount = plan.months + 1;
    this.armCount = plan.arms.length;
    this.histograms = new Array(this.armCount * METRIC_COUNT * this.monthCount);
    for (let a = 0; a < this.armCount; a++) {
      for (let k = 0; k < METRIC_COUNT; k++) {
        if (PER_RUN_SERIES.has(k)) continue;
        for (let m = 0; m < this.monthCount; m++) this.histograms[(a * METRIC_COUNT + k) * this.monthCount + m] = new Histogram();
      }
    }
    this.costs = new Float64Array(plan.runs * this.armCount * this.monthCount);
    this.totals = new Float64Array(plan.runs * this.armCount * TOTALS);
    this.have = new Uint8Array(plan.runs);
  }

  /** Folds in a block of runs; a run already folded in is an error. */
  add(block: RunBlock): void {
    const mc = this.monthCount;
    const size = METRIC_COUNT * mc;
    for (let i = 0; i < block.count; i++) {
      const r = block.first + i;
      if (r < 0 || r >= this.plan.runs || this.have[r]) throw new Error(`run ${r} is outside the plan or was already added`);
      this.have[r] = 1;
      for (let a = 0; a < this.armCount; a++) {
        const values = block.arms[a]!.subarray(i * size, (i + 1) * size);
        for (let k = 0; k < METRIC_COUNT; k++) {
          const scale = SCALE[k] ?? 1;
          if (PER_RUN_SERIES.has(k)) continue;
          for (let m = 0; m < mc; m++) {
            const v = values[k * mc + m]!;
            this.histograms[(a * METRIC_COUNT + k) * mc + m]!.add(scale === 1 ? v : Math.round(v * scale));
          }
        }
        this.costs.set(values.subarray(M.cost * mc, (M.cost + 1) * mc), (r * this.armCount + a) * mc);
        const t = (r * this.armCount + a) * TOTALS;
        this.totals[t + T_COST] = sumFlow(values, M.cost, mc);
        this.totals[t + T_FGC] = sumFlow(values, M.fgcHeld, mc);
        this.totals[t + T_ENTRIES] = sumFlow(values, M.claEntries, mc);
        this.totals[t + T_CLA_END] = values[M.cla * mc + mc - 1]!;
      }
    }
    this.done += block.count;
    this.familyMonths += block.familyMonths;
  }

  /** Bands of one series for one arm over the runs folded in so far. */
  band(arm: number, metric: number): Band {
    const band: Band = { mean: [], p5: [], p25: [], p50: [], p75: [], p95: [] };
    const mc = this.monthCount;
    const q = [0, 0, 0, 0, 0];
    for (let m = 0; m < mc; m++) {
      let mean: number;
      if (PER_RUN_SERIES.has(metric)) {
        const values = this.perRun((r) => this.costs[(r * this.armCount + arm) * mc + m]!);
        const sorted = Float64Array.from(values).sort();
        BAND_QUANTILES.forEach((p, i) => (q[i] = quantileSorted(sorted, p)));
        mean = sumInOrder(values) / values.length;
      } else {
        const h = this.histograms[(arm * METRIC_COUNT + metric) * mc + m]!;
        const scale = SCALE[metric] ?? 1;
        histogramQuantiles(h, q);
        for (let i = 0; i < q.length; i++) q[i]! /= scale;
        mean = h.sum / h.n / scale;
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

  /** Per-run totals of one arm (in run order): 0 cost, 1 FGCs held, 2 care entries, 3 CLA at the horizon. */
  totalsOf(arm: number, which: number): Float64Array {
    return this.perRun((r) => this.totals[(r * this.armCount + arm) * TOTALS + which]!);
  }

  series(arm: number): Record<Metric, Band> {
    const out = {} as Record<Metric, Band>;
    METRICS.forEach((metric, k) => (out[metric] = this.band(arm, k)));
    return out;
  }

  armTotals(arm: number): { cost: Stat; fgcHeld: Stat; claEntries: Stat } {
    return { cost: stat(this.totalsOf(arm, T_COST)), fgcHeld: stat(this.totalsOf(arm, T_FGC)), claEntries: stat(this.totalsOf(arm, T_ENTRIES)) };
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

/** The band quantiles (type 7) from a histogram, into q. */
function histogramQuantiles(h: Histogram, q: number[]): void {
  const ranks: number[] = [];
  for (const p of BAND_QUANTILES) {
    const pos = (h.n - 1) * p;
    ranks.push(Math.floor(pos), Math.min(h.n - 1, Math.floor(pos) + 1));
  }
  const order = ranks.map((r, i) => [r, i] as const).sort((a, b) => a[0] - b[0]);
  const values = new Array<number>(ranks.length);
  const sortedValues: number[] = new Array(ranks.length);
  h.valuesAtRanks(order.map((o) => o[0]), sortedValues);
  order.forEach((o, i) => (values[o[1]] = sortedValues[i]!));
  BAND_QUANTILES.forEach((p, i) => {
    const pos = (h.n - 1) * p;
    const frac = pos - Math.floor(pos);
    const lo = values[2 * i]!;
    q[i] = lo + frac * (values[2 * i + 1]! - lo);
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
  diagnostics: { familyMonths: number };
}

/** Summarises the runs folded into a RunSet (all of them, or those done so far for a partial result). */
export function summariseRuns(scenario: Scenario, set: RunSet): RunSummary {
  const plan = set.plan;
  const arms = plan.arms.map((arm, a) => ({ name: arm.name, coordinatorsFte: arm.coordinatorsFte, series: set.series(a), totals: set.armTotals(a) }));
  const reference = plan.arms[0]!;
  const refCost = set.totalsOf(0, T_COST);
  const refCla = set.totalsOf(0, T_CLA_END);
  const comparisons: Comparison[] = plan.arms.slice(1).map((arm, i) => {
    const cost = set.totalsOf(i + 1, T_COST);
    const cla = set.totalsOf(i + 1, T_CLA_END);
    return compare(arm.name, reference.name, refCost, cost, refCla, cla);
  });
  return {
    scenario: scenario.name,
    seed: plan.seed,
    runs: set.done,
    months: monthLabels(scenario.startMonth, plan.months),
    arms,
    comparisons,
    diagnostics: { familyMonths: set.familyMonths },
  };
}

