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
    const c = summary.comparisons[0]!;
    const year = c.savingByYear!.find((y) => y.year === '2019/20')!;
    const extra = c.extraServiceCostByYear!.find((y) => y.year === '2019/20')!;
    expect(year.months).toBe(12);
    // net = the counterfactual's cost less the option's; cost = the option's services' cost less the counterfactual's.
    expect(claim.simulated.net.mean).toBeCloseTo(year.saving.mean / 12, 6);
    expect(claim.simulated.serviceCost.mean).toBeCloseTo(extra.saving.mean / 12, 6);
    expect(claim.simulated.gross.mean).toBeCloseTo(claim.simulated.net.mean + claim.simulated.serviceCost.mean, 6);
    // The FGC service is the same in both arms, so the extra cost is the teams' own: their staff's cost as the arm booked it.
    const teams = summary.arms[1]!.series.supportCost.mean.slice(1, 13).reduce((a, b) => a + b) / 12;
    expect(claim.simulated.serviceCost.mean).toBeCloseTo(teams, 3);
    // 34.5 FTE at £53,900–£82,732 a year each (2018/19 prices, uprated to the reporting year): between £150k and £240k a month.
    expect(claim.simulated.serviceCost.mean).toBeGreaterThan(150_000);
    expect(claim.simulated.serviceCost.mean).toBeLessThan(240_000);
    expect(claim.perMonth.childrenTakenOn).toBeGreaterThan(30);
  });

  it('says plainly when it cannot be set beside a run', () => {
    const short = runSimulation(scenario, { runs: 2, seed: 'claim', months: 6 });
    expect(claimProblem(scenario, short)).toMatch(/2019\/20/);
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
