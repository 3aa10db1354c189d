// AssemblyScript: the family walk and an arm's FGC service, compiled to WebAssembly. One family's path
// event by event, from its own keyed draws, booked into an arm's accumulators in this module's memory;
// the service's queue, coordinator slots and conferences, each conference re-walking its family; and
// the run's arrivals, initial population and offer order.
//
// Built by `npm run build:wasm` into src/engine/pathway-wasm.ts (test/engine/pathway-wasm.test.ts
// checks that the committed bytes are this file's). Every floating-point operation is the one the
// TypeScript engine did, in the same order, so results are bit-identical to it; Math.exp and the
// normal quantile come from the host for the same reason, and the keyed draws (mix32, subStream,
// uniformOf) are src/engine/rng.ts's, which the host still uses for its own samplers (a test checks
// both give the same draws). The run's columns are laid out by src/engine/family.ts, an
// accumulator block by src/engine/accumulators.ts, the lists' headers are mirrored in
// src/engine/candidates.ts and src/engine/resume-points.ts.

@external('env', 'exp') declare function hostExp(x: f64): f64;
/** The standard normal quantile (src/engine/special.ts normalQuantile). */
@external('env', 'normalQuantile') declare function normalQuantile(p: f64): f64;
/** Time left of initial family `id` in `state` when its sojourn is not lognormal, months. */
@external('env', 'residual') declare function residual(state: i32, id: i32): f64;
/** A stay in an open state whose sojourn has no quantile table (gamma, empirical), months. */
@external('env', 'sampleStay') declare function sampleStay(state: i32, f: i32, episode: i32): f64;
/** The exact quantile in a table's end cells (table 0–4: open states, 5: re-referral, 6: time to conference). */
@external('env', 'exactQuantile') declare function exactQuantile(table: i32, u: f64): f64;
/** Time to re-referral when it has no quantile table, months. */
@external('env', 'reReferralStay') declare function reReferralStay(f: i32, episode: i32): f64;
/** Time from allocation to conference when it has no quantile table, months. */
@external('env', 'leadTime') declare function leadTime(f: i32, episode: i32): f64;

// States (src/engine/states.ts) and ledger states (src/engine/ledger.ts).
const ASSESSMENT = 0;
const CLA = 4;
const CLOSED = 5;
const OUT = 6;
const NOT_ARRIVED = 7;
const LEDGER_STATES = 8;
const LEDGER_WIDTH = 24;
// Stock classes (src/engine/accumulators.ts).
const CLA0 = 3;
const CLASS_ASSESSMENT = 8;
const CLASSES = 9;
// Flow rows.
const CLA_ENTRIES = 0;
const CLA_EXITS = 1;
const CLA_RETURNS_HOME = 2;
const REFERRALS = 3;
// Purposes (src/engine/rng.ts).
const SOJOURN = 3;
const BRANCH = 4;
const PLACEMENT = 5;
const OFFER = 6;
const LEAD_TIME = 7;
const RE_REFERRAL = 8;
// Branch kinds.
const STEP_DOWN: u8 = 0;
const TO_CP: u8 = 1;
const QUANTILE_CELLS = 2048;
const TABLE_SIZE = QUANTILE_CELLS + 1;
const EXIT_ROW = 8;
const TWO_POW_MINUS_32: f64 = 2.3283064365386963e-10;

/** Exit destinations and branch kinds per open state, four slots each, most severe first (family.ts DEST, KIND). */
const DEST = memory.data<u8>([4, 2, 1, 5, 4, 2, 5, 0, 3, 1, 5, 0, 4, 2, 1, 0, 5, 6, 6, 6]);
const KIND = memory.data<u8>([2, 1, 0, 0, 2, 1, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]);
const EXIT_COUNT = memory.data<u8>([4, 3, 3, 3, 4]);

// The run block, set by setRun: scalars, then addresses of the run's columns and tables.
let H: i32 = 0;
let key0: i32 = 0;
let key1: i32 = 0;
let initialCount: i32 = 0;
let children: usize = 0; // u8 per family
let initialState: usize = 0; // u8 per initial family
let initialPlacement: usize = 0; // u8 per initial family
let initialExit: usize = 0; // f64 per initial family
let arrivalTime: usize = 0; // f64 per family
let constants: usize = 0; // f64: see C_* below
let tables: usize = 0; // f64: seven quantile tables of TABLE_SIZE (open states 0–4, re-referral, time to conference)
let conferences: usize = 0; // f64: conference times of the family being walked

// Offsets in the constants block, f64 slots.
const C_FRONT_DOOR = 0;
const C_RE_REFERRAL_P = 1;
const C_ACCEPTANCE = 2;
const C_CONVERSION = 3;
const C_TIME_IN_CARE = 4;
const C_TIME_IN_SYSTEM = 5;
const C_FADE_RATE = 6;
const C_RR_CP = 7;
const C_RR_CARE = 8;
const C_KINSHIP = 9;
const C_EXIT_SHARES = 10; // 5 × 4
const C_EXIT_COST = 30; // 8 × 8
const C_PLACEMENTS = 94; // 5
const C_HAS_TABLE = 99; // 7 (1 or 0): open states 0–4, re-referral, time to conference
const C_CONFERENCE_COST = 106;

export function setRun(
  horizon: i32,
  k0: i32,
  k1: i32,
  initial: i32,
  childrenAt: usize,
  initialStateAt: usize,
  initialPlacementAt: usize,
  initialExitAt: usize,
  arrivalTimeAt: usize,
  constantsAt: usize,
  tablesAt: usize,
  conferencesAt: usize,
): void {
  H = horizon;
  key0 = k0;
  key1 = k1;
  initialCount = initial;
  children = childrenAt;
  initialState = initialStateAt;
  initialPlacement = initialPlacementAt;
  initialExit = initialExitAt;
  arrivalTime = arrivalTimeAt;
  constants = constantsAt;
  tables = tablesAt;
  conferences = conferencesAt;
}

