// Runs a scenario: the run plan (arms × runs), each run simulating every arm from one shared draw.
import type { Arm, Scenario } from '../scenario/schema';
import { simulateRun } from './run';
import { ServiceBuffers } from './service';
import type { ArmPlan } from './service';
import { METRIC_COUNT } from './metrics';
import { makeRunContext } from './run-context';
import { ArmRuns, compareArms, summariseArm, type ArmSummary, type Comparison } from './summarise';

/** What to run: everything else comes from the scenario. */
export interface RunOptions {
  /** Monte Carlo runs (default: the scenario's). */
  runs?: number;
  /** Seed string (default: the scenario's). */
  seed?: string;
  /** Horizon in months after month 0 (default: the scenario's). */
  months?: number;
  /** Replaces the scenario's capacity options with arms of these coordinator FTEs; the counterfactual stays first. */
  capacity?: number[];
}

/** The plan of a run: resolved options and the arms, counterfactual first. */
export interface RunPlan {
  runs: number;
  seed: string;
  months: number;
  arms: Arm[];
}

export function planRun(scenario: Scenario, options: RunOptions = {}): RunPlan {
  const options_ = scenario.arms.options;
  const arms = options.capacity
    ? options.capacity.map((fte) => ({ name: `${fte} FTE`, coordinatorsFte: fte }))
    : options_;
  return {
    runs: options.runs ?? scenario.simulation.runs,
    seed: options.seed ?? scenario.simulation.seed,
    months: options.months ?? scenario.simulation.horizonMonths,
    arms: [scenario.arms.counterfactual, ...arms],
  };
}

function armPlan(arm: Arm, eligible: ArmPlan['eligible']): ArmPlan {
  return { coordinatorsFte: arm.coordinatorsFte, eligible: { ...eligible, ...arm.offerPoints } };
}

/** Results of runs [first, first + count) for every arm of the plan. */
export interface RunBlock {
  first: number;
  count: number;
  /** One ArmRuns values array per arm, run-major. */
  arms: Float64Array[];
  /** Open family-months simulated, summed over arms and runs. */
  familyMonths: number;
}

/**
 * Simulates runs first..first+count-1. Each run's randomness depends only on (seed, run index),
 * so any split of the runs into blocks gives the same numbers.
 */
export function simulateBlock(scenario: Scenario, plan: RunPlan, first: number, count: number): RunBlock {
  const monthCount = plan.months + 1;
  const size = METRIC_COUNT * monthCount;
  const arms = plan.arms.map(() => new Float64Array(count * size));
  let familyMonths = 0;
  const buffers = new ServiceBuffers();
  for (let i = 0; i < count; i++) {
    const ctx = makeRunContext(scenario, plan.seed, first + i, plan.months);
    const eligible = ctx.params.fgc.eligible;
    const plans = plan.arms.map((arm) => armPlan(arm, eligible));
    familyMonths += simulateRun(ctx, plans, arms.map((values) => values.subarray(i * size, (i + 1) * size)), undefined, buffers);
  }
  return { first, count, arms, familyMonths };
}

/** The result of a whole run, in the shape the command line prints. */
export interface RunSummary {
  scenario: string;
  seed: string;
  runs: number;
  /** Month-end labels "YYYY-MM", month 0 first; length = horizon + 1. */
  months: string[];
  arms: ArmSummary[];
  comparisons: Comparison[];
  diagnostics: { familyMonths: number };
}

export function monthLabels(startMonth: string, months: number): string[] {
  const year = Number(startMonth.slice(0, 4));
  const month = Number(startMonth.slice(5, 7)) - 1;
  const labels: string[] = [];
  for (let k = 0; k <= months; k++) {
    const total = month + k;
    labels.push(`${year + Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return labels;
}

/** Joins blocks (in any order) into one ArmRuns per arm. */
export function mergeBlocks(plan: RunPlan, blocks: RunBlock[]): ArmRuns[] {
  const monthCount = plan.months + 1;
  const size = METRIC_COUNT * monthCount;
  return plan.arms.map((_, a) => {
    const values = new Float64Array(plan.runs * size);
    for (const b of blocks) values.set(b.arms[a]!, b.first * size);
    return new ArmRuns(plan.runs, monthCount, values);
  });
}

export function summariseRuns(scenario: Scenario, plan: RunPlan, armRuns: ArmRuns[], familyMonths: number): RunSummary {
  const arms = plan.arms.map((arm, a) => summariseArm(arm.name, arm.coordinatorsFte, armRuns[a]!));
  const reference = plan.arms[0]!;
  const comparisons = plan.arms.slice(1).map((arm, i) => compareArms(arm.name, armRuns[i + 1]!, reference.name, armRuns[0]!));
  return {
    scenario: scenario.name,
    seed: plan.seed,
    runs: plan.runs,
    months: monthLabels(scenario.startMonth, plan.months),
    arms,
    comparisons,
    diagnostics: { familyMonths },
  };
}

/** Runs the whole plan in this thread. */
export function runSimulation(scenario: Scenario, options: RunOptions = {}): RunSummary {
  const plan = planRun(scenario, options);
  const block = simulateBlock(scenario, plan, 0, plan.runs);
  return summariseRuns(scenario, plan, mergeBlocks(plan, [block]), block.familyMonths);
}
