// Selecting ranks without a full sort gives exactly the values a sort gives.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { quantilesInPlace, selectRanks } from '../../../src/engine/results/select';
import { quantileSorted, stat, statInPlace } from '../../../src/engine/results/summarise';

const PS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

describe('selectRanks and quantilesInPlace', () => {
  it('match a full sort on arrays of every size, with ties, runs and negative values', () => {
    const rng = seedrandom('select');
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + Math.floor(rng() * (trial < 200 ? 40 : 3000));
      const kind = trial % 4;
      const values = Float64Array.from({ length: n }, (_, i) =>
        kind === 0 ? rng() * 1e6 - 5e5 : kind === 1 ? Math.floor(rng() * 5) : kind === 2 ? i : n - i,
      );
      const sorted = Float64Array.from(values).sort();
      const ranks = [...new Set([0, n - 1, Math.floor(n / 2), Math.floor(rng() * n)])].sort((a, b) => a - b);
      const selected = Float64Array.from(values);
      selectRanks(selected, ranks);
      for (const r of ranks) expect(selected[r]).toBe(sorted[r]);
      const out: number[] = [];
      quantilesInPlace(Float64Array.from(values), PS, out);
      expect(out).toEqual(PS.map((p) => quantileSorted(sorted, p)));
    }
  });

  it('gives NaN for no values and sorts NaN last like a sort', () => {
    const out: number[] = [];
    quantilesInPlace(new Float64Array(0), [0.5], out);
    expect(out).toEqual([NaN]);
    quantilesInPlace(Float64Array.from([3, NaN, 1, 2]), [0, 0.5], out);
    expect(out).toEqual([1, 2.5]);
  });

  it('stat and statInPlace give the mean summed in the values\' own order and type-7 percentiles; stat leaves its values as they were', () => {
    const rng = seedrandom('stat in place');
    const keys = ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
    for (let trial = 0; trial < 50; trial++) {
      // Both signs and full mantissas: a sum in another order would differ in its last bits.
      const values = Float64Array.from({ length: 100 + Math.floor(rng() * 500) }, () => (rng() - 0.4) * 1e6);
      let sum = 0;
      for (const v of values) sum += v;
      const sorted = Float64Array.from(values).sort();
      const expected = { mean: sum / values.length, ...Object.fromEntries(keys.map((k, i) => [k, quantileSorted(sorted, PS[i]!)])) };
      const before = Float64Array.from(values);
      expect(stat(values)).toEqual(expected);
      expect(values).toEqual(before);
      expect(statInPlace(values)).toEqual(expected);
    }
  });
});
