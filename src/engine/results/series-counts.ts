// Exact histograms of the integer series: one row per month, foldable in any order, and packed into
// transferable arrays so that a worker can fold its own runs and the page merge them only when it reads
// bands; and the quantiles read from them.
import type { RunBlock } from './plan';
import { M, METRIC_COUNT } from './metrics';

/** Series kept as exact per-run values (continuous); every other series is an integer count kept as a histogram. */
export const PER_RUN_SERIES = new Set<number>([M.cost, M.costPlacements, M.costFgcService, M.costCashable, M.costAfterCare]);
/**
 * Multiplier before counting: 1 for counts; the longest waits are counted in thousandths of a week; the caseload
 * service's cost in whole £1,000s (its band is for reading; its totals, and every cost the appraisal uses, are kept
 * exact: the run's totals are taken before counting, and the services' cost is in costFgcService, kept run by run).
 */
export const SCALES = Array.from({ length: METRIC_COUNT }, (_, k) => (k === M.fgcLongestWaitWeeks || k === M.supportLongestWaitWeeks ? 1000 : k === M.supportCost ? 1e-3 : 1));

/**
 * Counts of integer values for one series, one histogram row per month, each row as wide as its own
 * month's values need: exact order statistics in memory proportional to the spread of the values,
 * not to the number of runs (an early month's narrow spread does not pay for a late month's wide one).
 */
export class SeriesCounts {
  /** Month m's counts; column 0 counts the value origin[m]. */
  private readonly rows: Uint32Array[];
  private readonly origin: Float64Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  readonly sums: Float64Array;
  n = 0;

  constructor(private readonly months: number) {
    this.rows = Array.from({ length: months }, () => EMPTY_ROW);
    this.origin = new Float64Array(months);
    this.lo = new Float64Array(months).fill(Infinity);
    this.hi = new Float64Array(months).fill(-Infinity);
    this.sums = new Float64Array(months);
  }

  get byteLength(): number {
    let bytes = 4 * this.origin.byteLength;
    for (const row of this.rows) bytes += row.byteLength;
    return bytes;
  }

  /**
   * Adds `runs` runs' values: run i's month m is `values[offset + i * stride + m]`, multiplied by
   * `scale`. Month by month across the runs, so each month's row stays in cache while a block's runs
   * land in it (a block holds runs one after another; run by run, every value would touch a new row).
   */
  addRuns(values: Float64Array, offset: number, stride: number, runs: number, scale: number): void {
    const { months, origin, lo, hi, sums, rows } = this;
    for (let m = 0; m < months; m++) {
      let row = rows[m]!;
      let sum = 0;
      for (let i = 0, at = offset + m; i < runs; i++, at += stride) {
        const raw = values[at]!;
        const v = scale === 1 ? raw : Math.round(raw * scale);
        if (!Number.isInteger(v)) throw new Error(`a count series holds ${raw}, not a whole number`);
        if (v < lo[m]!) lo[m] = v;
        if (v > hi[m]!) hi[m] = v;
        let column = v - origin[m]!;
        if (!(column >= 0 && column < row.length)) {
          column = this.place(m, v);
          row = rows[m]!;
        }
        row[column]!++;
        sum += v;
      }
      sums[m]! += sum;
    }
    this.n += runs;
  }

  /**
   * Makes room for v in month m's row (recentred on what the row has seen, and widened if needed);
   * returns its column. A row at least two wider than the spread it has seen holds all of it once
   * recentred on its middle (at exactly the spread, the highest value fell off); a row that must
   * grow grows by half again, so the spread's slow growth costs few copies.
   */
  private place(m: number, v: number): number {
    const old = this.rows[m]!;
    const spread = this.hi[m]! - this.lo[m]! + 1;
    const width = old.length >= spread + 2 ? old.length : widthFor(spread);
    const row = new Uint32Array(width);
    const origin = Math.floor((this.lo[m]! + this.hi[m]!) / 2) - (width >> 1);
    for (let i = 0; i < old.length; i++) if (old[i]) row[this.origin[m]! + i - origin] = old[i]!;
    this.rows[m] = row;
    this.origin[m] = origin;
    return v - origin;
  }

