// A pool of engine workers: a job's runs dealt out in batches by run index, folded as they return, with progress, partial bands, cancel and failure.
// Words: a run is one Monte Carlo replicate; a job is the set of runs of one scenario and plan that the pool works through.
import { planRun, type RunPlan, RunSet, runSetBytes, summariseRunsInSteps, type RunRows, type RunSummary, type RunInputs } from '../engine';
import { BatchFailedError, batchSchedule, CancelledError, JobTooLargeError, STALL_RULE, tooLarge, type StallRule } from './pool-rules';
import { runInSlices } from './slices';
import type { Scenario } from '../scenario/schema';

export type { JobOptions, PoolWorker, WorkerFactory } from './pool-types';
import type { JobOptions, PoolWorker, WorkerFactory } from './pool-types';

export { BatchFailedError, batchSchedule, CancelledError, defaultPoolSize, pagePoolSize, JobTooLargeError, MAX_BATCH_RUNS, STALL_RULE, type StallRule } from './pool-rules';

/** Minimum time between progress calls, ms. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Long-lived workers, created lazily. Each run's randomness depends only on (seed, run index) and
 * the results are folded order-independently, so the summary is bit-identical for any pool size
 * and batch size. Starting a job cancels the one in flight.
 */
export class RunPool {
  private readonly workers: (PoolWorker | undefined)[];
  private readonly busy: boolean[];
  private active: Job | undefined;
  /** Jobs started, for each job's id in the workers (a worker drops the counts of an earlier job). */
  private started = 0;

  /**
   * `maxResultBytes`: the most results (runSetBytes) a job may keep on this side, refused before
   * any worker starts; the page sets it so that a job too big for a tab is named, not a crashed tab.
   */
  constructor(
    private readonly factory: WorkerFactory,
    readonly size: number,
    readonly maxResultBytes = Infinity,
    readonly stall: StallRule = STALL_RULE,
  ) {
    if (!(size >= 1)) throw new Error(`a pool needs at least one worker, got ${size}`);
    this.workers = new Array(size).fill(undefined);
    this.busy = new Array(size).fill(false);
  }

  /** Workers running a batch now. */
  get busyCount(): number {
    return this.busy.filter(Boolean).length;
  }

  /** Workers alive (idle or busy). */
  get liveCount(): number {
    return this.workers.filter(Boolean).length;
  }

  /** Simulates a job: every run of the scenario's plan, summarised. Starting one cancels the job in flight. */
  simulate(scenario: Scenario, options: JobOptions = {}): Promise<RunSummary> {
    this.cancel();
    let job: Job;
    try {
      job = new Job(this, `${++this.started}`, scenario, options);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    this.active = job;
    return job.start().finally(() => {
      if (this.active === job) this.active = undefined;
    });
  }

  /** Cancels the job in flight, if any: its promise rejects with CancelledError at once. */
  cancel(reason = 'the run was cancelled'): void {
    this.active?.stop(new CancelledError(reason));
  }

  /** Cancels any job and stops every worker. */
  dispose(): void {
    this.cancel('the pool was closed');
    for (let i = 0; i < this.size; i++) this.kill(i);
  }

  /** @internal The worker in slot i, created if needed. */
  worker(i: number): PoolWorker {
    return (this.workers[i] ??= this.factory());
  }

  /** @internal */
  isBusy(i: number): boolean {
    return this.busy[i]!;
  }

  /** @internal */
  setBusy(i: number, busy: boolean): void {
    this.busy[i] = busy;
  }

  /** @internal A busy worker cannot be interrupted: it is terminated and re-created on the next job. */
  kill(i: number): void {
    this.workers[i]?.terminate();
    this.workers[i] = undefined;
    this.busy[i] = false;
  }
}

/** One job in flight: its batches dealt to the pool's workers, its runs folded into a RunSet. */
class Job {
  private readonly plan: RunPlan;
  private readonly set: RunSet;
  private readonly batches: Array<[number, number]>;
  private next = 0;
  private finished = false;
  private lastProgress = -Infinity;
  private lastPartial = -Infinity;
  private partialCost = 0;
  /** Runs the latest partial summary covered. */
  private partialRuns = 0;
  /** Rows received but not yet folded in (a summary is running). */
  private readonly arrived: RunRows[] = [];
  /** Workers sent this job's scenario and plan (by worker: one re-created for a later job is a new one and is sent them). */
  private readonly primed = new Set<PoolWorker>();
  /** Workers holding counts of this job not yet handed over. */
  private readonly untaken = new Set<number>();
  /**
   * What the page is doing between batches: collecting the workers' counts (rows still fold in) or
   * summarising (the set must not change: rows wait in `arrived`).
   */
  private phase: 'dealing' | 'collecting' | 'summarising' = 'dealing';
  /** By slot: when its worker last finished a run (or was dealt its batch), ms, and which batch it holds. */
  private readonly lastBeat: number[] = [];
  private readonly slotBatch: number[] = [];
  /** The longest gap between a worker's runs in this job so far, ms. */
  private longestGap = 0;
  /** Slots whose worker has finished a run of this job (its start is behind it). */
  private readonly beaten = new Set<number>();
  /** When the stall check last ran (one that comes late is skipped). */
  private lastCheck = performance.now();
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private resolve!: (s: RunSummary) => void;
  private reject!: (e: Error) => void;
  private readonly onAbort = () => this.stop(new CancelledError('the run was cancelled'));

