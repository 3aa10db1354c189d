// The engine's public API: one object, exposed as-is by the worker and called directly by the CLI and tests.
import { parseScenario } from '../scenario/parse';
import { planRun } from './plan';
import { runSimulation, simulateBlock } from './simulate';

export const engineApi = {
  parseScenario,
  planRun,
  runSimulation,
  simulateBlock,
};

/** The worker contract: the type of the exposed object, never a second hand-written interface. */
export type EngineApi = typeof engineApi;

export type { RunOptions, RunPlan, RunBlock } from './plan';
export type { RunSummary } from './run-set';
export type { ArmSummary, Band, Comparison, Stat } from './summarise';
export { METRICS, METRIC_UNITS, type Metric } from './metrics';
