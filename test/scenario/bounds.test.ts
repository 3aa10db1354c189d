// Upper bounds (issue 21, point 2): they admit every council's published figures with room, and past them the problem names the field, the bound and the value; degenerate distributions are refused by name.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioInputs } from '../../src/scenario/inputs';
import { parseScenario } from '../../src/scenario/parse';
import { LIMITS } from '../../src/scenario/schema';
import { LEEDS, ROOT, readJson, SMALL } from '../helpers/scenarios';

function parsed(edit: (raw: any) => void, file = SMALL) {
  const raw = structuredClone(readJson(file)) as any;
  edit(raw);
  return parseScenario(raw);
}

function problems(edit: (raw: any) => void, file = SMALL): string[] {
  const result = parsed(edit, file);
  expect(result.ok, 'the scenario should be refused').toBe(false);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

/** The largest value of a figure in the council table, over every council, area (England too) and year. */
function largest(figure: string): number {
  const table = JSON.parse(readFileSync(`${ROOT}scenarios/councils/councils.json`, 'utf8'));
  const i = (table.figures as string[]).indexOf(figure);
  expect(i, figure).toBeGreaterThanOrEqual(0);
  let max = 0;
  // Councils: { info, rows: { year: row } }; areas (England, the regions): { year: row }.
  const rowSets = [
    ...(Object.values(table.councils) as Array<{ rows: Record<string, Array<number | null>> }>).map((c) => c.rows),
    ...(Object.values(table.areas) as Array<Record<string, Array<number | null>>>),
  ];
  for (const rows of rowSets) for (const row of Object.values(rows)) max = Math.max(max, row[i] ?? 0);
  return max;
}

const money = (value: number, unit: string) => ({ value, unit, source: 'test', priceYear: '2015/16' });

describe('the upper bounds admit every published figure, England included (pass on the code before: no bounds)', () => {
  it('stocks as large as the largest on 31 March, referrals a month as large as the largest year / 12, the largest unit cost', () => {
    const cin = largest('cinAt31March');
    const cla = largest('claAt31March');
    const cp = largest('cppAt31March');
    const referralsPerMonth = largest('referrals') / 12;
    const weekly = Math.max(...['financeClaWeeklyUnitCostGbp', 'financeResidentialWeeklyUnitCostGbp', 'financeAdoptionWeeklyUnitCostGbp'].map(largest));
    expect(cin).toBeGreaterThan(400_000); // England
    const result = parsed((r) => {
      r.initialStocks.cin.value = cin;
      r.initialStocks.cla.value = cla;
      r.initialStocks.cp.value = cp;
      r.demand.referralsPerMonth.value = referralsPerMonth;
      r.demand.trendPerYear.value = 0.05;
      r.simulation.horizonMonths = 120;
      r.costs.perChild.cla.residential = { marginal: money(weekly * 52, 'GBP/year'), fixed: money(0, 'GBP/year') };
      r.costs.process.careProceedings = money(weekly * 52, 'GBP/family');
      r.arms.options[0].coordinatorsFte = 200;
    });
    expect(result.ok ? [] : result.errors).toEqual([]);
    // Room: each bound is at least twice the largest figure it bounds.
    expect(LIMITS.children.limit).toBeGreaterThanOrEqual(2 * Math.max(cin, cla, cp));
    expect(LIMITS.referralsPerMonth.limit).toBeGreaterThanOrEqual(1.5 * referralsPerMonth);
    expect(LIMITS.cost.limit).toBeGreaterThanOrEqual(10 * weekly * 52);
  });
});

describe('past a bound, the problem names the field, the bound and the value (fail on the code before: accepted, then a crash or a wrong answer)', () => {
  it('stocks, referrals, trend, FTE and costs', () => {
    expect(problems((r) => (r.initialStocks.cla.value = 1e9))).toEqual([expect.stringMatching(/^initialStocks\.cla\.value: must be ≤ 1000000, got 1000000000 \(/)]);
    expect(problems((r) => (r.initialStocks.cla.value = 1e308))).toEqual([expect.stringMatching(/^initialStocks\.cla\.value: must be ≤ 1000000, got 1e\+308/)]);
    expect(problems((r) => (r.demand.referralsPerMonth.value = 1e308))).toEqual([expect.stringMatching(/^demand\.referralsPerMonth\.value: must be ≤ 100000, got 1e\+308/)]);
    expect(problems((r) => (r.demand.referralsPerMonth = { dist: 'lognormal', mean: 2e5, sd: 10, unit: 'children/month', source: 's' }))).toEqual([
      expect.stringMatching(/^demand\.referralsPerMonth\.mean: must be ≤ 100000, got 200000/),
    ]);
    expect(problems((r) => (r.demand.trendPerYear.value = 3))).toEqual([expect.stringMatching(/^demand\.trendPerYear\.value: must be ≤ 1, got 3 \(/)]);
    expect(problems((r) => (r.demand.trendPerYear.value = 1e6))).toEqual([expect.stringMatching(/^demand\.trendPerYear\.value: must be ≤ 1, got 1000000/)]);
    expect(problems((r) => (r.arms.options[0].coordinatorsFte = 1e308))).toEqual([expect.stringMatching(/^arms\.options\[0\]\.coordinatorsFte: must be ≤ 1000, got 1e\+308/)]);
    expect(problems((r) => (r.costs.perChild.cla.residential.marginal.value = 1e308))).toEqual([expect.stringMatching(/^costs\.perChild\.cla\.residential\.marginal\.value: must be ≤ 100000000, got 1e\+308/)]);
    expect(problems((r) => (r.costs.fgcService.coordinatorAnnualCost.max = 1e12))).toEqual([expect.stringMatching(/^costs\.fgcService\.coordinatorAnnualCost\.max: must be ≤ 100000000, got 1000000000000/)]);
  });

  it('conferences per coordinator a year and the longest wait (fail on the code before: 1e308 conferences a year ran, exit 0)', () => {
    expect(problems((r) => (r.fgc.conferencesPerFtePerYear = { value: 1e308, unit: 'conferences/FTE/year', source: 's' }))).toEqual([expect.stringMatching(/^fgc\.conferencesPerFtePerYear\.value: must be ≤ 1000, got 1e\+308/)]);
    expect(problems((r) => (r.fgc.maxWaitWeeks.value = 1e6))).toEqual([expect.stringMatching(/^fgc\.maxWaitWeeks\.value: must be ≤ 10000, got 1000000/)]);
  });

  it('a deflator index far from its base (fails on the code before: 1e-300 uprated costs to Infinity, exit 1 naming an arm)', () => {
    const year = (r: any) => Object.keys(r.prices.deflator.index)[0] as string;
    expect(problems((r) => (r.prices.deflator.index[year(r)] = 1e-300), LEEDS)).toEqual([expect.stringMatching(/^prices\.deflator\.index\.\d{4}(\/\d{2})?: must be ≥ 1, got 1e-300/)]);
  });

  it('referrals compounded over the horizon: the trend is named', () => {
    expect(problems((r) => {
      r.demand.trendPerYear.value = 0.9;
      r.simulation.horizonMonths = 600;
    }, LEEDS)).toEqual([expect.stringMatching(/^demand\.trendPerYear: referrals over 600 months would come to .* above the 50000000/)]);
    // A realistic trend over the longest horizon passes.
    expect(parsed((r) => {
      r.demand.trendPerYear.value = 0.03;
      r.simulation.horizonMonths = 600;
    }, LEEDS).ok).toBe(true);
  });

  it('array lengths: family sizes, arms, observed months, empirical bins', () => {
    expect(problems((r) => (r.demand.childrenPerFamily.sharesBySize = [...Array(255).fill(0), 1]))).toEqual([
      expect.stringMatching(/^demand\.childrenPerFamily\.sharesBySize: must have at most 30 items, got 256/),
    ]);
    expect(problems((r) => (r.arms.options = Array.from({ length: 101 }, (_, i) => ({ name: `a${i}`, coordinatorsFte: 1 }))))).toEqual([expect.stringMatching(/^arms\.options: must have at most 100 items, got 101/)]);
    expect(problems((r) => (r.observed = { startMonth: '2015-01', source: 's', series: { cla: Array(1201).fill(1) } }))).toEqual([expect.stringMatching(/^observed\.series\.cla: must have at most 1200 items, got 1201/)]);
    expect(problems((r) => (r.pathway.cin.duration = { family: 'empirical', binEdges: Array.from({ length: 10_002 }, (_, i) => i), weights: Array(10_001).fill(1 / 10_001), unit: 'days', source: 's' }))).toEqual([
      expect.stringMatching(/^pathway\.cin\.duration\.binEdges: must have at most 10001 items/),
      expect.stringMatching(/^pathway\.cin\.duration\.weights: must have at most 10000 items/),
    ]);
  });

  it('each bounded input carries its limit in the walk of the inputs, with why', () => {
    const { all } = scenarioInputs(parsed(() => {}).ok ? (parsed(() => {}) as any).value : undefined);
    const limited = Object.fromEntries(all.filter((i) => i.bounds.limit !== undefined).map((i) => [i.path, i.bounds.limit]));
    expect(limited).toMatchObject({
      'demand.referralsPerMonth': 100_000,
      'demand.trendPerYear': 1,
      'initialStocks.cla': 1_000_000,
      'costs.perChild.cla.residential.marginal': 100_000_000,
      'costs.fgcService.coordinatorAnnualCost': 100_000_000,
    });
    for (const input of all) if (input.bounds.limit !== undefined) expect(input.bounds.limitReason, input.path).toMatch(/\w/);
  });
});

describe('distributions whose derived parameters are not finite, and stays too short or too long (fail on the code before: accepted, a quiet wrong run)', () => {
  it('a gamma quantity whose shape overflows', () => {
    expect(problems((r) => (r.fgc.conferencesPerFtePerYear = { dist: 'gamma', mean: 500, sd: 1e-300, unit: 'conferences/FTE/year', source: 's' }))).toEqual([
      expect.stringMatching(/^fgc\.conferencesPerFtePerYear\.sd: gives a gamma shape Infinity/),
    ]);
  });

  it('a lognormal duration whose sigma overflows, a gamma duration whose shape underflows', () => {
    expect(problems((r) => (r.pathway.cin.duration = { family: 'lognormal', mean: 10, sd: 1e200, unit: 'months', source: 's' }))).toEqual([
      expect.stringMatching(/^pathway\.cin\.duration\.sd: gives a lognormal sigma Infinity/),
    ]);
    expect(problems((r) => (r.pathway.cin.duration = { family: 'gamma', mean: 1, sd: 1e3, unit: 'months', source: 's' }))).toEqual([
      expect.stringMatching(/^pathway\.cin\.duration\.sd: gives a gamma shape 0\.000001/),
    ]);
  });

  it('a Weibull shape that makes the scale collapse', () => {
    expect(problems((r) => (r.pathway.cin.duration = { family: 'weibull', mean: 6, shape: 1e-3, unit: 'months', source: 's' }))).toEqual([
      expect.stringMatching(/^pathway\.cin\.duration\.shape: a Weibull shape must be from 0\.1 to 1000, got 0\.001/),
    ]);
    expect(problems((r) => (r.pathway.cin.duration = { family: 'weibull', mean: 6, shape: { dist: 'uniform', min: 0.01, max: 2 }, unit: 'months', source: 's' }))).toEqual([
      expect.stringMatching(/^pathway\.cin\.duration\.shape: a Weibull shape .* got 0\.01/),
    ]);
  });

  it('mean stays under a minute or over 100 years, in each unit', () => {
    expect(problems((r) => (r.pathway.cin.duration = { family: 'lognormal', mean: 1e-300, sd: 1e-300, unit: 'days', source: 's' }))).toEqual([
      expect.stringMatching(/^pathway\.cin\.duration\.mean: a mean stay must be from one minute to 100 years \(0\.000694 to 36525 days\), got 1e-300/),
    ]);
    expect(problems((r) => (r.pathway.cla.duration = { family: 'gamma', mean: 101 * 12, sd: 5, unit: 'months', source: 's' }))).toEqual([expect.stringMatching(/^pathway\.cla\.duration\.mean: a mean stay .*months\), got 1212$/)]);
    expect(problems((r) => (r.fgc.weeksToConference = { family: 'lognormal', mean: { dist: 'uniform', min: 1e-6, max: 3 }, sd: 1, unit: 'weeks', source: 's' }))).toEqual([
      expect.stringMatching(/^fgc\.weeksToConference\.mean: a mean stay .* got 0\.000001/),
    ]);
  });

  it('a Dirichlet concentration so small that every branch underflows (fails on the code before: a crash in the run)', () => {
    expect(problems((r) => (r.pathway.cin.exits.concentration = 1e-300))).toEqual([expect.stringMatching(/^pathway\.cin\.exits\.concentration: must be ≥ [\d.]+ here \(concentration × the smallest share, .*got 1e-300$/)]);
    expect(parsed((r) => (r.pathway.cin.exits.concentration = 1)).ok).toBe(true);
  });

  it('a beta whose alpha underflows', () => {
    expect(problems((r) => (r.fgc.acceptance = { dist: 'beta', alpha: 1e-300, beta: 2, unit: 'probability', source: 's' }))).toEqual([expect.stringMatching(/^fgc\.acceptance\.alpha: must be from 0\.01 to 1000000, got 1e-300/)]);
  });
});