  constructor(
    private readonly pool: RunPool,
    private readonly id: string,
    private readonly scenario: Scenario,
    private readonly options: JobOptions,
  ) {
    this.plan = planRun(scenario, options);
    const bytes = runSetBytes(this.plan);
    if (bytes > pool.maxResultBytes) throw new JobTooLargeError(tooLarge(this.plan, bytes, pool.maxResultBytes));
    this.set = new RunSet(this.plan);
    const runs = this.plan.runs;
    const size = options.batchSize;
    if (size === undefined) this.batches = batchSchedule(runs, pool.size);
    else {
      if (!(Number.isInteger(size) && size >= 1)) throw new Error(`batchSize must be a whole number of runs, at least 1, got ${size}`);
      this.batches = [];
      for (let first = 0; first < runs; first += size) this.batches.push([first, Math.min(size, runs - first)]);
    }
  }

  start(): Promise<RunSummary> {
    const promise = new Promise<RunSummary>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    if (this.options.signal?.aborted) this.onAbort();
    else {
      this.options.signal?.addEventListener('abort', this.onAbort);
      for (let i = 0; i < this.pool.size && this.next < this.batches.length; i++) this.deal(i);
      this.watchdog = setInterval(() => this.checkStalls(), this.pool.stall.checkMs);
    }
    return promise.finally(() => clearInterval(this.watchdog));
  }

  /** Fails the job if a busy, beating worker has been silent past the stall rule (see StallRule). */
  private checkStalls(): void {
    if (this.finished) return;
    const rule = this.pool.stall;
    const now = performance.now();
    const late = now - this.lastCheck > 3 * rule.checkMs;
    this.lastCheck = now;
    if (late) return;
    const window = Math.max(rule.floorMs, rule.factor * this.longestGap);
    for (let slot = 0; slot < this.pool.size; slot++) {
      if (!this.pool.isBusy(slot) || !this.pool.worker(slot).beats) continue;
      const silent = now - this.lastBeat[slot]!;
      if (silent > (this.beaten.has(slot) ? window : rule.startMs)) {
        const index = this.slotBatch[slot]!;
        const [first, count] = this.batches[index]!;
        this.stop(
          new BatchFailedError(
            `a worker has finished no run for ${(silent / 1000).toFixed(0)} s (this job's runs took at most ${(this.longestGap / 1000).toFixed(1)} s apart): it has stopped, so batch ${index + 1} of ${this.batches.length} (runs ${first}–${first + count - 1}) failed; run again and a new worker starts`,
          ),
        );
        return;
      }
    }
  }

  /** Ends the job with an error: busy workers are terminated, idle ones kept. */
  stop(error: Error): void {
    if (this.finished) return;
    this.finished = true;
    this.options.signal?.removeEventListener('abort', this.onAbort);
    for (let i = 0; i < this.pool.size; i++) if (this.pool.isBusy(i)) this.pool.kill(i);
    this.reject(error);
  }

  private deal(slot: number): void {
    const index = this.next++;
    const [first, count] = this.batches[index]!;
    this.pool.setBusy(slot, true);
    let worker: PoolWorker;
    try {
      worker = this.pool.worker(slot);
    } catch (e) {
      this.fail(index, e);
      return;
    }
    const inputs: RunInputs | undefined = this.primed.has(worker) ? undefined : { scenario: this.scenario, plan: this.plan };
    this.primed.add(worker);
    this.lastBeat[slot] = performance.now();
    this.slotBatch[slot] = index;
    const beat = worker.beats ? () => this.beat(slot) : undefined;
    worker.simulateBatch(this.id, inputs, first, count, beat).then(
      (rows) => this.received(slot, rows),
      (e) => this.fail(index, e),
    );
  }

  /** A run done in `slot`'s worker: its gap since the last one widens the stall window if it is the longest yet. */
  private beat(slot: number): void {
    const now = performance.now();
    this.beaten.add(slot);
    this.longestGap = Math.max(this.longestGap, now - this.lastBeat[slot]!);
    this.lastBeat[slot] = now;
  }

