// Runs a scenario: the run plan (arms × runs), each run simulating every arm from one shared draw.
import type { Arm, Scenario } from '../../scenario/schema';
import { simulateRun } from './run';
import type { ArmPlan } from './service';
import type { RunParameters } from './params';
import { APPRAISAL_FIELDS } from '../results/finance';
import { METRICS, METRIC_COUNT } from '../results/metrics';
import { makeRunContext } from './run-context';
import { fteByMonth, planRun, supportFteByMonth, type RunBlock, type RunOptions, type RunPlan } from '../results/plan';
import { RunSet, summariseRuns, type RunSummary } from '../results/run-set';
import { ArmRuns } from '../results/summarise';

/**
 * Arm `a` of the plan in a run. An arm with its own throughput uses the scenario arm's draw at index `a`: the plan's
 * arms are [counterfactual, ...options] as the scenario's are, and a capacity sweep's steps copying an option
 * (capacityLike) pass that option's index (plan.throughputOf).
 */
function armPlan(arm: Arm, a: number, params: RunParameters, startMonth: string, months: number): ArmPlan {
  const fgc = params.fgc;
  const own = arm.conferencesPerFtePerYear !== undefined ? fgc.conferencesPerFteByArm[a] : undefined;
  const byMonth = fteByMonth(arm, startMonth, months);
  // The caseload service in this arm (the scenario's one service, by its id), with its team by month if it changes.
  const service = params.support ? arm.services?.[params.support.id] : undefined;
  const workersByMonth = service ? supportFteByMonth(service, startMonth, months) : undefined;
  return {
    coordinatorsFte: arm.coordinatorsFte,
    ...(byMonth ? { fteByMonth: byMonth } : {}),
    conferencesPerFtePerYear: own ?? fgc.conferencesPerFtePerYear,
    eligible: { ...fgc.eligible, ...arm.offerPoints },
    ...(service ? { support: { workersFte: service.workersFte, ...(workersByMonth ? { workersByMonth } : {}), eligible: service.eligibleShare ?? params.support!.eligible } } : {}),
  };
}

/**
 * Simulates runs first..first+count-1. Each run's randomness depends only on (seed, run index),
 * so any split of the runs into blocks gives the same numbers.
 */
/** Simulates runs [first, first + count); `afterRun`, if given, is told each run done (a worker's heartbeat). */
export function simulateBlock(scenario: Scenario, plan: RunPlan, first: number, count: number, afterRun?: (run: number) => void): RunBlock {
  const monthCount = plan.months + 1;
  const size = METRIC_COUNT * monthCount;
  const armCount = plan.arms.length;
  const arms: Float64Array[] = [];
  for (let a = 0; a < armCount; a++) arms.push(new Float64Array(count * size));
  let familyMonths = 0;
  const appraisal = new Float64Array(count * APPRAISAL_FIELDS);
  for (let i = 0; i < count; i++) {
    const ctx = makeRunContext(scenario, plan.seed, first + i, plan.months);
    const plans: ArmPlan[] = [];
    const outs: Float64Array[] = [];
    for (let a = 0; a < armCount; a++) {
      plans.push(armPlan(plan.arms[a]!, plan.throughputOf?.[a] ?? a, ctx.params, scenario.startMonth, plan.months));
      outs.push(arms[a]!.subarray(i * size, (i + 1) * size));
    }
    const a = ctx.params.appraisal;
    appraisal.set([plan.discountRate ?? a.discountRate, a.optimismBias, a.optimismBiasCosts, a.deadweight, a.setUpCostPerAddedFte], i * APPRAISAL_FIELDS);
    familyMonths += simulateRun(ctx, plans, outs, undefined);
    for (let a = 0; a < armCount; a++) checkFinite(outs[a]!, monthCount, first + i, plan.arms[a]!.name);
    afterRun?.(first + i);
  }
  return { first, count, arms, familyMonths, appraisal };
}

/**
 * Throws if a run's results hold a value that is not a finite number (a quiet NaN or Infinity would print as
 * null or "£NaNm"): the message names the arm, series and month. Inputs the draw can trace are named there first.
 */
function checkFinite(out: Float64Array, monthCount: number, run: number, arm: string): void {
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (v - v !== 0) {
      throw new Error(`run ${run}, arm "${arm}": ${METRICS[Math.floor(i / monthCount)]} in month ${i % monthCount} is ${v}, not a finite number: an input is too extreme for the model (look at the scenario's largest values)`);
    }
  }
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

/** Runs the whole plan in this thread. */
export function runSimulation(scenario: Scenario, options: RunOptions = {}): RunSummary {
  const plan = planRun(scenario, options);
  const set = new RunSet(plan);
  set.add(simulateBlock(scenario, plan, 0, plan.runs));
  return summariseRuns(scenario, set);
}

export { planRun, summariseRuns };
export type { RunBlock, RunOptions, RunPlan, RunSummary };
