// Growable lists in the module's memory: offer candidates, their time order, resume points and the records
// of the families that made offers. Each list is an array of fixed-size records, so that what the
// service reads about one offer, one point or one family at random sits in one cache line.
import { alloc, claim, i32At } from './memory';
import {
  CANDIDATE_SHIFT,
  FAMILY_RECORD_SHIFT,
  FR_END,
  FR_FAMILY,
  FR_FIRST,
  L_ALLOCATED,
  L_LENGTH,
  L_RECORDS,
  LIST_HEADER,
  POINTS_HEADER,
  PRESTART_MAX_MONTHS,
  POINT_SHIFT,
  PT_CASE_START,
  PT_EPISODE,
  PT_EXIT,
  PT_PLACEMENT,
  PT_STATE,
  PT_TIME,
  P_FAMILIES,
  P_FAMILY_RECORDS,
  P_LENGTH,
  P_RECORD_OF,
  R_CASE_CLOSE,
  R_ELIGIBILITY,
  R_EPISODE,
  R_FAMILY,
  R_FAMILY_RECORD,
  R_STATE,
  R_TIME,
  R_VERSION,
} from './layout';

/** `allocated` records of 2^shift bytes, aligned to their size up to 64 bytes (a record never straddles a line). */
function records(allocated: i32, shift: i32): usize {
  const align: i32 = shift < 6 ? (1 << shift) - 1 : 63;
  return (claim((allocated << shift) + align) + <usize>align) & ~(<usize>align);
}

/** Doubles a full list's records (a list header: L_LENGTH, L_ALLOCATED, L_RECORDS), keeping its entries. */
function growRecords(header: usize, shift: i32): void {
  const n = load<i32>(header);
  const size = n > 8 ? n * 2 : 16;
  const at = records(size, shift); // records past `n` are written before they are read
  memory.copy(at, <usize>load<i32>(header, L_RECORDS), <usize>(n << shift));
  store<i32>(header, size, L_ALLOCATED);
  store<i32>(header, <i32>at, L_RECORDS);
}

/** Record i of the list at `header` (records' address at L_RECORDS). */
@inline export function entryAt(header: usize, i: i32, shift: i32): usize {
  return <usize>load<i32>(header, L_RECORDS) + (<usize>i << <usize>shift);
}

// Offer candidates (src/engine/sim/candidates.ts): a list header, then records (R_* in ./layout).

@inline export function candidateAt(list: usize, i: i32): usize {
  return entryAt(list, i, CANDIDATE_SHIFT);
}

/** An empty offer list (its records are written before they are read, so not cleared). */
export function candidateList(allocated: i32): usize {
  const list = alloc(LIST_HEADER);
  store<i32>(list, allocated, L_ALLOCATED);
  store<i32>(list, <i32>records(allocated, CANDIDATE_SHIFT), L_RECORDS);
  return list;
}

