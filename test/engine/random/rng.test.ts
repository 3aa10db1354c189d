import { describe, expect, it } from 'vitest';
import { KeyedStream, makeRunRng } from '../../../src/engine/random/rng';
import { Purpose } from '../../../src/engine/sim/wasm/layout';
import { moments, Z } from '../../helpers/moments';

describe('seeded streams', () => {
  it('a run stream depends only on (seed, run)', () => {
    const a = makeRunRng('s', 3);
    const b = makeRunRng('s', 3);
    const c = makeRunRng('s', 4);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect([c(), c(), c()]).not.toEqual(xs);
  });

  it('keyed family streams are uniform on (0, 1) with variance 1/12', () => {
    const stream = new KeyedStream(1, 2);
    const xs = new Float64Array(200_000);
    for (let i = 0; i < xs.length; i++) xs[i] = stream.at(i >> 2, Purpose.Branch, i & 3).next();
    const m = moments(xs);
    expect(Math.abs(m.mean - 0.5)).toBeLessThanOrEqual(Z * m.seMean);
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThanOrEqual(Z * m.seVariance);
    expect(xs.reduce((a, b) => Math.min(a, b), Infinity)).toBeGreaterThan(0);
    expect(xs.reduce((a, b) => Math.max(a, b), -Infinity)).toBeLessThan(1);
  });

  it('draws of neighbouring families and purposes are uncorrelated', () => {
    const stream = new KeyedStream(99, 7);
    const n = 100_000;
    let sxy = 0;
    let sxz = 0;
    for (let f = 0; f < n; f++) {
      const x = stream.at(f, Purpose.Sojourn, 1).next() - 0.5;
      const y = stream.at(f + 1, Purpose.Sojourn, 1).next() - 0.5;
      const z = stream.at(f, Purpose.Branch, 1).next() - 0.5;
      sxy += x * y;
      sxz += x * z;
    }
    // Correlation of independent uniforms has standard error 1/sqrt(n).
    expect(Math.abs((sxy / n) * 12)).toBeLessThan(Z / Math.sqrt(n));
    expect(Math.abs((sxz / n) * 12)).toBeLessThan(Z / Math.sqrt(n));
  });

  it('the same (family, purpose, episode) always gives the same draws', () => {
    const s1 = new KeyedStream(5, 6).at(10, Purpose.Offer, 2);
    const first = [s1.next(), s1.next()];
    const s2 = new KeyedStream(5, 6).at(10, Purpose.Offer, 2);
    expect([s2.next(), s2.next()]).toEqual(first);
  });
});
