// The published analyses reproduced exactly, line by line; their inconsistencies shown as differences.
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/cba';
import { reproduce, stress } from '../../../src/engine/worksheet/worksheet';
import type { ScenarioError } from '../../../src/scenario/check';
import { worksheetSchema, type Worksheet } from '../../../src/scenario/worksheet-schema';
import { runInProcess, runNpm } from '../../helpers/cli';
import { readJson } from '../../helpers/scenarios';

function load(name: string): Worksheet {
  const errors: ScenarioError[] = [];
  const w = worksheetSchema(readJson(`scenarios/published/${name}.json`), '', errors);
  expect(errors).toEqual([]);
  return w!;
}
const row = (w: Worksheet, id: string) => reproduce(w).find((r) => r.id === id)!;

describe('Leeds Family Valued evaluation (2017), appendix 4', () => {
  const w = load('leeds-family-valued-2017');
  it('reproduces every published figure exactly', () => {
    for (const r of reproduce(w)) if (r.published !== null) expect(r.difference, r.item).toBe(0);
    expect(row(w, 'bauMinimumCost').reproduced).toBe(1943);
    expect(row(w, 'ndmMinimumCost').reproduced).toBe(2418);
    expect(row(w, 'daysSaved').reproduced).toBe(70.54);
    expect(row(w, 'zScore').reproduced).toBe(6.5);
    expect(row(w, 'savingPerFamily').reproduced).toBe(755);
  });
  it('nets off the £475 extra cost (≈ £280) and shows 4.345-week months (≈ £695)', () => {
    expect(row(w, 'fgcExtraCost').reproduced).toBe(475);
    expect(row(w, 'savingNetOfFgcCost').reproduced).toBe(280);
    expect(row(w, 'savingAtCalendarMonths').reproduced).toBe(695.05); // 10 / 4.345 × 302
  });
});

describe('Leeds Partners in Practice evaluation (2020)', () => {
  const w = load('leeds-partners-in-practice-2020');
  it('reproduces the CP plan (£13,497 from its appendix items), the care episode (£160,602) and £406,466.60 to the penny', () => {
    for (const id of ['contact', 'referral', 'strategyDiscussion', 's47Inquiry', 'assessment', 'chairTriage', 'icpc', 'coreGroups', 'statutoryVisits', 'recording', 'reviewConference', 'cpPlanAnnual', 'claEpisode', 'tablePreTotal', 'tableWithTotal', 'claimedMonthlySaving']) {
      expect(row(w, id).difference, id).toBe(0);
    }
    expect(row(w, 'cpPlanAnnual').reproduced).toBe(13497);
    expect(row(w, 'claimedMonthlySaving').reproduced).toBe(406466.6);
  });
  it('shows the inconsistencies: 3.19 × £160,602 is not the care row; the CP row implies 1.14 plans, not 1.25', () => {
    expect(row(w, 'claRowFromStatedDrivers')).toMatchObject({ published: 432838.77, reproduced: 512320.38, difference: 79481.61 });
    expect(row(w, 'impliedClaDecrease')).toMatchObject({ published: 3.19, reproduced: 2.7, difference: -0.49 });
    expect(row(w, 'impliedCpIncrease')).toMatchObject({ published: 1.25, reproduced: 1.14, difference: -0.11 });
  });
});

describe('Leeds scrutiny report (2015)', () => {
  const w = load('leeds-scrutiny-2015');
  it('reproduces the projected 10% (≈125 children) and the implied £22,346 a placement-year behind ≈ £7.0m', () => {
    expect(row(w, 'projectedReduction2015')).toMatchObject({ published: 125, reproduced: 125, difference: 0 });
    expect(row(w, 'costPerPlacementYear').reproduced).toBe(22346); // 7,000,000 / 313.25
  });
  it('sets them against the observed series: −21 children (−1.7%) by March 2016, 104 short', () => {
    expect(row(w, 'observedChange2015').reproduced).toBe(-21);
    expect(row(w, 'observedChangeShare').reproduced).toBe(-0.0168);
    expect(row(w, 'shortfall2015').reproduced).toBe(104);
  });
});

describe('stress tests', () => {
  it('draw each stressed input from its distribution, summarise every line, and rank inputs by the headline’s swing', () => {
    const w = load('leeds-family-valued-2017');
    const result = stress(w, 4000, 'test');
    const headline = result.items.find((i) => i.id === w.headline)!;
    expect(headline.point).toBeCloseTo(225.41, 2);
    expect(headline.spread.p5).toBeLessThan(headline.spread.p95);
    // Unstressed lines keep their point value in every run.
    const bau = result.items.find((i) => i.id === 'bauMeanDays' || i.id === 'daysSaved')!;
    expect(bau.spread.p95).toBeGreaterThanOrEqual(bau.spread.p5);
    const swings = result.sensitivity.map((s) => s.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // One input at a time, by hand: the FGC families' days move the net saving by Δdays / 7 / 4.345 × £302.
    const days = result.sensitivity.find((s) => s.input === 'fgcMeanDays')!;
    expect(days.swing).toBeCloseTo(((days.high - days.low) / 7 / 4.345) * 302, 6);
    expect(days.outputAtLow).toBeGreaterThan(days.outputAtHigh);
    expect(stress(w, 4000, 'test')).toEqual(result);
  });
});

describe('cba command line', () => {
  it('prints the reproduction as an array of { item, published, reproduced, difference, source } (the documented command, a real process)', () => {
    const out = runNpm('cba', ['scenarios/published/leeds-partners-in-practice-2020.json']);
    expect(out.code).toBe(0);
    const rows = JSON.parse(out.stdout);
    expect(Object.keys(rows[0])).toEqual(['item', 'published', 'reproduced', 'difference', 'source']);
    expect(rows.find((r: { item: string }) => r.item.startsWith('Savings due to RES')).reproduced).toBe(406466.6);
  });

  it('names what is wrong with a broken worksheet', async () => {
    const out = await runInProcess(main, ['scenarios/leeds-2015-family-valued.json']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^error: scenarios\/leeds-2015-family-valued\.json is not a valid worksheet: /);
  });
});
