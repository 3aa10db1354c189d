// Every numeric input of a shipped scenario taken to each end of its bounds: one run of 12 months is either
// refused with problems that name fields, or runs with every result a finite number (issue 21, point 3).
import { describe, expect, it } from 'vitest';
import { notFinite } from '../../helpers/finite';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { parseScenario } from '../../../src/scenario/parse';
import { scenarioInputs } from '../../../src/scenario/inputs';
import { LEEDS, readJson, validated } from '../../helpers/scenarios';

type Json = Record<string, unknown>;

/** A copy of the raw scenario with the number at `path` (a quantity's value, a bare number or a count's value) set to `value`. */
function withValue(raw: Json, path: string, value: number): Json {
  const copy = structuredClone(raw);
  // "a.b[2].c": an array's item by its index.
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node = copy as Json;
  for (const key of keys.slice(0, -1)) node = node[key] as Json;
  const last = keys[keys.length - 1]!;
  const old = node[last];
  if (old !== null && typeof old === 'object') {
    const { dist: _dist, min: _min, max: _max, mode: _mode, mean: _mean, sd: _sd, alpha: _a, beta: _b, ...rest } = old as Json;
    node[last] = { ...rest, value };
  } else node[last] = value;
  return copy;
}

describe('every input at its bounds', () => {
  const raw = readJson(LEEDS) as Json;
  const inputs = scenarioInputs(validated(raw)).all.filter((i) => i.kind !== 'shares');

  it('the walk offers the sweep every numeric input of the scenario', () => {
    expect(inputs.length).toBeGreaterThan(40);
  });

  it('each end of each input is refused naming a field, or runs to finite results', () => {
    const outcomes: string[] = [];
    for (const input of inputs) {
      const b = input.bounds;
      const lower = b.min === undefined ? -1e300 : b.exclusiveMin ? b.min + (b.integer ? 1 : 1e-9) : b.min;
      const upper = b.max ?? b.limit ?? 1e300;
      for (const value of [lower, upper]) {
        const parsed = parseScenario(withValue(raw, input.path, value));
        if (!parsed.ok) {
          // Refused: every problem names a field.
          for (const e of parsed.errors) expect([input.path, value, e.path.length > 0]).toEqual([input.path, value, true]);
          outcomes.push(`${input.path}=${value}: refused`);
          continue;
        }
        let summary: unknown;
        try {
          summary = runSimulation(parsed.value, { runs: 1, months: 12, seed: 'bounds' });
        } catch (e) {
          // Refused by the run: its message names an input path or the run, arm and series.
          expect([input.path, value, (e as Error).message]).toEqual([input.path, value, expect.stringMatching(/^([a-zA-Z]+(\.[a-zA-Z0-9]+)+: |run \d+, arm ")/)]);
          outcomes.push(`${input.path}=${value}: refused by the run`);
          continue;
        }
        expect([input.path, value, notFinite(summary).slice(0, 3)]).toEqual([input.path, value, []]);
        outcomes.push(`${input.path}=${value}: ran`);
      }
    }
    expect(outcomes.length).toBe(2 * inputs.length);
  }, 120_000);
});
