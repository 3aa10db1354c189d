// Sojourn-time distributions in months: a family's time in a state, and the residual time of a family already there.
import { gamma } from '../random/distributions';
import type { KeyedStream } from '../random/rng';
import { QuantileTable } from '../random/quantile-table';
import { gammaP, logGamma, normalQuantile } from '../random/special';

/** Days in an average month (365.25 / 12). */
export const DAYS_PER_MONTH = 30.4375;

export const enum SojournKind {
  Lognormal = 0,
  Gamma = 1,
  Weibull = 2,
  Empirical = 3,
}

/**
 * The positioned stream a gamma draw reads, set just before each: one uniform source for every
 * sojourn, not a closure per sojourn (sojourns are made afresh for each run, and V8 compiled each
 * run's closures again and again).
 */
let gammaStream: KeyedStream | undefined;

function gammaUniform(): number {
  return gammaStream!.next();
}

/**
 * A duration distribution in months. `sample` draws a fresh sojourn; `sampleResidual` draws the
 * time left for a family found in the state at a random moment of a stationary flow (density
 * S(r)/E[T]): the length-biased total times a uniform, so the initial stock is not made to leave early.
 */
export class Sojourn {
  /** Inverse CDF table for the kinds sampled by inversion (lognormal, Weibull): a draw is table.at(first uniform of the sub-stream). */
  readonly table: QuantileTable | undefined;

  private constructor(
    readonly kind: SojournKind,
    /** Mean time in the state, months. */
    readonly meanMonths: number,
    private readonly a: number,
    private readonly b: number,
    private readonly edges: Float64Array = new Float64Array(0),
    private readonly cumWeights: Float64Array = new Float64Array(0),
    private readonly cumBiased: Float64Array = new Float64Array(0),
  ) {
    if (kind === SojournKind.Lognormal) this.table = QuantileTable.lognormal(a, b);
    if (kind === SojournKind.Weibull) this.table = QuantileTable.of((u) => b * Math.pow(-Math.log1p(-u), 1 / a));
  }

  /**
   * Why this distribution cannot be simulated (a mean or a derived parameter that is not a finite positive number,
   * as from extreme inputs: a gamma shape that overflows, a lognormal sigma of 1e200), or undefined if it can.
   */
  problem(): string | undefined {
    if (!(Number.isFinite(this.meanMonths) && this.meanMonths > 0)) return `its mean is ${this.meanMonths} months, not a finite positive number`;
    if (this.kind === SojournKind.Empirical) return undefined;
    if (this.kind === SojournKind.Lognormal) {
      // mu may be any finite number, sigma any finite number from 0 (a fixed time).
      if (!Number.isFinite(this.a)) return `its mu works out at ${this.a}, not a finite number`;
      if (!(Number.isFinite(this.b) && this.b >= 0)) return `its sigma works out at ${this.b}, not a finite number from 0`;
      return undefined;
    }
    // Gamma and Weibull: shape (a) and scale (b) finite and positive.
    if (!(Number.isFinite(this.a) && this.a > 0)) return `its shape works out at ${this.a}, not a finite positive number`;
    if (!(Number.isFinite(this.b) && this.b > 0)) return `its scale works out at ${this.b}, not a finite positive number`;
    return undefined;
  }

  /** Lognormal with the given mean and standard deviation, months. */
  static lognormal(mean: number, sd: number): Sojourn {
    const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
    return new Sojourn(SojournKind.Lognormal, mean, Math.log(mean) - sigma2 / 2, Math.sqrt(sigma2));
  }

  /** Gamma with the given mean and standard deviation, months (shape = (mean/sd)², scale = sd²/mean). */
  static gamma(mean: number, sd: number): Sojourn {
    return new Sojourn(SojournKind.Gamma, mean, (mean * mean) / (sd * sd), (sd * sd) / mean);
  }

  /** Weibull with the given mean (months) and shape k; scale = mean / Γ(1 + 1/k). */
  static weibull(mean: number, shape: number): Sojourn {
    return new Sojourn(SojournKind.Weibull, mean, shape, mean / Math.exp(logGamma(1 + 1 / shape)));
  }

  /** A histogram: uniform within each bin [edges[i], edges[i+1]) with the given weights (sum 1), months. */
  static empirical(edges: number[], weights: number[]): Sojourn {
    const n = weights.length;
    const cum = new Float64Array(n);
    const biased = new Float64Array(n);
    let c = 0;
    let cb = 0;
    let mean = 0;
    for (let i = 0; i < n; i++) {
      const mid = (edges[i]! + edges[i + 1]!) / 2;
      c += weights[i]!;
      cb += weights[i]! * mid;
      mean += weights[i]! * mid;
      cum[i] = c;
      biased[i] = cb;
    }
    for (let i = 0; i < n; i++) {
      cum[i]! /= c;
      biased[i]! /= cb;
    }
    return new Sojourn(SojournKind.Empirical, mean / c, 0, 0, Float64Array.from(edges), cum, biased);
  }

