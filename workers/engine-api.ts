// What an engine worker exposes: the engine API, and the worker's side of a job (a pool's set of runs, in batches whose
// counts stay in the worker until the page asks for them), with typed arrays transferred rather than copied.
import { transfer } from 'comlink';
import { BatchFolder, engineApi, type RunInputs, type RunPlan, type Scenario } from '../src/engine/sim/api';

/** This worker's counts of the job in flight. */
const folder = new BatchFolder();

export const workerApi = {
  ...engineApi,
  simulateBlock(scenario: Scenario, plan: RunPlan, first: number, count: number) {
    const block = engineApi.simulateBlock(scenario, plan, first, count);
    return transfer(block, [...block.arms.map((values) => values.buffer as ArrayBuffer), block.appraisal.buffer as ArrayBuffer]);
  },
  /**
   * Runs [first, first + count) of job `job`: their rows back, their counts kept here (see
   * takeCounts). The job's scenario and plan come with its first batch here, and are kept.
   */
  simulateBatch(job: string, inputs: RunInputs | undefined, first: number, count: number, beat?: (run: number) => void) {
    // Each run done is a heartbeat to the page (a proxied call, not awaited: the batch goes on).
    const rows = folder.simulate(job, inputs, first, count, beat ? (run) => void beat(run) : undefined);
    return transfer(rows, [rows.values.buffer as ArrayBuffer, rows.appraisal.buffer as ArrayBuffer]);
  },
  /** The counts of job `job`'s batches simulated here since the last call. */
  takeCounts(job: string) {
    const counts = folder.take(job);
    return transfer(counts, [counts.runs.buffer as ArrayBuffer, counts.header.buffer as ArrayBuffer, counts.cells.buffer as ArrayBuffer]);
  },
};

/** The worker contract: the type of the exposed object. */
export type WorkerApi = typeof workerApi;
