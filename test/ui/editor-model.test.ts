// The editor's drawing (issue 21, point 4): every shipped scenario draws; a file the editor cannot draw is refused
// whole with the path at fault; long lists are summarised, not drawn one input per value; switching a duration's
// family keeps it a scenario the validator reads. Fails on the code before: W7's files threw inside the editor's
// render and left the previous scenario's values on screen; a 1,000,000-value list drew 1,000,000 inputs.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse';
import { cannotDraw, editorModel, MAX_DEPTH, MAX_LIST_INPUTS, MAX_ROWS, switchFamily, type EditorRow } from '../../src/ui/editor-model';
import { getAt, setAt } from '../../src/ui/raw-path';
import { LEEDS, readJson } from '../helpers/scenarios';

const DARLINGTON = 'scenarios/darlington-2019.json';
const PIP = 'scenarios/leeds-2019-partners-in-practice.json';

function rows(raw: unknown): EditorRow[] {
  const model = editorModel(raw);
  if (!model.ok) throw new Error(`${model.problem.path}: ${model.problem.message}`);
  return model.groups.flatMap((g) => g.rows);
}

const leeds = () => structuredClone(readJson(LEEDS)) as any;

describe('the editor model', () => {
  it('draws every shipped scenario, every input once, with no summaries', () => {
    for (const file of [LEEDS, DARLINGTON]) {
      const all = rows(readJson(file));
      const paths = all.filter((r) => r.kind !== 'item' && r.kind !== 'source').map((r) => r.path);
      expect(new Set(paths).size, file).toBe(paths.length);
      expect(all.filter((r) => r.kind === 'summary'), file).toEqual([]);
      expect(all.length, file).toBeLessThan(400);
      expect(all.find((r) => r.path === 'demand.referralsPerMonth')?.kind).toBe('quantity');
      expect(all.find((r) => r.path === 'pathway.cin.duration')?.kind).toBe('duration');
      expect(all.find((r) => r.path === 'pathway.cla.exits')?.kind).toBe('shares');
    }
  });

  it("draws a caseload service (issue 31): its quantities, its team's grades, its graded effects and each arm's workers", () => {
    const model = editorModel(readJson(PIP));
    if (!model.ok) throw new Error(model.problem.message);
    const group = model.groups.find((g) => g.key === 'services')!;
    expect(model.groups.map((g) => g.key).indexOf('services')).toBe(model.groups.map((g) => g.key).indexOf('fgc') + 1);
    const kind = (path: string) => group.rows.find((r) => r.path === path)?.kind;
    expect(group.rows.filter((r) => r.kind === 'item').map((r) => (r as { text: string }).text)).toEqual([
      'Caseload service 1: Restorative Early Support teams',
      'Grade 1 of the team: social worker',
      'Grade 2 of the team: family support worker',
      'Grade 3 of the team: team manager',
    ]);
    expect(kind('services[0].name')).toBe('text');
    expect(kind('services[0].capacity.involvementMonths')).toBe('quantity');
    expect(kind('services[0].capacity.maxWaitWeeks')).toBe('quantity');
    expect(kind('services[0].staff[1].fte')).toBe('number');
    expect(kind('services[0].staff[1].grade')).toBe('text');
    expect(group.rows.find((r) => r.path === 'services[0].staff[0].annualCost')).toMatchObject({ kind: 'quantity', dist: 'uniform', money: true });
    expect(kind('services[0].offerPoints.referral.eligibleShare')).toBe('quantity');
    expect(group.rows.find((r) => r.path === 'services[0].effects.byOfferPoint.referral.rrEntryToCare')).toMatchObject({ kind: 'quantity', node: { grade: 'uncontrolled comparison' } });
    expect(group.rows.filter((r) => r.kind === 'source').map((r) => r.path)).toEqual(expect.arrayContaining(['services[0]', 'services[0].staff[0]', 'services[0].publishedClaim']));
    const arms = model.groups.find((g) => g.key === 'arms')!.rows;
    expect(arms.filter((r) => r.path.endsWith('.services.res.workersFte')).map((r) => [r.kind, r.path])).toEqual([0, 1, 2].map((i) => ['number', `arms.options[${i}].services.res.workersFte`]));
    expect(arms.find((r) => r.path === 'arms.options[2].services.res.eligibleShare')?.kind).toBe('number');
    // A scenario without a caseload service has no such group.
    const leedsModel = editorModel(readJson(LEEDS));
    expect(leedsModel.ok && leedsModel.groups.some((g) => g.key === 'services')).toBe(false);
  });

  it("refuses W7's files whole, naming the path (empirical duration without weights; shares null)", () => {
    const noWeights = leeds();
    noWeights.demand.referralsPerMonth.value = 111;
    noWeights.pathway.cin.duration = { family: 'empirical', binEdges: [0, 1, 2], unit: 'months', source: 'x' };
    expect(cannotDraw(noWeights)).toBe('pathway.cin.duration.weights: an empirical duration needs its weights as a list of numbers, got missing');
    const nullShares = leeds();
    nullShares.pathway.cla.exits.shares = null;
    expect(cannotDraw(nullShares)).toBe('pathway.cla.exits.shares: branch shares must be given by name ({"close": 0.4, …}), got null');
    expect(cannotDraw(setAt(leeds(), 'pathway.cin.exits.shares', 'abc'))).toMatch(/^pathway\.cin\.exits\.shares: .*got "abc"$/);
    expect(cannotDraw(null)).toBe('(root): a scenario is a JSON object ({…}), got null');
    expect(cannotDraw([1, 2])).toBe('(root): a scenario is a JSON object ({…}), got a list of 2');
  });

  it('draws an invalid scenario it can show (the validator names its problems): wrong types, unknown distributions, nulls', () => {
    const raw = leeds();
    raw.simulation.runs = '200';
    raw.fgc.acceptance = { dist: 'constructor', unit: 'probability', source: 'x' };
    raw.initialStocks.cla.value = null;
    raw.pathway.cp = null;
    const all = rows(raw);
    expect(all.find((r) => r.path === 'fgc.acceptance')).toMatchObject({ kind: 'quantity', dist: 'constructor', params: [] });
    expect(all.find((r) => r.path === 'pathway.cp')).toMatchObject({ kind: 'summary' });
    expect(parseScenario(raw).ok).toBe(false);
  });

  it('refuses nesting deeper than it draws, without recursing (200,000 levels)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const raw = leeds();
    raw.description = deep;
    expect(cannotDraw(raw)).toMatch(new RegExp(`^description(\\[0\\]){${MAX_DEPTH - 1}}: nests more than ${MAX_DEPTH} levels deep`));
  });

  it('summarises a long list in one row (1,000,000 family sizes; 1,000 arms) and refuses a file with more inputs than it draws', () => {
    const raw = leeds();
    raw.demand.childrenPerFamily.sharesBySize = [1, ...Array(999_999).fill(0)];
    const sizes = rows(raw).filter((r) => r.path.startsWith('demand.childrenPerFamily.sharesBySize'));
    expect(sizes).toEqual([{ kind: 'summary', path: 'demand.childrenPerFamily.sharesBySize', text: expect.stringMatching(/^1,000,000 values \(1, 0, 0, … 0\): too many to edit one by one/) }]);
    const short = rows(setAt(leeds(), 'demand.childrenPerFamily.sharesBySize', Array(MAX_LIST_INPUTS).fill(1 / MAX_LIST_INPUTS)));
    expect(short.find((r) => r.path === 'demand.childrenPerFamily.sharesBySize')?.kind).toBe('numbers');

    const arms = leeds();
    arms.arms.options = Array.from({ length: 1_000 }, (_, i) => ({ ...arms.arms.options[0], name: `arm ${i}` }));
    expect(rows(arms).filter((r) => r.path.startsWith('arms.options'))).toEqual([{ kind: 'summary', path: 'arms.options', text: 'a list of 1,000 items, more than a scenario holds: edit it in the file' }]);

    const wide = leeds();
    wide.demand.extra = Object.fromEntries(Array.from({ length: MAX_ROWS + 1 }, (_, i) => [`k${i}`, i]));
    expect(cannotDraw(wide)).toBe(`(root): has more than ${MAX_ROWS.toLocaleString('en-GB')} inputs to draw; a scenario has about 150`);
  });

  it("switching a duration's family keeps a scenario the validator reads, the mean carried over", () => {
    let raw = leeds();
    const path = 'pathway.cin.duration';
    const mean = getAt(raw, `${path}.mean`);
    for (const family of ['weibull', 'gamma', 'lognormal']) {
      raw = setAt(raw, path, switchFamily(getAt(raw, path) as Record<string, unknown>, family));
      const parsed = parseScenario(raw);
      expect(parsed.ok ? [] : parsed.errors, family).toEqual([]);
      expect(getAt(raw, `${path}.family`)).toBe(family);
      expect(getAt(raw, `${path}.mean`)).toEqual(mean);
    }
    const histogram = { family: 'empirical', binEdges: [0, 2, 4], weights: [1, 3], unit: 'months', source: 's' };
    expect(switchFamily(histogram, 'lognormal')).toEqual({ family: 'lognormal', mean: 2.5, sd: 2.5, unit: 'months', source: 's' });
  });
});
