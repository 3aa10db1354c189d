// The pool's rules: how a job's runs are cut into batches, when a worker counts as stopped, when a job is too large
// for the page, and the errors a job ends with.
import type { RunPlan } from '../engine';

/**
 * When a beating worker counts as stopped. Until it has finished its first run of the job (which includes the
 * worker's start and its WebAssembly compile), after `startMs` of silence; after that, when it has finished no run
 * for `factor` times the longest gap between the job's runs so far, and at least `floorMs`. Checked every `checkMs`;
 * a check that comes late (the page itself was busy, so beats may be queued behind it) is skipped. Not a fixed
 * timeout: a job of slow runs widens its own window.
 */
export interface StallRule {
  startMs: number;
  floorMs: number;
  factor: number;
  checkMs: number;
}

export const STALL_RULE: StallRule = { startMs: 60_000, floorMs: 5_000, factor: 10, checkMs: 1_000 };

/** The job was cancelled (by cancel(), a newer job, or its signal). */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** A job would hold more results than the pool's limit (a browser tab's): says how many runs would fit. */
export class JobTooLargeError extends Error {
  override name = 'JobTooLargeError';
}

/** A batch failed in its worker: says which runs and what went wrong. */
export class BatchFailedError extends Error {
  override name = 'BatchFailedError';
  /** When the batch failed on an input the run cannot use (the engine's InputError, which names it): that problem. */
  inputProblem?: string;
}

/** Most runs in one batch of the default schedule: a batch is what a cancel throws away and what progress waits for. */
export const MAX_BATCH_RUNS = 25;

/**
 * The default batches of `runs` runs over `workers` workers, as [first, count], in run order: each
 * takes 1/(2 × workers) of the runs not yet dealt (at most MAX_BATCH_RUNS, at least 1), so batches
 * start large (few messages, few histogram folds) and shrink towards the end, where a worker that
 * draws the last big batch would otherwise leave the others idle while it finishes.
 */
export function batchSchedule(runs: number, workers: number): Array<[number, number]> {
  const batches: Array<[number, number]> = [];
  for (let first = 0; first < runs; ) {
    const count = Math.max(1, Math.min(MAX_BATCH_RUNS, Math.ceil((runs - first) / (2 * workers))));
    batches.push([first, count]);
    first += count;
  }
  return batches;
}

/** The default pool size: all cores but one for the page (or the main thread), at least one. */
export function defaultPoolSize(cores: number): number {
  return Math.max(1, Math.floor(cores) - 1);
}

/**
 * The page's pool size: as many workers as the browser reports cores (at least one). The page's own thread only folds
 * batches and draws between them (its longest task stays under 50 ms: the browser tests' no-long-task check), so
 * leaving it a core of its own left half a two-core machine idle: 10,000 runs took 126 s with one worker.
 */
export function pagePoolSize(cores: number): number {
  return Math.max(1, Math.floor(cores));
}

const mb = (bytes: number): string => `${Math.round(bytes / 1e6).toLocaleString('en-GB')} MB`;

/** Why a job's plan is refused, and the most runs that would fit at its horizon and arms. */
export function tooLarge(plan: RunPlan, bytes: number, max: number): string {
  const fit = Math.floor(max / (bytes / plan.runs));
  const size = `${plan.runs.toLocaleString('en-GB')} runs × ${plan.arms.length} arms × ${plan.months + 1} months`;
  const instead =
    fit >= 1
      ? `With this horizon and these arms, use at most ${fit.toLocaleString('en-GB')} runs, a shorter horizon, or the command line (npm run simulate), which has no page to fill.`
      : 'Even one run is too large at this horizon with these arms: use a shorter horizon or fewer arms, or the command line (npm run simulate), which has no page to fill.';
  return `${size} would keep ${mb(bytes)} of results in this page, more than the ${mb(max)} it can hold safely (it needs about three times as much while it runs). ${instead}`;
}
