// Green Book appraisal of an arm against the reference, run by run: discounting, NPV, ROI, benefit–cost ratio, payback.

/** Appraisal inputs of one run (drawn with its other parameters). */
export interface AppraisalInputs {
  /** Real discount rate a year (Green Book social time preference rate: 0.035). */
  discountRate: number;
  /** Share of benefits removed for optimism bias, 0–1. */
  optimismBias: number;
  /** Share of benefits that would have happened anyway, 0–1. */
  deadweight: number;
  /** One-off cost of setting up each added coordinator FTE, £, in the first year. */
  setUpCostPerAddedFte: number;
}
export const APPRAISAL_FIELDS = 4;

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
  /** Benefits after optimism bias and deadweight, £ a year: cashable and not. */
  cashable: Float64Array;
  nonCashable: Float64Array;
  /** Extra cost of the arm's FGC service over the reference's (coordinators, conferences, set-up), £ a year. */
  serviceCost: Float64Array;
  /** Benefits − service cost, £ a year. */
  net: Float64Array;
}

/** Arrays for the yearly amounts of `years` years, to be filled by appraiseRun run after run. */
export function yearlyAppraisal(years: number): YearlyAppraisal {
  return { cashable: new Float64Array(years), nonCashable: new Float64Array(years), serviceCost: new Float64Array(years), net: new Float64Array(years) };
}

/** One run's appraisal of an arm: yearly amounts in, Green Book measures out. */
export interface RunAppraisal extends YearlyAppraisal {
  npv: number;
  /** NPV / PV of service cost (NaN when the arm costs no more than the reference). */
  roi: number;
  /** PV benefits / PV service cost (NaN likewise). */
  bcr: number;
  /** First year index with cumulative discounted net ≥ 0, -1 if never within the horizon. */
  payback: number;
}

/**
 * Appraises one run. Pathway costs exclude each arm's own service cost; benefits are the
 * reference's pathway cost minus the arm's, split into cashable (placements) and the rest (staff
 * time), reduced by optimism bias and deadweight; costs are the arm's service cost minus the
 * reference's, plus set-up for each added FTE in the first year. The yearly amounts are written into
 * `into` and returned in it: a caller appraising run after run passes the same arrays each time and
 * reads them before the next run.
 */
export function appraiseRun(
  ref: { total: ArrayLike<number>; placements: ArrayLike<number>; service: ArrayLike<number>; fte: number },
  arm: { total: ArrayLike<number>; placements: ArrayLike<number>; service: ArrayLike<number>; fte: number },
  inputs: AppraisalInputs,
  into: YearlyAppraisal = yearlyAppraisal(ref.total.length),
): RunAppraisal {
  const n = ref.total.length;
  const keep = (1 - inputs.optimismBias) * (1 - inputs.deadweight);
  const { cashable, nonCashable, serviceCost, net } = into;
  if (cashable.length !== n) throw new Error(`appraiseRun: ${n} years of money but room for ${cashable.length}`);
  for (let t = 0; t < n; t++) {
    const pathwaySaving = ref.total[t]! - ref.service[t]! - (arm.total[t]! - arm.service[t]!);
    const placementSaving = ref.placements[t]! - arm.placements[t]!;
    cashable[t] = placementSaving * keep;
    nonCashable[t] = (pathwaySaving - placementSaving) * keep;
    serviceCost[t] = arm.service[t]! - ref.service[t]! + (t === 0 ? inputs.setUpCostPerAddedFte * Math.max(0, arm.fte - ref.fte) : 0);
    net[t] = cashable[t]! + nonCashable[t]! - serviceCost[t]!;
  }
  const r = inputs.discountRate;
  let pvBenefits = 0; // presentValue of cashable + non-cashable, year by year
  for (let t = 0; t < n; t++) pvBenefits += (cashable[t]! + nonCashable[t]!) * Math.pow(1 + r, -t);
  const pvCosts = presentValue(serviceCost, r);
  const npv = pvBenefits - pvCosts;
  return {
    cashable,
    nonCashable,
    serviceCost,
    net,
    npv,
    roi: pvCosts > 0 ? npv / pvCosts : NaN,
    bcr: pvCosts > 0 ? pvBenefits / pvCosts : NaN,
    payback: paybackYear(net, r),
  };
}
