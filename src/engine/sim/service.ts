// One arm's FGC service: the queue, coordinator slots and conferences, applied as changes to the shared family paths.
import type { Accumulators } from './accumulators';
import type { CandidateList } from './candidates';
import type { FamilySimulator } from './family';
import { M } from '../results/metrics';
import { WEEKS_PER_MONTH } from './params';
import { Pathway } from './wasm/pathway';
import type { ResumePoints } from './resume-points';
import type { RunContext } from './run-context';
import { LEDGER_STATES, PRESTART_MAX_MONTHS, SERVICE_ROW_METRICS, SERVICE_ROWS, State } from './wasm/layout';

/** What distinguishes arms: the service's size and where it is offered. */
export interface ArmPlan {
  /** Coordinator FTE from month 0 (every month, unless fteByMonth says otherwise). */
  coordinatorsFte: number;
  /** FTE in each month 1..H (index 0 unused) for an arm whose team changes: a ramp-up. */
  fteByMonth?: Float64Array;
  /** Conferences a coordinator holds a year in this arm (the scenario's, or the arm's own). */
  conferencesPerFtePerYear: number;
  /** Eligible share of families at each offer point. */
  eligible: { referral: number; icpc: number; preProceedings: number; inCare: number };
  /** The caseload service beside the FGC in this arm (absent: none). */
  support?: ArmSupport;
}

/** An arm's caseload service: its workers, by month if they change, and the share of referrals offered it. */
export interface ArmSupport {
  /** Worker FTE from month 0 (every month, unless workersByMonth says otherwise). */
  workersFte: number;
  /** FTE in each month 1..H (index 0: month 0's) for a team that changes. */
  workersByMonth?: Float64Array;
  eligible: number;
}

/** Whether the arm has the caseload service in any month: workers (to pay, and with room for cases). */
export function hasSupport(plan: ArmPlan): boolean {
  const s = plan.support;
  if (!s) return false;
  if (s.workersByMonth) return s.workersByMonth.some((fte, m) => m > 0 && fte > 0);
  return s.workersFte > 0;
}

/** Whether the arm offers the caseload service to anyone: workers, and a share of referrals offered it. */
export function offersSupport(plan: ArmPlan): boolean {
  return hasSupport(plan) && plan.support!.eligible > 0;
}

/** Whether the arm has the FGC service (coordinators in some month). */
export function hasFgc(plan: ArmPlan): boolean {
  if (plan.coordinatorsFte > 0 && plan.conferencesPerFtePerYear > 0) return true;
  return plan.fteByMonth !== undefined && plan.conferencesPerFtePerYear > 0 && plan.fteByMonth.some((fte, m) => m > 0 && fte > 0);
}


/** The metric row each of the module's service rows is copied into (ServiceRow order, from the layout table). */
const SERVICE_METRICS = SERVICE_ROW_METRICS.map((name) => M[name]);

/**
 * A run's service state in the pathway memory: the offers, sorted by time, and the list of offers
 * made by re-walked paths (the families' service state is in their records, cleared per arm).
 */
export class ServiceSetup {
  readonly offerCount: number;
  readonly eligible: number;
  readonly out: number;

  constructor(
    ctx: RunContext,
    readonly offers: CandidateList,
    readonly extra: CandidateList,
    readonly points: ResumePoints,
  ) {
    const pathway = Pathway.get();
    if (ctx.horizonMonths + PRESTART_MAX_MONTHS >= 1024) throw new Error(`a horizon of ${ctx.horizonMonths} months is past what the service's offer order handles (${1023 - PRESTART_MAX_MONTHS})`);
    pathway.exports.prepareService();
    this.offerCount = offers.sortByTime().length;
    this.eligible = pathway.allocate(8 * LEDGER_STATES, false); // f64 per state
    this.out = pathway.allocate(8 * SERVICE_ROWS * (ctx.horizonMonths + 1), false);
    this.slotsByMonthEnd = pathway.allocate(8 * (ctx.horizonMonths + 1), false);
    this.costByMonth = pathway.allocate(8 * (ctx.horizonMonths + 1), false);
    this.supportCasesByMonth = pathway.allocate(8 * (ctx.horizonMonths + 1), false);
    this.supportCostByMonth = pathway.allocate(8 * (ctx.horizonMonths + 1), false);
  }
  /** For a caseload service whose team changes: the cases it can hold and its staff's cost, each month (f64 × H + 1). */
  readonly supportCasesByMonth: number;
  readonly supportCostByMonth: number;
  /** For an arm with a ramp-up: slots by each month end, and the coordinators' cost of each month (f64 × H + 1). */
  readonly slotsByMonthEnd: number;
  readonly costByMonth: number;
}

