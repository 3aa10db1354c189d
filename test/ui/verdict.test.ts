// The verdict quotes the run's own numbers: the option's extra service cost in a whole simulated year, the appraisal's
// mean NPV with its P10 and P90, the chance NPV > 0, the cashable saving of the same year, and the grade of the care
// effect at the offer point where it is strongest.
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/engine/sim/simulate';
import { sweepWords, verdict } from '../../src/ui/verdict';
import { formatGbp, formatShare } from '../../src/ui/format';
import { DARLINGTON, loadScenario } from '../helpers/scenarios';

describe('the verdict', () => {
  it('says what the option costs a year, its expected net saving with P10–P90, its chance, the cashable share and the evidence grade', async () => {
    const scenario = loadScenario(DARLINGTON);
    const summary = await runSimulation(scenario, { runs: 16 });
    const v = verdict(summary, scenario, 1);
    const c = summary.finance.comparisons[0]!;
    // Darlington's option adds 4 facilitators (2 → 6 FTE by its ramp-up).
    expect(v.figures.addedFte).toBe(4);
    expect(v.sentences[0]).toMatch(/^Funding 4 more coordinators \(2 to 6 FTE\)/);
    const year = c.byYear.find((y) => y.year === v.figures.year)!;
    expect(year.months).toBe(12);
    expect(year.carriedMonths).toBe(0);
    expect(v.figures.costAYear).toBe(year.serviceCost.mean);
    expect(v.sentences[0]).toContain(`costs ${formatGbp(year.serviceCost.mean)} (P10 ${formatGbp(year.serviceCost.p10)} to P90 ${formatGbp(year.serviceCost.p90)}) a year more`);
    expect(year).not.toBe(c.byYear[0]); // not the year with the one-off set-up
    expect(v.figures.npv).toEqual({ mean: c.npv.mean, p10: c.npv.p10, p90: c.npv.p90 });
    expect(v.sentences[1]).toContain(`expected net saving is ${formatGbp(c.npv.mean)}`);
    expect(v.sentences[1]).toContain(`P10 ${formatGbp(c.npv.p10)} to P90 ${formatGbp(c.npv.p90)}`);
    expect(v.sentences[1]).toMatch(new RegExp(`: an? ${formatShare(c.probabilityNpvPositive)} chance that it pays for itself\\.$`));
    expect(v.figures.cashableAYear).toBe(year.cashableSaving.mean);
    // The cashable share of the savings over the horizon, from the appraisal's present values.
    const pv = c.presentValue;
    const share = Math.max(0, pv.cashableSaving.mean) / (pv.cashableSaving.mean + pv.nonCashableSaving.mean);
    if (pv.cashableSaving.mean + pv.nonCashableSaving.mean > 0) expect(v.sentences[2]).toContain(`${formatShare(share)} is cashable`);
    // The strongest care effect among the offer points the option uses, and its grade, said in words.
    const points = ['referral', 'icpc', 'preProceedings', 'inCare'] as const;
    expect(points).toContain(v.figures.offerPoint);
    expect(v.figures.grade).toBe(scenario.fgc.effects.byOfferPoint[v.figures.offerPoint!].rrEntryToCare.grade);
    expect(v.sentences.at(-1)).toMatch(/^The strongest effect on care it relies on, after an FGC offered at .+ \(relative risk of entering care \d\.\d\d\), (comes from|is an assumption)/);
  });

  it('with a caseload service beside the FGC, says the option’s change of its workers and that the cost is the services’', () => {
    const scenario = loadScenario('scenarios/leeds-2019-partners-in-practice.json');
    const summary = runSimulation(scenario, { runs: 8 });
    // Option 1: the RES teams as they were (41.5 FTE with their managers) beside the same 52 coordinators; option 2 adds 10 coordinators too.
    expect(verdict(summary, scenario, 1).sentences[0]).toMatch(/^“RES teams as they were \(41\.5 FTE with their managers\) and the FGC service”, with Restorative Early Support teams from 0 to 41\.5 FTE and the same coordinators, costs /);
    expect(verdict(summary, scenario, 2).sentences[0]).toMatch(/^Funding 10 more coordinators \(52 to 62 FTE\) and Restorative Early Support teams from 0 to 41\.5 FTE, as in /);
    expect(verdict(summary, scenario, 1).sentences.join(' ')).not.toContain('the service adds');
  });
});

describe('the verdict of an option that changes the caseload service', () => {
  it('names the service, its evidence grade in its own words, and the sweep of its workers', () => {
    const s = loadScenario('scenarios/leeds-2019-partners-in-practice.json');
    const summary = runSimulation(s, { runs: 4, months: 24, seed: 'verdict-res' });
    const v = verdict(summary, s, 1);
    const effect = v.sentences.find((x) => x.startsWith('The effects of Restorative Early Support teams it relies on'))!;
    expect(effect).toMatch(/uncontrolled before-and-after comparison, which cannot separate Restorative Early Support teams from everything else/);
    // The care prior is triangular 0.48–1–1.2: its mean said with its most likely value (no effect), and the CP effect beside it.
    expect(effect).toContain('a relative risk of entering care of 0.89 on average (most likely 1.00)');
    expect(effect).toMatch(/escalation to a child protection plan of 1\.57 on average \(most likely 1\.57\)/);
    // Who adds the cost: the service alone in option 1, the two services in option 2; negative savings said as cost added.
    const savings = v.sentences.find((x) => x.startsWith('It saves nothing on average'))!;
    expect(savings).toMatch(/beyond its own cost it adds £[\d,]+ elsewhere in the pathway/);
    expect(savings).toMatch(/ of the £[\d,]+ Restorative Early Support teams adds\.$/);
    expect(verdict(summary, s, 2).sentences.join(' ')).toMatch(/ of the £[\d,]+ the two services add\./);
    // Option 1 keeps the coordinators: no FGC effect is said to drive it.
    expect(v.sentences.some((x) => x.includes('after an FGC offered at'))).toBe(false);
    // Option 2 adds coordinators too: both effects are said.
    expect(verdict(summary, s, 2).sentences.some((x) => x.includes('after an FGC offered at'))).toBe(true);
    expect(sweepWords(s, { service: 'res' })).toBe('The sweep of Restorative Early Support teams workers');
    expect(sweepWords(s, {})).toBe('The coordinator sweep');
  });
});
