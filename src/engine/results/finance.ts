// Green Book appraisal of an arm against the reference, run by run: discounting, NPV, ROI, benefit–cost ratio, payback.

/** Appraisal inputs of one run (drawn with its other parameters). */
export interface AppraisalInputs {
  /** Real discount rate a year (Green Book social time preference rate: 0.035). */
  discountRate: number;
  /** Share of benefits removed for optimism bias, 0–1. */
  optimismBias: number;
  /** Share added to the FGC service's extra cost (set-up included) for optimism bias, ≥ 0. */
  optimismBiasCosts: number;
  /** Share of benefits that would have happened anyway, 0–1. */
  deadweight: number;
  /** One-off cost of setting up each added coordinator FTE, £, in the first year. */
  setUpCostPerAddedFte: number;
}
export const APPRAISAL_FIELDS = 5;

/** The default appraisal horizon, years (Green Book: the period over which the option has effects; 10 unless the user sets another). */
export const DEFAULT_APPRAISAL_YEARS = 10;

/** Discount factors for years 0..n-1: year 0 is not discounted, year t by (1 + r)^-t. */
export function discountFactors(years: number, rate: number): Float64Array {
  const out = new Float64Array(years);
  for (let t = 0; t < years; t++) out[t] = Math.pow(1 + rate, -t);
  return out;
}

/** Present value of yearly amounts (year 0 first). */
export function presentValue(amounts: ArrayLike<number>, rate: number): number {
  let pv = 0;
  for (let t = 0; t < amounts.length; t++) pv += amounts[t]! * Math.pow(1 + rate, -t); // discountFactors' factor
  return pv;
}

/** Index of the first year in which the cumulative discounted net flow reaches zero or more, or -1 if it never does. */
export function paybackYear(net: ArrayLike<number>, rate: number): number {
  let cumulative = 0;
  let wasNegative = false;
  for (let t = 0; t < net.length; t++) {
    cumulative += net[t]! * Math.pow(1 + rate, -t); // discountFactors' factor
    if (cumulative < 0) wasNegative = true;
    else if (wasNegative || t === net.length - 1 || cumulative > 0) return t;
  }
  return -1;
}

/** One run's yearly amounts of an arm against the reference, £ a year. */
export interface YearlyAppraisal {
  /** Benefits after optimism bias and deadweight, £ a year: cashable (placements' marginal cost) and not (the rest). */
  cashable: Float64Array;
  nonCashable: Float64Array;
  /** Extra cost of the arm's FGC service over the reference's (coordinators, conferences, set-up), after optimism bias, £ a year. */
  serviceCost: Float64Array;
  /** Benefits − service cost, £ a year. */
  net: Float64Array;
  /** NPV over the first t + 1 years, for each t. */
  cumulativeNpv: Float64Array;
}

/** Arrays for the yearly amounts of `years` years, to be filled by appraiseRun run after run. */
export function yearlyAppraisal(years: number): YearlyAppraisal {
  return { cashable: new Float64Array(years), nonCashable: new Float64Array(years), serviceCost: new Float64Array(years), net: new Float64Array(years), cumulativeNpv: new Float64Array(years) };
}

/** One run's appraisal of an arm: yearly amounts in, Green Book measures out (over the appraisal horizon). */
export interface RunAppraisal extends YearlyAppraisal {
  npv: number;
  /** The NPV's parts over the horizon, £ present value: npv = pvCashable + pvNonCashable − pvServiceCost. */
  pvCashable: number;
  pvNonCashable: number;
  pvServiceCost: number;
  /** The budget's NPV: cashable savings less the service's extra cost (non-cashable savings left out), over the horizon. */
  cashNpv: number;
  /** First year index with the cumulative discounted cash net ≥ 0, -1 if never within the horizon. */
  cashPayback: number;
  /** NPV / PV of service cost (NaN when the arm costs no more than the reference). */
  roi: number;
  /** PV benefits / PV service cost (NaN likewise). */
  bcr: number;
  /** First year index with cumulative discounted net ≥ 0, -1 if never within the horizon. */
  payback: number;
}

/** One arm's money a year, £: its whole cost, the cashable part of it (placements' marginal cost), its FGC service, and its peak coordinator FTE. */
export interface ArmMoney {
  total: ArrayLike<number>;
  cashable: ArrayLike<number>;
  service: ArrayLike<number>;
  fte: number;
}

