// Editing the start month and a money input's price year (issue 27, point 3): the edit keeps what was typed, a bad
// start month is named with its rule, a price year is checked as it is typed (not one year, or outside the deflator
// series in upratingFactors' own words) even while the validator has not reached it, and the observed series keep
// their own start month. Before this the editor drew neither field.
import { describe, expect, it } from 'vitest';
import { monthLabels } from '../../src/engine/results/plan';
import { parseScenario } from '../../src/scenario/parse';
import { moneyInputs, upratingFactors } from '../../src/scenario/prices';
import { editorProblems, editScenario, priceYearProblem, START_MONTH, startMonthProblem } from '../../src/ui/editor-edits';
import { editorModel, type EditorRow } from '../../src/ui/editor-model';
import { getAt, setAt } from '../../src/ui/raw-path';
import { DARLINGTON, LEEDS, readJson, validated } from '../helpers/scenarios';

const leeds = () => structuredClone(readJson(LEEDS)) as any;
const REFERRAL = 'costs.process.referral';

describe('the start month in the editor', () => {
  it('a valid month becomes month 0 of the run; the observed series keep their own start month', () => {
    const before = leeds();
    const observedStart = before.observed.startMonth;
    const edit = editScenario(before, START_MONTH, '2014-10');
    expect(edit.problems).toEqual([]);
    expect(edit.scenario?.startMonth).toBe('2014-10');
    expect(edit.scenario?.observed?.startMonth).toBe(observedStart);
    expect((edit.raw as any).observed.startMonth).toBe(observedStart);
    expect(before.startMonth).toBe('2015-04'); // the scenario edited is not changed in place
    expect(monthLabels(edit.scenario!.startMonth, 3)).toEqual(['2014-10', '2014-11', '2014-12', '2015-01']);
    const model = editorModel(edit.raw);
    expect(model.ok && model.startMonth).toBe('2014-10');
  });

  it('a value that is not a month is kept as typed, named with the field and its rule, once, and the scenario cannot run', () => {
    for (const typed of ['2015-13', 'April 2015', '2015-4', '', ' 2015-04']) {
      const edit = editScenario(leeds(), START_MONTH, typed);
      expect(getAt(edit.raw, START_MONTH), typed).toBe(typed);
      expect(edit.scenario, typed).toBeUndefined();
      const model = editorModel(edit.raw);
      expect(model.ok && model.startMonth, typed).toBe(typed);
      const mine = edit.problems.filter((p) => p.path === START_MONTH);
      expect(mine, typed).toEqual([{ path: START_MONTH, message: `Start month must be a month written "YYYY-MM" (a four-digit year, a hyphen, a month 01 to 12, e.g. 2015-04), got "${typed}"` }]);
    }
    expect(startMonthProblem(201504)).toMatch(/^Start month must be a month written "YYYY-MM".*, got 201504$/);
    expect(startMonthProblem(undefined)).toMatch(/got nothing$/);
    expect(startMonthProblem('1999-12')).toBeUndefined();
  });

  it("a month 0 after the arms' ramp-up has begun is refused where the ramp-up is, the start month itself being fine", () => {
    const edit = editScenario(leeds(), START_MONTH, '2015-07');
    expect(edit.problems.filter((p) => p.path === START_MONTH)).toEqual([]);
    expect(edit.problems.map((p) => p.path)).toContain('arms.options[0].rampUp[0].month');
    expect(edit.scenario).toBeUndefined();
  });
});

describe("a caseload service's inputs in the editor (issue 31)", () => {
  const pip = () => structuredClone(readJson('scenarios/leeds-2019-partners-in-practice.json')) as any;

  it("an arm's workers edited to -1 are kept as typed and refused, naming the field", () => {
    const path = 'arms.options[0].services.res.workersFte';
    const edit = editScenario(pip(), path, -1);
    expect(getAt(edit.raw, path)).toBe(-1);
    expect(edit.scenario).toBeUndefined();
    const mine = edit.problems.filter((p) => p.path === path);
    expect(mine).toEqual([{ path, message: 'must be ≥ 0, got -1' }]);
  });

  it("the service's own quantities and an arm's workers edit into a scenario that runs them", () => {
    let edit = editScenario(pip(), 'services[0].staff[0].casesPerWorker.value', 5);
    expect(edit.problems).toEqual([]);
    expect(edit.scenario?.services?.[0]?.staff[0]?.casesPerWorker).toMatchObject({ value: 5 });
    edit = editScenario(edit.raw, 'arms.options[1].services.res.workersFte', 40);
    expect(edit.scenario?.arms.options[1]?.services?.res?.workersFte).toBe(40);
    edit = editScenario(edit.raw, 'services[0].effects.byOfferPoint.referral.rrEntryToCare.min', 2);
    expect(edit.problems.map((p) => p.path)).toEqual(['services[0].effects.byOfferPoint.referral.rrEntryToCare']);
  });
});

