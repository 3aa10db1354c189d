// Issue 31, point 4: the RES teams' published claim beside the simulation: the claim is the published worksheet's own
// figure, and the simulation's gross, cost and net a month are the paired runs' own, adding up run by run.
import { describe, expect, it } from 'vitest';
import { claimProblem, serviceClaim } from '../../../src/engine/analysis/service-claim';
import { globalSensitivity, tornado } from '../../../src/engine/analysis/sensitivity';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { reproduce } from '../../../src/engine/worksheet/worksheet';
import { worksheetSchema } from '../../../src/scenario/worksheet-schema';
import { loadScenario, readJson, variant } from '../../helpers/scenarios';

const PIP = 'scenarios/leeds-2019-partners-in-practice.json';

describe('the published claim beside the simulation', () => {
  const scenario = loadScenario(PIP);
  const summary = runSimulation(scenario, { runs: 24, seed: 'claim' });
  const claim = serviceClaim(scenario, summary);

  it('is the published worksheet’s £406,466.60 a month (its Table 3 reproduced to the penny)', () => {
    const w = worksheetSchema(readJson('scenarios/published/leeds-partners-in-practice-2020.json'), '', []);
    const table = reproduce(w!).find((i) => i.id === 'claimedMonthlySaving')!;
    expect(table.published).toBe(406466.6);
    expect(table.difference).toBe(0);
    expect(claim.published.monthlySaving).toBe(table.published);
    expect(claim.published.basis).toBe('gross');
  });

  it('sets beside it the year’s gross saving, the teams’ cost and the net, a month, each run paired with the counterfactual', () => {
    const year = scenario.services![0]!.publishedClaim!.year;
    expect(claim.year).toBe(year);
    // Computed again from each run's monthly series, not the financial-year sums the claim reads.
    const kept = runSimulation(scenario, { runs: 24, seed: 'claim', keepRunSeries: ['cost', 'costFgcService'] });
    const months = kept.months.map((m, k) => [m, k] as const).filter(([m, k]) => k > 0 && (m >= `${year.slice(0, 4)}-04` && m <= `20${year.slice(5)}-03`)).map(([, k]) => k);
    expect(months.length).toBe(12);
    const perRun = (arm: number, metric: 'cost' | 'costFgcService') => kept.arms[arm]!.runSeries![metric]!.map((run) => months.reduce((t, k) => t + run[k]!, 0) / 12);
    const [refCost, refServices, cost, services] = [perRun(0, 'cost'), perRun(0, 'costFgcService'), perRun(1, 'cost'), perRun(1, 'costFgcService')];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const scale = claim.simulated.serviceCost.mean;
    expect(Math.abs(claim.simulated.net.mean - mean(refCost.map((x, r) => x - cost[r]!)))).toBeLessThan(1e-9 * scale);
    expect(Math.abs(claim.simulated.serviceCost.mean - mean(services.map((x, r) => x - refServices[r]!)))).toBeLessThan(1e-9 * scale);
    expect(Math.abs(claim.simulated.gross.mean - mean(refCost.map((x, r) => x - refServices[r]! - (cost[r]! - services[r]!))))).toBeLessThan(1e-9 * scale);
    // 34.5 worker FTE and 7 managers at £53,900–£111,592 a year each (2018/19 prices, uprated to the reporting year): £200k–£300k a month.
    expect(claim.simulated.serviceCost.mean).toBeGreaterThan(200_000);
    expect(claim.simulated.serviceCost.mean).toBeLessThan(300_000);
    expect(claim.perMonth.childrenTakenOn).toBeGreaterThan(30);
    // The simulation's effects costed the claim's way: a whole episode a care entry avoided, a year a CP plan added.
    const w = claim.claimWay!;
    expect(w.careEntryAvoided).toBe(160602);
    expect(w.monthly).toBeCloseTo(claim.perMonth.claEntriesAvoided * 160602 - claim.perMonth.cpEntriesAdded * 13497, 6);
  });

  it('says plainly when it cannot be set beside a run', () => {
    const short = runSimulation(scenario, { runs: 2, seed: 'claim', months: 6 });
    expect(claimProblem(scenario, short)).toMatch(/2020\/21/);
    const none = variant(PIP, (r) => delete r.services[0].publishedClaim);
    expect(claimProblem(none, summary)).toMatch(/no published claim/);
    // A run of one option only (a sweep of one step) does not have the claim's third option.
    const third = variant(PIP, (r) => (r.services[0].publishedClaim.arm = 3));
    const oneStep = runSimulation(third, { runs: 2, seed: 'claim', capacity: [52] });
    expect(claimProblem(third, oneStep)).toMatch(/option 3, but the run has 1 option$/);
    expect(() => serviceClaim(third, oneStep)).toThrow(/option 3/);
    // A claim naming an option the scenario does not have is refused when it is read, naming the field.
    expect(() => variant(PIP, (r) => (r.services[0].publishedClaim.arm = 9))).toThrow(/services\[0\]\.publishedClaim\.arm: must name an option of the scenario, 1 to 3; got 9/);
  });

  it('the sensitivity tools rank the service\u2019s inputs in their own groups: its effects and its team', async () => {
    const evaluate = async (x: typeof scenario, o: object) => runSimulation(x, { runs: 3, months: 24, seed: 'claim', ...o });
    const t = await tornado(scenario, evaluate, { output: 'netSaving', runs: 3, months: 24 });
    const care = t.bars.find((b) => b.input === 'services[0].effects.byOfferPoint.referral.rrEntryToCare')!;
    expect(care.group).toBe('caseload service effect');
    // From no effect (P90 of a uniform 0–1: 0.9) to a strong one (P10: 0.1), the saving moves.
    expect(care.swing).toBeGreaterThan(0);
    expect(t.bars.find((b) => b.input === 'services[0].staff[0].annualCost')!.group).toBe('caseload service');
    // The global ranking regresses on every uncertain input: more runs than inputs (58 with the service's).
    const g = globalSensitivity(scenario, runSimulation(scenario, { runs: 64, months: 24, seed: 'claim' }), 'netSaving');
    expect(g.groups.map((x) => x.group)).toContain('caseload service effect');
    expect(g.groups.find((x) => x.group === 'caseload service')!.share).toBeGreaterThan(0);
  });
});
