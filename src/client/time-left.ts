// Time left in a job: from the rate of the runs done since a tenth of them were, which leaves out the start (workers
// starting, WebAssembly compiling, the first large batches) that made the whole-job rate wrong by half.
/** Runs done before the estimate is given: a tenth of the job. */
export const FIRST_ESTIMATE_SHARE = 0.1;

export class TimeLeft {
  private anchor: { t: number; done: number } | undefined;
  /** The first runs reported: the start's cost is before them. */
  private first: { t: number; done: number } | undefined;

  constructor(
    private readonly total: number,
    private readonly startedAt: number,
  ) {}

  /** Seconds left at time `t` (ms) with `done` runs done; undefined until a tenth of the runs are done. */
  at(t: number, done: number): number | undefined {
    if (done >= this.total) return 0;
    if (done > 0) this.first ??= { t, done };
    if (done < this.total * FIRST_ESTIMATE_SHARE || t <= this.startedAt) return undefined;
    this.anchor ??= { t, done };
    // Until a twentieth more is done, the window since the anchor is too short to time: the rate since the first runs
    // came back stands in (or the whole job's, if they came back all at once).
    const since = done - this.anchor.done >= this.total / 20 && t > this.anchor.t;
    const first = this.first!;
    const rate = since ? (done - this.anchor.done) / (t - this.anchor.t) : done > first.done && t > first.t ? (done - first.done) / (t - first.t) : done / (t - this.startedAt);
    return (this.total - done) / rate / 1000;
  }
}
