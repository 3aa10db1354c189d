// The appraisal of every arm against the reference, run by run, summarised: NPV, ROI, BCR, payback and yearly amounts.
import { appraiseRun, DEFAULT_APPRAISAL_YEARS, stillRising, yearlyAppraisal, type AppraisalInputs } from './finance';
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
  /** Months of the year simulated (the rest of the year, if any, is carried forward: carriedMonths). */
  months: number;
  /** Months of the year not simulated but carried at the last full simulated year's level (0: all simulated). */
  carriedMonths: number;
  /** Whether the year is inside the appraisal horizon (years after it are listed for the NPVs over 5 and 10 years). */
  inHorizon: boolean;
  /** Benefits after optimism bias and deadweight: placements' marginal cost (cashable) and the rest (staff time, placements' fixed cost: not cashable), £. */
  cashableSaving: Stat;
  nonCashableSaving: Stat;
  /** Extra cost of the arm's FGC service over the reference's, set-up included, £. */
  serviceCost: Stat;
  /**
   * Of the savings, the support paid for after care (allowances, staying put, a personal adviser): the reference's
   * less the arm's, £, before optimism bias and deadweight (in the savings above, its allowances and staying put as
   * cashable, a personal adviser's time not). Negative where the arm pays more after care (more special guardianship).
   */
  afterCareSaving: Stat;
  /** Benefits − service cost, £ (undiscounted). */
  net: Stat;
}

export interface FinanceComparison {
  arm: string;
  reference: string;
  /** Net present value over the appraisal horizon, £ (discounted; year 0 = the first financial year): the economic case, non-cashable savings (staff time, fixed costs) included. */
  npv: Stat;
  /** The NPV's parts, £ present value over the horizon, run by run then summarised: their means add up to the NPV's mean. */
  presentValue: { cashableSaving: Stat; nonCashableSaving: Stat; serviceCost: Stat };
  /** The budget's NPV over the horizon: cashable savings less the service's extra cost; non-cashable savings left out. */
  cashNpv: Stat;
  probabilityCashNpvPositive: number;
  /** Share of runs whose cash net pays back in each financial year, and never within the horizon. */
  cashPayback: { byYear: Record<string, number>; never: number };
  /** The present value of the years carried beyond the simulation, inside the horizon (0 when none are). */
  npvFromCarriedYears: Stat;
  /** NPV over 5 years, 10 years and the appraisal horizon, side by side (the answer may turn on the horizon). */
  npvByHorizon: { years: number; npv: Stat; probabilityPositive: number }[];
  /**
   * Whether net benefit is still rising when the simulation ends (more runs rose from the year before to the last
   * full year simulated than chance would give; with the median rise and the share of runs that rose); absent when
   * there are not two full years.
   */
  stillRising?: { year: string; rising: boolean; meanRise: number; standardError: number; share: number };
  /**
   * The NPV over the horizon were each run's net to go on changing after the simulation by its last year's change
   * (a straight line) rather than stay at the last full year's level; beside `npv`, it shows how much the carry
   * assumption holds (equal to `npv` when nothing is carried).
   */
  npvWithTrend: Stat;
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
  /** Years appraised (NPV, ROI, BCR, payback), from the first financial year. */
  appraisalYears: number;
  /** Financial years the simulation covers (the last may be part of one). */
  simulatedYears: number;
  /** The full simulated year whose amounts are carried to the years after the simulation (absent if none are). */
  carriedFrom?: string;
  /** The appraisal inputs the runs drew (optimism bias on benefits and on costs, deadweight, set-up £ per added FTE). */
  inputs: { optimismBias: Stat; optimismBiasCosts: Stat; deadweight: Stat; setUpCostPerAddedFte: Stat };
  /** What the figures rest on that a reader should know: a horizon cut short, years carried, net still rising. */
  warnings: FinanceWarning[];
  comparisons: FinanceComparison[];
}

function finite(values: number[]): Stat | null {
  const kept = Float64Array.from(values.filter(Number.isFinite));
  return kept.length ? statInPlace(kept) : null;
}

/** Runs appraised between yields. */
const RUNS_PER_STEP = 200;

