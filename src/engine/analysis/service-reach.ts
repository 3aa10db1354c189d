// How much a caseload service's own families could move: the CP plans and care entries they would make without it,
// measured by running the service with a relative risk of 2 on escalation to CP (each plan it would have caused, once
// more) and of 0 on entering care (every entry within the effect's reach, gone) against no effect at all. From these
// the shipped scenario turns the evaluation's monthly differences in the clusters into relative risks for its families.
import type { Scenario } from '../../scenario/schema';
import type { RunSummary } from '../results/run-set';
import { financialYears } from '../results/financial-years';

export interface ServiceReach {
  /** The financial year measured: the claim's (services[0].publishedClaim.year). */
  year: string;
  /** Children a month, means: CP plans starting, and care entries within the effect's reach, among the service's families. */
  cpEntries: number;
  careEntries: number;
}

/** The scenario with the service's effect at referral set: every risk at no effect but `key`, at `rr`. */
function withRisk(s: Scenario, key: 'rrEscalationToCp' | 'rrEntryToCare' | undefined, rr: number): Scenario {
  const copy = JSON.parse(JSON.stringify(s)) as Scenario; // a scenario is plain JSON
  const e = copy.services![0]!.effects.byOfferPoint.referral;
  const one = (unit: string) => ({ value: 1, unit, source: 'service reach', grade: 'assumption' as const });
  e.rrEscalationToCp = { ...one('relative risk'), measure: 'per conference' as const };
  e.rrEntryToCare = { ...one('relative risk'), measure: 'per conference' as const };
  delete e.rrCareProceedings;
  delete e.hrReturnHome;
  delete e.uptake;
  e.timeInSystemFactor = one('ratio');
  e.timeInCareFactor = one('ratio');
  e.kinshipShareOfCareEntries = { ...one('share'), value: 0 };
  if (key) e[key] = { ...e[key], value: rr };
  return copy;
}

/** Measures a scenario's service's reach (its publishedClaim names the option that runs it). */
export async function serviceReach(scenario: Scenario, simulate: (s: Scenario) => Promise<RunSummary>): Promise<ServiceReach> {
  const claim = scenario.services?.[0]?.publishedClaim;
  if (!claim) throw new Error('the scenario\u2019s service has no published claim naming the option that runs it (services[0].publishedClaim)');
  // One after another: a pool runs one job at a time.
  const none = await simulate(withRisk(scenario, undefined, 1));
  const cp = await simulate(withRisk(scenario, 'rrEscalationToCp', 2));
  const care = await simulate(withRisk(scenario, 'rrEntryToCare', 0));
  const year = financialYears(none.months).find((y) => y.label === claim.year);
  if (!year) throw new Error(`the claim is set beside ${claim.year}, which the run does not simulate`);
  const perMonth = (s: RunSummary, arm: number, metric: 'cpEntries' | 'claEntries') => {
    const mean = s.arms[arm]!.series[metric].mean;
    let total = 0;
    for (let m = year.first; m <= year.last; m++) total += mean[m]!;
    return total / year.months;
  };
  const difference = (s: RunSummary, metric: 'cpEntries' | 'claEntries') => perMonth(s, claim.arm, metric) - perMonth(s, 0, metric);
  return {
    year: year.label,
    cpEntries: difference(cp, 'cpEntries') - difference(none, 'cpEntries'),
    careEntries: -(difference(care, 'claEntries') - difference(none, 'claEntries')),
  };
}