describe("a money input's price year in the editor", () => {
  it('every money input, and nothing else, is drawn with its price year', () => {
    const model = editorModel(leeds());
    if (!model.ok) throw new Error(model.problem.message);
    const quantities = model.groups.flatMap((g) => g.rows).filter((r): r is Extract<EditorRow, { kind: 'quantity' }> => r.kind === 'quantity');
    const money = quantities.filter((r) => r.money).map((r) => r.path);
    expect(money.sort()).toEqual(moneyInputs(validated(leeds())).map((i) => i.path).sort());
    expect(money.length).toBeGreaterThan(10);
    // The shipped scenarios' price years all pass the editor's own check.
    for (const file of [LEEDS, DARLINGTON]) expect(editorProblems(readJson(file)), file).toEqual([]);
  });

  it('a year the deflator reaches re-prices the input: the factor is index(reporting year) / index(new price year)', () => {
    const edit = editScenario(leeds(), `${REFERRAL}.priceYear`, '2018/19');
    expect(edit.problems).toEqual([]);
    const index = leeds().prices.deflator.index;
    expect(upratingFactors(edit.scenario!).factors.get(REFERRAL)).toBeCloseTo(index['2015/16'] / index['2018/19'], 12);
    expect(upratingFactors(validated(leeds())).factors.get(REFERRAL)).not.toBeCloseTo(index['2015/16'] / index['2018/19'], 6);
    // A calendar year is a price year too.
    expect(editScenario(leeds(), `${REFERRAL}.priceYear`, '2018').problems).toEqual([]);
  });

  it('a year that is not one year, or is outside the deflator series, is kept as typed and named once in the validator’s words', () => {
    const path = `${REFERRAL}.priceYear`;
    for (const [typed, expected] of [
      ['2018-19', /^must be one financial year "YYYY\/YY" or calendar year "YYYY" to be uprated, got "2018-19"$/],
      ['2013/15', /^must be one financial year "YYYY\/YY" or calendar year "YYYY" to be uprated, got "2013\/15"$/],
      ['1990/91', /^1990\/91 is outside the deflator series/],
      ['2030', /^2030 is outside the deflator series/],
    ] as const) {
      const edit = editScenario(leeds(), path, typed);
      expect(getAt(edit.raw, path), typed).toBe(typed);
      expect(edit.scenario, typed).toBeUndefined();
      const mine = edit.problems.filter((p) => p.path === path);
      expect(mine, typed).toHaveLength(1);
      expect(mine[0]!.message, typed).toMatch(expected);
      // The message is upratingFactors' own (the validator reaches it here: the rest of the scenario is valid).
      const parsed = parseScenario(edit.raw);
      expect(parsed.ok ? [] : parsed.errors, typed).toEqual([{ path, message: mine[0]!.message }]);
    }
  });

  it('is named as it is typed even while another problem keeps the validator from reaching price years', () => {
    const broken = setAt(leeds(), 'arms.options[0].coordinatorsFte', -3);
    const edit = editScenario(broken, `${REFERRAL}.priceYear`, '1990/91');
    const parsed = parseScenario(edit.raw);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.path)).toEqual(['arms.options[0].coordinatorsFte']);
    const alone = editScenario(leeds(), `${REFERRAL}.priceYear`, '1990/91').problems;
    expect(edit.problems.map((p) => p.path)).toEqual(['arms.options[0].coordinatorsFte', `${REFERRAL}.priceYear`]);
    expect(edit.problems[1]).toEqual(alone[0]);
  });

  it('without a deflator a price year must still be one year (nothing is uprated, so the validator does not ask)', () => {
    const raw = leeds();
    delete raw.prices;
    expect(priceYearProblem(raw, REFERRAL, 'c. 2016')).toBe('must be one financial year "YYYY/YY" or calendar year "YYYY", got "c. 2016"');
    expect(priceYearProblem(raw, REFERRAL, '1990/91')).toBeUndefined();
    const edit = editScenario(raw, `${REFERRAL}.priceYear`, 'c. 2016');
    expect(edit.problems).toEqual([{ path: `${REFERRAL}.priceYear`, message: 'must be one financial year "YYYY/YY" or calendar year "YYYY", got "c. 2016"' }]);
    expect(edit.scenario).toBeDefined();
  });

  it('an emptied field takes the price year out, and the validator asks for one', () => {
    const edit = editScenario(leeds(), `${REFERRAL}.priceYear`, undefined);
    expect(getAt(edit.raw, REFERRAL)).not.toHaveProperty('priceYear');
    expect(edit.problems).toEqual([{ path: `${REFERRAL}.priceYear`, message: 'is required for a money value (e.g. "2013/14")' }]);
    expect(editorProblems(edit.raw)).toEqual(edit.problems);
  });
});