  private received(slot: number, rows: RunRows): void {
    if (this.finished) return;
    this.pool.setBusy(slot, false);
    this.arrived.push(rows);
    this.untaken.add(slot);
    // Keep the worker busy first: summaries run on this thread while the workers go on.
    if (this.next < this.batches.length) this.deal(slot);
    this.advance();
  }

  /** Folds in the rows that have arrived; false if some came back unusable (the job has failed). */
  private foldArrived(): boolean {
    for (const rows of this.arrived.splice(0)) {
      try {
        this.set.addRows(rows);
      } catch (e) {
        this.stop(new BatchFailedError(`runs ${rows.first}–${rows.first + rows.count - 1} came back unusable: ${(e as Error).message}`));
        return false;
      }
    }
    return true;
  }

  /**
   * Folds in what has arrived, reports progress, and starts a partial or the final summary: first the
   * workers' counts are collected, then the set is summarised in slices (the main thread stays
   * responsive). Rows that arrive during a summary wait in `arrived` until it ends.
   */
  private advance(): void {
    if (this.finished || this.phase === 'summarising') return;
    if (!this.foldArrived() || this.phase === 'collecting') return;
    const total = this.plan.runs;
    const done = this.set.done;
    const now = performance.now();
    if (done === total) {
      this.collect(() => {
        if (this.set.complete !== total) {
          this.stop(new BatchFailedError(`the counts of ${total - this.set.complete} of ${total} runs never came back from the workers`));
          return;
        }
        this.summarise((summary) => {
          this.finished = true;
          this.options.signal?.removeEventListener('abort', this.onAbort);
          this.options.onProgress?.(done, total);
          this.resolve(summary);
        });
      });
      return;
    }
    if (this.options.onProgress && now - this.lastProgress >= PROGRESS_INTERVAL_MS) {
      this.lastProgress = now;
      this.options.onProgress(done, total, this.partialRuns > 0 ? (this.partialCost * total) / this.partialRuns : undefined);
    }
    // Partial bands cost more as runs pile up: space them by at least four times their own cost.
    if (this.options.onPartial && now - this.lastPartial >= Math.max(PROGRESS_INTERVAL_MS, 4 * this.partialCost)) {
      this.lastPartial = now;
      this.collect(() =>
        this.summarise((partial, busyMs) => {
          this.partialCost = busyMs;
          this.partialRuns = this.set.complete;
          this.lastPartial = performance.now();
          this.options.onPartial?.(partial);
          this.advance();
        }),
      );
    }
  }

  /**
   * Asks every worker holding counts of this job for them and merges them, then calls `then` unless
   * the job ended meanwhile. A worker answers after the batch it is on, and its rows come before its
   * counts, so the rows of every run counted are already here (or waiting in `arrived`).
   */
  private collect(then: () => void): void {
    const slots = [...this.untaken];
    this.untaken.clear();
    let waiting = slots.length;
    if (waiting === 0) {
      then();
      return;
    }
    this.phase = 'collecting';
    for (const slot of slots) {
      this.pool
        .worker(slot)
        .takeCounts(this.id)
        .then(
          (counts) => {
            if (this.finished || !this.foldArrived()) return;
            try {
              this.set.addCounts(counts);
            } catch (e) {
              this.stop(new BatchFailedError(`the counts from worker ${slot + 1} came back unusable: ${(e as Error).message}`));
              return;
            }
            if (--waiting > 0) return;
            this.phase = 'dealing';
            then();
          },
          (e: unknown) => {
            if (this.finished) return;
            this.stop(new BatchFailedError(`collecting the counts from worker ${slot + 1} failed: ${e instanceof Error ? e.message : String(e)}`));
          },
        );
    }
  }

  /** Summarises the set in slices, then calls `then` unless the job ended meanwhile. */
  private summarise(then: (summary: RunSummary, busyMs: number) => void): void {
    this.phase = 'summarising';
    runInSlices(summariseRunsInSteps(this.scenario, this.set), () => this.finished).then(
      (result) => {
        this.phase = 'dealing';
        if (result && !this.finished) then(result.value, result.busyMs);
      },
      (e: unknown) => {
        this.phase = 'dealing';
        this.stop(new Error(`summarising the runs failed: ${e instanceof Error ? e.message : String(e)}`));
      },
    );
  }

  private fail(index: number, e: unknown): void {
    if (this.finished) return;
    const [first, count] = this.batches[index]!;
    const message = e instanceof Error ? e.message : String(e);
    const error = new BatchFailedError(`batch ${index + 1} of ${this.batches.length} (runs ${first}–${first + count - 1}) failed: ${message}`);
    // An input the run cannot use is the scenario's problem, not the engine's: kept apart so that it can be said so.
    if (e instanceof Error && e.name === 'InputError') error.inputProblem = message;
    this.stop(error);
  }
}
