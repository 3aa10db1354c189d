// A worker's side of a job (a pool's set of runs): simulates batches, keeps their counts in its own histograms, and
// sends back only what the page keeps run by run; the histograms go over when the page asks for them.
import type { RunInputs } from '../results/plan';
import { runRows, type RunRows } from '../results/run-set';
import { CountTally, type CountsSnapshot } from '../results/series-counts';
import { simulateBlock } from './simulate';

/**
 * One per worker. Batches of the same job (same `job` id) fold into one tally; a batch of another
 * job empties it first, so a cancelled job's counts are dropped, never merged into the next.
 *
 * The job's scenario and plan come with its first batch here and are kept for the rest: later
 * batches carry only their run indices. Keeping them also keeps the hidden classes V8 built for
 * them alive until the next job's copies arrive, so the next copies take the same ones; when a
 * worker let each batch's copy die, a garbage collection could drop those classes, the next copy
 * got new ones, and V8 threw away the engine's optimised code that depended on them and compiled
 * it again (docs/performance.md).
 */
export class BatchFolder {
  private job: string | undefined;
  private inputs: RunInputs | undefined;
  private tally: CountTally | undefined;

  /**
   * Simulates runs [first, first + count) of job `job`, counts them here, and returns their rows.
   * `inputs` must come with the first batch of a job (they may come again); without them, the
   * batch uses the inputs this worker holds for that job, and fails if it holds none.
   */
  simulate(job: string, inputs: RunInputs | undefined, first: number, count: number, afterRun?: (run: number) => void): RunRows {
    if (!inputs && (job !== this.job || !this.inputs)) {
      throw new Error(`a batch of job ${job} came without its scenario and plan, and this worker holds none for that job`);
    }
    const { scenario, plan } = inputs ?? this.inputs!;
    const block = simulateBlock(scenario, plan, first, count, afterRun);
    if (job !== this.job || !this.tally) {
      this.job = job;
      // A job of the same shape reuses the rows, already placed where its values are likely to fall.
      if (this.tally?.armCount === plan.arms.length && this.tally.monthCount === plan.months + 1) this.tally.clear();
      else this.tally = new CountTally(plan.arms.length, plan.months + 1);
    }
    this.inputs = inputs ?? this.inputs;
    this.tally.addBlock(block);
    return runRows(plan, block);
  }

  /** The counts of the runs of job `job` simulated here since the last take (none if another job came since). */
  take(job: string): CountsSnapshot {
    if (job !== this.job || !this.tally) return { runs: new Int32Array(0), header: new Float64Array(0), cells: new Uint32Array(0) };
    return this.tally.take();
  }
}
