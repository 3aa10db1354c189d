// Values of an input's distribution: one draw from it, and its central value (the mean).
import type { DistSpec, Quantity, Uncertain } from '../../scenario/quantity';
import { beta, gamma, lognormalFromMoments, pert, standardNormal, triangular } from './distributions';
import type { Rng } from './rng';

/** Draws one value from a distribution. */
export function drawDist(d: DistSpec, rng: Rng): number {
  switch (d.dist) {
    case 'uniform':
      return d.min + rng() * (d.max - d.min);
    case 'triangular':
      return triangular(rng, d.min, d.mode, d.max);
    case 'pert':
      return pert(rng, d.min, d.mode, d.max);
    case 'normal':
      return d.mean + d.sd * standardNormal(rng);
    case 'lognormal': {
      const { mu, sigma } = lognormalFromMoments(d.mean, d.sd);
      return Math.exp(mu + sigma * standardNormal(rng));
    }
    case 'beta':
      return beta(rng, d.alpha, d.beta);
    case 'gamma':
      return gamma(rng, (d.mean * d.mean) / (d.sd * d.sd), (d.sd * d.sd) / d.mean);
  }
}

/** Central value of an input (its fixed value, or the mean of its distribution). */
export function centralValue(q: Quantity | Uncertain): number {
  if (typeof q === 'number') return q;
  if ('value' in q) return q.value;
  switch (q.dist) {
    case 'uniform':
      return (q.min + q.max) / 2;
    case 'triangular':
      return (q.min + q.mode + q.max) / 3;
    case 'pert':
      return (q.min + 4 * q.mode + q.max) / 6;
    case 'beta':
      return q.alpha / (q.alpha + q.beta);
    default:
      return q.mean;
  }
}
