// One run: every family's no-service path once, then each arm's FGC service applied as changes to it.
import { Accumulators, monthlyCostByClass } from './accumulators';
import { FamilySimulator } from './family';
import { Pathway } from './wasm/pathway';
import type { Ledger } from './ledger';
import type { RunContext } from './run-context';
import { CandidateList } from './candidates';
import { ResumePoints } from './resume-points';
import { hasFgc, hasSupport, offersSupport, runService, ServiceSetup, type ArmPlan } from './service';

/**
 * Simulates every arm of one run into `outs` (one METRIC_COUNT × (H + 1) block per arm) and, if
 * given, fills an audit ledger per arm. Families are simulated one after another, each to the
 * horizon: no global event queue, and the work is shared by every arm. Returns the open
 * family-months of all arms together.
 */
export function simulateRun(ctx: RunContext, plans: ArmPlan[], outs: Float64Array[], ledgers?: Ledger[]): number {
  const withSupport = ctx.params.support !== undefined;
  const families = new FamilySimulator(ctx, withSupport && plans.some(offersSupport));
  const base = new Accumulators(ctx.horizonMonths, monthlyCostByClass(ctx.params.costs, ctx.params.placement), ledgers !== undefined);
  let withService = false;
  const served = (plan: ArmPlan) => hasFgc(plan) || (withSupport && hasSupport(plan));
  for (const plan of plans) if (served(plan)) withService = true;
  // Lists as big as this thread's runs have needed, so that they fill without growing.
  const sizes = Pathway.get().listSizes;
  const offers = withService ? new CandidateList(sizes.offers) : null;
  const points = withService ? new ResumePoints(sizes.points, sizes.familyRecords).clear(ctx.totalFamilies) : null;
  families.simulateAll(base, offers, points);
  const extra = withService ? new CandidateList(sizes.extra) : null;
  const setup = offers && points && extra ? new ServiceSetup(ctx, offers, extra, points) : null;
  let familyMonths = 0;
  for (let a = 0; a < plans.length; a++) {
    const plan = plans[a]!;
    const acc = served(plan) ? base.clone() : base;
    if (served(plan)) runService(ctx, plan, families, acc, setup!, outs[a]!);
    acc.writeTo(outs[a]!);
    if (ledgers) acc.writeLedger(ledgers[a]!.values);
    familyMonths += acc.familyMonths;
  }
  if (offers && points && extra) {
    sizes.offers = listSize(offers.length, sizes.offers);
    sizes.points = listSize(points.length, sizes.points);
    sizes.familyRecords = listSize(points.familyRecordCount, sizes.familyRecords);
    sizes.extra = listSize(extra.length, sizes.extra); // the last arm's (each arm empties it first)
  }
  return familyMonths;
}

/** A list's next starting size: a little over the most needed yet, so a run that needs a few more than the last does not double it. */
function listSize(needed: number, had: number): number {
  return Math.max(had, Math.ceil(needed * 1.125));
}
