// Turns per-run results into percentile bands, totals and paired comparisons between arms.
import { METRIC_COUNT, type Metric } from './metrics';
import { quantilesInPlace } from './select';
import type { FinancialYear } from './financial-years';

/** Percentile bands over runs for one series, one value per month. */
export interface Band {
  mean: number[];
  p5: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
}

/** Summary of one per-run quantity. */
export interface Stat {
  mean: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
}

/** Quantile by linear interpolation between order statistics (type 7) of a sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Mean and percentiles of per-run values (left as they are). */
export function stat(values: Float64Array): Stat {
  return statInPlace(Float64Array.from(values));
}

/**
 * stat() without the copy, for values no one reads again: the percentiles are selected in place,
 * leaving them in another order (the mean is summed first, in their order, so both give the same).
 */
export function statInPlace(values: Float64Array): Stat {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const q: number[] = [];
  quantilesInPlace(values, STAT_QUANTILES, q);
  return { mean: sum / values.length, p5: q[0]!, p10: q[1]!, p25: q[2]!, p50: q[3]!, p75: q[4]!, p90: q[5]!, p95: q[6]! };
}

const STAT_QUANTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

/**
 * Per-run results of one arm, for audits and tests: runs × METRIC_COUNT × months values,
 * run-major, so that a batch of runs is one contiguous slice.
 */
export class ArmRuns {
  constructor(
    readonly runs: number,
    readonly monthCount: number,
    readonly values: Float64Array = new Float64Array(runs * METRIC_COUNT * monthCount),
  ) {}

  value(r: number, metric: number, month: number): number {
    return this.values[(r * METRIC_COUNT + metric) * this.monthCount + month]!;
  }
}

export interface ArmSummary {
  name: string;
  coordinatorsFte: number;
  /** Each caseload service's workers FTE at month 0 in this arm, by the service's id (absent: none). */
  serviceFte?: Record<string, number>;
  series: Record<Metric, Band>;
  /**
   * Per-run totals over the horizon, summarised: £, FGCs held, care entries; and the caseload service's (0 without
   * one): children it took on, families it turned away or who lapsed waiting, its staff's cost (£).
   */
  totals: { cost: Stat; fgcHeld: Stat; claEntries: Stat; supportChildren: Stat; supportAway: Stat; supportCost: Stat };
  /** Run-level totals in run order (runs done so far): £ over the horizon, FGCs, care entries, CLA at the horizon. */
  runs?: { cost: number[]; fgcHeld: number[]; claEntries: number[]; claAtHorizon: number[] };
  /** The series asked for in RunOptions.keepRunSeries, run by run (run order) × month. */
  runSeries?: Partial<Record<Metric, number[][]>>;
}

/** An arm against the reference arm, computed run by run (common random numbers) then summarised. */
export interface Comparison {
  arm: string;
  reference: string;
  /** Reference total cost − arm total cost over the horizon, £ per run. */
  saving: Stat;
  /** Reference CLA − arm CLA at the horizon, children per run. */
  claAvoided: Stat;
  /** Share of runs with saving > 0. */
  probabilityOfSaving: number;
  /** Saving in each financial year (April–March) the horizon touches, run by run. */
  savingByYear?: YearSaving[];
  /** The arm's services' cost less the reference's in each financial year, run by run (its `saving` is this extra cost). */
  extraServiceCostByYear?: YearSaving[];
}

/** One financial year's saving of an arm against the reference. */
export interface YearSaving {
  /** e.g. "2015/16". */
  year: string;
  /** Months of the year inside the horizon (fewer than 12 at either end). */
  months: number;
  /** Reference cost − arm cost in the year, £, summarised over runs. */
  saving: Stat;
  /** The same per run, in run order: for the chance of reaching a target. */
  runs: number[];
}

/** Paired comparison of an arm with the reference from per-run totals in the same run order. */
export function compare(arm: string, reference: string, refCost: Float64Array, armCost: Float64Array, refCla: Float64Array, armCla: Float64Array): Comparison {
  const n = armCost.length;
  const saving = new Float64Array(n);
  const avoided = new Float64Array(n);
  let positive = 0;
  for (let r = 0; r < n; r++) {
    saving[r] = refCost[r]! - armCost[r]!;
    avoided[r] = refCla[r]! - armCla[r]!;
    if (saving[r]! > 0) positive++;
  }
  return { arm, reference, saving: statInPlace(saving), claAvoided: statInPlace(avoided), probabilityOfSaving: n > 0 ? positive / n : 0 };
}

/** Per financial year: the reference's cost − the arm's, run by run, summarised and kept per run (for targets). */
export function savingsByYear(years: FinancialYear[], reference: Float64Array, arm: Float64Array): YearSaving[] {
  const runs = reference.length / Math.max(1, years.length);
  return years.map((y, j) => {
    const perRun = new Float64Array(runs);
    for (let r = 0; r < runs; r++) perRun[r] = reference[r * years.length + j]! - arm[r * years.length + j]!;
    const inRunOrder = Array.from(perRun); // before the percentiles reorder perRun
    return { year: y.label, months: y.months, saving: statInPlace(perRun), runs: inRunOrder };
  });
}
