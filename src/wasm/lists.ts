// Growable lists in the module's memory: offer candidates, their time order, and resume points.
import { alloc, claim, f64At, grown, i32At } from './memory';

// Offer candidates (src/engine/candidates.ts): a header of i32s, then columns.
export const L_LENGTH = 0;
export const L_CAPACITY = 4;
export const L_TIME = 8; // f64
export const L_FAMILY = 12; // i32
export const L_STATE = 16; // u8
export const L_ELIGIBILITY = 20; // f64
export const L_EPISODE = 24; // i32
export const L_CASE_CLOSE = 28; // f64
export const L_VERSION = 32; // i32
export const LIST_HEADER = 36;

@inline export function col(list: usize, field: usize): usize {
  return <usize>load<i32>(list + field);
}

// Both lists' headers: length, capacity, then one column address per field from byte 8 (resume
// points keep their per-family index after theirs). Each column is `width` bytes an entry.
const COLUMNS_AT = 8;
/** Offer candidates: time, family, state, eligibility draw, episode, case close, version. */
const CANDIDATE_WIDTHS = memory.data<u8>([8, 4, 1, 8, 4, 8, 4]);
const CANDIDATE_COLUMNS = 7;
/** Resume points: time, exit, case start, episode, state, placement. */
const POINT_WIDTHS = memory.data<u8>([8, 8, 8, 4, 1, 1]);
const POINT_COLUMNS = 6;

/** Columns for `capacity` entries (written before they are read, so not cleared). */
function makeColumns(header: usize, widths: usize, count: i32, capacity: i32): void {
  store<i32>(header + L_CAPACITY, capacity);
  for (let c = 0; c < count; c++) {
    store<i32>(header + COLUMNS_AT + (<usize>c << 2), <i32>claim(capacity * <i32>load<u8>(widths + <usize>c)));
  }
}

/** Doubles a full list's columns, keeping its entries. */
function growColumns(header: usize, widths: usize, count: i32): void {
  const n = load<i32>(header + L_LENGTH);
  const size = n > 8 ? n * 2 : 16;
  for (let c = 0; c < count; c++) {
    const at = header + COLUMNS_AT + (<usize>c << 2);
    store<i32>(at, <i32>grown(<usize>load<i32>(at), n, <i32>load<u8>(widths + <usize>c), size));
  }
  store<i32>(header + L_CAPACITY, size);
}

/** An empty offer list (its columns are written before they are read, so not cleared). */
export function candidateList(capacity: i32): usize {
  const list = alloc(LIST_HEADER);
  makeColumns(list, CANDIDATE_WIDTHS, CANDIDATE_COLUMNS, capacity);
  return list;
}

export function pushCandidate(list: usize, t: f64, f: i32, state: i32, eligibility: f64, episode: i32): void {
  const i = load<i32>(list + L_LENGTH);
  if (i == load<i32>(list + L_CAPACITY)) growColumns(list, CANDIDATE_WIDTHS, CANDIDATE_COLUMNS);
  const i8 = <usize>i << 3;
  const i4 = <usize>i << 2;
  store<f64>(col(list, L_TIME) + i8, t);
  store<i32>(col(list, L_FAMILY) + i4, f);
  store<u8>(col(list, L_STATE) + <usize>i, <u8>state);
  store<f64>(col(list, L_ELIGIBILITY) + i8, eligibility);
  store<i32>(col(list, L_EPISODE) + i4, episode);
  store<f64>(col(list, L_CASE_CLOSE) + i8, Infinity);
  store<i32>(col(list, L_VERSION) + i4, 0);
  store<i32>(list + L_LENGTH, i + 1);
}

/** Times are ordered to 2^-20 of a month (about 2.5 seconds); ties keep list order. */
export const TIME_SCALE: f64 = 1048576;
export const RADIX_BITS = 10;
export const RADIX = 1 << RADIX_BITS;

/**
 * Writes the indices of `list` in time order into `order` (one i32 each): by time to 2^-20 of a
 * month, then by index. A stable least-significant-digit radix sort of the 30-bit scaled times
 * (horizons up to 1,023 months), three passes of 10 bits. Returns how many.
 */
