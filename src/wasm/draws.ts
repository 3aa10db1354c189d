// Keyed draws (src/engine/random/rng.ts, the same arithmetic): counter-based uniforms per family, purpose and episode.
import { key1 } from './run';

const TWO_POW_MINUS_32: f64 = 2.3283064365386963e-10;

@inline export function mix32(x: i32): i32 {
  x ^= x >>> 16;
  x *= 0x7feb352d;
  x ^= x >>> 15;
  x *= <i32>0x846ca68b;
  return x ^ (x >>> 16);
}

@inline export function subStream(hash: i32, purpose: i32, episode: i32): i32 {
  return mix32(hash ^ (((purpose & 0xff) << 24) | (episode & 0xffffff)) ^ key1);
}

@inline export function uniformOf(base: i32, counter: i32): f64 {
  const h = mix32(base + counter * <i32>0x9e3779b9);
  return (<f64>(<u32>h) + 0.5) * TWO_POW_MINUS_32;
}

/** Index of the category u falls in, shares at `at` (n of them, summing to 1). */
@inline export function pickShare(at: usize, n: i32, u: f64): i32 {
  // The first i < n - 1 with u < (shares[0] + … + shares[i]), else n - 1: as the partial sums never
  // fall, that is how many of them are ≤ u. Counted without branches (the pick is unpredictable).
  let c: f64 = 0;
  let below = 0;
  const last = n - 1;
  for (let i = 0; i < last; i++) {
    c += load<f64>(at + (<usize>i << 3));
    below += <i32>(c <= u);
  }
  return below;
}
