// The walk's entry points: a family from the start of the run, from a resume point, and the shared pass (./walk).
import { children, constant, initialAge, initialCount, initialExit, initialPlacement, initialState, arrivalTime, key0 } from './run';
import { CLOSED, CLA, C_CARE_PER_CHILD, NOT_ARRIVED, PT_CASE_START, PT_EPISODE, PT_EXIT, PT_PLACEMENT, PT_STATE, PT_TIME } from './layout';
import { move } from './accumulators';
import { careStay, freshCare } from './care';
import { mix32 } from './draws';
import { pointAt } from './lists';
import { walk } from './walk';

/** Family f from the start of the run (src/engine/sim/family.ts FamilySimulator.simulate). */
export function simulate(f: i32, count: i32, sign: f64, acc: usize, withLedger: bool, candidates: usize, points: usize): i32 {
  freshCare();
  if (f < initialCount) {
    const state = <i32>load<u8>(initialState + f);
    const size = <f64>load<u8>(children + f);
    if (acc != 0 && withLedger) move(acc, NOT_ARRIVED, state, size, 0, sign);
    let exit = load<f64>(initialExit + (<usize>f << 3));
    // A family found in care: its children's own clocks, run on from the time already spent (./care careStay).
    if (state == CLA && constant(C_CARE_PER_CHILD) != 0) {
      exit = careStay(mix32(key0 ^ mix32(f)), f, <i32>size, 0, -load<f64>(initialAge + (<usize>f << 3)), -1, 1);
    }
    return walk(f, state, <i32>load<u8>(initialPlacement + f), 0, exit, 0, 0, count, sign, acc, withLedger, candidates, points);
  }
  // Not yet arrived: the arrival is a referral, handled like a re-referral from a pending state.
  return walk(f, CLOSED, 0, 0, load<f64>(arrivalTime + (<usize>f << 3)), 0, 0, count, sign, acc, withLedger, candidates, points);
}

/** Family f from resume point i of `from` (see resumePoints) on: the same as simulate() from there. */
export function resume(f: i32, from: usize, i: i32, count: i32, sign: f64, acc: usize, withLedger: bool, candidates: usize): i32 {
  freshCare();
  const r = pointAt(from, i);
  return walk(
    f,
    <i32>load<u8>(r, PT_STATE),
    <i32>load<u8>(r, PT_PLACEMENT),
    load<f64>(r, PT_TIME),
    load<f64>(r, PT_EXIT),
    load<i32>(r, PT_EPISODE),
    load<f64>(r, PT_CASE_START),
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
