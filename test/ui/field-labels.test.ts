// The editor's labels: every input of the shipped scenarios reads differently, and the ambiguous keys get their context.
import { describe, expect, it } from 'vitest';
import { editorModel } from '../../src/ui/editor-model';
import { fieldLabel, inputLabel, word } from '../../src/ui/field-labels';
import { readJson } from '../helpers/scenarios';

const PIP = 'scenarios/leeds-2019-partners-in-practice.json';

/** The paths the editor gives a row (a quantity, a duration, shares, a number, text or a list of numbers), indices as []. */
function rowPaths(node: unknown, path: string, out: Set<string>): Set<string> {
  if (node === null || typeof node !== 'object') {
    if (typeof node === 'number' || typeof node === 'string') out.add(path);
    return out;
  }
  if (Array.isArray(node)) {
    if (node.every((x) => typeof x === 'number')) out.add(path);
    else node.forEach((x) => rowPaths(x, `${path}[]`, out));
    return out;
  }
  const rec = node as Record<string, unknown>;
  if ('family' in rec || ('shares' in rec && !Array.isArray(rec.shares)) || (('value' in rec || 'dist' in rec) && 'source' in rec)) return out.add(path);
  for (const [k, v] of Object.entries(rec)) if (k !== 'source' && k !== 'note') rowPaths(v, path ? `${path}.${k}` : k, out);
  return out;
}

const GROUPS = ['simulation', 'demand', 'initialStocks', 'pathway', 'fgc', 'costs', 'prices', 'finance', 'arms'];

