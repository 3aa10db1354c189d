// An arm's accumulators (src/engine/accumulators.ts): stays, costs and flows booked as month-end differences.
import { CLASSES, H, LEDGER_STATES, LEDGER_WIDTH, swapHorizon } from './run';
import { add } from './memory';

@inline export function stockDiffAt(acc: usize): usize {
  return acc;
}
@inline export function correctionAt(acc: usize): usize {
  return acc + (<usize>(CLASSES * (H + 2)) << 3);
}
@inline export function costDirectAt(acc: usize): usize {
  return acc + (<usize>(2 * CLASSES * (H + 2)) << 3);
}
@inline export function flowsAt(acc: usize): usize {
  return acc + (<usize>(2 * CLASSES * (H + 2) + 2 * (H + 1)) << 3);
}
@inline export function familyMonthsAt(acc: usize): usize {
  return acc + (<usize>(2 * CLASSES * (H + 2) + 6 * (H + 1)) << 3);
}
@inline export function ledgerAt(acc: usize): usize {
  return acc + (<usize>(2 * CLASSES * (H + 2) + 6 * (H + 1) + 2) << 3);
}
@inline export function familiesDiffAt(acc: usize): usize {
  return ledgerAt(acc) + (<usize>((H + 1) * LEDGER_WIDTH) << 3);
}

/** sojourn() for accumulators of horizon `horizon` outside a run (tests), leaving the run's horizon as it was. */
export function sojournFor(horizon: i32, acc: usize, k: i32, count: f64, t0: f64, t1: f64, sign: f64): void {
  const runHorizon = swapHorizon(horizon);
  sojourn(acc, k, count, t0, t1, sign);
  swapHorizon(runHorizon);
}

/** `count` children in stock class k over [t0, t1): two month-end differences and two part-month corrections. */
export function sojourn(acc: usize, k: i32, count: f64, t0: f64, t1: f64, sign: f64): void {
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
