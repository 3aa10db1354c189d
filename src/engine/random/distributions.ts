// Samplers for parameter distributions and counts, each taking its uniforms from an injected Rng.
import type { Rng } from './rng';
import { logGamma, normalQuantile } from './special';

/** A draw from N(0, 1) by inversion (one uniform, so draws stay aligned across arms). */
export function standardNormal(rng: Rng): number {
  return normalQuantile(rng());
}

/** Gamma(shape, scale) by Marsaglia and Tsang; shape < 1 uses the U^(1/shape) boost. */
export function gamma(rng: Rng, shape: number, scale: number): number {
  if (shape < 1) {
    const u = rng();
    return gamma(rng, shape + 1, scale) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** Beta(alpha, beta) from two gammas. */
export function beta(rng: Rng, alpha: number, betaParam: number): number {
  const x = gamma(rng, alpha, 1);
  const y = gamma(rng, betaParam, 1);
  return x / (x + y);
}

/** Triangular(min, mode, max) by inversion. */
export function triangular(rng: Rng, min: number, mode: number, max: number): number {
  const u = rng();
  const f = (mode - min) / (max - min);
  return u < f
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** PERT(min, mode, max): a beta scaled to [min, max] with shape weight 4. */
export function pert(rng: Rng, min: number, mode: number, max: number): number {
  const range = max - min;
  const a = 1 + (4 * (mode - min)) / range;
  const b = 1 + (4 * (max - mode)) / range;
  return min + beta(rng, a, b) * range;
}

/** Lognormal parameters (mu, sigma of the log) from the variable's mean and standard deviation. */
export function lognormalFromMoments(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** Poisson(lambda): inversion for small lambda, Hörmann's PTRS transformed rejection otherwise. */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda < 30) {
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    const u = rng();
    while (u > cdf && k < 1000) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logGamma(k + 1)) {
      return k;
    }
  }
}

/** Negative binomial with the given mean and dispersion k (variance = mean + mean²/k), as a gamma–Poisson mixture. */
export function negativeBinomial(rng: Rng, mean: number, dispersion: number): number {
  if (mean <= 0) return 0;
  return poisson(rng, gamma(rng, dispersion, mean / dispersion));
}
