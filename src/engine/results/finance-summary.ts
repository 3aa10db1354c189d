// The appraisal of every arm against the reference, run by run, summarised: NPV, ROI, BCR, payback and yearly amounts.
import { appraiseRun, yearlyAppraisal, type AppraisalInputs } from './finance';
import type { FinancialYear } from './financial-years';
import { M } from './metrics';
import { peakFte, type RunPlan } from './plan';
import type { Steps } from './steps';
import { statInPlace, type Stat } from './summarise';

/** What the appraisal reads of a set of runs (a RunSet): its plan, each arm's money by financial year, and the appraisal's inputs, run by run. */
export interface YearlyMoney {
  readonly plan: RunPlan;
  costByYear(arm: number, years: FinancialYear[], metric?: number): Float64Array;
  appraisalInputs(): AppraisalInputs[];
}

export interface FinanceYear {
  year: string;
  /** Months of the year inside the horizon. */
  months: number;
  /** Benefits after optimism bias and deadweight: placements (cashable) and the rest (staff time, not cashable), £. */
  cashableSaving: Stat;
  nonCashableSaving: Stat;
  /** Extra cost of the arm's FGC service over the reference's, set-up included, £. */
  serviceCost: Stat;
  /** Benefits − service cost, £ (undiscounted). */
  net: Stat;
}

export interface FinanceComparison {
  arm: string;
  reference: string;
  /** Net present value over the horizon, £ (discounted; year 0 = the first financial year). */
  npv: Stat;
  /** The NPV of each run, in run order (for targets and sensitivity). */
  npvRuns: number[];
  /** NPV / present value of the extra service cost (runs where the arm costs more only). */
  roi: Stat | null;
  /** Present value of benefits / of extra service cost (same runs). */
  benefitCostRatio: Stat | null;
  probabilityNpvPositive: number;
  /** Share of runs paying back in each financial year (years in order; none for a year no run pays back in), and never within the horizon. */
  payback: { byYear: Record<string, number>; never: number };
  byYear: FinanceYear[];
}

export interface FinanceSummary {
  /** Central discount rate used (the first run's; equal in every run unless the scenario makes it uncertain). */
  discountRate: number;
  /** The year the money is in ("2015/16"), or null when the scenario has no deflator and each cost stays at its source's year. */
  priceYear: string | null;
  /** The same in words, with the deflator used. */
  priceBasis: string;
  financialYears: string[];
  comparisons: FinanceComparison[];
}

function finite(values: number[]): Stat | null {
  const kept = Float64Array.from(values.filter(Number.isFinite));
  return kept.length ? statInPlace(kept) : null;
}

/** Runs appraised between yields. */
const RUNS_PER_STEP = 200;

/** An arm's money by run and financial year (runs × years, run order): total cost, placements, the FGC service. */
function armMoney(set: YearlyMoney, arm: number, years: FinancialYear[]): { total: Float64Array; placements: Float64Array; service: Float64Array } {
  return {
    total: set.costByYear(arm, years, M.cost),
    placements: set.costByYear(arm, years, M.costPlacements),
    service: set.costByYear(arm, years, M.costFgcService),
  };
}

/** Appraises each arm against the first, run by run in run order, from the RunSet's yearly money. */
export function* appraiseComparisons(set: YearlyMoney, years: FinancialYear[], prices: { priceYear: string | null; priceBasis: string }): Steps<FinanceSummary> {
  const inputs = set.appraisalInputs();
  const runs = inputs.length;
  const Y = years.length;
  const ref = armMoney(set, 0, years);
  yield;
  // Set-up is for the coordinators an arm adds at its most (a ramp-up's last step, not its first).
  const refFte = peakFte(set.plan.arms[0]!);
  const comparisons: FinanceComparison[] = [];
  for (const [i, arm] of set.plan.arms.slice(1).entries()) {
    const mine = armMoney(set, i + 1, years);
    yield;
    const npv: number[] = [];
    const roi: number[] = [];
    const bcr: number[] = [];
    const paybackCounts = new Int32Array(Y);
    let never = 0;
    const yearly = Array.from({ length: Y }, () => ({ cashable: new Float64Array(runs), nonCashable: new Float64Array(runs), service: new Float64Array(runs), net: new Float64Array(runs) }));
    // One run's years at a time, in arrays made once (not views and results made for each of 10,000 runs).
    const refRun = { total: new Float64Array(Y), placements: new Float64Array(Y), service: new Float64Array(Y), fte: refFte };
    const armRun = { total: new Float64Array(Y), placements: new Float64Array(Y), service: new Float64Array(Y), fte: peakFte(arm) };
    const into = yearlyAppraisal(Y);
    for (let r = 0; r < runs; r++) {
      if (r % RUNS_PER_STEP === RUNS_PER_STEP - 1) yield;
      const from = r * Y;
      for (let t = 0; t < Y; t++) {
        refRun.total[t] = ref.total[from + t]!;
        refRun.placements[t] = ref.placements[from + t]!;
        refRun.service[t] = ref.service[from + t]!;
        armRun.total[t] = mine.total[from + t]!;
        armRun.placements[t] = mine.placements[from + t]!;
        armRun.service[t] = mine.service[from + t]!;
      }
      const a = appraiseRun(refRun, armRun, inputs[r]!, into);
      npv.push(a.npv);
      roi.push(a.roi);
      bcr.push(a.bcr);
      if (a.payback < 0) never++;
      else paybackCounts[a.payback]!++;
      for (let t = 0; t < Y; t++) {
        yearly[t]!.cashable[r] = a.cashable[t]!;
        yearly[t]!.nonCashable[r] = a.nonCashable[t]!;
        yearly[t]!.service[r] = a.serviceCost[t]!;
        yearly[t]!.net[r] = a.net[t]!;
      }
    }
    const payback: Record<string, number> = {};
    for (let t = 0; t < Y; t++) if (paybackCounts[t]! > 0) payback[years[t]!.label] = paybackCounts[t]! / runs;
    yield;
    comparisons.push({
      arm: arm.name,
      reference: set.plan.arms[0]!.name,
      npv: statInPlace(Float64Array.from(npv)),
      npvRuns: npv,
      roi: finite(roi),
      benefitCostRatio: finite(bcr),
      probabilityNpvPositive: npv.filter((v) => v > 0).length / runs,
      payback: { byYear: payback, never: never / runs },
      byYear: years.map((y, t) => ({
        year: y.label,
        months: y.months,
        cashableSaving: statInPlace(yearly[t]!.cashable),
        nonCashableSaving: statInPlace(yearly[t]!.nonCashable),
        serviceCost: statInPlace(yearly[t]!.service),
        net: statInPlace(yearly[t]!.net),
      })),
    });
  }
  return {
    discountRate: inputs[0]?.discountRate ?? 0,
    ...prices,
    financialYears: years.map((y) => y.label),
    comparisons,
  };
}
