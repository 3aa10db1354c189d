// What an engine worker exposes: the engine API, with each block's typed arrays transferred rather than copied.
import { transfer } from 'comlink';
import { engineApi } from '../src/engine/api';
import type { RunPlan } from '../src/engine/plan';
import type { Scenario } from '../src/scenario/schema';

export const workerApi = {
  ...engineApi,
  simulateBlock(scenario: Scenario, plan: RunPlan, first: number, count: number) {
    const block = engineApi.simulateBlock(scenario, plan, first, count);
    return transfer(block, [...block.arms.map((values) => values.buffer as ArrayBuffer), block.appraisal.buffer as ArrayBuffer]);
  },
};

/** The worker contract: the type of the exposed object. */
export type WorkerApi = typeof workerApi;
