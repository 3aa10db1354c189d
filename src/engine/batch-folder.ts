// A worker's side of a pooled run: simulates batches, keeps their counts in its own histograms, and
// sends back only what the page keeps run by run; the histograms go over when the page asks for them.
import type { Scenario } from '../scenario/schema';
import type { RunPlan } from './plan';
import { runRows, type RunRows } from './run-set';
import { CountTally, type CountsSnapshot } from './series-counts';
import { simulateBlock } from './simulate';

/**
 * One per worker. Batches of the same run (same `run` id) fold into one tally; a batch of another
 * run empties it first, so a cancelled run's counts are dropped, never merged into the next.
 */
export class BatchFolder {
  private run: string | undefined;
  private tally: CountTally | undefined;

  /** Simulates runs [first, first + count) of the plan, counts them here, and returns their rows. */
  simulate(run: string, scenario: Scenario, plan: RunPlan, first: number, count: number): RunRows {
    const block = simulateBlock(scenario, plan, first, count);
    if (run !== this.run || !this.tally) {
      this.run = run;
      // A run of the same shape reuses the rows, already placed where its values are likely to fall.
      if (this.tally?.armCount === plan.arms.length && this.tally.monthCount === plan.months + 1) this.tally.clear();
      else this.tally = new CountTally(plan.arms.length, plan.months + 1);
    }
    this.tally.addBlock(block);
    return runRows(plan, block);
  }

  /** The counts of the runs of `run` simulated here since the last take (none if another run came since). */
  take(run: string): CountsSnapshot {
    if (run !== this.run || !this.tally) return { runs: new Int32Array(0), header: new Float64Array(0), cells: new Uint32Array(0) };
    return this.tally.take();
  }
}
