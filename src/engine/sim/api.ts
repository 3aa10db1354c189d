// The simulator's side of the engine: one object, exposed as-is by the worker (workers/) and called directly by tests.
import { parseScenario } from '../../scenario/parse';
import { planRun } from '../results/plan';
import { runSimulation, simulateBlock } from './simulate';

export const engineApi = {
  parseScenario,
  planRun,
  runSimulation,
  simulateBlock,
};

/** The worker contract: the type of the exposed object, never a second hand-written interface. */
export type EngineApi = typeof engineApi;

export { BatchFolder } from './batch-folder';
export type { RunInputs, RunPlan } from '../results/plan';
export type { Scenario } from '../../scenario/schema';