  /** Month m's counts from its lowest value to its highest (empty if none), and that lowest value. */
  filled(m: number): { origin: number; cells: Uint32Array } {
    if (!(this.hi[m]! >= this.lo[m]!)) return { origin: 0, cells: EMPTY_ROW };
    const first = this.lo[m]! - this.origin[m]!;
    return { origin: this.lo[m]!, cells: this.rows[m]!.subarray(first, this.hi[m]! - this.origin[m]! + 1) };
  }

  /**
   * Adds another histogram's month m: cells counting origin, origin + 1, …, their values summing to
   * `sum`. A month this histogram has never had a row for takes the cells themselves as its row, not
   * a copy: a worker's hand-over is made for the page to keep, and the page's first hand-over of a
   * job (a single worker's, the whole job) is then merged in no time.
   */
  addRow(m: number, origin: number, cells: Uint32Array, sum: number): void {
    if (cells.length === 0) return;
    if (this.rows[m]!.length === 0) {
      this.rows[m] = cells;
      this.origin[m] = origin;
      this.lo[m] = origin;
      this.hi[m] = origin + cells.length - 1;
      this.sums[m]! += sum;
      return;
    }
    if (origin < this.lo[m]!) this.lo[m] = origin;
    if (origin + cells.length - 1 > this.hi[m]!) this.hi[m] = origin + cells.length - 1;
    if (!(this.lo[m]! - this.origin[m]! >= 0 && this.hi[m]! - this.origin[m]! < this.rows[m]!.length)) this.place(m, origin);
    const row = this.rows[m]!;
    const shift = origin - this.origin[m]!;
    for (let i = 0; i < cells.length; i++) row[i + shift]! += cells[i]!;
    this.sums[m]! += sum;
  }

  /** Empties the histogram, keeping its rows where they are (the next runs' values are likely near). */
  clear(): void {
    for (const row of this.rows) row.fill(0);
    this.lo.fill(Infinity);
    this.hi.fill(-Infinity);
    this.sums.fill(0);
    this.n = 0;
  }

  /** The values at the given ranks (0-based, ascending) in month m, into out. */
  valuesAtRanks(m: number, ranks: number[], out: number[]): void {
    let cum = 0;
    let r = 0;
    const row = this.rows[m]!;
    // Nothing is counted below the lowest value seen.
    const lowest = this.hi[m]! >= this.lo[m]! ? this.lo[m]! - this.origin[m]! : row.length;
    for (let i = lowest; i < row.length && r < ranks.length; i++) {
      cum += row[i]!;
      while (r < ranks.length && ranks[r]! < cum) out[r++] = this.origin[m]! + i;
    }
  }
}

/** A month no run has reached yet. */
const EMPTY_ROW = new Uint32Array(0);
/** Columns of a row when it first holds a value. */
const MIN_WIDTH = 16;

/** Columns for a row that must hold `spread` values with room to spare: half again, in steps of 16. */
function widthFor(spread: number): number {
  return Math.max(MIN_WIDTH, Math.ceil((spread * 1.5 + 2) / 16) * 16);
}

/** A tally's histograms in transferable arrays (see CountTally.take). */
export interface CountsSnapshot {
  /** The runs whose values the histograms hold. */
  runs: Int32Array;
  /** Per count series (arm-major, metric order): runs counted, then per month its origin, width (cells) and sum. */
  header: Float64Array;
  /** Every row's cells, one after another. */
  cells: Uint32Array;
}

/**
 * The count series of every arm of a plan (arms × metrics; the per-run money series are not counted)
 * and the runs they hold. The page folds whole blocks into one; a worker folds its own runs into
 * one and hands its histograms over with `take`, so the page merges histograms, not runs.
 */
export class CountTally {
  /** Per arm and metric; undefined for the series kept run by run. */
  readonly series: (SeriesCounts | undefined)[] = [];
  private runs: number[] = [];

  constructor(
    readonly armCount: number,
    readonly monthCount: number,
  ) {
    for (let a = 0; a < armCount; a++) {
      for (let k = 0; k < METRIC_COUNT; k++) this.series.push(PER_RUN_SERIES.has(k) ? undefined : new SeriesCounts(monthCount));
    }
  }

  get runCount(): number {
    return this.runs.length;
  }

  /** Bytes held in typed arrays by the histograms. */
  get byteLength(): number {
    let bytes = 0;
    for (const c of this.series) if (c) bytes += c.byteLength;
    return bytes;
  }

