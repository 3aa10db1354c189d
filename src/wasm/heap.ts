// The service's event heap (conferences, the ends of involvements, offers from re-walked paths): times and payloads, ties by payload.
import { f64At, grown, i32At, claim } from './memory';

export let heapTimes: usize = 0;
export let heapPayloads: usize = 0;
export let heapSize: i32 = 0;
export let heapAllocated: i32 = 0;

/** The heap's arrays: once per run. */
export function prepareHeap(): void {
  heapAllocated = 256;
  heapTimes = claim(heapAllocated * 8);
  heapPayloads = claim(heapAllocated * 4);
}

/** Empties the heap (each arm). */
export function clearHeap(): void {
  heapSize = 0;
}

export function heapPush(time: f64, payload: i32): void {
  if (heapSize == heapAllocated) {
    heapTimes = grown(heapTimes, heapSize, 8, heapAllocated * 2);
    heapPayloads = grown(heapPayloads, heapSize, 4, heapAllocated * 2);
    heapAllocated *= 2;
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

export function heapPop(): i32 {
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

