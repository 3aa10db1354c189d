// The benchmark's yardstick: a naive monthly Markov loop over typed arrays, one draw per family-month.

/**
 * Moves `families` families through a monthly transition matrix for `months` months, drawing one
 * uniform per family-month (xorshift32, inlined) and a second only when the family leaves its state.
 * `exitProb[s]` is the monthly probability of leaving state s; `destCum` holds, row by row, the
 * cumulative destination shares (width `states`). Returns month-end counts of families by state.
 */
export function monthlyMarkovKernel(
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