describe('scenario editor labels', () => {
  for (const file of ['scenarios/leeds-2015-family-valued.json', 'scenarios/darlington-2019.json']) {
    it(`no two inputs of ${file} share a label`, () => {
      const raw = readJson(file);
      const paths = new Set<string>();
      for (const g of GROUPS) rowPaths(raw[g], g, paths);
      const byLabel = new Map<string, string[]>();
      for (const p of paths) byLabel.set(fieldLabel(p), [...(byLabel.get(fieldLabel(p)) ?? []), p]);
      const shared = [...byLabel].filter(([, ps]) => ps.length > 1);
      expect(shared).toEqual([]);
      expect(paths.size).toBeGreaterThan(60);
    });
  }

  it('gives the offer points, durations, exits and care costs their context', () => {
    expect(fieldLabel('fgc.offerPoints.icpc.eligibleShare')).toBe('Eligible share at an initial child protection conference');
    expect(fieldLabel('fgc.offerPoints.referral.eligibleShare')).toBe('Eligible share at a child in need plan starting');
    expect(fieldLabel('arms.options[1].offerPoints.inCare')).toBe('This arm’s eligible share at entering care');
    expect(fieldLabel('pathway.cin.duration')).toBe('Child in need (CIN): time in it');
    expect(fieldLabel('pathway.cla.exits')).toBe('Care (CLA): where families go next');
    expect(fieldLabel('costs.perChild.cla.independentFostering')).toBe('Independent fostering, per child');
    expect(fieldLabel('costs.perChild.cla.residential.marginal')).toBe('Residential care, per child: marginal part (stops with the placement: cashable)');
    expect(fieldLabel('costs.perChild.cla.residential.fixed')).toBe('Residential care, per child: fixed part (staff, overheads: not cashable)');
    expect(fieldLabel('fgc.effects.byOfferPoint.preProceedings.rrEntryToCare')).toBe('Relative risk of entering care after an FGC at pre-proceedings');
    expect(fieldLabel('arms.options[0].coordinatorsFte')).toBe('Coordinators (FTE)');
    expect(fieldLabel('prices.deflator.index.2015')).toBe('Deflator, 2015');
    expect(word('noFurtherAction')).toBe('No further action');
    expect(word('someNewKey')).toBe('Some new key');
  });

  it(`no two inputs of ${PIP} share a label, its caseload service's named after the service and its grades`, () => {
    const raw = readJson(PIP);
    const model = editorModel(raw);
    if (!model.ok) throw new Error(model.problem.message);
    const paths = model.groups.flatMap((g) => g.rows).filter((r) => r.kind !== 'item' && r.kind !== 'source').map((r) => r.path);
    expect(paths.filter((p) => p.startsWith('services[0].')).length).toBeGreaterThan(20);
    // The items of a list (each option, each placement move) have the same inputs, so they share their labels.
    const byLabel = new Map<string, Set<string>>();
    for (const p of paths) byLabel.set(fieldLabel(p, raw), (byLabel.get(fieldLabel(p, raw)) ?? new Set()).add(p.replace(/\[\d+\]/g, '[]')));
    expect([...byLabel].filter(([, ps]) => ps.size > 1)).toEqual([]);
  });

  it("labels a caseload service's inputs in its own words: its name, its grades, its effects, each arm's workers", () => {
    const raw = readJson(PIP);
    const label = (path: string) => inputLabel(path, raw);
    expect(label('services[0].staff[0].casesPerWorker')).toBe('Cases a social worker holds at once');
    expect(label('services[0].staff[1].casesPerWorker')).toBe('Cases a family support worker holds at once');
    expect(label('services[0].staff[0].annualCost.priceYear')).toBe('A social worker FTE’s annual cost, price year');
    expect(label('services[0].staff[0].grade')).toBe('Grade 1 of the team: its name');
    expect(label('services[0].capacity.involvementMonths')).toBe('Mean months of involvement');
    expect(label('services[0].capacity.maxWaitWeeks.value')).toBe('Longest wait for a place');
    expect(label('services[0].offerPoints.referral.eligibleShare')).toBe('Share of referrals offered Restorative Early Support teams');
    expect(label('services[0].effects.byOfferPoint.referral.rrEntryToCare')).toBe('Relative risk of entering care after Restorative Early Support teams');
    expect(label('services[0].effects.byOfferPoint.referral.rrEntryToCare.grade')).toBe('Relative risk of entering care after Restorative Early Support teams, evidence grade');
    expect(label('services[0].effects.fadeHalfLifeMonths.min')).toBe('Half-life of the effect of Restorative Early Support teams, lowest');
    expect(label('arms.options[2].services.res.workersFte')).toBe('Restorative Early Support teams: workers (FTE)');
    expect(label('arms.options[2].services.res.eligibleShare')).toBe('Restorative Early Support teams: share of referrals offered in this arm');
    expect(label('arms.options[0].services.res.rampUp[1].workersFte')).toBe('Restorative Early Support teams: workers (FTE) from then');
    expect(label('arms.counterfactual.services.res.workersFte')).toBe('Restorative Early Support teams: workers (FTE) in the counterfactual');
    // Without the scenario (or for a service it does not declare) the labels still say what the input is.
    expect(inputLabel('services[0].staff[0].casesPerWorker')).toBe('Cases a grade 1 worker holds at once');
    expect(fieldLabel('arms.options[0].services.other.workersFte', raw)).toBe('Service “other”: workers (FTE)');
    expect(fieldLabel('services[0].constructor', raw)).toBe('Constructor');
  });

  it('names a part of an input (a parameter, a share, a list item) after the input it belongs to, and a whole input as the editor does', () => {
    expect(inputLabel('pathway.cla.duration.mean')).toBe('Care (CLA): time in it, mean');
    expect(inputLabel('pathway.cla.routes.returnHome.clock.mean')).toBe("Leaving care by returning home: the route's clock, mean");
    expect(inputLabel('pathway.assessment.exits.shares.cin')).toBe('Assessment: where families go next: Child in need (CIN)');
    expect(inputLabel('pathway.assessment.exits.concentration')).toBe('Assessment: where families go next, Dirichlet concentration');
    expect(inputLabel('demand.referralsPerMonth.value')).toBe('Referrals a month');
    expect(inputLabel('demand.referralsPerMonth.dist')).toBe('Referrals a month, distribution');
    expect(inputLabel('costs.process.referral.priceYear')).toBe('Cost of a referral, per child, price year');
    expect(inputLabel('demand.seasonality.multipliers[0]')).toBe('Seasonal multipliers, January to December, item 1');
    expect(inputLabel('fgc.effects.byOfferPoint.icpc.rrEntryToCare')).toBe(fieldLabel('fgc.effects.byOfferPoint.icpc.rrEntryToCare'));
    expect(inputLabel('pathway.cla.placementMoves.moves[2].perChildYear')).toBe(fieldLabel('pathway.cla.placementMoves.moves[2].perChildYear'));
  });
});
