import { describe, expect, it } from 'vitest';
import { negativeBinomial, poisson } from '../../../src/engine/random/distributions';
import { drawDist } from '../../../src/engine/random/draw';
import { KeyedStream, makeRunRng } from '../../../src/engine/random/rng';
import { Purpose } from '../../../src/engine/sim/wasm/layout';
import { Sojourn } from '../../../src/engine/sim/sojourn';
import { logGamma } from '../../../src/engine/random/special';
import type { DistSpec } from '../../../src/scenario/quantity';
import { moments, Z } from '../../helpers/moments';

const N = 100_000;

function sampleDist(d: DistSpec, seed: string): Float64Array {
  const rng = makeRunRng(seed, 0);
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = drawDist(d, rng);
  return xs;
}

function expectMoments(xs: Float64Array, mean: number, variance: number): void {
  const m = moments(xs);
  expect(Math.abs(m.mean - mean)).toBeLessThanOrEqual(Z * m.seMean);
  expect(Math.abs(m.variance - variance)).toBeLessThanOrEqual(Z * m.seVariance);
}

describe('parameter distributions match their theoretical mean and variance', () => {
  const betaMoments = (a: number, b: number) => ({ mean: a / (a + b), variance: (a * b) / ((a + b) ** 2 * (a + b + 1)) });
  const cases: Array<[string, DistSpec, number, number]> = [
    ['uniform', { dist: 'uniform', min: 2, max: 5 }, 3.5, 9 / 12],
    ['triangular', { dist: 'triangular', min: 0.6, mode: 0.81, max: 1 }, (0.6 + 0.81 + 1) / 3, (0.36 + 0.6561 + 1 - 0.6 * 0.81 - 0.6 - 0.81) / 18],
    ['normal', { dist: 'normal', mean: -3, sd: 2 }, -3, 4],
    ['lognormal', { dist: 'lognormal', mean: 42, sd: 46 }, 42, 46 * 46],
    ['beta', { dist: 'beta', alpha: 18, beta: 12 }, betaMoments(18, 12).mean, betaMoments(18, 12).variance],
    ['gamma (shape > 1)', { dist: 'gamma', mean: 10, sd: 4 }, 10, 16],
    ['gamma (shape < 1)', { dist: 'gamma', mean: 1, sd: 2 }, 1, 4],
  ];
  for (const [name, spec, mean, variance] of cases) {
    it(`${name}`, () => expectMoments(sampleDist(spec, name), mean, variance));
  }

  it('pert has mean (min + 4 mode + max) / 6 and the variance of its scaled beta', () => {
    const [min, mode, max] = [31_040, 45_000, 95_294];
    const a = 1 + (4 * (mode - min)) / (max - min);
    const b = 1 + (4 * (max - mode)) / (max - min);
    const { mean, variance } = betaMoments(a, b);
    expectMoments(sampleDist({ dist: 'pert', min, mode, max }, 'pert'), min + mean * (max - min), variance * (max - min) ** 2);
  });

  it('every draw stays inside a bounded distribution’s support', () => {
    const xs = sampleDist({ dist: 'triangular', min: 0.31, mode: 0.45, max: 0.51 }, 'support');
    expect(xs.reduce((a, b) => Math.min(a, b), Infinity)).toBeGreaterThanOrEqual(0.31);
    expect(xs.reduce((a, b) => Math.max(a, b), -Infinity)).toBeLessThanOrEqual(0.51);
  });
});

describe('count models', () => {
  for (const lambda of [3.5, 29, 348]) {
    it(`Poisson(${lambda}) has mean and variance ${lambda}`, () => {
      const rng = makeRunRng('poisson', lambda);
      const xs = new Float64Array(N);
      for (let i = 0; i < N; i++) xs[i] = poisson(rng, lambda);
      expectMoments(xs, lambda, lambda);
    });
  }

  it('negative binomial has variance mean + mean²/k', () => {
    const rng = makeRunRng('nb', 0);
    const [mean, k] = [348, 60];
    const xs = new Float64Array(N);
    for (let i = 0; i < N; i++) xs[i] = negativeBinomial(rng, mean, k);
    expectMoments(xs, mean, mean + (mean * mean) / k);
  });
});

