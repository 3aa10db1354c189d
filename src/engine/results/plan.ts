// The run plan: resolved options and arms, the shape of a block of runs, month labels. Pure and small: the page uses it too.
import { monthsFrom } from '../../scenario/parse';
import type { Arm, ArmService, Scenario } from '../../scenario/schema';
import type { Metric } from './metrics';

/** What to run: everything else comes from the scenario. */
export interface RunOptions {
  /** Monte Carlo runs (default: the scenario's). */
  runs?: number;
  /** Seed string (default: the scenario's). */
  seed?: string;
  /** Horizon in months after month 0 (default: the scenario's). */
  months?: number;
  /** Capacity: replaces the scenario's options with arms of these coordinator FTEs; the counterfactual stays first. (Inside the code capacity is always coordinator FTE; the service's allocation slots a month are slotsPerMonth.) */
  capacity?: number[];
  /**
   * The scenario's arm (1 = its first option) whose offer points and own throughput the capacity steps copy, only
   * their FTE set by the step and no ramp-up (default: none, the scenario's fgc.offerPoints and throughput).
   */
  capacityLike?: number;
  /**
   * The caseload service (its id) whose workers the capacity steps set, instead of the coordinators: each step is the
   * capacityLike option (or the counterfactual) as it is, the service's workers FTE set by the step and no ramp-up.
   */
  capacityOf?: string;
  /** Discount rate a year for the appraisal, replacing the scenario's (0–1). */
  discountRate?: number;
  /** Years appraised, replacing the scenario's (finance.appraisalYears; default 10). */
  appraisalYears?: number;
  /** Series whose every run is kept and returned (`runSeries` in each arm), for calibration. */
  keepRunSeries?: Metric[];
}

/** The plan of a job (its runs × its arms): resolved options and the arms, counterfactual first. */
export interface RunPlan {
  runs: number;
  seed: string;
  months: number;
  arms: Arm[];
  /** A discount rate fixed for every run, if the user set one. */
  discountRate?: number;
  /** The appraisal horizon in years, if the user set one. */
  appraisalYears?: number;
  /** Series kept run by run (see RunOptions). */
  keepRunSeries?: Metric[];
  /** For each arm, the scenario arm (0 = counterfactual) whose drawn throughput it uses, when not its own index (a capacity sweep's steps). */
  throughputOf?: number[];
  /** The caseload service whose workers a capacity sweep's steps set (absent: the steps are coordinators). */
  sweptService?: string;
}

export function planRun(scenario: Scenario, options: RunOptions = {}): RunPlan {
  const options_ = scenario.arms.options;
  const like = options.capacityLike;
  if (like !== undefined && !(Number.isInteger(like) && like >= 1 && like <= options_.length)) throw new RangeError(`capacityLike names the scenario's option ${like}, but it has options 1 to ${options_.length}`);
  const base = like !== undefined ? options_[like - 1]! : undefined;
  const service = options.capacityOf;
  if (service !== undefined && !scenario.services?.some((x) => x.id === service)) throw new RangeError(`capacityOf names the service "${service}", but the scenario ${scenario.services?.length ? `has ${scenario.services.map((x) => `"${x.id}"`).join(', ')}` : 'declares none'}`);
  const arms = !options.capacity
    ? options_
    : service === undefined
      ? options.capacity.map((fte) => ({
          name: `${fte} FTE`,
          coordinatorsFte: fte,
          ...(base?.offerPoints ? { offerPoints: base.offerPoints } : {}),
          ...(base?.conferencesPerFtePerYear ? { conferencesPerFtePerYear: base.conferencesPerFtePerYear } : {}),
          // The option's caseload services stay as they are: the steps are the option with this many coordinators.
          ...(base?.services ? { services: base.services } : {}),
        }))
      : options.capacity.map((fte) => {
          // A caseload service's steps: the option (or the counterfactual) as it is, the service's workers set by the step.
          const { rampUp: _, ...own } = base?.services?.[service] ?? { workersFte: 0 };
          return { ...(base ?? scenario.arms.counterfactual), name: `${fte} FTE`, services: { ...base?.services, [service]: { ...own, workersFte: fte } } };
        });
  const runs = options.runs ?? scenario.simulation.runs;
  if (!(Number.isInteger(runs) && runs >= 1)) throw new RangeError(`a run needs a whole number of runs, at least 1, not ${runs}`);
  return {
    runs,
    seed: options.seed ?? scenario.simulation.seed,
    months: options.months ?? scenario.simulation.horizonMonths,
    ...(options.discountRate !== undefined ? { discountRate: options.discountRate } : {}),
    ...(options.appraisalYears !== undefined ? { appraisalYears: options.appraisalYears } : {}),
    ...(options.keepRunSeries?.length ? { keepRunSeries: options.keepRunSeries } : {}),
    ...(options.capacity && base?.conferencesPerFtePerYear ? { throughputOf: [0, ...options.capacity.map(() => like!)] } : {}),
    ...(options.capacity && service !== undefined ? { sweptService: service } : {}),
    arms: [scenario.arms.counterfactual, ...arms],
  };
}

/** Results of runs [first, first + count) for every arm of the plan. */
export interface RunBlock {
  first: number;
  count: number;
  /** One ArmRuns values array per arm, run-major. */
  arms: Float64Array[];
  /** Open family-months simulated, summed over arms and runs. */
  familyMonths: number;
  /** Each run's appraisal inputs (discount rate, optimism bias on benefits and on costs, deadweight, set-up £ per added FTE): count × APPRAISAL_FIELDS. */
  appraisal: Float64Array;
}

/** An arm's coordinators at their most (a ramp-up's last steps may add to its first FTE). */
export function peakFte(arm: Arm): number {
  return Math.max(arm.coordinatorsFte, ...(arm.rampUp ?? []).map((step) => step.coordinatorsFte));
}

/**
 * An arm's coordinator FTE in each month 1..months (index 0: month 0, its first FTE), from its ramp-up; undefined
 * for an arm without one (the same FTE every month). Month k is the k-th after `startMonth`.
 */
export function fteByMonth(arm: Arm, startMonth: string, months: number): Float64Array | undefined {
  if (!arm.rampUp) return undefined;
  const fte = new Float64Array(months + 1).fill(arm.coordinatorsFte);
  for (const step of arm.rampUp) fte.fill(step.coordinatorsFte, Math.max(1, monthsFrom(startMonth, step.month)));
  return fte;
}

/** A caseload service's worker FTE in each month 1..months (index 0: its first), from its ramp-up; undefined without one. */
export function supportFteByMonth(service: ArmService, startMonth: string, months: number): Float64Array | undefined {
  if (!service.rampUp) return undefined;
  const fte = new Float64Array(months + 1).fill(service.workersFte);
  for (const step of service.rampUp) fte.fill(step.workersFte, Math.max(1, monthsFrom(startMonth, step.month)));
  return fte;
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

/** A job's inputs, sent to each worker with its first batch of the job only. */
export interface RunInputs {
  scenario: Scenario;
  plan: RunPlan;
}