/**
 * Appraises one run. Pathway costs exclude each arm's own service cost; benefits are the reference's pathway cost
 * minus the arm's, split into cashable (what stops being paid: placements' marginal cost) and the rest (staff
 * time, placements' fixed cost, processes: not cashable), reduced by optimism bias and deadweight; costs are the
 * arm's service cost minus the reference's, plus set-up for each added FTE once, in the first year, raised by the
 * optimism bias on costs. Measures (NPV, ROI, BCR, payback) are over the first `horizon` years (all by default);
 * `cumulativeNpv` over every year given. The yearly amounts are written into `into` and returned in it: a caller
 * appraising run after run passes the same arrays each time and reads them before the next run.
 */
export function appraiseRun(ref: ArmMoney, arm: ArmMoney, inputs: AppraisalInputs, into: YearlyAppraisal = yearlyAppraisal(ref.total.length), horizon = ref.total.length): RunAppraisal {
  const n = ref.total.length;
  const keep = (1 - inputs.optimismBias) * (1 - inputs.deadweight);
  const uplift = 1 + inputs.optimismBiasCosts;
  const { cashable, nonCashable, serviceCost, net, cumulativeNpv } = into;
  if (cashable.length !== n) throw new Error(`appraiseRun: ${n} years of money but room for ${cashable.length}`);
  if (!(horizon >= 1 && horizon <= n)) throw new Error(`appraiseRun: a horizon of ${horizon} years, with ${n} years of money`);
  const r = inputs.discountRate;
  let pvBenefits = 0;
  let pvCosts = 0;
  let pvCashable = 0;
  let cumulative = 0;
  let cashCumulative = 0;
  let cashPayback = -1;
  let cashWasNegative = false;
  for (let t = 0; t < n; t++) {
    const pathwaySaving = ref.total[t]! - ref.service[t]! - (arm.total[t]! - arm.service[t]!);
    const cashableSaving = ref.cashable[t]! - arm.cashable[t]!;
    cashable[t] = cashableSaving * keep;
    nonCashable[t] = (pathwaySaving - cashableSaving) * keep;
    // Optimism bias raises a cost, never a saving: an arm cheaper to run than the reference is not made cheaper still.
    const extra = arm.service[t]! - ref.service[t]! + (t === 0 ? inputs.setUpCostPerAddedFte * Math.max(0, arm.fte - ref.fte) : 0);
    serviceCost[t] = extra > 0 ? extra * uplift : extra;
    net[t] = cashable[t]! + nonCashable[t]! - serviceCost[t]!;
    const factor = Math.pow(1 + r, -t); // discountFactors' factor
    cumulative += net[t]! * factor;
    cumulativeNpv[t] = cumulative;
    if (t < horizon) {
      pvBenefits += (cashable[t]! + nonCashable[t]!) * factor;
      pvCosts += serviceCost[t]! * factor;
      pvCashable += cashable[t]! * factor;
      // paybackYear's rule, on the cash net.
      cashCumulative += (cashable[t]! - serviceCost[t]!) * factor;
      if (cashPayback < 0) {
        if (cashCumulative < 0) cashWasNegative = true;
        else if (cashWasNegative || t === horizon - 1 || cashCumulative > 0) cashPayback = t;
      }
    }
  }
  const npv = pvBenefits - pvCosts;
  return {
    cashable,
    nonCashable,
    serviceCost,
    net,
    cumulativeNpv,
    npv,
    pvCashable,
    pvNonCashable: pvBenefits - pvCashable,
    pvServiceCost: pvCosts,
    cashNpv: pvCashable - pvCosts,
    cashPayback,
    roi: pvCosts > 0 ? npv / pvCosts : NaN,
    bcr: pvCosts > 0 ? pvBenefits / pvCosts : NaN,
    payback: paybackYear(horizon === n ? net : net.subarray(0, horizon), r),
  };
}

/**
 * Whether net benefit is still rising when the simulation ends: the mean rise from the year before to the last full
 * simulated year, run by run (paired), is above 0 by more than two standard errors; then the NPV turns on the
 * horizon. `lastFull` and `lastFull - 1` index years of `netByYear` (years × runs); undefined when there are not
 * two full years. Also the share of runs that rose.
 */
export function stillRising(netByYear: readonly Float64Array[], lastFull: number): { rising: boolean; meanRise: number; standardError: number; share: number } | undefined {
  if (lastFull < 1 || lastFull >= netByYear.length) return undefined;
  const last = netByYear[lastFull]!;
  const before = netByYear[lastFull - 1]!;
  const n = last.length;
  if (n === 0) return undefined;
  let sum = 0;
  let up = 0;
  for (let i = 0; i < n; i++) {
    const rise = last[i]! - before[i]!;
    sum += rise;
    if (rise > 0) up++;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (last[i]! - before[i]! - mean) ** 2;
  const standardError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : Infinity;
  return { rising: mean > 2 * standardError, meanRise: mean, standardError, share: up / n };
}
