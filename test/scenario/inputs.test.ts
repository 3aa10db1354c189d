// The walk of a scenario's inputs: every path names its node, money is the schema's money, and each input's bounds are the ones the schema enforces.
import { describe, expect, it } from 'vitest';
import { isDrawn, scenarioInputs, type ScenarioInput } from '../../src/scenario/inputs';
import { parseScenario } from '../../src/scenario/parse';
import { moneyInputs } from '../../src/scenario/prices';
import { DARLINGTON, LEEDS, loadScenario, readJson, SMALL } from '../helpers/scenarios';

const SCENARIOS = [LEEDS, DARLINGTON, SMALL];

/** `arms.options[0].coordinatorsFte` → arms, options, 0, coordinatorsFte. */
const keysOf = (path: string) => path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');

function at(node: unknown, path: string): unknown {
  return keysOf(path).reduce<unknown>((n, key) => (n as Record<string, unknown> | undefined)?.[key], node);
}

/** A value just outside the input's bounds (below its minimum, above its maximum, or not whole). */
function outside(input: ScenarioInput): number[] {
  const b = input.bounds;
  const out: number[] = [];
  if (b.min !== undefined) out.push(b.exclusiveMin ? b.min : b.min - 1);
  if (b.max !== undefined) out.push(b.max + 0.5);
  if (b.limit !== undefined) out.push(b.limit * 2);
  if (b.integer) out.push((b.min ?? 0) + 0.5);
  return out;
}

/** The raw scenario with the input's value set to `v` (a quantity keeps its unit, source and price year). */
function setRaw(raw: any, input: ScenarioInput, v: number): void {
  const keys = keysOf(input.path);
  const parent = keys.slice(0, -1).reduce((n, k) => n[k], raw);
  const last = keys[keys.length - 1]!;
  switch (input.kind) {
    case 'quantity': {
      const { unit, source, priceYear } = parent[last];
      parent[last] = { value: v, unit, source, ...(priceYear ? { priceYear } : {}) };
      break;
    }
    case 'count':
      parent[last].value = v;
      break;
    case 'duration part':
      parent[last] = v;
      break;
    case 'shares': {
      const first = input.keys[0]!;
      parent[last].shares[first] = v;
      break;
    }
  }
}

describe('the inputs of a scenario', () => {
  for (const file of SCENARIOS) {
    it(`${file}: every input's path names its node, in the order the scenario gives them`, () => {
      const s = loadScenario(file);
      const { all } = scenarioInputs(s);
      for (const input of all) expect(at(s, input.path), input.path).toBe(input.node);
      expect(new Set(all.map((i) => i.path)).size).toBe(all.length);
      // Every quantity the scenario holds is in the walk (a generic walk of the JSON finds no other).
      const quantities: string[] = [];
      const visit = (node: unknown, path: string) => {
        // What was observed (observed.totals carry a value and a source) is not an input.
        if (node === null || typeof node !== 'object' || path === 'observed') return;
        if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${path}[${i}]`));
        const rec = node as Record<string, unknown>;
        if ('source' in rec && ('value' in rec || 'dist' in rec)) quantities.push(path);
        else for (const [k, v] of Object.entries(rec)) visit(v, path ? `${path}.${k}` : k);
      };
      visit(s, '');
      expect(quantities).toEqual(all.filter((i) => i.kind === 'quantity' || i.kind === 'count').map((i) => i.path));
    });

    it(`${file}: the money inputs are the quantities in pounds, each with a price year`, () => {
      const s = loadScenario(file);
      const { all } = scenarioInputs(s);
      const pounds = all.filter((i) => i.kind === 'quantity' && i.unit.startsWith('GBP')).map((i) => i.path);
      expect(moneyInputs(s).map((i) => i.path)).toEqual(pounds);
      for (const input of moneyInputs(s)) expect(input.node.priceYear, input.path).toMatch(/^\d{4}/);
    });
  }

  it('each input has bounds with a reason, and the schema rejects a value just outside them at that path', () => {
    const s = loadScenario(SMALL);
    const { all } = scenarioInputs(s);
    let checked = 0;
    for (const input of all) {
      expect(input.bounds.reason, input.path).toMatch(/\w/);
      if (input.kind === 'shares') expect(input.concentrationBounds.reason).toMatch(/\w/);
      for (const v of outside(input)) {
        const raw = structuredClone(readJson(SMALL)) as any;
        setRaw(raw, input, v);
        const result = parseScenario(raw);
        expect(result.ok, `${input.path} = ${v}`).toBe(false);
        if (!result.ok) expect(result.errors.some((e) => e.path.startsWith(input.path)), `${input.path} = ${v}: ${JSON.stringify(result.errors)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(all.length);
  });

  it('the tree holds the same inputs as the list, shaped like the scenario; a duration has the parts of its family', () => {
    const s = loadScenario(LEEDS);
    const { all, tree } = scenarioInputs(s);
    expect(tree.fgc.effects.byOfferPoint.preProceedings.rrEntryToCare).toBe(all.find((i) => i.path === 'fgc.effects.byOfferPoint.preProceedings.rrEntryToCare'));
    const cla = tree.pathway.cla.duration;
    expect(cla.family).toBe('lognormal');
    if (cla.family === 'lognormal') expect([cla.mean.path, cla.sd.path]).toEqual(['pathway.cla.duration.mean', 'pathway.cla.duration.sd']);
    expect(tree.pathway.cla.placements.keys).toEqual(['kinship', 'inHouseFostering', 'independentFostering', 'residential', 'other']);
    const weibull = scenarioInputs({ ...s, pathway: { ...s.pathway, cin: { ...s.pathway.cin, duration: { family: 'weibull', mean: 6, shape: 1.4, unit: 'months', source: 'test' } } } });
    expect(weibull.all.filter((i) => i.path.startsWith('pathway.cin.duration')).map((i) => [i.path, i.unit])).toEqual([
      ['pathway.cin.duration.mean', 'months'],
      ['pathway.cin.duration.shape', ''],
    ]);
    const noFinance = scenarioInputs({ ...s, finance: undefined });
    expect(noFinance.tree.finance).toBeUndefined();
    expect(noFinance.all.some((i) => i.path.startsWith('finance.'))).toBe(false);
  });

  it('says which inputs each run draws afresh: distributions, and branch shares with a concentration', () => {
    const { all } = scenarioInputs(loadScenario(LEEDS));
    const drawn = all.filter(isDrawn);
    expect(drawn.length).toBeGreaterThan(0);
    for (const input of drawn) {
      if (input.kind === 'shares') expect(input.node.concentration).toBeGreaterThan(0);
      else expect(typeof input.node === 'object' && 'dist' in input.node).toBe(true);
    }
    expect(all.filter((i) => i.kind === 'count').every((i) => !isDrawn(i))).toBe(true);
  });
});
