// A standing fuzz test (issue 21, point 7): seeded hostile scenarios and flag sets are either run to finite results
// or refused with a message naming a field or flag; nothing crashes, hangs or answers quietly wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../src/cli/options';
import { runSimulation } from '../src/engine/sim/simulate';
import { parseScenario } from '../src/scenario/parse';
import { notFinite } from './helpers/finite';
import { LEEDS, readJson } from './helpers/scenarios';

type Json = Record<string, unknown>;
const LEEDS_RAW = readJson(LEEDS) as Json;

/** Every path in the scenario to a number, string, array or object (what a hostile edit may replace). */
function paths(node: unknown, at: string[] = []): string[][] {
  if (node === null || typeof node !== 'object') return [at];
  const here = at.length ? [at] : [];
  return [...here, ...Object.entries(node as Json).flatMap(([k, v]) => paths(v, [...at, k]))];
}
const PATHS = paths(LEEDS_RAW);
/** The paths to numbers: an edit there keeps the scenario's shape, so more of them get past the validator to a run. */
const NUMBER_PATHS = PATHS.filter((p) => typeof p.reduce<unknown>((n, k) => (n as Json)[k], LEEDS_RAW) === 'number');

/** Values a hostile tester types: extreme and odd numbers, wrong types, prototype-named keys, long arrays. */
const hostileValue = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -1, 1e308, -1e308, 5e-324, 1e-300, 255, 256, 2 ** 31, 2 ** 53, 0.5),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('constructor', '__proto__', 'toString', 'lognormal', 'gamma', 'weibull', 'empirical', '2015/16', '0x10'),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.double({ noNaN: true, min: -10, max: 10 }), { maxLength: 40 }),
  fc.constantFrom({}, { __proto__: 1 }, { constructor: 1 }, { dist: 'constructor' }, { dist: 'gamma', mean: 1e200, sd: 1e-200 }),
);

/** An edit: anything anywhere, or (as often) an extreme number where a number is. */
const edit = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: PATHS.length - 1 }), hostileValue).map(([i, value]) => [PATHS[i]!, value] as const),
  fc.tuple(fc.integer({ min: 0, max: NUMBER_PATHS.length - 1 }), fc.oneof(fc.double({ noNaN: true }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ min: 0, max: 2, noNaN: true }))).map(([i, value]) => [NUMBER_PATHS[i]!, value] as const),
);

/** A copy of the scenario with up to three values replaced. */
const hostileScenario = fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
  const copy = structuredClone(LEEDS_RAW);
  for (const [path, value] of edits) {
    let node = copy as Json;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      if (next === null || typeof next !== 'object') break;
      node = next as Json;
    }
    node[path[path.length - 1]!] = value;
  }
  return copy;
});

describe('fuzz', () => {
  it('a hostile scenario is refused naming fields, or runs (one run, three months) to finite results', () => {
    const outcomes = { refused: 0, valid: 0 };
    fc.assert(
      fc.property(hostileScenario, (raw) => {
        const parsed = parseScenario(raw);
        outcomes[parsed.ok ? 'valid' : 'refused']++;
        if (!parsed.ok) {
          expect(parsed.errors.length).toBeGreaterThan(0);
          for (const e of parsed.errors) expect(typeof e.message === 'string' && e.message.length > 0).toBe(true);
          return;
        }
        let summary: unknown;
        try {
          summary = runSimulation(parsed.value, { runs: 1, months: 3, seed: 'fuzz' });
        } catch (e) {
          expect((e as Error).message).toMatch(/^([a-zA-Z]+(\.[a-zA-Z0-9]+)+: |run \d+, arm ")/);
          return;
        }
        expect(notFinite(summary).slice(0, 3)).toEqual([]);
      }),
      { seed: 20261206, numRuns: 300 },
    );
    // The cases reach both sides: some are refused, and some get past the validator to a run.
    expect(outcomes.refused).toBeGreaterThan(20);
    expect(outcomes.valid).toBeGreaterThan(20);
  }, 120_000);

  it('a hostile flag set is read or refused with one UsageError naming what is wrong, never another exception', () => {
    const flagValue = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('0x10', '1e3', '-1', '0', 'Infinity', 'NaN', ' 2 , 0b11', '1e308', '', '600', '601', '100000', '100001'));
    const flag = fc.constantFrom('--runs', '--months', '--seed', '--capacity', '--workers', '--discount-rate', '--price-year', '--format', '--sensitivity-output', '--tornado-runs', '--out', '--bogus');
    fc.assert(
      fc.property(fc.array(fc.tuple(flag, flagValue), { maxLength: 4 }), (pairs) => {
        const argv = ['scenario.json', ...pairs.flat()];
        try {
          parseCliArgs(argv);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
          expect((e as Error).message.length).toBeGreaterThan(0);
          expect((e as Error).message).not.toContain('\n');
        }
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });
});
