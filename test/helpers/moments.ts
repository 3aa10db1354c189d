// Sample moments and tolerances from the sampling error, for statistical tests with fixed seeds.

export interface Moments {
  n: number;
  mean: number;
  variance: number;
  /** Standard error of the mean, from the sample. */
  seMean: number;
  /** Standard error of the sample variance: sqrt((m4 − s⁴) / n), from the sample. */
  seVariance: number;
}

export function moments(xs: ArrayLike<number>): Moments {
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i]!;
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m4 += d2 * d2;
  }
  const variance = m2 / (n - 1);
  m4 /= n;
  return { n, mean, variance, seMean: Math.sqrt(variance / n), seVariance: Math.sqrt(Math.max(m4 - variance * variance, 0) / n) };
}

/** z for tests: 4.5 standard errors, a false alarm about once in 150,000 checks. */
export const Z = 4.5;

/** Asserts-friendly check: |estimate − truth| within Z standard errors. */
export function within(estimate: number, truth: number, se: number): boolean {
  return Math.abs(estimate - truth) <= Z * se;
}
