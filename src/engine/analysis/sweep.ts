// The coordinator answer: one capacity sweep (every step an arm of one run plan, so the steps share their families),
// read into what each step holds and saves and whether its next coordinator pays for itself, run by run.
import type { RunSummary } from '../results/run-set';
import { stat, type Stat } from '../results/summarise';

/** The series a sweep keeps run by run for the coordinator answer. */
export const SWEEP_RUN_SERIES = ['fgcWaiting', 'fgcLongestWaitWeeks'] as const;
/** The same for a sweep of a caseload service's workers (RunOptions.capacityOf). */
export const SERVICE_SWEEP_RUN_SERIES = ['supportWaiting', 'supportLongestWaitWeeks'] as const;

/** Most steps in one sweep (each is an arm of the plan). */
export const MAX_SWEEP_STEPS = 41;

/**
 * Coordinator FTEs from `from` to `to` in steps of `step` (the last step is `to` even when the range is not a whole
 * number of steps), rounded to 0.01 FTE. A clear message, naming the input, for a range or step that cannot be swept.
 */
export function capacitySteps(from: number, to: number, step: number): number[] {
  if (!(Number.isFinite(from) && from >= 0)) throw new RangeError(`the sweep must start at 0 FTE or more, got ${from}`);
  if (!(Number.isFinite(to) && to > from)) throw new RangeError(`the sweep must end above where it starts (${from} FTE), got ${to}`);
  if (!(Number.isFinite(step) && step >= 0.1)) throw new RangeError(`the step must be at least 0.1 FTE, got ${step}`);
  const count = Math.ceil((to - from) / step - 1e-9) + 1;
  if (count > MAX_SWEEP_STEPS) throw new RangeError(`${from} to ${to} FTE in steps of ${step} is ${count} steps; at most ${MAX_SWEEP_STEPS} (take a larger step or a shorter range)`);
  return Array.from({ length: count }, (_, i) => Math.round(Math.min(to, from + i * step) * 100) / 100);
}

export interface CoordinatorStep {
  fte: number;
  /** FGCs held a year (a sweep of coordinators) or children taken on a year (of a caseload service's workers): the horizon's total over its years, mean with P10–P90 over runs. */
  throughputPerYear: Stat;
  /** Families waiting for an FGC (or for the service) at month end, averaged over the horizon's months; per run, then over runs. */
  familiesWaiting: Stat;
  /** The longest any family waited in the horizon, weeks; per run, then over runs. */
  longestWaitWeeks: Stat;
  /** Net present value against the counterfactual over the appraisal horizon, £ (the appraisal's NPV). */
  netSaving: Stat;
  /** Share of runs whose net saving is above 0. */
  chancePays: number;
  /**
   * The next step's extra coordinators: the share of runs in which the next step's NPV is above this step's (the
   * same families in both: common random numbers), and the mean gain per extra FTE, £. Absent at the last step.
   */
  next?: { chancePays: number; meanPerFte: number; fte: number };
}

export interface CoordinatorAnswer {
  /** The caseload service whose workers were swept (its id), or absent: the FGC's coordinators. */
  service?: string;
  reference: string;
  runs: number;
  seed: string;
  appraisalYears: number;
  steps: CoordinatorStep[];
  /** The step with the highest expected (mean) net saving. */
  bestFte: number;
  /** The recommended range of FTE, ends included, and why, in words. */
  range: { from: number; to: number };
  /** Every step's next coordinator still paid in at least half the runs: the range's top is the sweep's, not the answer's. */
  openTop: boolean;
  reason: string;
}

/** Confident: the next coordinator pays for itself in at least this share of paired runs. */
export const CONFIDENT = 0.8;
/** Even odds: below this share the next coordinator is more likely not to pay for itself than to. */
export const EVEN = 0.5;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A summary of runs with every figure multiplied by k (k > 0 keeps the order of the percentiles). */
function scaled(s: Stat, k: number): Stat {
  return { mean: s.mean * k, p5: s.p5 * k, p10: s.p10 * k, p25: s.p25 * k, p50: s.p50 * k, p75: s.p75 * k, p90: s.p90 * k, p95: s.p95 * k };
}

/**
 * Reads a capacity sweep (counterfactual first, then one arm per step in rising FTE) into the coordinator answer.
 * The recommended range runs from the first step whose next coordinator pays for itself in fewer than CONFIDENT of
 * the paired runs to the first whose next pays in fewer than EVEN: below the range, adding is a safe bet; above it,
 * more likely than not a loss. The sweep must keep SWEEP_RUN_SERIES run by run.
 */
