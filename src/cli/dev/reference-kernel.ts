// The benchmark's yardstick: a naive monthly Markov loop over typed arrays, one draw per family-month.

/**
 * Moves `families` families through a monthly transition matrix for `months` months, drawing one
 * uniform per family-month (xorshift32, inlined) and a second only when the family leaves its state.
 * `exitProb[s]` is the monthly probability of leaving state s; `destCum` holds, row by row, the
 * cumulative destination shares (width `states`). Returns month-end counts of families by state.
 */
function monthlyMarkovKernel(
  families: number,
  months: number,
  states: number,
  exitProb: Float64Array,
  destCum: Float64Array,
  initialState: Uint8Array,
  seed: number,
): Int32Array {
  const state = Uint8Array.from(initialState.subarray(0, families));
  const counts = new Int32Array(months * states);
  let x = seed | 0 || 1;
  const inv = 2.3283064365386963e-10;
  for (let m = 0; m < months; m++) {
    const row = m * states;
    for (let f = 0; f < families; f++) {
      let s = state[f]!;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      if ((x >>> 0) * inv < exitProb[s]!) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        const u = (x >>> 0) * inv;
        const base = s * states;
        let d = 0;
        while (d < states - 1 && u >= destCum[base + d]!) d++;
        s = d;
        state[f] = s;
      }
      counts[row + s]!++;
    }
  }
  return counts;
}

/** The benchmark's kernel: Leeds' open families (2,750) in five states with Leeds-like monthly hazards. */
export const LEEDS_LIKE_FAMILIES = 2750;

/**
 * `months` months of the Leeds-like kernel: assessment, CIN, CP, pre-proceedings and CLA, mean stays
 * 1.3, 7.5, 8.5, 3.7 and 41.8 months (a case that closes re-enters as a referral). Returns the
 * month-end counts; its family-months are LEEDS_LIKE_FAMILIES × months.
 */
export function leedsLikeKernel(months: number, seed: number): Int32Array {
  const states = 5;
  const exitProb = Float64Array.of(1 / 1.3, 1 / 7.5, 1 / 8.5, 1 / 3.7, 1 / 41.8);
  // prettier-ignore
  const destCum = Float64Array.of(
    0.62, 0.92, 0.98, 0.98, 1,
    0.913, 0.913, 0.973, 0.973, 1,
    0.35, 0.85, 0.85, 1, 1,
    0, 0.15, 0.55, 0.55, 1,
    1, 1, 1, 1, 1,
  );
  const initial = new Uint8Array(LEEDS_LIKE_FAMILIES);
  for (let f = 0; f < LEEDS_LIKE_FAMILIES; f++) initial[f] = f % states;
  return monthlyMarkovKernel(LEEDS_LIKE_FAMILIES, months, states, exitProb, destCum, initial, seed);
}
