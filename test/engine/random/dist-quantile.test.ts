// Distribution quantiles against known values and against the engine's own sampler.
import { describe, expect, it } from 'vitest';
import { distQuantile } from '../../../src/engine/random/dist-quantile';
import { drawDist } from '../../../src/engine/random/draw';
import { makeRunRng } from '../../../src/engine/random/rng';
import { betaI, gammaP } from '../../../src/engine/random/special';
import type { DistSpec } from '../../../src/scenario/quantity';

describe('distribution quantiles', () => {
  it('match closed forms and textbook values', () => {
    expect(distQuantile({ dist: 'uniform', min: 2, max: 6 }, 0.1)).toBeCloseTo(2.4, 12);
    expect(distQuantile({ dist: 'normal', mean: 10, sd: 2 }, 0.9)).toBeCloseTo(10 + 2 * 1.2815515655, 7);
    // Beta(1, 1) is uniform; Beta(2, 1) has CDF x², so its P25 is 0.5.
    expect(distQuantile({ dist: 'beta', alpha: 1, beta: 1 }, 0.3)).toBeCloseTo(0.3, 9);
    expect(distQuantile({ dist: 'beta', alpha: 2, beta: 1 }, 0.25)).toBeCloseTo(0.5, 9);
    // Gamma with shape 1 is exponential: P(X ≤ x) = 1 − e^(−x/mean).
    expect(distQuantile({ dist: 'gamma', mean: 3, sd: 3 }, 0.5)).toBeCloseTo(3 * Math.log(2), 8);
    expect(gammaP(2, 2)).toBeCloseTo(1 - 3 * Math.exp(-2), 12);
    expect(gammaP(3, 10)).toBeCloseTo(1 - Math.exp(-10) * (1 + 10 + 50), 12);
    expect(betaI(2, 3, 0.4)).toBeCloseTo(0.5248, 12); // binomial form: 6·0.4²·0.6² + 4·0.4³·0.6 + 0.4⁴ = 0.5248
    // A symmetric triangular's median is its mode.
    expect(distQuantile({ dist: 'triangular', min: 0, mode: 5, max: 10 }, 0.5)).toBeCloseTo(5, 12);
  });

  it('put the engine’s draws at their quantiles: the share of 20,000 draws below P10 and P90 is 10% and 90% within 4 standard errors', () => {
    const dists: DistSpec[] = [
      { dist: 'pert', min: 0.3, mode: 0.6, max: 1.1 },
      { dist: 'lognormal', mean: 40, sd: 15 },
      { dist: 'gamma', mean: 2, sd: 1.5 },
      { dist: 'beta', alpha: 3, beta: 9 },
      { dist: 'triangular', min: 0, mode: 2, max: 10 },
    ];
    const n = 20_000;
    for (const d of dists) {
      const rng = makeRunRng(`quantile|${d.dist}`, 0);
      const draws = Array.from({ length: n }, () => drawDist(d, rng));
      for (const p of [0.1, 0.9]) {
        const q = distQuantile(d, p);
        const share = draws.filter((x) => x <= q).length / n;
        expect(Math.abs(share - p), `${d.dist} P${p * 100}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
      }
    }
  });
});