export function pushCandidate(list: usize, t: f64, f: i32, state: i32, eligibility: f64, episode: i32): void {
  const i = load<i32>(list + L_LENGTH);
  if (i == load<i32>(list, L_ALLOCATED)) growRecords(list, CANDIDATE_SHIFT);
  const r = candidateAt(list, i);
  store<f64>(r, t, R_TIME);
  store<f64>(r, eligibility, R_ELIGIBILITY);
  store<f64>(r, Infinity, R_CASE_CLOSE);
  store<i32>(r, f, R_FAMILY);
  store<i32>(r, episode, R_EPISODE);
  store<i32>(r, 0, R_VERSION);
  store<i32>(r, -1, R_FAMILY_RECORD);
  store<u8>(r, <u8>state, R_STATE);
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
  let keys = claim(n * 4);
  let otherKeys = claim(n * 4);
  let from = order;
  let to = claim(n * 4);
  const counts = claim(RADIX * 4);
  for (let i = 0; i < n; i++) {
    // From minus PRESTART_MAX_MONTHS: a pipeline family's offer at month 0 was made before it.
    store<u32>(keys + (<usize>i << 2), <u32>Math.floor((load<f64>(candidateAt(list, i), R_TIME) + <f64>PRESTART_MAX_MONTHS) * TIME_SCALE));
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

/**
 * Puts the list's records in time order (timeOrder's order) where they are, so that a service reading
 * offers in time order reads them one line after the next; returns how many. The records are
 * permuted cycle by cycle through one spare record, each moved once, with no second copy of the list.
 */
export function sortByTime(list: usize): i32 {
  const n = load<i32>(list + L_LENGTH);
  const order = claim(n * 4);
  timeOrder(list, order);
  const spare = records(1, CANDIDATE_SHIFT);
  for (let start = 0; start < n; start++) {
    // Position j takes the record now at order[j]; a position done is marked -1.
    let from = i32At(order, start);
    if (from < 0 || from == start) continue;
    copyRecord(spare, candidateAt(list, start), CANDIDATE_SHIFT);
    let j = start;
    while (from != start) {
      copyRecord(candidateAt(list, j), candidateAt(list, from), CANDIDATE_SHIFT);
      store<i32>(order + (<usize>j << 2), -1);
      j = from;
      from = i32At(order, j);
    }
    copyRecord(candidateAt(list, j), spare, CANDIDATE_SHIFT);
    store<i32>(order + (<usize>j << 2), -1);
  }
  return n;
}

/** Copies 2^shift bytes (a whole record) from `from` to `to`. */
@inline function copyRecord(to: usize, from: usize, shift: i32): void {
  for (let b: usize = 0; b < <usize>(1 << shift); b += 8) store<u64>(to + b, load<u64>(from + b));
}

// Resume points (src/engine/sim/resume-points.ts): a header (P_* in ./layout) that starts as a list header,
// then point records (PT_*); with them the family records (FR_*): one per family that made an offer (its
// points, and an arm's service state for it, src/wasm/service.ts), and the record of each family (-1: none).

@inline export function pointAt(points: usize, i: i32): usize {
  return entryAt(points, i, POINT_SHIFT);
}

@inline export function familyRecordAt(points: usize, record: i32): usize {
  return entryAt(points + P_FAMILY_RECORDS, record, FAMILY_RECORD_SHIFT);
}

@inline export function familyRecordCount(points: usize): i32 {
  return load<i32>(points + P_FAMILY_RECORDS);
}

/** Empty resume points and family records (records written before they are read; the family index is set by clearPoints). */
export function resumePoints(allocated: i32, familyAllocated: i32): usize {
  const points = alloc(POINTS_HEADER);
  store<i32>(points, allocated, L_ALLOCATED);
  store<i32>(points, <i32>records(allocated, POINT_SHIFT), L_RECORDS);
  store<i32>(points + P_FAMILY_RECORDS, familyAllocated, L_ALLOCATED);
  store<i32>(points + P_FAMILY_RECORDS, <i32>records(familyAllocated, FAMILY_RECORD_SHIFT), L_RECORDS);
  return points;
}

/** Empties the points and family records and sizes the family index for n families (-1: no record). */
export function clearPoints(points: usize, n: i32): void {
  store<i32>(points + P_LENGTH, 0);
  store<i32>(points + P_FAMILY_RECORDS, 0);
  if (load<i32>(points + P_FAMILIES) < n) {
    store<i32>(points + P_RECORD_OF, <i32>claim(n * 4));
    store<i32>(points + P_FAMILIES, n);
  }
  memory.fill(<usize>load<i32>(points + P_RECORD_OF), 0xff, <usize>(n * 4));
}

export function pushPoint(points: usize, t: f64, exit: f64, caseStart: f64, episode: i32, state: i32, placement: i32): void {
  const i = load<i32>(points + P_LENGTH);
  if (i == load<i32>(points, L_ALLOCATED)) growRecords(points, POINT_SHIFT);
  const r = pointAt(points, i);
  store<f64>(r, t, PT_TIME);
  store<f64>(r, exit, PT_EXIT);
  store<f64>(r, caseStart, PT_CASE_START);
  store<i32>(r, episode, PT_EPISODE);
  store<u8>(r, <u8>state, PT_STATE);
  store<u8>(r, <u8>placement, PT_PLACEMENT);
  store<i32>(points + P_LENGTH, i + 1);
}

/** Gives family f a record holding its points first..end-1; returns the record. */
export function assignFamilyRecord(points: usize, f: i32, first: i32, end: i32): i32 {
  const header = points + P_FAMILY_RECORDS;
  const record = load<i32>(header);
  if (record == load<i32>(header, L_ALLOCATED)) growRecords(header, FAMILY_RECORD_SHIFT);
  const r = familyRecordAt(points, record);
  store<i32>(r, first, FR_FIRST);
  store<i32>(r, end, FR_END);
  store<i32>(r, f, FR_FAMILY);
  store<i32>(header, record + 1);
  store<i32>(<usize>load<i32>(points + P_RECORD_OF) + (<usize>f << 2), record);
  return record;
}

/** The record of family f, or -1. */
export function familyRecordOf(points: usize, f: i32): i32 {
  return load<i32>(<usize>load<i32>(points + P_RECORD_OF) + (<usize>f << 2));
}

/** The point of the family in `record` whose stay holds time c (entered at or before c, left after it), or -1. */
export function holdingIn(points: usize, record: i32, c: f64): i32 {
  const s = familyRecordAt(points, record);
  const first = load<i32>(s, FR_FIRST);
  for (let i = load<i32>(s, FR_END) - 1; i >= first; i--) {
    const r = pointAt(points, i);
    if (load<f64>(r, PT_TIME) <= c) return c < load<f64>(r, PT_EXIT) ? i : -1;
  }
  return -1;
}

/** The point of family f whose stay holds time c, or -1 (none if f has no record). */
export function holding(points: usize, f: i32, c: f64): i32 {
  const record = familyRecordOf(points, f);
  return record < 0 ? -1 : holdingIn(points, record, c);
}