  /** P(stay ≤ x), x in months. */
  cdf(x: number): number {
    if (!(x > 0)) return 0;
    switch (this.kind) {
      case SojournKind.Lognormal: {
        if (this.b === 0) return x < Math.exp(this.a) ? 0 : 1;
        const z = (Math.log(x) - this.a) / this.b;
        // Φ(z) from the regularised incomplete gamma: erf(y) = P(1/2, y²).
        const half = gammaP(0.5, (z * z) / 2) / 2;
        return z < 0 ? 0.5 - half : 0.5 + half;
      }
      case SojournKind.Gamma:
        return gammaP(this.a, x / this.b);
      case SojournKind.Weibull:
        return -Math.expm1(-Math.pow(x / this.b, this.a));
      case SojournKind.Empirical: {
        const e = this.edges;
        let below = 0;
        for (let i = 0; i < this.cumWeights.length; i++) {
          const lo = e[i]!;
          const hi = e[i + 1]!;
          const weight = this.cumWeights[i]! - below;
          if (x < hi) return below + (x > lo ? (weight * (x - lo)) / (hi - lo) : 0);
          below = this.cumWeights[i]!;
        }
        return 1;
      }
    }
  }

  /**
   * The stay of months whose cdf is p: in closed form for a lognormal, a Weibull and a histogram; by bisection on the
   * cdf for a gamma (exact to about 1e-12 of the stay).
   */
  quantile(p: number): number {
    if (!(p > 0)) return 0;
    if (!(p < 1)) return Infinity;
    switch (this.kind) {
      case SojournKind.Lognormal:
        return Math.exp(this.a + this.b * normalQuantile(p));
      case SojournKind.Weibull:
        return this.b * Math.pow(-Math.log1p(-p), 1 / this.a);
      case SojournKind.Empirical: {
        let below = 0;
        for (let i = 0; i < this.cumWeights.length; i++) {
          const upTo = this.cumWeights[i]!;
          if (p <= upTo && upTo > below) return this.edges[i]! + ((p - below) / (upTo - below)) * (this.edges[i + 1]! - this.edges[i]!);
          below = upTo;
        }
        return this.edges[this.edges.length - 1]!;
      }
      case SojournKind.Gamma:
        break;
    }
    let lo = 0;
    let hi = Math.max(1, this.meanMonths);
    while (this.cdf(hi) < p && hi < 1e12) hi *= 2;
    for (let i = 0; i < 100 && hi - lo > 1e-12 * hi; i++) {
      const mid = (lo + hi) / 2;
      if (this.cdf(mid) < p) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }

  /**
   * A stay of `stay` months whose hazard is multiplied by `factor` from `from` months into it on: the same draw's
   * place in the distribution after `from`, moved, S'(x) = S(from) (S(x) / S(from))^factor. A stay that ended by
   * `from` is unchanged; a factor above 1 shortens every stay that goes on past it, below 1 lengthens it.
   */
  hazardScaled(stay: number, from: number, factor: number): number {
    if (!(stay > from) || factor === 1) return stay;
    const survivingFrom = 1 - this.cdf(from);
    const surviving = 1 - this.cdf(stay);
    if (!(survivingFrom > 0) || !(surviving > 0)) return stay;
    const moved = survivingFrom * Math.pow(surviving / survivingFrom, 1 / factor);
    return Math.max(from, this.quantile(1 - moved));
  }

  /** A lognormal's log-mean and log-sd (months), else undefined. */
  logParameters(): { mu: number; sigma: number } | undefined {
    return this.kind === SojournKind.Lognormal ? { mu: this.a, sigma: this.b } : undefined;
  }

  /** A fresh sojourn, months, from the positioned stream (lognormal and Weibull: one uniform, by inversion from a table). */
  sample(stream: KeyedStream): number {
    switch (this.kind) {
      case SojournKind.Lognormal:
      case SojournKind.Weibull:
        return this.table!.at(stream.next());
      case SojournKind.Gamma:
        gammaStream = stream;
        return gamma(gammaUniform, this.a, this.b);
      case SojournKind.Empirical: {
        const i = pickBin(this.cumWeights, stream.next());
        const lo = this.edges[i]!;
        return lo + stream.next() * (this.edges[i + 1]! - lo);
      }
    }
  }

  /** The time already spent in the state by the family of the last sampleResidual: the rest of the same stay. */
  lastResidualAge = 0;

  /** Time left for a family already in the state at a random moment of a stationary flow, months. */
  sampleResidual(stream: KeyedStream): number {
    const share = stream.next();
    let total: number;
    switch (this.kind) {
      case SojournKind.Lognormal:
        // Length-biasing a lognormal shifts its log-mean by sigma².
        total = Math.exp(this.a + this.b * this.b + this.b * normalQuantile(stream.next()));
        break;
      case SojournKind.Gamma:
        gammaStream = stream;
        total = gamma(gammaUniform, this.a + 1, this.b);
        break;
      case SojournKind.Weibull:
        // t·f(t) for a Weibull: (t/scale)^k ~ Gamma(1 + 1/k).
        gammaStream = stream;
        total = this.b * Math.pow(gamma(gammaUniform, 1 + 1 / this.a, 1), 1 / this.a);
        break;
      case SojournKind.Empirical: {
        const i = pickBin(this.cumBiased, stream.next());
        const lo = this.edges[i]!;
        const hi = this.edges[i + 1]!;
        total = Math.sqrt(lo * lo + stream.next() * (hi * hi - lo * lo));
        break;
      }
    }
    this.lastResidualAge = (1 - share) * total;
    return share * total;
  }
}

function pickBin(cum: Float64Array, u: number): number {
  const last = cum.length - 1;
  for (let i = 0; i < last; i++) if (u < cum[i]!) return i;
  return last;
}
