// Order statistics without a full sort: several ranks of an unsorted array in expected O(n log k).

/**
 * Rearranges `values` in place so that every rank in `ranks` (ascending, 0-based) holds the value a
 * full ascending sort would put there. Deterministic (median-of-three pivots); NaN is not allowed.
 */
export function selectRanks(values: Float64Array, ranks: ArrayLike<number>): void {
  selectIn(values, 0, values.length - 1, ranks, 0, ranks.length - 1);
}

function selectIn(a: Float64Array, lo: number, hi: number, ranks: ArrayLike<number>, rLo: number, rHi: number): void {
  while (lo < hi && rLo <= rHi) {
    if (hi - lo < 16) {
      insertionSort(a, lo, hi);
      return;
    }
    // Hoare partition around the median of three.
    const mid = (lo + hi) >>> 1;
    const pivot = medianOf3(a[lo]!, a[mid]!, a[hi]!);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo..j] <= pivot, a[i..hi] >= pivot, and a[j+1..i-1] == pivot (already in place).
    let split = rLo;
    while (split <= rHi && ranks[split]! <= j) split++;
    let right = split;
    while (right <= rHi && ranks[right]! < i) right++;
    // Ranks split..right-1 fall between j and i: they hold the pivot already.
    if (split - rLo < rHi - right + 1) {
      selectIn(a, lo, j, ranks, rLo, split - 1);
      lo = i;
      rLo = right;
    } else {
      selectIn(a, i, hi, ranks, right, rHi);
      hi = j;
      rHi = split - 1;
    }
  }
}

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

function medianOf3(x: number, y: number, z: number): number {
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}

/**
 * Type-7 quantiles (as `quantileSorted` on the sorted values) of unsorted `values`, which are
 * rearranged in place; `ps` ascending. Equal, bit for bit, to sorting first (NaN sorts last).
 */
export function quantilesInPlace(values: Float64Array, ps: readonly number[], out: number[]): void {
  const n = values.length;
  if (n === 0) {
    for (let i = 0; i < ps.length; i++) out[i] = NaN;
    return;
  }
  const ranks: number[] = [];
  for (const p of ps) {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    ranks.push(lo, Math.min(n - 1, lo + 1));
  }
  const unique = [...new Set(ranks)].sort((a, b) => a - b);
  let hasNaN = false;
  for (let i = 0; i < n; i++) if (values[i] !== values[i]) hasNaN = true;
  if (hasNaN) values.sort();
  else selectRanks(values, unique);
  ps.forEach((p, i) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(n - 1, lo + 1);
    out[i] = values[lo]! + (h - lo) * (values[hi]! - values[lo]!);
  });
}