export function timeOrder(list: usize, order: usize): i32 {
  const n = load<i32>(list + L_LENGTH);
  const time = col(list, L_TIME);
  let keys = claim(n * 4);
  let otherKeys = claim(n * 4);
  let from = order;
  let to = claim(n * 4);
  const counts = claim(RADIX * 4);
  for (let i = 0; i < n; i++) {
    store<u32>(keys + (<usize>i << 2), <u32>Math.floor(f64At(time, i) * TIME_SCALE));
    store<i32>(from + (<usize>i << 2), i);
  }
  for (let shift = 0; shift < 3 * RADIX_BITS; shift += RADIX_BITS) {
    memory.fill(counts, 0, RADIX * 4);
    for (let i = 0; i < n; i++) {
      const digit = (load<u32>(keys + (<usize>i << 2)) >>> shift) & (RADIX - 1);
      store<i32>(counts + (<usize>digit << 2), i32At(counts, digit) + 1);
    }
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = i32At(counts, d);
      store<i32>(counts + (<usize>d << 2), sum);
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = load<u32>(keys + (<usize>i << 2));
      const digit = (key >>> shift) & (RADIX - 1);
      const at = i32At(counts, digit);
      store<i32>(counts + (<usize>digit << 2), at + 1);
      store<u32>(otherKeys + (<usize>at << 2), key);
      store<i32>(to + (<usize>at << 2), i32At(from, i));
    }
    const k = keys;
    keys = otherKeys;
    otherKeys = k;
    const f = from;
    from = to;
    to = f;
  }
  // Three passes (odd): the result is in the scratch column; copy it to `order`.
  memory.copy(order, from, <usize>(n * 4));
  return n;
}

// Resume points (src/engine/resume-points.ts): a header of i32s, then columns.
export const P_LENGTH = 0;
export const P_CAPACITY = 4;
export const P_TIME = 8; // f64
export const P_EXIT = 12; // f64
export const P_CASE_START = 16; // f64
export const P_EPISODE = 20; // i32
export const P_STATE = 24; // u8
export const P_PLACEMENT = 28; // u8
export const P_FIRST = 32; // i32 per family
export const P_END = 36; // i32 per family
export const P_FAMILIES = 40;
export const POINTS_HEADER = 44;

/** Empty resume points (columns written before they are read; the per-family index is set by clearPoints). */
export function resumePoints(capacity: i32): usize {
  const points = alloc(POINTS_HEADER);
  makeColumns(points, POINT_WIDTHS, POINT_COLUMNS, capacity);
  return points;
}

/** Empties the points and sizes the per-family index for n families (-1: no point). */
export function clearPoints(points: usize, n: i32): void {
  store<i32>(points + P_LENGTH, 0);
  if (load<i32>(points + P_FAMILIES) < n) {
    store<i32>(points + P_FIRST, <i32>claim(n * 4));
    store<i32>(points + P_END, <i32>claim(n * 4));
    store<i32>(points + P_FAMILIES, n);
  }
  memory.fill(col(points, P_FIRST), 0xff, <usize>(n * 4));
}

export function pushPoint(points: usize, t: f64, exit: f64, caseStart: f64, episode: i32, state: i32, placement: i32): void {
  const i = load<i32>(points + P_LENGTH);
  if (i == load<i32>(points + P_CAPACITY)) growColumns(points, POINT_WIDTHS, POINT_COLUMNS);
  const i8 = <usize>i << 3;
  store<f64>(col(points, P_TIME) + i8, t);
  store<f64>(col(points, P_EXIT) + i8, exit);
  store<f64>(col(points, P_CASE_START) + i8, caseStart);
  store<i32>(col(points, P_EPISODE) + (<usize>i << 2), episode);
  store<u8>(col(points, P_STATE) + <usize>i, <u8>state);
  store<u8>(col(points, P_PLACEMENT) + <usize>i, <u8>placement);
  store<i32>(points + P_LENGTH, i + 1);
}

/** The point of family f whose stay holds time c (entered at or before c, left after it), or -1. */
export function holding(points: usize, f: i32, c: f64): i32 {
  const first = load<i32>(col(points, P_FIRST) + (<usize>f << 2));
  if (first < 0) return -1;
  const time = col(points, P_TIME);
  for (let i = load<i32>(col(points, P_END) + (<usize>f << 2)) - 1; i >= first; i--) {
    if (load<f64>(time + (<usize>i << 3)) <= c) return c < load<f64>(col(points, P_EXIT) + (<usize>i << 3)) ? i : -1;
  }
  return -1;
}