describe('sojourn-time distributions (family streams)', () => {
  const stream = new KeyedStream(12345, 67890);
  const sampleSojourn = (s: Sojourn, residual = false) => {
    const xs = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      stream.at(i, Purpose.Sojourn, 1);
      xs[i] = residual ? s.sampleResidual(stream) : s.sample(stream);
    }
    return xs;
  };
  const weibullMoments = (mean: number, k: number) => {
    const scale = mean / Math.exp(logGamma(1 + 1 / k));
    return { mean, second: scale * scale * Math.exp(logGamma(1 + 2 / k)), third: scale ** 3 * Math.exp(logGamma(1 + 3 / k)) };
  };

  it('lognormal sojourns have the requested mean and sd', () => {
    expectMoments(sampleSojourn(Sojourn.lognormal(41.8, 46)), 41.8, 46 * 46);
  });
  it('gamma sojourns have the requested mean and sd', () => {
    expectMoments(sampleSojourn(Sojourn.gamma(3.7, 1.4)), 3.7, 1.4 * 1.4);
  });
  it('Weibull sojourns have mean and variance from the gamma function', () => {
    const w = weibullMoments(8.5, 1.3);
    expectMoments(sampleSojourn(Sojourn.weibull(8.5, 1.3)), w.mean, w.second - w.mean * w.mean);
  });
  it('empirical sojourns are uniform within bins with the given weights', () => {
    const edges = [0, 6, 24, 60];
    const weights = [0.5, 0.3, 0.2];
    const mean = weights.reduce((acc, w, i) => acc + (w * (edges[i]! + edges[i + 1]!)) / 2, 0);
    const second = weights.reduce((acc, w, i) => acc + (w * (edges[i]! ** 2 + edges[i]! * edges[i + 1]! + edges[i + 1]! ** 2)) / 3, 0);
    expectMoments(sampleSojourn(Sojourn.empirical(edges, weights)), mean, second - mean * mean);
  });

  // The equilibrium residual of T has mean E[T²] / (2 E[T]): far longer than E[T] for long-tailed stays.
  it('residual times of the initial stock are length-biased: mean E[T²]/(2E[T])', () => {
    const lognormal = sampleSojourn(Sojourn.lognormal(41.8, 46), true);
    const lm = moments(lognormal);
    const expected = (46 * 46 + 41.8 * 41.8) / (2 * 41.8);
    expect(Math.abs(lm.mean - expected)).toBeLessThanOrEqual(Z * lm.seMean);
    expect(lm.mean).toBeGreaterThan(41.8);

    const g = moments(sampleSojourn(Sojourn.gamma(8.5, 6), true));
    expect(Math.abs(g.mean - (36 + 8.5 * 8.5) / 17)).toBeLessThanOrEqual(Z * g.seMean);

    const w = weibullMoments(8.5, 1.3);
    const wm = moments(sampleSojourn(Sojourn.weibull(8.5, 1.3), true));
    expect(Math.abs(wm.mean - w.second / (2 * w.mean))).toBeLessThanOrEqual(Z * wm.seMean);

    const e = moments(sampleSojourn(Sojourn.empirical([0, 6, 24, 60], [0.5, 0.3, 0.2]), true));
    const eMean = 0.5 * 3 + 0.3 * 15 + 0.2 * 42;
    const eSecond = (0.5 * 36) / 3 + (0.3 * (36 + 144 + 576)) / 3 + (0.2 * (576 + 1440 + 3600)) / 3;
    expect(Math.abs(e.mean - eSecond / (2 * eMean))).toBeLessThanOrEqual(Z * e.seMean);
  });
});
