// A pool of engine workers: runs dealt out in batches by run index, folded as they return, with progress, partial bands, cancel and failure.
import { planRun, type RunBlock, type RunOptions, type RunPlan } from '../engine/plan';
import { RunSet, summariseRunsInSteps, type RunSummary } from '../engine/run-set';
import { runInSlices } from './slices';
import type { Scenario } from '../scenario/schema';

/** One worker as the pool sees it: browser Worker + Comlink, or Node worker thread + Comlink. */
export interface PoolWorker {
  /** Simulates runs [first, first + count); rejects if the worker throws or dies. */
  simulateBlock(scenario: Scenario, plan: RunPlan, first: number, count: number): Promise<RunBlock>;
  terminate(): void;
}

export type WorkerFactory = () => PoolWorker;

export interface PoolRunOptions extends RunOptions {
  /** Runs per batch (default: enough batches to keep every worker busy, at most 25 runs each). */
  batchSize?: number;
  /** Called with (runs done, runs total), at most every PROGRESS_INTERVAL_MS and once at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Called with the bands of the runs finished so far, so a chart can fill in. */
  onPartial?: (summary: RunSummary) => void;
  /** Aborting cancels the run. */
  signal?: AbortSignal;
}

/** Minimum time between progress calls, ms. */
export const PROGRESS_INTERVAL_MS = 100;

/** The run was cancelled (by cancel(), a newer run, or its signal). */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** A batch failed in its worker: says which runs and what went wrong. */
export class BatchFailedError extends Error {
  override name = 'BatchFailedError';
}

/** The default pool size: all cores but one for the page (or the main thread), at least one. */
export function defaultPoolSize(cores: number): number {
  return Math.max(1, Math.floor(cores) - 1);
}

/**
 * Long-lived workers, created lazily. Each run's randomness depends only on (seed, run index) and
 * the results are folded order-independently, so the summary is bit-identical for any pool size
 * and batch size. Starting a run cancels the one in flight.
 */
export class RunPool {
  private readonly workers: (PoolWorker | undefined)[];
  private readonly busy: boolean[];
  private active: ActiveRun | undefined;

  constructor(
    private readonly factory: WorkerFactory,
    readonly size: number,
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

  run(scenario: Scenario, options: PoolRunOptions = {}): Promise<RunSummary> {
    this.cancel();
    const run = new ActiveRun(this, scenario, options);
    this.active = run;
    return run.start().finally(() => {
      if (this.active === run) this.active = undefined;
    });
  }

  /** Cancels the run in flight, if any: its promise rejects with CancelledError at once. */
  cancel(reason = 'the run was cancelled'): void {
    this.active?.stop(new CancelledError(reason));
  }

  /** Cancels any run and stops every worker. */
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

  /** @internal A busy worker cannot be interrupted: it is terminated and re-created on the next run. */
  kill(i: number): void {
    this.workers[i]?.terminate();
    this.workers[i] = undefined;
    this.busy[i] = false;
  }
}

class ActiveRun {
  private readonly plan: RunPlan;
  private readonly set: RunSet;
  private readonly batches: Array<[number, number]> = [];
  private next = 0;
  private finished = false;
  private lastProgress = -Infinity;
  private lastPartial = -Infinity;
  private partialCost = 0;
  /** Blocks received but not yet folded in (a summary is running). */
  private readonly arrived: RunBlock[] = [];
  private summarising = false;
  private resolve!: (s: RunSummary) => void;
  private reject!: (e: Error) => void;
  private readonly onAbort = () => this.stop(new CancelledError('the run was cancelled'));

  constructor(
    private readonly pool: RunPool,
    private readonly scenario: Scenario,
    private readonly options: PoolRunOptions,
  ) {
    this.plan = planRun(scenario, options);
    this.set = new RunSet(this.plan);
    const runs = this.plan.runs;
    const size = options.batchSize ?? Math.max(1, Math.min(25, Math.ceil(runs / (pool.size * 4))));
    for (let first = 0; first < runs; first += size) this.batches.push([first, Math.min(size, runs - first)]);
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
    }
    return promise;
  }

  /** Ends the run with an error: busy workers are terminated, idle ones kept. */
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
    worker.simulateBlock(this.scenario, this.plan, first, count).then(
      (block) => this.received(slot, block),
      (e) => this.fail(index, e),
    );
  }

  private received(slot: number, block: RunBlock): void {
    if (this.finished) return;
    this.pool.setBusy(slot, false);
    this.arrived.push(block);
    // Keep the worker busy first: summaries run on this thread while the workers go on.
    if (this.next < this.batches.length) this.deal(slot);
    this.advance();
  }

  /**
   * Folds in what has arrived, reports progress, and starts a partial or the final summary. A
   * summary runs in slices (the main thread stays responsive) and the set does not change while it
   * runs: blocks that arrive meanwhile wait in `arrived` until it ends.
   */
  private advance(): void {
    if (this.finished || this.summarising) return;
    for (const block of this.arrived.splice(0)) {
      try {
        this.set.add(block);
      } catch (e) {
        this.stop(new BatchFailedError(`runs ${block.first}–${block.first + block.count - 1} came back unusable: ${(e as Error).message}`));
        return;
      }
    }
    const total = this.plan.runs;
    const done = this.set.done;
    const now = performance.now();
    if (done === total) {
      this.summarise((summary) => {
        this.finished = true;
        this.options.signal?.removeEventListener('abort', this.onAbort);
        this.options.onProgress?.(done, total);
        this.resolve(summary);
      });
      return;
    }
    if (this.options.onProgress && now - this.lastProgress >= PROGRESS_INTERVAL_MS) {
      this.lastProgress = now;
      this.options.onProgress(done, total);
    }
    // Partial bands cost more as runs pile up: space them by at least four times their own cost.
    if (this.options.onPartial && now - this.lastPartial >= Math.max(PROGRESS_INTERVAL_MS, 4 * this.partialCost)) {
      this.summarise((partial, busyMs) => {
        this.partialCost = busyMs;
        this.lastPartial = performance.now();
        this.options.onPartial?.(partial);
        this.advance();
      });
    }
  }

  /** Summarises the set in slices, then calls `then` unless the run ended meanwhile. */
  private summarise(then: (summary: RunSummary, busyMs: number) => void): void {
    this.summarising = true;
    runInSlices(summariseRunsInSteps(this.scenario, this.set), () => this.finished).then(
      (result) => {
        this.summarising = false;
        if (result && !this.finished) then(result.value, result.busyMs);
      },
      (e: unknown) => {
        this.summarising = false;
        this.stop(new Error(`summarising the runs failed: ${e instanceof Error ? e.message : String(e)}`));
      },
    );
  }

  private fail(index: number, e: unknown): void {
    if (this.finished) return;
    const [first, count] = this.batches[index]!;
    const message = e instanceof Error ? e.message : String(e);
    this.stop(new BatchFailedError(`batch ${index + 1} of ${this.batches.length} (runs ${first}–${first + count - 1}) failed: ${message}`));
  }
}