// ---- memory: one bump allocator for the host and the module; a run gives everything up at once ----

let top: usize = 0;

/** Frees everything from `base` on (a new run). */
export function reset(base: usize): void {
  top = base;
}

/** Where the next allocation goes: reset() to it frees what was allocated since. */
export function mark(): usize {
  return top;
}

/** `bytes` of zeroed memory, 8-byte aligned, growing the memory if need be. */
export function alloc(bytes: i32): usize {
  const at = claim(bytes);
  memory.fill(at, 0, <usize>bytes);
  return at;
}

/** `bytes` of memory, 8-byte aligned, as an earlier run left it: for what is written before it is read. */
export function claim(bytes: i32): usize {
  const at = (top + 7) & ~(<usize>7);
  const end = at + <usize>bytes;
  const have = <usize>memory.size() << 16;
  if (end > have) memory.grow(<i32>((end - have + 0xffff) >> 16));
  top = end;
  return at;
}

/** A column of `size` entries of `width` bytes holding the `length` entries of `old`. */
function grown(old: usize, length: i32, width: i32, size: i32): usize {
  const at = claim(size * width); // entries past `length` are written before they are read
  memory.copy(at, old, <usize>(length * width));
  return at;
}

// Offer candidates (src/engine/candidates.ts): a header of i32s, then columns.
const L_LENGTH = 0;
const L_CAPACITY = 4;
const L_TIME = 8; // f64
const L_FAMILY = 12; // i32
const L_STATE = 16; // u8
const L_ELIGIBILITY = 20; // f64
const L_EPISODE = 24; // i32
const L_CASE_CLOSE = 28; // f64
const L_VERSION = 32; // i32
const LIST_HEADER = 36;

@inline function col(list: usize, field: usize): usize {
  return <usize>load<i32>(list + field);
}

/** An empty offer list (its columns are written before they are read, so not cleared). */
export function candidateList(capacity: i32): usize {
  const list = alloc(LIST_HEADER);
  store<i32>(list + L_CAPACITY, capacity);
  store<i32>(list + L_TIME, <i32>claim(capacity * 8));
  store<i32>(list + L_FAMILY, <i32>claim(capacity * 4));
  store<i32>(list + L_STATE, <i32>claim(capacity));
  store<i32>(list + L_ELIGIBILITY, <i32>claim(capacity * 8));
  store<i32>(list + L_EPISODE, <i32>claim(capacity * 4));
  store<i32>(list + L_CASE_CLOSE, <i32>claim(capacity * 8));
  store<i32>(list + L_VERSION, <i32>claim(capacity * 4));
  return list;
}

