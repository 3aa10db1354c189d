// Quantiles of the input distributions (for tornado swings): closed forms where they exist,
// otherwise bisection on the CDF (regularised incomplete beta and gamma).
import type { DistSpec } from '../../scenario/quantity';
import { lognormalFromMoments } from './distributions';
import { betaI, gammaP, normalQuantile } from './special';

/** The CDF inverted by bisection on [lo, hi] to about 1e-12 of the range. */
function invert(cdf: (x: number) => number, p: number, lo: number, hi: number): number {
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(hi)); i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function betaQuantile(a: number, b: number, p: number): number {
  return invert((x) => betaI(a, b, x), p, 0, 1);
}

/** The p-quantile (0 < p < 1) of a distribution as the engine draws it. */
export function distQuantile(d: DistSpec, p: number): number {
  switch (d.dist) {
    case 'uniform':
      return d.min + p * (d.max - d.min);
    case 'triangular': {
      const f = (d.mode - d.min) / (d.max - d.min);
      return p < f ? d.min + Math.sqrt(p * (d.max - d.min) * (d.mode - d.min)) : d.max - Math.sqrt((1 - p) * (d.max - d.min) * (d.max - d.mode));
    }
    case 'pert': {
      const range = d.max - d.min;
      return d.min + range * betaQuantile(1 + (4 * (d.mode - d.min)) / range, 1 + (4 * (d.max - d.mode)) / range, p);
    }
    case 'normal':
      return d.mean + d.sd * normalQuantile(p);
    case 'lognormal': {
      const { mu, sigma } = lognormalFromMoments(d.mean, d.sd);
      return Math.exp(mu + sigma * normalQuantile(p));
    }
    case 'beta':
      return betaQuantile(d.alpha, d.beta, p);
    case 'gamma': {
      const shape = (d.mean * d.mean) / (d.sd * d.sd);
      const scale = (d.sd * d.sd) / d.mean;
      let hi = d.mean + 10 * d.sd;
      while (gammaP(shape, hi / scale) < p) hi *= 2;
      return invert((x) => gammaP(shape, x / scale), p, 0, hi);
    }
  }
}
