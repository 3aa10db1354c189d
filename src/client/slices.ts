// Runs a stepped computation on a UI thread in slices of a few milliseconds, yielding to the
// event loop between slices so input, painting and worker messages are never held up for long.
import type { Steps } from '../engine';

/** Longest slice, ms: well under the 50 ms a browser calls a long task. */
const SLICE_MS = 12;

/** Lets the event loop run: `scheduler.yield` where the browser has it, else setImmediate (Node), else a timer. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

/**
 * Runs `steps` to the end in slices of at most about `sliceMs`; returns its result and the time
 * spent computing (not waiting), or `undefined` as soon as `cancelled()` says so.
 */
export async function runInSlices<T>(steps: Steps<T>, cancelled: () => boolean = () => false, sliceMs = SLICE_MS): Promise<{ value: T; busyMs: number } | undefined> {
  let busyMs = 0;
  for (;;) {
    if (cancelled()) return undefined;
    const start = performance.now();
    let next = steps.next();
    while (!next.done && performance.now() - start < sliceMs) next = steps.next();
    busyMs += performance.now() - start;
    if (next.done) return { value: next.value, busyMs };
    await yieldToEventLoop();
  }
}
