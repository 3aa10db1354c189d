// The coordinators' allocation slots for an arm's service: slot n comes when the capacity given since 0 reaches n,
// at a constant rate or (a ramp-up) at each month's own; the service (./service.ts) asks for them in order.
import { H } from './run';
import { f64At } from './memory';

export let slotRate: f64 = 0; // allocation slots a month (the coordinators' capacity, in FTE, times conferences per FTE a month)
// With a capacity that changes by month (a ramp-up): slots available by each month end, f64 × (H + 1) from 0; else 0.
export let slotsByMonthEnd: usize = 0;
export let slotMonth: i32 = 1; // the month the last slot looked up fell in (slots are looked up in order)

/** Sets an arm's slots: a constant rate a month, or (with `byMonthEndAt`) slots by each month end, f64 × (H + 1). */
export function setSlots(perMonth: f64, byMonthEndAt: usize): void {
  slotRate = perMonth;
  slotsByMonthEnd = byMonthEndAt;
  slotMonth = 1;
}

/** Slots the coordinators have given by time t (the capacity's integral from 0). */
@inline export function slotsBy(t: f64): f64 {
  if (slotsByMonthEnd == 0) return t * slotRate;
  const m = <i32>Math.min(<f64>H, Math.max(1, Math.ceil(t)));
  const lo = f64At(slotsByMonthEnd, m - 1);
  return lo + (t - <f64>(m - 1)) * (f64At(slotsByMonthEnd, m) - lo);
}

/** When slot n comes (Infinity if after the horizon); looked up in order of n, from the month the last one fell in. */
export function slotAt(n: f64): f64 {
  if (slotsByMonthEnd == 0) return n / slotRate;
  while (slotMonth <= H && !(n < f64At(slotsByMonthEnd, slotMonth))) slotMonth++;
  if (slotMonth > H) return Infinity;
  const lo = f64At(slotsByMonthEnd, slotMonth - 1);
  const t = <f64>(slotMonth - 1) + (n - lo) / (f64At(slotsByMonthEnd, slotMonth) - lo);
  // A slot at the very start of a month after one with no coordinators is that month's (t just past m - 1), not
  // the month before's; otherwise the grid is the constant rate's (slot n at n / rate when the rate does not change).
  return slotMonth >= 2 && t == <f64>(slotMonth - 1) && f64At(slotsByMonthEnd, slotMonth - 2) == lo ? t + 1e-9 : t;
}
