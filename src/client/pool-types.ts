// What the pool deals with: a worker as it sees one, and the options of a job (its progress, partial bands, cancel).
import type { CountsSnapshot, RunInputs, RunOptions, RunRows, RunSummary } from '../engine';

/** One worker as the pool sees it: browser Worker + Comlink, or Node worker thread + Comlink. */
export interface PoolWorker {
  /**
   * Simulates runs [first, first + count) of job `job`: returns what the page keeps run by run, and
   * keeps their counts in the worker's histograms. Rejects if the worker throws or dies. The job's
   * scenario and plan (`inputs`) come with the first batch a worker gets of a job only; the worker
   * keeps them for the job's later batches (see BatchFolder).
   */
  simulateBatch(job: string, inputs: RunInputs | undefined, first: number, count: number, beat?: (run: number) => void): Promise<RunRows>;
  /**
   * The worker calls `beat` after each run (a heartbeat): the pool then fails a batch whose worker falls silent,
   * as a browser worker that dies may never say so. A worker thread reports its own exit, and does not beat.
   */
  beats?: boolean;
  /** Hands over the histograms of `job`'s batches counted in the worker since the last call. */
  takeCounts(job: string): Promise<CountsSnapshot>;
  terminate(): void;
}

export type WorkerFactory = () => PoolWorker;

export interface JobOptions extends RunOptions {
  /** Runs per batch (default: batchSchedule's, large batches first and small ones at the end). */
  batchSize?: number;
  /**
   * Called with (runs done, runs total), at most every PROGRESS_INTERVAL_MS and once at the end; and, once partial
   * bands have been drawn, the milliseconds the end will take after the last run (the latest partial summary's cost,
   * scaled to all the runs: the workers' counts folded and every run summarised).
   */
  onProgress?: (done: number, total: number, endMs?: number) => void;
  /** Called with the bands of the runs finished so far, so a chart can fill in. */
  onPartial?: (summary: RunSummary) => void;
  /** Aborting cancels the job. */
  signal?: AbortSignal;
}