export function coordinatorAnswer(summary: RunSummary, service?: string): CoordinatorAnswer {
  const f = summary.finance;
  const years = summary.months.length > 1 ? (summary.months.length - 1) / 12 : 1;
  const steps: CoordinatorStep[] = summary.comparisons.map((_, i) => {
    const arm = summary.arms[i + 1]!;
    const [w, l] = service === undefined ? SWEEP_RUN_SERIES : SERVICE_SWEEP_RUN_SERIES;
    const waiting = arm.runSeries?.[w];
    const longest = arm.runSeries?.[l];
    if (!waiting || !longest || !arm.runs) throw new Error(`coordinatorAnswer: the sweep must keep ${w} and ${l} run by run (${service === undefined ? 'SWEEP_RUN_SERIES' : 'SERVICE_SWEEP_RUN_SERIES'})`);
    const npv = f.comparisons[i]!.npvRuns;
    const t = arm.totals.supportChildren;
    return {
      fte: service === undefined ? arm.coordinatorsFte : (arm.serviceFte?.[service] ?? 0),
      throughputPerYear: service === undefined ? stat(Float64Array.from(arm.runs.fgcHeld, (x) => x / years)) : scaled(t, 1 / years),
      familiesWaiting: stat(Float64Array.from(waiting, (months) => (months.length > 1 ? months.slice(1).reduce((a, b) => a + b, 0) / (months.length - 1) : 0))),
      longestWaitWeeks: stat(Float64Array.from(longest, (months) => Math.max(0, ...months))),
      netSaving: stat(Float64Array.from(npv)),
      chancePays: npv.filter((v) => v > 0).length / npv.length,
    };
  });
  for (let i = 0; i + 1 < steps.length; i++) {
    const here = f.comparisons[i]!.npvRuns;
    const there = f.comparisons[i + 1]!.npvRuns;
    const dFte = steps[i + 1]!.fte - steps[i]!.fte;
    let pays = 0;
    let gain = 0;
    for (let r = 0; r < here.length; r++) {
      const d = there[r]! - here[r]!;
      if (d > 0) pays++;
      gain += d;
    }
    steps[i]!.next = { chancePays: pays / here.length, meanPerFte: dFte > 0 ? gain / here.length / dFte : 0, fte: steps[i + 1]!.fte };
  }
  const { bestFte, range, openTop, reason } = recommend(steps, f.appraisalYears, service === undefined ? 'coordinator' : 'worker');
  return { ...(service !== undefined ? { service } : {}), reference: summary.arms[0]!.name, runs: summary.runs, seed: summary.seed, appraisalYears: f.appraisalYears, steps, bestFte, range, openTop, reason };
}

/** What a step must say for the recommendation: its FTE, its expected net saving and its next coordinator's chance. */
export type StepOutcome = Pick<CoordinatorStep, 'fte' | 'next'> & { netSaving: Pick<Stat, 'mean'> };

/**
 * The recommended range: from the first step whose next coordinator pays for itself in fewer than CONFIDENT of the
 * paired runs to the first whose next pays in fewer than EVEN (the last step when none does); and the best step.
 * `worker` is what a step adds, as the reason names it ("worker" for a caseload service's sweep).
 */
export function recommend(steps: StepOutcome[], appraisalYears: number, worker = 'coordinator'): { bestFte: number; range: { from: number; to: number }; openTop: boolean; reason: string } {
  const best = steps.reduce((b, s) => (s.netSaving.mean > b.netSaving.mean ? s : b), steps[0]!);
  const firstBelow = (share: number) => steps.findIndex((s) => s.next !== undefined && s.next.chancePays < share);
  const even = firstBelow(EVEN);
  const confident = firstBelow(CONFIDENT);
  const last = steps.length - 1;
  const lo = confident < 0 ? last : confident;
  const hi = even < 0 ? last : even;
  const at = (i: number) => steps[i]!;
  const bestWords = ` The expected net saving is highest at ${best.fte} FTE (${appraisalYears} years, staff time included).`;
  let reason: string;
  if (steps.length < 2) reason = `One step cannot say whether another ${worker} pays: sweep at least two.`;
  else if (even < 0) {
    reason = `Every step's next ${worker} pays for itself in at least half of the paired runs up to ${at(last).fte} FTE, the top of this sweep: sweep higher to find where it stops.${bestWords}`;
  } else if (even === 0) {
    reason = `Already from ${at(0).fte} to ${at(0).next!.fte} FTE the added ${worker}s pay for themselves in only ${pct(at(0).next!.chancePays)} of the paired runs: fund no more than ${at(0).fte} FTE on this evidence.${bestWords}`;
  } else {
    const upTo = lo === 0 ? '' : `Up to ${at(lo).fte} FTE each step's next ${worker} pays for itself in at least ${pct(CONFIDENT)} of the paired runs. `;
    const lessSurely = lo < hi ? `From ${at(lo).fte} to ${at(lo).next!.fte} FTE the next pays in ${pct(at(lo).next!.chancePays)}; ` : '';
    reason = `${upTo}${lessSurely}from ${at(hi).fte} to ${at(hi).next!.fte} FTE the next pays in only ${pct(at(hi).next!.chancePays)}, more likely a loss than not.${bestWords}`;
  }
  return { bestFte: best.fte, range: { from: at(lo).fte, to: at(hi).fte }, openTop: steps.length >= 2 && even < 0, reason };
}

/** The recommended range in words, the same wherever a panel speaks of FTE. */
export function rangeWords(answer: Pick<CoordinatorAnswer, 'range' | 'openTop'>): string {
  const { from, to } = answer.range;
  const words = from === to ? `${from} FTE` : `${from} to ${to} FTE`;
  return answer.openTop ? `${words} or more (the top of the sweep: sweep higher)` : words;
}
