// An arm's accumulators (src/engine/sim/accumulators.ts): stays, costs and flows booked as month-end differences.
// The block's parts and their offsets are the layout table's (ACC_* in ./layout).
import { H, swapHorizon } from './run';
import {
  ACC_CORRECTION_FIXED,
  ACC_CORRECTION_H1,
  ACC_CORRECTION_H2,
  ACC_COST_DIRECT_FIXED,
  ACC_COST_DIRECT_H1,
  ACC_COST_DIRECT_H2,
  ACC_FAMILIES_DIFF_FIXED,
  ACC_FAMILIES_DIFF_H1,
  ACC_FAMILIES_DIFF_H2,
  ACC_FAMILY_MONTHS_FIXED,
  ACC_FAMILY_MONTHS_H1,
  ACC_FAMILY_MONTHS_H2,
  ACC_FLOWS_FIXED,
  ACC_FLOWS_H1,
  ACC_FLOWS_H2,
  ACC_LEDGER_FIXED,
  ACC_LEDGER_H1,
  ACC_LEDGER_H2,
  ACC_SERVICE_DIRECT_FIXED,
  ACC_SERVICE_DIRECT_H1,
  ACC_SERVICE_DIRECT_H2,
  ACC_STOCK_DIFF_FIXED,
  ACC_STOCK_DIFF_H1,
  ACC_STOCK_DIFF_H2,
  LEDGER_STATES,
  LEDGER_WIDTH,
} from './layout';
import { add } from './memory';

/** Address of the part at slot h1 × (H + 1) + h2 × (H + 2) + fixed of the block at `acc`. */
@inline function partAt(acc: usize, h1: i32, h2: i32, fixed: i32): usize {
  return acc + (<usize>(h1 * (H + 1) + h2 * (H + 2) + fixed) << 3);
}
@inline export function stockDiffAt(acc: usize): usize {
  return partAt(acc, ACC_STOCK_DIFF_H1, ACC_STOCK_DIFF_H2, ACC_STOCK_DIFF_FIXED);
}
@inline export function correctionAt(acc: usize): usize {
  return partAt(acc, ACC_CORRECTION_H1, ACC_CORRECTION_H2, ACC_CORRECTION_FIXED);
}
@inline export function costDirectAt(acc: usize): usize {
  return partAt(acc, ACC_COST_DIRECT_H1, ACC_COST_DIRECT_H2, ACC_COST_DIRECT_FIXED);
}
@inline export function serviceDirectAt(acc: usize): usize {
  return partAt(acc, ACC_SERVICE_DIRECT_H1, ACC_SERVICE_DIRECT_H2, ACC_SERVICE_DIRECT_FIXED);
}
@inline export function flowsAt(acc: usize): usize {
  return partAt(acc, ACC_FLOWS_H1, ACC_FLOWS_H2, ACC_FLOWS_FIXED);
}
@inline export function familyMonthsAt(acc: usize): usize {
  return partAt(acc, ACC_FAMILY_MONTHS_H1, ACC_FAMILY_MONTHS_H2, ACC_FAMILY_MONTHS_FIXED);
}
@inline export function ledgerAt(acc: usize): usize {
  return partAt(acc, ACC_LEDGER_H1, ACC_LEDGER_H2, ACC_LEDGER_FIXED);
}
@inline export function familiesDiffAt(acc: usize): usize {
  return partAt(acc, ACC_FAMILIES_DIFF_H1, ACC_FAMILIES_DIFF_H2, ACC_FAMILIES_DIFF_FIXED);
}

/** sojourn() for accumulators of horizon `horizon` outside a run (tests), leaving the run's horizon as it was. */
export function sojournFor(horizon: i32, acc: usize, k: i32, count: f64, t0: f64, t1: f64, sign: f64): void {
  const runHorizon = swapHorizon(horizon);
  sojourn(acc, k, count, t0, t1, sign);
  swapHorizon(runHorizon);
}

/** `count` children in stock class k over [t0, t1): two month-end differences and two part-month corrections; the family's months counted. */
export function sojourn(acc: usize, k: i32, count: f64, t0: f64, t1: f64, sign: f64): void {
  if (stock(acc, k, count, t0, t1, sign)) familyMonths(acc, t0, t1, sign);
}

/** The stock part of sojourn(): `count` children in class k over [t0, t1) (t0 ≤ H). Whether it reached a month end. */
export function stock(acc: usize, k: i32, count: f64, t0: f64, t1: f64, sign: f64): bool {
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
    return true;
  }
  return false;
}

/** The open family-months of a stay over [t0, t1) (the run's diagnostics; the bench's unit of work). */
export function familyMonths(acc: usize, t0: f64, t1: f64, sign: f64): void {
  const first = Math.ceil(t0);
  const last = t1 <= <f64>H ? Math.ceil(t1) : <f64>(H + 1);
  if (!(first < last)) return;
  const months = familyMonthsAt(acc);
  store<f64>(months, load<f64>(months) + sign * (last - (first > 1 ? first : 1)));
}

@inline export function cost(acc: usize, amount: f64, t: f64, sign: f64): void {
  add(costDirectAt(acc), <i32>Math.ceil(t), sign * amount);
}

@inline export function flow(acc: usize, row: i32, count: f64, t: f64, sign: f64): void {
  add(flowsAt(acc), row * (H + 1) + <i32>Math.ceil(t), sign * count);
}

export function move(acc: usize, from: i32, to: i32, count: f64, t: f64, sign: f64): void {
  const row = <i32>Math.ceil(t) * LEDGER_WIDTH;
  const ledger = ledgerAt(acc);
  add(ledger, row + LEDGER_STATES + from, sign * count);
  add(ledger, row + to, sign * count);
}

export function familyIn(acc: usize, s: i32, t0: f64, t1: f64, sign: f64): void {
  const first = <i32>Math.ceil(t0);
  const last = t1 > <f64>H ? H + 1 : <i32>Math.ceil(t1);
  if (first >= last) return;
  const row = s * (H + 2);
  const diff = familiesDiffAt(acc);
  add(diff, row + first, sign);
  add(diff, row + last, -sign);
}
