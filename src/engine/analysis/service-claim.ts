// A caseload service's published claim (Leeds's RES: "£406,466.60 per month") beside what the simulation gives for the
// same service over a financial year: placement and process costs avoided a month, the service's own cost a month as it
// falls, and the net, run by run (paired with the counterfactual), with the children it took on and the effects' size.
import type { Scenario } from '../../scenario/schema';
import { financialYears } from '../results/financial-years';
import type { RunSummary } from '../results/run-set';
import { statInPlace, type Stat } from '../results/summarise';

export interface ServiceClaim {
  service: string;
  option: string;
  reference: string;
  /** The financial year simulated ("2019/20") and its months inside the horizon. */
  year: string;
  months: number;
  published: { monthlySaving: number; basis: 'gross' | 'net'; priceYear: string; source: string; note?: string };
  /** The simulation's, £ a month over the year (means and P10–P90 of the runs, each run paired with the counterfactual's). */
  simulated: {
    /** Costs avoided before the services' own cost: the counterfactual's cost less the option's, plus the option's extra service cost. */
    gross: Stat;
    /** The option's services' cost over the counterfactual's: the teams' cost (and any change in the FGC service's). */
    serviceCost: Stat;
    /** The counterfactual's cost less the option's: every cost, the services' included. */
    net: Stat;
  };
  /** Means a month over the year (children): care entries avoided, CP plans added, children the service took on. */
  perMonth: { claEntriesAvoided: number; cpEntriesAdded: number; childrenTakenOn: number };
  /**
   * The simulation's effects costed the claim's way (when it says how it costs them): each care entry avoided at a
   * whole episode's cost in the month it is avoided, less each CP plan added at a year of it; £ a month, means, in the
   * claim's own prices. It splits the gap between the claim and the simulation into the effects' size and the accounting.
   */
  claimWay?: { monthly: number; careEntryAvoided: number; cpPlanStarted: number; source: string };
  /** The money's price year (the scenario's reporting year), or null without a deflator. */
  priceYear: string | null;
}

/** Why a claim cannot be set beside this summary, or undefined when it can. */
export function claimProblem(scenario: Scenario, summary: RunSummary): string | undefined {
  const claim = scenario.services?.[0]?.publishedClaim;
  if (!claim) return 'the scenario\u2019s service has no published claim (services[0].publishedClaim)';
  const comparison = summary.comparisons[claim.arm - 1];
  if (!comparison) return `the claim names option ${claim.arm}, but the run has ${summary.comparisons.length} option${summary.comparisons.length === 1 ? '' : 's'}`;
  const year = comparison.savingByYear?.find((y) => y.year === claim.year);
  if (!year) return `the claim is set beside ${claim.year}, which the run does not simulate (its years: ${(comparison.savingByYear ?? []).map((y) => y.year).join(', ')})`;
  if (year.months < 12) return `the run simulates ${year.months} of ${claim.year}'s 12 months: run at least to the end of it`;
  return undefined;
}

/** The scenario's service's published claim beside the simulation's (claimProblem says when it cannot be). */
export function serviceClaim(scenario: Scenario, summary: RunSummary): ServiceClaim {
  const problem = claimProblem(scenario, summary);
  if (problem) throw new Error(problem);
  const service = scenario.services![0]!;
  const claim = service.publishedClaim!;
  const comparison = summary.comparisons[claim.arm - 1]!;
  const year = comparison.savingByYear!.find((y) => y.year === claim.year)!;
  const extra = comparison.extraServiceCostByYear!.find((y) => y.year === claim.year)!;
  const n = year.runs.length;
  const net = new Float64Array(n);
  const cost = new Float64Array(n);
  const gross = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    net[r] = year.runs[r]! / year.months;
    cost[r] = extra.runs[r]! / year.months;
    gross[r] = net[r]! + cost[r]!;
  }
  // The year's months in the series (month 0 is the start's stock, never in a year).
  const fy = financialYears(summary.months).find((y) => y.label === claim.year)!;
  const perMonth = (arm: number, metric: 'claEntries' | 'cpEntries' | 'supportAllocatedChildren') => {
    const mean = summary.arms[arm]!.series[metric].mean;
    let total = 0;
    for (let m = fy.first; m <= fy.last; m++) total += mean[m]!;
    return total / fy.months;
  };
  return {
    service: service.name,
    option: comparison.arm,
    reference: comparison.reference,
    year: claim.year,
    months: year.months,
    published: { monthlySaving: claim.monthlySaving, basis: claim.basis, priceYear: claim.priceYear, source: claim.source, ...(claim.note ? { note: claim.note } : {}) },
    simulated: { gross: statInPlace(gross), serviceCost: statInPlace(cost), net: statInPlace(net) },
    perMonth: {
      claEntriesAvoided: perMonth(0, 'claEntries') - perMonth(claim.arm, 'claEntries'),
      cpEntriesAdded: perMonth(claim.arm, 'cpEntries') - perMonth(0, 'cpEntries'),
      childrenTakenOn: perMonth(claim.arm, 'supportAllocatedChildren'),
    },
    priceYear: summary.finance.priceYear,
    ...(claim.costing
      ? {
          claimWay: {
            monthly: (perMonth(0, 'claEntries') - perMonth(claim.arm, 'claEntries')) * claim.costing.careEntryAvoided - (perMonth(claim.arm, 'cpEntries') - perMonth(0, 'cpEntries')) * claim.costing.cpPlanStarted,
            careEntryAvoided: claim.costing.careEntryAvoided,
            cpPlanStarted: claim.costing.cpPlanStarted,
            source: claim.costing.source,
          },
        }
      : {}),
  };
}