/** The financial year after "2015/16": "2016/17". */
function nextYear(label: string): string {
  const start = Number(label.slice(0, 4)) + 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * The appraisal's years: the simulated financial years, then (up to `length`) years carried at the last full
 * simulated year's level; a last simulated year that is part of one is completed at that level too. Each year says
 * which simulated year it reads (`from`, -1: none), and what share of a full carried year it adds (`carry`). With no
 * full year simulated, nothing is carried: the years are the simulated ones.
 */
export function appraisalYears(years: FinancialYear[], length: number): { label: string; months: number; carriedMonths: number; from: number; carry: number }[] {
  let full = -1;
  for (let i = years.length - 1; i >= 0 && full < 0; i--) if (years[i]!.months === 12) full = i;
  const out = years.map((y, i) => ({ label: y.label, months: y.months, carriedMonths: 0, from: i, carry: 0 }));
  // A last year cut short by the horizon is completed at the last full year's level (or its own, scaled, if none is full).
  const last = out.at(-1);
  if (last && last.months < 12 && out.length > 1 && full >= 0) {
    last.carriedMonths = 12 - last.months;
    last.carry = last.carriedMonths / 12;
  }
  // With no full year simulated there is no level to carry: the appraisal stops with the simulation.
  while (full >= 0 && out.length < length) out.push({ label: nextYear(out.at(-1)!.label), months: 0, carriedMonths: 12, from: -1, carry: 1 });
  return out;
}

type Money = { total: Float64Array; cashable: Float64Array; service: Float64Array; afterCare: Float64Array };
const MONEY_KEYS = ['total', 'cashable', 'service', 'afterCare'] as const;

/** An arm's money by run and financial year (runs × years, run order): total cost, its cashable part, the FGC service, support after care. */
function armMoney(set: YearlyMoney, arm: number, years: FinancialYear[]): Money {
  return {
    total: set.costByYear(arm, years, M.cost),
    cashable: set.costByYear(arm, years, M.costCashable),
    service: set.costByYear(arm, years, M.costFgcService),
    afterCare: set.costByYear(arm, years, M.costAfterCare),
  };
}

/** One run's money a year for the appraisal's years: simulated, completed and carried (see appraisalYears). */
function fillRun(
  into: Money,
  money: Money,
  run: number,
  simulated: number,
  plan: ReturnType<typeof appraisalYears>,
  carriedFrom: number,
): void {
  const from = run * simulated;
  for (const key of MONEY_KEYS) {
    const source = money[key];
    const out = into[key];
    const level = carriedFrom >= 0 ? source[from + carriedFrom]! : 0;
    for (let t = 0; t < plan.length; t++) {
      const y = plan[t]!;
      out[t] = (y.from >= 0 ? source[from + y.from]! : 0) + y.carry * level;
    }
  }
}

/** Appraises each arm against the first, run by run in run order, from the RunSet's yearly money, over `horizonYears` years (default 10). */
export function* appraiseComparisons(
  set: YearlyMoney,
  years: FinancialYear[],
  prices: { priceYear: string | null; priceBasis: string },
  horizonYears: number = DEFAULT_APPRAISAL_YEARS,
): Steps<FinanceSummary> {
  const inputs = set.appraisalInputs();
  const runs = inputs.length;
  const Y = years.length;
  // The years appraised: at least 5 and 10 (for the NPVs side by side), the horizon, and every simulated year.
  const plan = appraisalYears(years, Math.max(horizonYears, 10, Y));
  const L = plan.length;
  const A = Math.min(horizonYears, L);
  let carriedFrom = -1;
  for (let i = Y - 1; i >= 0 && carriedFrom < 0; i--) if (years[i]!.months === 12) carriedFrom = i;
  const carries = plan.some((y) => y.carry > 0);
  // The first year with carried months (its present value and those after it, inside the horizon, rest on the carry).
  const firstCarried = plan.findIndex((y) => y.carry > 0) < 0 ? L : plan.findIndex((y) => y.carry > 0);
  const horizons = [...new Set([5, 10, A])].filter((h) => h <= L).sort((a, b) => a - b);
  const ref = armMoney(set, 0, years);
  yield;
  // Set-up is for the coordinators an arm adds at its most (a ramp-up's last step, not its first).
  const refFte = peakFte(set.plan.arms[0]!);
  const comparisons: FinanceComparison[] = [];
  for (const [i, arm] of set.plan.arms.slice(1).entries()) {
    const mine = armMoney(set, i + 1, years);
    yield;
    const npv: number[] = [];
    const pv = { cashableSaving: new Float64Array(runs), nonCashableSaving: new Float64Array(runs), serviceCost: new Float64Array(runs) };
    const cashNpv = new Float64Array(runs);
    const carriedPv = new Float64Array(runs);
    const cashPaybackCounts = new Int32Array(L);
    let cashNever = 0;
    const roi: number[] = [];
    const bcr: number[] = [];
    const npvAt = horizons.map(() => new Float64Array(runs));
    const paybackCounts = new Int32Array(L);
    let never = 0;
    const yearly = Array.from({ length: L }, () => ({ cashable: new Float64Array(runs), nonCashable: new Float64Array(runs), service: new Float64Array(runs), net: new Float64Array(runs), afterCare: new Float64Array(runs) }));
    // One run's years at a time, in arrays made once (not views and results made for each of 10,000 runs).
    const refRun = { total: new Float64Array(L), cashable: new Float64Array(L), service: new Float64Array(L), afterCare: new Float64Array(L), fte: refFte };
    const armRun = { total: new Float64Array(L), cashable: new Float64Array(L), service: new Float64Array(L), afterCare: new Float64Array(L), fte: peakFte(arm) };
    const into = yearlyAppraisal(L);
    for (let r = 0; r < runs; r++) {
      if (r % RUNS_PER_STEP === RUNS_PER_STEP - 1) yield;
      fillRun(refRun, ref, r, Y, plan, carriedFrom);
      fillRun(armRun, mine, r, Y, plan, carriedFrom);
      const a = appraiseRun(refRun, armRun, inputs[r]!, into, A);
      npv.push(a.npv);
      pv.cashableSaving[r] = a.pvCashable;
      pv.nonCashableSaving[r] = a.pvNonCashable;
      pv.serviceCost[r] = a.pvServiceCost;
      cashNpv[r] = a.cashNpv;
      carriedPv[r] = firstCarried < A ? a.cumulativeNpv[A - 1]! - (firstCarried > 0 ? a.cumulativeNpv[firstCarried - 1]! : 0) : 0;
      if (a.cashPayback < 0) cashNever++;
      else cashPaybackCounts[a.cashPayback]!++;
      roi.push(a.roi);
      bcr.push(a.bcr);
      horizons.forEach((h, k) => (npvAt[k]![r] = a.cumulativeNpv[h - 1]!));
      if (a.payback < 0) never++;
      else paybackCounts[a.payback]!++;
      for (let t = 0; t < L; t++) {
        yearly[t]!.cashable[r] = a.cashable[t]!;
        yearly[t]!.nonCashable[r] = a.nonCashable[t]!;
        yearly[t]!.service[r] = a.serviceCost[t]!;
        yearly[t]!.net[r] = a.net[t]!;
        yearly[t]!.afterCare[r] = refRun.afterCare[t]! - armRun.afterCare[t]!;
      }
    }
    const payback: Record<string, number> = {};
    for (let t = 0; t < L; t++) if (paybackCounts[t]! > 0) payback[plan[t]!.label] = paybackCounts[t]! / runs;
    const cashPayback: Record<string, number> = {};
    for (let t = 0; t < L; t++) if (cashPaybackCounts[t]! > 0) cashPayback[plan[t]!.label] = cashPaybackCounts[t]! / runs;
    const rising = carriedFrom >= 1 && years[carriedFrom - 1]!.months === 12 ? stillRising(yearly.map((y) => y.net), carriedFrom) : undefined;
    // The NPV with the last year's change carried on as a trend: each carried year adds (years since the last full
    // one) × that change, in the share of the year that is carried.
    const withTrend = Float64Array.from(npv);
    if (rising) {
      for (let r = 0; r < runs; r++) {
        const rise = yearly[carriedFrom]!.net[r]! - yearly[carriedFrom - 1]!.net[r]!;
        const rate = inputs[r]!.discountRate;
        for (let t = carriedFrom + 1; t < A; t++) withTrend[r]! += (t - carriedFrom) * plan[t]!.carry * rise * Math.pow(1 + rate, -t);
      }
    }
    yield;
    comparisons.push({
      arm: arm.name,
      reference: set.plan.arms[0]!.name,
      npv: statInPlace(Float64Array.from(npv)),
      npvRuns: npv,
      presentValue: { cashableSaving: statInPlace(pv.cashableSaving), nonCashableSaving: statInPlace(pv.nonCashableSaving), serviceCost: statInPlace(pv.serviceCost) },
      probabilityCashNpvPositive: cashNpv.filter((v) => v > 0).length / runs,
      cashNpv: statInPlace(cashNpv),
      cashPayback: { byYear: cashPayback, never: cashNever / runs },
      npvFromCarriedYears: statInPlace(carriedPv),
      npvByHorizon: horizons.map((h, k) => ({ years: h, probabilityPositive: npvAt[k]!.filter((v) => v > 0).length / runs, npv: statInPlace(npvAt[k]!) })),
      ...(rising ? { stillRising: { year: years[carriedFrom]!.label, ...rising } } : {}),
      npvWithTrend: statInPlace(withTrend),
      roi: finite(roi),
      benefitCostRatio: finite(bcr),
      probabilityNpvPositive: npv.filter((v) => v > 0).length / runs,
      payback: { byYear: payback, never: never / runs },
      byYear: plan.map((y, t) => ({
        year: y.label,
        months: y.months,
        carriedMonths: y.carriedMonths,
        inHorizon: t < A,
        cashableSaving: statInPlace(yearly[t]!.cashable),
        nonCashableSaving: statInPlace(yearly[t]!.nonCashable),
        serviceCost: statInPlace(yearly[t]!.service),
        net: statInPlace(yearly[t]!.net),
        afterCareSaving: statInPlace(yearly[t]!.afterCare),
      })),
    });
  }
  const summary = {
    discountRate: inputs[0]?.discountRate ?? 0,
    ...prices,
    financialYears: plan.map((y) => y.label),
    appraisalYears: A,
    simulatedYears: Y,
    ...(carries && carriedFrom >= 0 ? { carriedFrom: years[carriedFrom]!.label } : {}),
    inputs: {
      optimismBias: statInPlace(Float64Array.from(inputs, (i) => i.optimismBias)),
      optimismBiasCosts: statInPlace(Float64Array.from(inputs, (i) => i.optimismBiasCosts)),
      deadweight: statInPlace(Float64Array.from(inputs, (i) => i.deadweight)),
      setUpCostPerAddedFte: statInPlace(Float64Array.from(inputs, (i) => i.setUpCostPerAddedFte)),
    },
    warnings: [] as FinanceWarning[],
    comparisons,
  };
  summary.warnings = financeWarnings(summary, horizonYears, years);
  return summary;
}

/**
 * A caution on the appraisal: its horizon cut short (no full year to carry), years carried beyond the simulation,
 * only one full year simulated (carried, and rising or not unknown), or an arm's net benefit still rising.
 */
export interface FinanceWarning {
  kind: 'horizon cut' | 'years carried' | 'one full year' | 'still rising';
  message: string;
}

/** £m with two decimals, signed: "−£4.32m". */
function millions(x: number): string {
  return `${x < 0 ? '−' : ''}£${(Math.abs(x) / 1e6).toFixed(2)}m`;
}

/**
 * What the figures rest on, in words: an appraisal cut short (no full year to carry), years carried beyond the
 * simulation and how much of each arm's NPV they hold, a carried year that may still be ramping up (only one full
 * year simulated), and net benefit still rising as the simulation ends.
 */
export function financeWarnings(f: Omit<FinanceSummary, 'warnings'>, requested: number, years: FinancialYear[]): FinanceWarning[] {
  const out: FinanceWarning[] = [];
  if (f.appraisalYears < requested) {
    out.push({ kind: 'horizon cut', message: `The appraisal covers ${f.appraisalYears} year${f.appraisalYears === 1 ? '' : 's'}, not the ${requested} asked for: the simulation has no full financial year to carry forward; simulate at least one whole April-to-March year.` });
  }
  if (f.carriedFrom) {
    const held = f.comparisons.map((c) => `${c.arm} ${millions(c.npvFromCarriedYears.mean)} of ${millions(c.npv.mean)}`).join('; ');
    out.push({ kind: 'years carried', message: `Years after the ${f.simulatedYears} simulated are carried at ${f.carriedFrom}'s level, not simulated: of each arm's NPV (means over runs), ${held} comes from them.` });
    const full = years.filter((y) => y.months === 12).length;
    if (full < 2) out.push({ kind: 'one full year', message: `Only one full year (${f.carriedFrom}) was simulated: it is carried forward though it may still be ramping up, and whether net benefit is still rising cannot be told; simulate longer.` });
  }
  for (const c of f.comparisons) {
    // Said when it is more than noise and it matters: the trend moves the NPV by a tenth of it or more, or across 0.
    const flat = c.npv.mean;
    const trend = c.npvWithTrend.mean;
    const matters = Math.abs(trend - flat) >= 0.1 * Math.abs(flat) || Math.sign(trend) !== Math.sign(flat);
    if (c.stillRising?.rising && matters) {
      out.push({
        kind: 'still rising',
        message: `${c.arm}: net benefit was still rising in ${c.stillRising.year}, the last full year simulated (by ${millions(c.stillRising.meanRise)} a year on average, more than twice its standard error): carried at that year's level the NPV over ${f.appraisalYears} years is ${millions(flat)}, rising on at that rate ${millions(trend)} (means over runs), so the answer turns on the horizon and on what follows it: simulate longer.`,
      });
    }
  }
  return out;
}
