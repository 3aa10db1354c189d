// The run block: the pathway's states and codes, the run's columns, constants and quantile tables, set by the host.
import { exactQuantile } from './host';

// States (src/engine/states.ts) and ledger states (src/engine/ledger.ts).
export const ASSESSMENT = 0;
export const CLA = 4;
export const CLOSED = 5;
export const OUT = 6;
export const NOT_ARRIVED = 7;
export const LEDGER_STATES = 8;
export const LEDGER_WIDTH = 24;
// Stock classes (src/engine/accumulators.ts).
export const CLA0 = 3;
export const CLASS_ASSESSMENT = 8;
export const CLASSES = 9;
// Flow rows.
export const CLA_ENTRIES = 0;
export const CLA_EXITS = 1;
export const CLA_RETURNS_HOME = 2;
export const REFERRALS = 3;
// Purposes (src/engine/rng.ts).
export const SOJOURN = 3;
export const BRANCH = 4;
export const PLACEMENT = 5;
export const OFFER = 6;
export const LEAD_TIME = 7;
export const RE_REFERRAL = 8;
// Branch kinds.
export const STEP_DOWN: u8 = 0;
export const TO_CP: u8 = 1;
export const QUANTILE_CELLS = 2048;
export const TABLE_SIZE = QUANTILE_CELLS + 1;
export const EXIT_ROW = 8;

/** Exit destinations and branch kinds per open state, four slots each, most severe first (family.ts DEST, KIND). */
export const DEST = memory.data<u8>([4, 2, 1, 5, 4, 2, 5, 0, 3, 1, 5, 0, 4, 2, 1, 0, 5, 6, 6, 6]);
export const KIND = memory.data<u8>([2, 1, 0, 0, 2, 1, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]);
export const EXIT_COUNT = memory.data<u8>([4, 3, 3, 3, 4]);

// The run block, set by setRun: scalars, then addresses of the run's columns and tables.
export let H: i32 = 0;
export let key0: i32 = 0;
export let key1: i32 = 0;
export let initialCount: i32 = 0;
export let children: usize = 0; // u8 per family
export let initialState: usize = 0; // u8 per initial family
export let initialPlacement: usize = 0; // u8 per initial family
export let initialExit: usize = 0; // f64 per initial family
export let arrivalTime: usize = 0; // f64 per family
export let constants: usize = 0; // f64: see C_* below
export let tables: usize = 0; // f64: seven quantile tables of TABLE_SIZE (open states 0–4, re-referral, time to conference)
export let conferences: usize = 0; // f64: conference times of the family being walked

// Offsets in the constants block, f64 slots.
export const C_FRONT_DOOR = 0;
export const C_RE_REFERRAL_P = 1;
export const C_ACCEPTANCE = 2;
export const C_CONVERSION = 3;
export const C_TIME_IN_CARE = 4;
export const C_TIME_IN_SYSTEM = 5;
export const C_FADE_RATE = 6;
export const C_RR_CP = 7;
export const C_RR_CARE = 8;
export const C_KINSHIP = 9;
export const C_EXIT_SHARES = 10; // 5 × 4
export const C_EXIT_COST = 30; // 8 × 8
export const C_PLACEMENTS = 94; // 5
export const C_HAS_TABLE = 99; // 7 (1 or 0): open states 0–4, re-referral, time to conference
export const C_CONFERENCE_COST = 106;

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

@inline export function constant(i: i32): f64 {
  return load<f64>(constants + (<usize>i << 3));
}

/** Table `which` at u: linear inside a cell, exact (from the host) in the two end cells. */
@inline export function tableAt(which: i32, u: f64): f64 {
  const x = u * <f64>QUANTILE_CELLS;
  const k = <i32>x;
  if (k == 0 || k >= QUANTILE_CELLS - 1) return exactQuantile(which, u);
  const at = tables + (<usize>(which * TABLE_SIZE + k) << 3);
  const lo = load<f64>(at);
  return lo + (x - <f64>k) * (load<f64>(at, 8) - lo);
}

/** Sets the run key's second half, returning the one it replaces (for draws made before a run is set). */
export function swapKey1(k: i32): i32 {
  const old = key1;
  key1 = k;
  return old;
}

/** Sets the horizon, returning the one it replaces (for accumulators used outside a run). */
export function swapHorizon(horizon: i32): i32 {
  const old = H;
  H = horizon;
  return old;
}
