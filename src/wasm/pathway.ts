// AssemblyScript: the family walk (src/engine/family.ts) compiled to WebAssembly. One family's path
// event by event, from its own keyed draws, booked into an arm's accumulators in this module's memory.
//
// Built by `npm run build:wasm` into src/engine/pathway-wasm.ts (test/engine/pathway-wasm.test.ts
// checks that the committed bytes are this file's). Every floating-point operation is the one the
// TypeScript engine did, in the same order, so results are bit-identical to it; Math.exp comes from
// the host for the same reason. Layout of the run block and of an accumulator block: see
// src/engine/pathway.ts, which writes them.

@external('env', 'exp') declare function hostExp(x: f64): f64;
/** A stay in an open state whose sojourn has no quantile table (gamma, empirical), months. */
@external('env', 'sampleStay') declare function sampleStay(state: i32, f: i32, episode: i32): f64;
/** The exact quantile in a table's end cells (table 0–4: open states, 5: re-referral). */
@external('env', 'exactQuantile') declare function exactQuantile(table: i32, u: f64): f64;
/** Time to re-referral when it has no quantile table, months. */
@external('env', 'reReferralStay') declare function reReferralStay(f: i32, episode: i32): f64;
@external('env', 'pushCandidate') declare function pushCandidate(t: f64, f: i32, state: i32, eligibility: f64, episode: i32): void;
/** The case of the last `count` candidates closed at t. */
@external('env', 'closeCases') declare function closeCases(count: i32, t: f64): void;
@external('env', 'pushPoint') declare function pushPoint(f: i32, t: f64, exit: f64, caseStart: f64, episode: i32, state: i32, placement: i32): void;

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
let tables: usize = 0; // f64: six quantile tables of TABLE_SIZE (open states 0–4, re-referral)
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
const C_HAS_TABLE = 99; // 6 (1 or 0)

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
  let c: f64 = 0;
  const last = n - 1;
  for (let i = 0; i < last; i++) {
    c += load<f64>(at + (<usize>i << 3));
    if (u < c) return i;
  }
  return last;
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
 * 0). With `candidates`, reports the offers it would take up; with `points` as well, where the path
 * can be resumed from its first offer on. Returns conferences held.
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
  candidates: bool,
  points: bool,
): i32 {
  const horizon = <f64>H;
  const size = <f64>load<u8>(children + f);
  const ledger = acc != 0 && withLedger;
  const hash = mix32(key0 ^ mix32(f));
  let held = 0;
  let lastHeld: f64 = -1;
  let next = 0;
  let pushed = 0;
  let caseFirst = 0;

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
      caseFirst = pushed;
      state = ASSESSMENT;
    } else {
      // Only from a family's first offer on can a stay hold its first FGC: record resume points from there.
      if (points && candidates && pushed > 0) pushPoint(f, t, exit, caseStart, episode, state, placement);
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
        if (candidates && pushed > caseFirst) closeCases(pushed - caseFirst, t);
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
    if (candidates && state != ASSESSMENT && lastHeld < caseStart) {
      // Would this family take up an FGC offered here? Eligibility is each arm's own share.
      const o = subStream(hash, OFFER, episode);
      const eligibility = uniformOf(o, 1);
      if (uniformOf(o, 2) < constant(C_ACCEPTANCE) && uniformOf(o, 3) < constant(C_CONVERSION)) {
        pushCandidate(t, f, state, eligibility, episode);
        pushed++;
      }
    }
  }
  return held;
}

/** Family f from the start of the run (family.ts FamilySimulator.simulate). */
export function simulate(f: i32, count: i32, sign: f64, acc: usize, withLedger: bool, candidates: bool, points: bool): i32 {
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

/** The shared pass: families 0..n-1 without an FGC, added once. */
export function simulateAll(n: i32, acc: usize, withLedger: bool, candidates: bool, points: bool): void {
  for (let f = 0; f < n; f++) simulate(f, 0, 1, acc, withLedger, candidates, points);
}