function pushCandidate(list: usize, t: f64, f: i32, state: i32, eligibility: f64, episode: i32): void {
  const i = load<i32>(list + L_LENGTH);
  if (i == load<i32>(list + L_CAPACITY)) {
    const size = i * 2;
    store<i32>(list + L_TIME, <i32>grown(col(list, L_TIME), i, 8, size));
    store<i32>(list + L_FAMILY, <i32>grown(col(list, L_FAMILY), i, 4, size));
    store<i32>(list + L_STATE, <i32>grown(col(list, L_STATE), i, 1, size));
    store<i32>(list + L_ELIGIBILITY, <i32>grown(col(list, L_ELIGIBILITY), i, 8, size));
    store<i32>(list + L_EPISODE, <i32>grown(col(list, L_EPISODE), i, 4, size));
    store<i32>(list + L_CASE_CLOSE, <i32>grown(col(list, L_CASE_CLOSE), i, 8, size));
    store<i32>(list + L_VERSION, <i32>grown(col(list, L_VERSION), i, 4, size));
    store<i32>(list + L_CAPACITY, size);
  }
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
const TIME_SCALE: f64 = 1048576;
const RADIX_BITS = 10;
const RADIX = 1 << RADIX_BITS;

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
const P_LENGTH = 0;
const P_CAPACITY = 4;
const P_TIME = 8; // f64
const P_EXIT = 12; // f64
const P_CASE_START = 16; // f64
const P_EPISODE = 20; // i32
const P_STATE = 24; // u8
const P_PLACEMENT = 28; // u8
const P_FIRST = 32; // i32 per family
const P_END = 36; // i32 per family
const P_FAMILIES = 40;
const POINTS_HEADER = 44;

/** Empty resume points (columns written before they are read; the per-family index is set by clearPoints). */
export function resumePoints(capacity: i32): usize {
  const points = alloc(POINTS_HEADER);
  store<i32>(points + P_CAPACITY, capacity);
  store<i32>(points + P_TIME, <i32>claim(capacity * 8));
  store<i32>(points + P_EXIT, <i32>claim(capacity * 8));
  store<i32>(points + P_CASE_START, <i32>claim(capacity * 8));
  store<i32>(points + P_EPISODE, <i32>claim(capacity * 4));
  store<i32>(points + P_STATE, <i32>claim(capacity));
  store<i32>(points + P_PLACEMENT, <i32>claim(capacity));
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
  if (i == load<i32>(points + P_CAPACITY)) {
    const size = i * 2;
    store<i32>(points + P_TIME, <i32>grown(col(points, P_TIME), i, 8, size));
    store<i32>(points + P_EXIT, <i32>grown(col(points, P_EXIT), i, 8, size));
    store<i32>(points + P_CASE_START, <i32>grown(col(points, P_CASE_START), i, 8, size));
    store<i32>(points + P_EPISODE, <i32>grown(col(points, P_EPISODE), i, 4, size));
    store<i32>(points + P_STATE, <i32>grown(col(points, P_STATE), i, 1, size));
    store<i32>(points + P_PLACEMENT, <i32>grown(col(points, P_PLACEMENT), i, 1, size));
    store<i32>(points + P_CAPACITY, size);
  }
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

// ---- keyed draws (src/engine/rng.ts) ----

@inline function mix32(x: i32): i32 {
  x ^= x >>> 16;
  x *= 0x7feb352d;
  x ^= x >>> 15;
  x *= <i32>0x846ca68b;
  return x ^ (x >>> 16);
}

@inline function subStream(hash: i32, purpose: i32, episode: i32): i32 {
  return mix32(hash ^ (((purpose & 0xff) << 24) | (episode & 0xffffff)) ^ key1);
}

@inline function uniformOf(base: i32, counter: i32): f64 {
  const h = mix32(base + counter * <i32>0x9e3779b9);
  return (<f64>(<u32>h) + 0.5) * TWO_POW_MINUS_32;
}

@inline function constant(i: i32): f64 {
  return load<f64>(constants + (<usize>i << 3));
}

/** Index of the category u falls in, shares at `at` (n of them, summing to 1). */
@inline function pickShare(at: usize, n: i32, u: f64): i32 {
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

/** Table `which` at u: linear inside a cell, exact (from the host) in the two end cells. */
@inline function tableAt(which: i32, u: f64): f64 {
  const x = u * <f64>QUANTILE_CELLS;
  const k = <i32>x;
  if (k == 0 || k >= QUANTILE_CELLS - 1) return exactQuantile(which, u);
  const at = tables + (<usize>(which * TABLE_SIZE + k) << 3);
  const lo = load<f64>(at);
  return lo + (x - <f64>k) * (load<f64>(at, 8) - lo);
}

// ---- accumulators (src/engine/accumulators.ts; block layout in src/engine/pathway.ts) ----

@inline function stockDiffAt(acc: usize): usize {
  return acc;
}
@inline function correctionAt(acc: usize): usize {
  return acc + (<usize>(CLASSES * (H + 2)) << 3);
}
@inline function costDirectAt(acc: usize): usize {
  return acc + (<usize>(2 * CLASSES * (H + 2)) << 3);
}
@inline function flowsAt(acc: usize): usize {
  return acc + (<usize>(2 * CLASSES * (H + 2) + 2 * (H + 1)) << 3);
}
@inline function familyMonthsAt(acc: usize): usize {
  return acc + (<usize>(2 * CLASSES * (H + 2) + 6 * (H + 1)) << 3);
}
@inline function ledgerAt(acc: usize): usize {
  return acc + (<usize>(2 * CLASSES * (H + 2) + 6 * (H + 1) + 2) << 3);
}
@inline function familiesDiffAt(acc: usize): usize {
  return ledgerAt(acc) + (<usize>((H + 1) * LEDGER_WIDTH) << 3);
}

@inline function add(at: usize, i: i32, v: f64): void {
  const p = at + (<usize>i << 3);
  store<f64>(p, load<f64>(p) + v);
}

/** sojourn() for accumulators of horizon `horizon` outside a run (tests), leaving the run's horizon as it was. */
export function sojournFor(horizon: i32, acc: usize, k: i32, count: f64, t0: f64, t1: f64, sign: f64): void {
  const runHorizon = H;
  H = horizon;
  sojourn(acc, k, count, t0, t1, sign);
  H = runHorizon;
}

/** `count` children in stock class k over [t0, t1): two month-end differences and two part-month corrections. */
function sojourn(acc: usize, k: i32, count: f64, t0: f64, t1: f64, sign: f64): void {
  const c = sign * count;
  const row = k * (H + 2);
  const first = Math.ceil(t0);
  const correction = correctionAt(acc);
  add(correction, row + <i32>first, -(c * (t0 - (first - 1))));
  let last = <f64>(H + 1);
  if (t1 <= <f64>H) {
    last = Math.ceil(t1);
    add(correction, row + <i32>last, c * (t1 - (last - 1)));
  }
  if (first < last) {
    add(stockDiffAt(acc), row + <i32>first, c);
    add(stockDiffAt(acc), row + <i32>last, -c);
    const months = familyMonthsAt(acc);
    store<f64>(months, load<f64>(months) + sign * (last - (first > 1 ? first : 1)));
  }
}

@inline function cost(acc: usize, amount: f64, t: f64, sign: f64): void {
  add(costDirectAt(acc), <i32>Math.ceil(t), sign * amount);
}

@inline function flow(acc: usize, row: i32, count: f64, t: f64, sign: f64): void {
  add(flowsAt(acc), row * (H + 1) + <i32>Math.ceil(t), sign * count);
}

function move(acc: usize, from: i32, to: i32, count: f64, t: f64, sign: f64): void {
  const row = <i32>Math.ceil(t) * LEDGER_WIDTH;
  const ledger = ledgerAt(acc);
  add(ledger, row + LEDGER_STATES + from, sign * count);
  add(ledger, row + to, sign * count);
}

function familyIn(acc: usize, s: i32, t0: f64, t1: f64, sign: f64): void {
  const first = <i32>Math.ceil(t0);
  const last = t1 > <f64>H ? H + 1 : <i32>Math.ceil(t1);
  if (first >= last) return;
  const row = s * (H + 2);
  const diff = familiesDiffAt(acc);
  add(diff, row + first, sign);
  add(diff, row + last, -sign);
}

// ---- the FGC's effects (family.ts effectWeight, shortened, pickBranch, pickPlacement) ----

@inline function effectWeight(lastHeld: f64, t: f64): f64 {
  if (lastHeld < 0) return 0;
  return hostExp(-constant(C_FADE_RATE) * (t - lastHeld));
}

function shortened(d: f64, s: i32, t: f64, lastHeld: f64): f64 {
  if (s == ASSESSMENT) return d;
  const factor = s == CLA ? constant(C_TIME_IN_CARE) : constant(C_TIME_IN_SYSTEM);
  return factor == 1 ? d : d * (1 - (1 - factor) * effectWeight(lastHeld, t));
}

function pickBranch(s: i32, u: f64, w: f64): i32 {
  const shares = constants + (<usize>(C_EXIT_SHARES + s * 4) << 3);
  const n = <i32>load<u8>(EXIT_COUNT + s);
  if (w == 0) return pickShare(shares, n, u);
  const kinds = KIND + <usize>(s * 4);
  let a0: f64 = 0, a1: f64 = 0, a2: f64 = 0, a3: f64 = 0;
  let freed: f64 = 0;
  let stepDown: f64 = 0;
  for (let i = 0; i < n; i++) {
    const base = load<f64>(shares + (<usize>i << 3));
    const kind = load<u8>(kinds + i);
    let adjusted: f64;
    if (kind == STEP_DOWN) {
      adjusted = base;
      stepDown += base;
    } else {
      const rr = kind == TO_CP ? constant(C_RR_CP) : constant(C_RR_CARE);
      adjusted = Math.min(1, base * (1 - (1 - rr) * w));
      freed += base - adjusted;
    }
    if (i == 0) a0 = adjusted;
    else if (i == 1) a1 = adjusted;
    else if (i == 2) a2 = adjusted;
    else a3 = adjusted;
  }
  const scale = stepDown > 0 ? Math.max(0, 1 + freed / stepDown) : 1;
  if (load<u8>(kinds) == STEP_DOWN) a0 *= scale;
  if (load<u8>(kinds, 1) == STEP_DOWN) a1 *= scale;
  if (n > 2 && load<u8>(kinds, 2) == STEP_DOWN) a2 *= scale;
  if (n > 3 && load<u8>(kinds, 3) == STEP_DOWN) a3 *= scale;
  let total: f64 = a0 + a1;
  if (n > 2) total += a2;
  if (n > 3) total += a3;
  const target = u * total;
  let c = a0;
  if (target < c) return 0;
  if (n - 1 == 1) return 1;
  c += a1;
  if (target < c) return 1;
  if (n - 1 == 2) return 2;
  c += a2;
  if (target < c) return 2;
  return 3;
}

function pickPlacement(u: f64, w: f64): i32 {
  const shares = constants + (<usize>C_PLACEMENTS << 3);
  const base = load<f64>(shares);
  const target = constant(C_KINSHIP);
  if (w == 0 || target <= base) return pickShare(shares, 5, u);
  const kin = base + (target - base) * w;
  if (u < kin) return 0;
  const v = base + ((u - kin) / (1 - kin)) * (1 - base);
  const i = pickShare(shares, 5, v);
  return i > 1 ? i : 1;
}

// ---- the walk (family.ts FamilySimulator.walk) ----

/**
 * Runs family f from `state` entered at t (leaving at `exit`) to the horizon, with FGCs at
 * conferences[0..count), adding its path to the accumulators at `acc` times `sign` (none if acc is
 * 0). With a `candidates` list, appends the offers it would take up; with a `points` list as well,
 * records where the path can be resumed from its first offer on. Returns conferences held.
 */
export function walk(
  f: i32,
  state: i32,
  placement: i32,
  t: f64,
  exit: f64,
  episode: i32,
  caseStart: f64,
  count: i32,
  sign: f64,
  acc: usize,
  withLedger: bool,
  candidates: usize,
  points: usize,
): i32 {
  const horizon = <f64>H;
  const size = <f64>load<u8>(children + f);
  const ledger = acc != 0 && withLedger;
  const hash = mix32(key0 ^ mix32(f));
  const firstCandidate = candidates != 0 ? load<i32>(candidates + L_LENGTH) : 0;
  const firstPoint = points != 0 ? load<i32>(points + P_LENGTH) : 0;
  let held = 0;
  let lastHeld: f64 = -1;
  let next = 0;
  let caseFirst = firstCandidate;

  for (;;) {
    if (state == CLOSED) {
      // Waiting for a referral at `exit` (first arrival or re-referral): any FGC now is not held.
      while (next < count && load<f64>(conferences + (<usize>next << 3)) < exit) next++;
      const arrived = f < initialCount || t > 0;
      if (ledger) familyIn(acc, arrived ? CLOSED : NOT_ARRIVED, t, exit, sign);
      if (exit > horizon) break;
      t = exit;
      if (acc != 0) {
        flow(acc, REFERRALS, size, t, sign);
        cost(acc, size * constant(C_FRONT_DOOR), t, sign);
        if (ledger) move(acc, arrived ? CLOSED : NOT_ARRIVED, ASSESSMENT, size, t, sign);
      }
      caseStart = t;
      caseFirst = candidates != 0 ? load<i32>(candidates + L_LENGTH) : 0;
      state = ASSESSMENT;
    } else {
      // Only from a family's first offer on can a stay hold its first FGC: record resume points from there.
      if (points != 0 && candidates != 0 && load<i32>(candidates + L_LENGTH) > firstCandidate) pushPoint(points, t, exit, caseStart, episode, state, placement);
      // In an open state since t, leaving at `exit` unless an FGC held meanwhile shortens the stay.
      while (next < count) {
        const c = load<f64>(conferences + (<usize>next << 3));
        if (!(c < exit)) break;
        next++;
        if (c < t) continue;
        held++;
        lastHeld = c;
        const factor = state == CLA ? constant(C_TIME_IN_CARE) : state == ASSESSMENT ? 1 : constant(C_TIME_IN_SYSTEM);
        if (factor != 1) exit = c + (exit - c) * factor;
      }
      if (acc != 0) {
        const k = state == CLA ? CLA0 + placement : state == ASSESSMENT ? CLASS_ASSESSMENT : state - 1;
        sojourn(acc, k, size, t, exit, sign);
        if (ledger) familyIn(acc, state, t, exit, sign);
      }
      if (exit > horizon) break;

      // Leave: the branch is drawn with this family's own uniform; an FGC moves the thresholds.
      const u = uniformOf(subStream(hash, BRANCH, episode), 1);
      const branch =
        lastHeld < 0
          ? pickShare(constants + (<usize>(C_EXIT_SHARES + state * 4) << 3), <i32>load<u8>(EXIT_COUNT + state), u)
          : pickBranch(state, u, effectWeight(lastHeld, exit));
      const to = <i32>load<u8>(DEST + <usize>(state * 4 + branch));
      const from = state;
      t = exit;
      if (acc != 0) {
        const exitCost = constant(C_EXIT_COST + from * EXIT_ROW + to);
        if (exitCost != 0) cost(acc, size * exitCost, t, sign);
        if (from == CLA) {
          flow(acc, CLA_EXITS, size, t, sign);
          if (branch == 0) flow(acc, CLA_RETURNS_HOME, size, t, sign);
        }
        if (to == CLA) flow(acc, CLA_ENTRIES, size, t, sign);
      }

      if (to == CLOSED || to == OUT) {
        if (candidates != 0) {
          const caseClose = col(candidates, L_CASE_CLOSE);
          const n = load<i32>(candidates + L_LENGTH);
          for (let i = caseFirst; i < n; i++) store<f64>(caseClose + (<usize>i << 3), t);
        }
        if (to == CLOSED) {
          const reReferral = subStream(hash, RE_REFERRAL, episode);
          if (uniformOf(reReferral, 1) < constant(C_RE_REFERRAL_P)) {
            if (ledger) move(acc, from, CLOSED, size, t, sign);
            state = CLOSED;
            // The re-referral stream's second draw (its first decided whether).
            exit = t + (constant(C_HAS_TABLE + 5) != 0 ? tableAt(5, uniformOf(reReferral, 2)) : reReferralStay(f, episode));
            continue;
          }
        }
        if (ledger) {
          move(acc, from, OUT, size, t, sign);
          familyIn(acc, OUT, t, Infinity, sign);
        }
        break;
      }

      if (ledger) move(acc, from, to, size, t, sign);
      state = to;
    }

    // Enter the open state `state` at t (from a referral or another state): one episode more.
    episode++;
    if (state == CLA) {
      const w = effectWeight(lastHeld, t);
      placement = pickPlacement(uniformOf(subStream(hash, PLACEMENT, episode), 1), w);
    }
    const stay =
      constant(C_HAS_TABLE + state) != 0 ? tableAt(state, uniformOf(subStream(hash, SOJOURN, episode), 1)) : sampleStay(state, f, episode);
    exit = t + (lastHeld < 0 ? stay : shortened(stay, state, t, lastHeld));
    if (candidates != 0 && state != ASSESSMENT && lastHeld < caseStart) {
      // Would this family take up an FGC offered here? Eligibility is each arm's own share.
      const o = subStream(hash, OFFER, episode);
      if (uniformOf(o, 2) < constant(C_ACCEPTANCE) && uniformOf(o, 3) < constant(C_CONVERSION)) {
        pushCandidate(candidates, t, f, state, uniformOf(o, 1), episode);
      }
    }
  }
  if (points != 0 && load<i32>(points + P_LENGTH) > firstPoint) {
    store<i32>(col(points, P_FIRST) + (<usize>f << 2), firstPoint);
    store<i32>(col(points, P_END) + (<usize>f << 2), load<i32>(points + P_LENGTH));
  }
  return held;
}

/** Family f from the start of the run (family.ts FamilySimulator.simulate). */
export function simulate(f: i32, count: i32, sign: f64, acc: usize, withLedger: bool, candidates: usize, points: usize): i32 {
  if (f < initialCount) {
    const state = <i32>load<u8>(initialState + f);
    const size = <f64>load<u8>(children + f);
    if (acc != 0 && withLedger) move(acc, NOT_ARRIVED, state, size, 0, sign);
    const exit = load<f64>(initialExit + (<usize>f << 3));
    return walk(f, state, <i32>load<u8>(initialPlacement + f), 0, exit, 0, 0, count, sign, acc, withLedger, candidates, points);
  }
  // Not yet arrived: the arrival is a referral, handled like a re-referral from a pending state.
  return walk(f, CLOSED, 0, 0, load<f64>(arrivalTime + (<usize>f << 3)), 0, 0, count, sign, acc, withLedger, candidates, points);
}

/** Family f from resume point i of `from` (see resumePoints) on: the same as simulate() from there. */
export function resume(f: i32, from: usize, i: i32, count: i32, sign: f64, acc: usize, withLedger: bool, candidates: usize): i32 {
  const i8 = <usize>i << 3;
  return walk(
    f,
    <i32>load<u8>(col(from, P_STATE) + <usize>i),
    <i32>load<u8>(col(from, P_PLACEMENT) + <usize>i),
    load<f64>(col(from, P_TIME) + i8),
    load<f64>(col(from, P_EXIT) + i8),
    load<i32>(col(from, P_EPISODE) + (<usize>i << 2)),
    load<f64>(col(from, P_CASE_START) + i8),
    count,
    sign,
    acc,
    withLedger,
    candidates,
    0,
  );
}

/** The shared pass: families 0..n-1 without an FGC, added once. */
export function simulateAll(n: i32, acc: usize, withLedger: bool, candidates: usize, points: usize): void {
  for (let f = 0; f < n; f++) simulate(f, 0, 1, acc, withLedger, candidates, points);
}

// ---- an arm's FGC service (src/engine/service.ts) ----

// Family statuses.
const NONE: u8 = 0;
const QUEUED: u8 = 1;
const ALLOCATED: u8 = 2;
// Heap payloads: kind in the low bit.
const CONFERENCE = 0;
const JOIN = 1;
// Rows of the service's out block (H + 1 months each), copied by the host into the arm's results.
const O_JOINED = 0;
const O_ALLOCATED = 1;
const O_HELD = 2;
const O_WAITING = 3;
const O_LAPSED = 4;
const O_LONGEST_WAIT = 5;
export const SERVICE_ROWS = 6;

// Per-family columns for `families` families, made once per run, cleared per arm.
let families: i32 = 0;
let status: usize = 0; // u8
let joinedAt: usize = 0; // f64
let caseCloses: usize = 0; // f64: when the case behind the family's place in the queue closes
let leadEpisode: usize = 0; // i32
let version: usize = 0; // i32
let conferenceCount: usize = 0; // u8
let firstConference: usize = 0; // f64
let laterHead: usize = 0; // i32: 1 + index of the family's first later conference, 0 if none
let laterTail: usize = 0; // i32
// Later conferences (a family's second on): time and 1 + index of the next, 0 at the end.
let laterTime: usize = 0;
let laterNext: usize = 0;
let laterLength: i32 = 0;
let laterCapacity: i32 = 0;
// The event heap (src/engine/event-heap.ts): times and payloads, ties by payload.
let heapTimes: usize = 0;
let heapPayloads: usize = 0;
let heapSize: i32 = 0;
let heapCapacity: i32 = 0;
// The queue: families in joining order.
let ring: usize = 0;
let ringCapacity: i32 = 0;
let head: i32 = 0;
let tail: i32 = 0;
// The arm.
let capacity: f64 = 0; // allocation slots a month
let maxWait: f64 = 0;
let weeksPerMonth: f64 = 0;
let eligible: usize = 0; // f64 by state
let nextSlot: f64 = 0;
let lapsedThisMonth: f64 = 0;
let armAcc: usize = 0;
let armLedger: bool = false;
let out: usize = 0;
let offers: usize = 0;
let extra: usize = 0;
let points: usize = 0;

/** Per-family columns for n families and the service's growable arrays: once per run. */
export function prepareService(n: i32): void {
  // Nothing here needs clearing now: runService clears what each arm reads before writing.
  families = n;
  status = claim(n);
  joinedAt = claim(n * 8);
  caseCloses = claim(n * 8);
  leadEpisode = claim(n * 4);
  version = claim(n * 4);
  conferenceCount = claim(n);
  firstConference = claim(n * 8);
  laterHead = claim(n * 4);
  laterTail = claim(n * 4);
  laterCapacity = 64;
  laterTime = claim(laterCapacity * 8);
  laterNext = claim(laterCapacity * 4);
  heapCapacity = 256;
  heapTimes = claim(heapCapacity * 8);
  heapPayloads = claim(heapCapacity * 4);
  ringCapacity = 256;
  ring = claim(ringCapacity * 4);
}

@inline function f64At(column: usize, i: i32): f64 {
  return load<f64>(column + (<usize>i << 3));
}
@inline function i32At(column: usize, i: i32): i32 {
  return load<i32>(column + (<usize>i << 2));
}
@inline function u8At(column: usize, i: i32): u8 {
  return load<u8>(column + <usize>i);
}
@inline function outAdd(rowIndex: i32, m: i32, v: f64): void {
  add(out, rowIndex * (H + 1) + m, v);
}

function heapPush(time: f64, payload: i32): void {
  if (heapSize == heapCapacity) {
    heapTimes = grown(heapTimes, heapSize, 8, heapCapacity * 2);
    heapPayloads = grown(heapPayloads, heapSize, 4, heapCapacity * 2);
    heapCapacity *= 2;
  }
  let i = heapSize++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pt = f64At(heapTimes, parent);
    if (pt < time || (pt == time && i32At(heapPayloads, parent) <= payload)) break;
    store<f64>(heapTimes + (<usize>i << 3), pt);
    store<i32>(heapPayloads + (<usize>i << 2), i32At(heapPayloads, parent));
    i = parent;
  }
  store<f64>(heapTimes + (<usize>i << 3), time);
  store<i32>(heapPayloads + (<usize>i << 2), payload);
}

function heapPop(): i32 {
  const top = i32At(heapPayloads, 0);
  const n = --heapSize;
  if (n == 0) return top;
  const time = f64At(heapTimes, n);
  const payload = i32At(heapPayloads, n);
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    const right = child + 1;
    if (right < n) {
      const rt = f64At(heapTimes, right);
      const ct = f64At(heapTimes, child);
      if (rt < ct || (rt == ct && i32At(heapPayloads, right) < i32At(heapPayloads, child))) child = right;
    }
    const ct = f64At(heapTimes, child);
    if (time < ct || (time == ct && payload <= i32At(heapPayloads, child))) break;
    store<f64>(heapTimes + (<usize>i << 3), ct);
    store<i32>(heapPayloads + (<usize>i << 2), i32At(heapPayloads, child));
    i = child;
  }
  store<f64>(heapTimes + (<usize>i << 3), time);
  store<i32>(heapPayloads + (<usize>i << 2), payload);
  return top;
}

@inline function serviceCost(amount: f64, month: i32): void {
  add(costDirectAt(armAcc), month, amount);
  add(costDirectAt(armAcc) + (<usize>(H + 1) << 3), month, amount);
}

/** A family reaches an offer point: it joins the queue if this arm offers there and it is free. */
function consider(list: usize, i: i32): void {
  const f = i32At(col(list, L_FAMILY), i);
  if (i32At(col(list, L_VERSION), i) != i32At(version, f) || u8At(status, f) != NONE) return;
  if (f64At(col(list, L_ELIGIBILITY), i) >= f64At(eligible, <i32>u8At(col(list, L_STATE), i))) return;
  const t = f64At(col(list, L_TIME), i);
  store<u8>(status + <usize>f, QUEUED);
  store<f64>(joinedAt + (<usize>f << 3), t);
  store<f64>(caseCloses + (<usize>f << 3), f64At(col(list, L_CASE_CLOSE), i));
  store<i32>(leadEpisode + (<usize>f << 2), i32At(col(list, L_EPISODE), i));
  outAdd(O_JOINED, <i32>Math.ceil(t), 1);
  if (tail == head) {
    // Nobody waiting: the next slot is the first on the grid from now.
    nextSlot = Math.max(nextSlot, Math.ceil(t * capacity));
    head = tail = 0;
  }
  if (tail == ringCapacity) {
    ring = grown(ring, tail, 4, ringCapacity * 2);
    ringCapacity *= 2;
  }
  store<i32>(ring + (<usize>tail << 2), f);
  tail++;
}

/** Whether a queued family is still waiting at time t: its case is open and its wait within the maximum. */
@inline function stillWaiting(f: i32, t: f64): bool {
  return u8At(status, f) == QUEUED && f64At(caseCloses, f) > t && t - f64At(joinedAt, f) <= maxWait;
}

/** A coordinator becomes free at time t: the longest-waiting family still waiting is allocated. */
function allocate(t: f64): void {
  nextSlot++;
  while (head < tail) {
    const f = i32At(ring, head++);
    if (u8At(status, f) != QUEUED) continue;
    if (!stillWaiting(f, t)) {
      if (f64At(caseCloses, f) > t) lapsedThisMonth++;
      store<u8>(status + <usize>f, NONE);
      continue;
    }
    store<u8>(status + <usize>f, ALLOCATED);
    const m = <i32>Math.max(1, Math.ceil(t));
    outAdd(O_ALLOCATED, m, 1);
    const waitWeeks = (t - f64At(joinedAt, f)) * weeksPerMonth;
    const longest = out + (<usize>(O_LONGEST_WAIT * (H + 1) + m) << 3);
    if (waitWeeks > load<f64>(longest)) store<f64>(longest, waitWeeks);
    const episode = i32At(leadEpisode, f);
    const lead =
      constant(C_HAS_TABLE + 6) != 0 ? tableAt(6, uniformOf(subStream(mix32(key0 ^ mix32(f)), LEAD_TIME, episode), 1)) : leadTime(f, episode);
    if (t + lead <= <f64>H) heapPush(t + lead, f * 2 + CONFERENCE);
    else store<u8>(status + <usize>f, NONE);
    return;
  }
}

/** The family meets. If its case is still open, its path is replaced by the one with this FGC. */
function hold(f: i32, t: f64): void {
  store<u8>(status + <usize>f, NONE);
  // The conference is for the case that made the offer: if that case has closed, it does not happen.
  if (t >= f64At(caseCloses, f)) return;
  // The family's conferences so far, then with this one: out with the old path, in with the new.
  const count = <i32>u8At(conferenceCount, f);
  if (count > 0) {
    store<f64>(conferences, f64At(firstConference, f));
    let later = i32At(laterHead, f);
    for (let i = 1; i < count; i++) {
      store<f64>(conferences + (<usize>i << 3), f64At(laterTime, later - 1));
      later = i32At(laterNext, later - 1);
    }
  }
  store<f64>(conferences + (<usize>count << 3), t);
  const first = load<i32>(extra + L_LENGTH);
  // A first FGC leaves the shared path untouched before it: re-walk only from the stay that holds it.
  const point = count == 0 ? holding(points, f, t) : -1;
  if (point >= 0) {
    resume(f, points, point, 0, -1, armAcc, armLedger, 0);
    resume(f, points, point, 1, 1, armAcc, armLedger, extra);
  } else {
    simulate(f, count, -1, armAcc, armLedger, 0, 0);
    simulate(f, count + 1, 1, armAcc, armLedger, extra, 0);
  }
  if (count == 0) store<f64>(firstConference + (<usize>f << 3), t);
  else {
    if (laterLength == laterCapacity) {
      laterTime = grown(laterTime, laterLength, 8, laterCapacity * 2);
      laterNext = grown(laterNext, laterLength, 4, laterCapacity * 2);
      laterCapacity *= 2;
    }
    const entry = laterLength++;
    store<f64>(laterTime + (<usize>entry << 3), t);
    store<i32>(laterNext + (<usize>entry << 2), 0);
    const last = i32At(laterTail, f);
    if (last == 0) store<i32>(laterHead + (<usize>f << 2), entry + 1);
    else store<i32>(laterNext + (<usize>(last - 1) << 2), entry + 1);
    store<i32>(laterTail + (<usize>f << 2), entry + 1);
  }
  store<u8>(conferenceCount + <usize>f, <u8>(count + 1 < 255 ? count + 1 : 255));
  const v = i32At(version, f) + 1;
  store<i32>(version + (<usize>f << 2), v);
  const n = load<i32>(extra + L_LENGTH);
  for (let i = first; i < n; i++) {
    store<i32>(col(extra, L_VERSION) + (<usize>i << 2), v);
    const time = f64At(col(extra, L_TIME), i);
    if (time > t) heapPush(time, i * 2 + JOIN);
  }
  outAdd(O_HELD, <i32>Math.ceil(t), 1);
  serviceCost(constant(C_CONFERENCE_COST), <i32>Math.ceil(t));
}

/** Month end m: waits past the maximum lapse; count who still waits; pay the coordinators. */
function closeMonth(m: i32, coordinatorCost: f64): void {
  let waiting = 0;
  const t = <f64>m;
  for (let i = head; i < tail; i++) {
    const f = i32At(ring, i);
    if (u8At(status, f) != QUEUED) continue;
    if (stillWaiting(f, t)) waiting++;
    else {
      if (f64At(caseCloses, f) > t) lapsedThisMonth++;
      store<u8>(status + <usize>f, NONE);
    }
  }
  while (head < tail && u8At(status, i32At(ring, head)) != QUEUED) head++;
  store<f64>(out + (<usize>(O_LAPSED * (H + 1) + m) << 3), lapsedThisMonth);
  lapsedThisMonth = 0;
  store<f64>(out + (<usize>(O_WAITING * (H + 1) + m) << 3), <f64>waiting);
  serviceCost(coordinatorCost, m);
}

/**
 * Runs an arm's FGC service over the offers families would take up, in time order (`order`, n of
 * them, indices into `offerList`). Capacity is a stream of allocation slots, one every 1/capacity
 * months; a slot nobody waits for is lost. A family joins the back of the queue, leaves it if its
 * case closes or it waits past the maximum, and is otherwise allocated a coordinator and meets
 * after a preparation time, if its case is still open. Each conference held replaces that family's
 * path in `acc` (out with the old, in with the new), and the new path's later offers join the
 * stream (in `extraList`). Writes the service's series into `outBlock` (SERVICE_ROWS × (H + 1)).
 */
export function runService(
  slotsPerMonth: f64,
  maxWaitMonths: f64,
  weeksInMonth: f64,
  eligibleByState: usize,
  coordinatorCost: f64,
  offerList: usize,
  order: usize,
  n: i32,
  extraList: usize,
  pointList: usize,
  acc: usize,
  withLedger: bool,
  outBlock: usize,
): void {
  capacity = slotsPerMonth;
  maxWait = maxWaitMonths;
  weeksPerMonth = weeksInMonth;
  eligible = eligibleByState;
  offers = offerList;
  extra = extraList;
  points = pointList;
  armAcc = acc;
  armLedger = withLedger;
  out = outBlock;
  memory.fill(status, 0, <usize>families);
  memory.fill(version, 0, <usize>(families * 4));
  memory.fill(conferenceCount, 0, <usize>families);
  memory.fill(laterHead, 0, <usize>(families * 4));
  memory.fill(laterTail, 0, <usize>(families * 4));
  laterLength = 0;
  heapSize = 0;
  head = tail = 0;
  nextSlot = 0;
  lapsedThisMonth = 0;
  store<i32>(extra + L_LENGTH, 0);

  let o = 0;
  for (let m = 1; m <= H; m++) {
    const month = <f64>m;
    for (;;) {
      const offerTime = o < n ? f64At(col(offers, L_TIME), i32At(order, o)) : Infinity;
      const heapTime = heapSize > 0 ? f64At(heapTimes, 0) : Infinity;
      // A slot matters only while someone waits; otherwise it passes unused.
      const slotTime = tail > head ? nextSlot / capacity : Infinity;
      if (slotTime <= heapTime && slotTime <= offerTime) {
        if (slotTime > month) break;
        allocate(slotTime);
      } else if (heapTime <= offerTime) {
        if (heapTime > month) break;
        const payload = heapPop();
        if ((payload & 1) == CONFERENCE) hold(payload >> 1, heapTime);
        else consider(extra, payload >> 1);
      } else {
        if (offerTime > month) break;
        consider(offers, i32At(order, o++));
      }
    }
    closeMonth(m, coordinatorCost);
  }
}

// ---- arrivals (src/engine/run-context.ts) ----

const ARRIVAL_TIME = 1;
const FAMILY_SIZE = 2;

/**
 * Arrival times (months) and sizes (children) of the families arriving in months 1..horizon, ids
 * arrivalStart[m] .. arrivalStart[m+1]-1, written at index id - arrivalStart[1]: each from the family's
 * own first draw of its ArrivalTime and FamilySize sub-streams under run key (k0, k1).
 */
export function arrivals(k0: i32, k1: i32, horizon: i32, arrivalStart: usize, childrenCum: usize, sizes: i32, timeOut: usize, childrenOut: usize): void {
  const runKey1 = key1;
  key1 = k1;
  const base = i32At(arrivalStart, 1);
  for (let m = 1; m <= horizon; m++) {
    const end = i32At(arrivalStart, m + 1);
    for (let id = i32At(arrivalStart, m); id < end; id++) {
      const hash = mix32(k0 ^ mix32(id));
      const i = id - base;
      store<f64>(timeOut + (<usize>i << 3), <f64>(m - 1) + uniformOf(subStream(hash, ARRIVAL_TIME, 0), 1));
      const u = uniformOf(subStream(hash, FAMILY_SIZE, 0), 1);
      // The first c with u < cum[c], plus one (sizes if none): cum never falls, so one more than how
      // many cum[c] are ≤ u, at most sizes. Counted without branches.
      let below = 0;
      for (let c = 0; c < sizes; c++) below += <i32>(f64At(childrenCum, c) <= u);
      store<u8>(childrenOut + <usize>i, <u8>(below < sizes ? below + 1 : sizes));
    }
  }
  key1 = runKey1;
}

// ---- the initial population (src/engine/run-context.ts) ----

const INITIAL_STATE = 9;

/**
 * Families found in `state` at month 0, ids from firstId, until their children make `target`:
 * each one's size from its FamilySize draw (cut to what is left), its placement in care and its
 * time left from its InitialState sub-stream. Time left is length-biased: a lognormal's in here
 * (log-mean shifted by sigma², times a uniform share), any other kind's from the host. Writes
 * sizes, placements and times left from index 0 of the out columns; returns how many families.
 */
export function fillStock(
  k0: i32,
  k1: i32,
  state: i32,
  target: i32,
  firstId: i32,
  childrenCum: usize,
  sizes: i32,
  placements: usize,
  lognormal: bool,
  mu: f64,
  sigma: f64,
  childrenOut: usize,
  placementOut: usize,
  exitOut: usize,
): i32 {
  const runKey1 = key1;
  key1 = k1;
  let remaining = target;
  let n = 0;
  while (remaining > 0) {
    const id = firstId + n;
    const hash = mix32(k0 ^ mix32(id));
    const u = uniformOf(subStream(hash, FAMILY_SIZE, 0), 1);
    let below = 0;
    for (let c = 0; c < sizes; c++) below += <i32>(f64At(childrenCum, c) <= u);
    const drawn = below < sizes ? below + 1 : sizes;
    const size = drawn < remaining ? drawn : remaining;
    remaining -= size;
    const s = subStream(hash, INITIAL_STATE, 0);
    let counter = 1;
    let placement = 0;
    if (state == CLA) placement = pickShare(placements, 5, uniformOf(s, counter++));
    let exit: f64;
    if (lognormal) {
      const share = uniformOf(s, counter);
      exit = share * hostExp(mu + sigma * sigma + sigma * normalQuantile(uniformOf(s, counter + 1)));
    } else exit = residual(state, id);
    store<u8>(childrenOut + <usize>n, <u8>size);
    store<u8>(placementOut + <usize>n, <u8>placement);
    store<f64>(exitOut + (<usize>n << 3), exit);
    n++;
  }
  key1 = runKey1;
  return n;
}