/**
 * Runs an arm's FGC service over the offers families would take up, in time order. The coordinators
 * give a stream of allocation slots, one every 1/slotsPerMonth months; a slot nobody waits for is lost. A family
 * joins the back of the queue, leaves it if its case closes or it waits past the maximum, and is
 * otherwise allocated a coordinator and meets after a preparation time, if its case is still open.
 * Each conference held replaces that family's path in `acc` (out with the old, in with the new),
 * and the new path's later offers join the stream. Writes the service's series into `out`.
 *
 * The service runs in WebAssembly with the walk (src/wasm/service.ts), so that a conference re-walks
 * its family without leaving the module; `families` must be the run's simulator, set up last.
 */
export function runService(ctx: RunContext, plan: ArmPlan, families: FamilySimulator, acc: Accumulators, setup: ServiceSetup, out: Float64Array): void {
  const p = ctx.params;
  const support = p.support;
  const withSupport = support !== undefined && hasSupport(plan);
  if (!hasFgc(plan) && !withSupport) return; // no service: the arm is the no-service paths exactly
  // An arm without the FGC gets no slots (the module then leaves its queue alone).
  const withFgc = hasFgc(plan);
  const slotsPerMonth = withFgc ? (plan.coordinatorsFte * plan.conferencesPerFtePerYear) / 12 : 0;
  families.check();
  const pathway = Pathway.get();
  const H = ctx.horizonMonths;
  const row = H + 1;
  if (withFgc && plan.fteByMonth) {
    // A ramp-up: each month's slots and cost follow its FTE.
    const slots = new Float64Array(pathway.buffer, setup.slotsByMonthEnd, row);
    const cost = new Float64Array(pathway.buffer, setup.costByMonth, row);
    slots[0] = 0;
    cost[0] = 0;
    for (let m = 1; m <= H; m++) {
      slots[m] = slots[m - 1]! + (plan.fteByMonth[m]! * plan.conferencesPerFtePerYear) / 12;
      cost[m] = (plan.fteByMonth[m]! * p.costs.coordinatorAnnual) / 12;
    }
  }
  const e = plan.eligible;
  const eligible = new Float64Array(pathway.buffer, setup.eligible, LEDGER_STATES);
  eligible.fill(0);
  eligible[State.Cin] = e.referral;
  eligible[State.Cp] = e.icpc;
  eligible[State.PreProceedings] = e.preProceedings;
  eligible[State.Cla] = e.inCare;
  new Float64Array(pathway.buffer, setup.out, SERVICE_ROWS * row).fill(0);
  const monthlyCoordinatorCost = withFgc ? (plan.coordinatorsFte * p.costs.coordinatorAnnual) / 12 : 0;
  // The caseload service: its room (workers × cases per worker) and cost, by month if its team changes.
  const team = withSupport ? plan.support! : undefined;
  if (team?.workersByMonth) {
    const cases = new Float64Array(pathway.buffer, setup.supportCasesByMonth, row);
    const cost = new Float64Array(pathway.buffer, setup.supportCostByMonth, row);
    for (let m = 0; m <= H; m++) {
      cases[m] = team.workersByMonth[m]! * support!.casesPerFte;
      cost[m] = m === 0 ? 0 : team.workersByMonth[m]! * support!.costPerFteMonth;
    }
  }
  pathway.exports.runService(
    slotsPerMonth,
    withFgc && plan.fteByMonth ? setup.slotsByMonthEnd : 0,
    p.fgc.maxWaitMonths,
    WEEKS_PER_MONTH,
    setup.eligible,
    monthlyCoordinatorCost,
    withFgc && plan.fteByMonth ? setup.costByMonth : 0,
    setup.offers.at,
    setup.offerCount,
    setup.extra.at,
    setup.points.at,
    acc.offset,
    acc.withLedger ? 1 : 0,
    setup.out,
    team ? team.workersFte * support!.casesPerFte : 0,
    team?.workersByMonth ? setup.supportCasesByMonth : 0,
    support?.involvementMonths ?? 0,
    support?.maxWaitMonths ?? 0,
    team ? team.eligible : 0,
    team ? team.workersFte * support!.costPerFteMonth : 0,
    team?.workersByMonth ? setup.supportCostByMonth : 0,
  );
  const series = new Float64Array(pathway.buffer, setup.out, SERVICE_ROWS * row);
  SERVICE_METRICS.forEach((metric, r) => out.set(series.subarray(r * row, (r + 1) * row), metric * row));
}
