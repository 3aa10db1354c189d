// Hostile scenarios (issue 21, point 2): prototype-named keys, throwing inputs, sizes beyond any council and degenerate distributions are reported problems naming the field, never a crash or a quiet run.
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../src/scenario/parse';
import { readJson, SMALL } from '../helpers/scenarios';

/** The problems of the small council with `edit` applied, as `path: message` lines (the scenario must be refused). */
function problems(edit: (raw: any) => void): string[] {
  const raw = structuredClone(readJson(SMALL)) as any;
  edit(raw);
  const result = parseScenario(raw);
  expect(result.ok, 'the scenario should be refused').toBe(false);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('prototype-named keys and throwing inputs (fail on the code before: accepted, or a TypeError)', () => {
  it('a root "__proto__" key (as JSON.parse makes it: an own key) is an unknown key', () => {
    const text = JSON.stringify(readJson(SMALL)).replace(/^\{/, '{"__proto__":{"polluted":1},');
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  for (const key of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
    it(`a "${key}" key at the root and inside simulation is an unknown key`, () => {
      const lines = problems((r) => {
        r[key] = 1;
        r.simulation[key] = 1;
      });
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^${key}: unknown key`)), expect.stringMatching(new RegExp(`^simulation\\.${key}: unknown key`))]);
    });
  }

  for (const dist of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    it(`"dist": "${dist}" on a quantity and on a duration's mean is a reported problem`, () => {
      expect(problems((r) => (r.fgc.acceptance = { dist, unit: 'probability', source: 'x' }))).toEqual([
        expect.stringMatching(/^fgc\.acceptance\.dist: must be one of uniform, .*got/),
      ]);
      expect(problems((r) => (r.pathway.cin.duration.mean = { dist }))).toEqual([expect.stringMatching(/^pathway\.cin\.duration\.mean\.dist: must be one of/)]);
    });
  }

  it('a duration family or a unit named like a prototype member is reported', () => {
    expect(problems((r) => (r.pathway.cin.duration.family = 'constructor'))).toEqual([expect.stringMatching(/^pathway\.cin\.duration\.family: must be/)]);
    expect(problems((r) => (r.demand.countModel = 'toString'))).toEqual([expect.stringMatching(/^demand\.countModel: must be/)]);
  });

  it('anything thrown inside validation becomes a problem naming the field path, never an exception', () => {
    const lines = problems((r) =>
      Object.defineProperty(r.simulation, 'runs', {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      }),
    );
    expect(lines).toEqual(['simulation.runs: could not be checked (boom)']);
    const raw = structuredClone(readJson(SMALL)) as any;
    raw.demand = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    const result = parseScenario(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ path: 'demand', message: 'could not be checked (trap)' }]);
  });
});
