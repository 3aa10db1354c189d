// The run block: the run's columns, constants and quantile tables, set by the host (layout: src/wasm/layout-table.ts).
import { exactQuantile } from './host';
import { QUANTILE_CELLS, TABLE_SIZE } from './layout';

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
export let constants: usize = 0; // f64: the constants block (C_* in ./layout)
export let tables: usize = 0; // f64: TABLE_COUNT quantile tables of TABLE_SIZE (open states 0–4, re-referral, time to conference)
export let conferences: usize = 0; // f64: conference times of the family being walked
export let initialAge: usize = 0; // f64 per initial family: its time already spent in its state at month 0 (set by the host)

/** Where the walk reads each initial family's time already spent in its state. */
export function setInitialAge(at: usize): void {
  initialAge = at;
}

export let conferencePoints: usize = 0; // u8: each conference's offer point (state - 1), beside its time (set by the service)

/** Where the service writes each conference's offer point (255 at most, as a family record counts them). */
export function setConferencePoints(at: usize): void {
  conferencePoints = at;
}

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
