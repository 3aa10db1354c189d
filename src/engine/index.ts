// The engine's one door for the page and the command line: run plans, results, analysis tools and the published analyses.
// The simulator itself (sim/) is reached only through a worker (workers/) or a runner injected into the analysis tools.

// Results: the run plan, the fold of runs into summaries, exports.
export { monthLabels, peakFte, planRun, type RunInputs, type RunOptions, type RunPlan } from './results/plan';
export { RunSet, runSetBytes, summariseRunsInSteps, type RunRows, type RunSummary } from './results/run-set';
export type { CountsSnapshot } from './results/series-counts';
export type { Metric } from './results/metrics';
export { stat, type Stat } from './results/summarise';
export type { Steps } from './results/steps';
export { csvCell, runTotalsCsv, toCsv, toJson } from './results/export';

// Analysis: tools that reach the simulator through an injected runner (Evaluate).
export { SENSITIVITY_OUTPUTS, globalSensitivity, globalSensitivityInSteps, tornado, type Evaluate, type GlobalSensitivity, type SensitivityOutput, type Tornado } from './analysis/sensitivity';
export { capacitySteps, coordinatorAnswer, rangeWords, CONFIDENT, EVEN, MAX_SWEEP_STEPS, SWEEP_RUN_SERIES, SERVICE_SWEEP_RUN_SERIES, type CoordinatorAnswer, type CoordinatorStep } from './analysis/sweep';
export { effectBreakEven, type EffectBreakEven } from './analysis/goal-seek';
export { centralValue, uncertainInputs } from './analysis/inputs';
export { CALIBRATION_METRICS, CalibrationError, DEFAULT_CALIBRATION_INPUTS, DEFAULT_CALIBRATION_METRICS, backtest, calibrate, type Backtest, type Calibration, type CalibrationMetric, type CalibrationOptions } from './analysis/calibrate';
export { claimProblem, serviceClaim, type ServiceClaim } from './analysis/service-claim';
export { serviceReach, type ServiceReach } from './analysis/service-reach';
export { compareWithObserved, compareTotals, totalMetrics, type ObservedTotalComparison } from './analysis/observed';

// The published analyses, line by line.
export { reproduce, stress, type StressResult } from './worksheet/worksheet';