  /** Counts a block's runs (values laid out as RunBlock.arms). */
  addBlock(block: RunBlock): void {
    const mc = this.monthCount;
    const size = METRIC_COUNT * mc;
    for (let a = 0; a < this.armCount; a++) {
      for (let k = 0; k < METRIC_COUNT; k++) this.series[a * METRIC_COUNT + k]?.addRuns(block.arms[a]!, k * mc, size, block.count, SCALES[k]!);
    }
    for (let i = 0; i < block.count; i++) this.runs.push(block.first + i);
  }

  /** The histograms packed for transfer (each row from its lowest value to its highest); the tally is left empty. */
  take(): CountsSnapshot {
    const mc = this.monthCount;
    const counted = this.series.filter((c): c is SeriesCounts => c !== undefined);
    const header = new Float64Array(counted.length * (1 + 3 * mc));
    let cellCount = 0;
    for (const c of counted) for (let m = 0; m < mc; m++) cellCount += c.filled(m).cells.length;
    const cells = new Uint32Array(cellCount);
    let h = 0;
    let at = 0;
    for (const c of counted) {
      header[h++] = c.n;
      for (let m = 0; m < mc; m++) {
        const row = c.filled(m);
        header[h++] = row.origin;
        header[h++] = row.cells.length;
        header[h++] = c.sums[m]!;
        cells.set(row.cells, at);
        at += row.cells.length;
      }
    }
    const snapshot = { runs: Int32Array.from(this.runs), header, cells };
    this.clear();
    return snapshot;
  }

  /**
   * Adds a snapshot's histograms (taken from a tally of the same plan). The tally keeps the
   * snapshot's cells (rows it had not started are views of them), so a snapshot is merged once.
   */
  merge(snapshot: CountsSnapshot): void {
    const mc = this.monthCount;
    const { header, cells } = snapshot;
    let h = 0;
    let at = 0;
    for (const c of this.series) {
      if (!c) continue;
      if (h >= header.length) throw new Error('a tally of counts is shorter than this plan needs');
      c.n += header[h++]!;
      for (let m = 0; m < mc; m++) {
        const origin = header[h++]!;
        const width = header[h++]!;
        const sum = header[h++]!;
        c.addRow(m, origin, cells.subarray(at, at + width), sum);
        at += width;
      }
    }
    if (h !== header.length || at !== cells.length) throw new Error('a tally of counts does not match this plan');
    for (const r of snapshot.runs) this.runs.push(r);
  }

  /** Empties the tally (its rows stay where they are). */
  clear(): void {
    for (const c of this.series) c?.clear();
    this.runs = [];
  }
}

/**
 * Reads quantiles `ps` (type 7) of n counted runs month by month: the two ranks each needs are
 * worked out once, in ascending order (the pairs overlap when n is small: 0,1,0,1,…), so each month
 * is one pass over its row. (A class, not a closure made for each band: V8 compiled those again and again.)
 */
export class CountQuantiles {
  private readonly order: number[];
  private readonly ascending: number[];
  private readonly sorted: number[];
  private readonly values: number[];

  constructor(
    private readonly n: number,
    private readonly ps: readonly number[],
  ) {
    const ranks: number[] = [];
    for (const p of ps) {
      const pos = (n - 1) * p;
      ranks.push(Math.floor(pos), Math.min(n - 1, Math.floor(pos) + 1));
    }
    // The ranks' indices in ascending order of rank (insertion sort, stable: two a quantile, a handful).
    const order: number[] = [];
    for (let i = 0; i < ranks.length; i++) {
      let at = order.length;
      while (at > 0 && ranks[order[at - 1]!]! > ranks[i]!) at--;
      order.splice(at, 0, i);
    }
    this.order = order;
    this.ascending = [];
    for (const i of order) this.ascending.push(ranks[i]!);
    this.sorted = new Array<number>(ranks.length);
    this.values = new Array<number>(ranks.length);
  }

  /** Month m's quantiles into q. */
  read(counts: SeriesCounts, m: number, q: number[]): void {
    const { n, ps, order, sorted, values } = this;
    counts.valuesAtRanks(m, this.ascending, sorted);
    for (let at = 0; at < order.length; at++) values[order[at]!] = sorted[at]!;
    for (let i = 0; i < ps.length; i++) {
      const pos = (n - 1) * ps[i]!;
      const lo = values[2 * i]!;
      q[i] = lo + (pos - Math.floor(pos)) * (values[2 * i + 1]! - lo);
    }
  }
}
