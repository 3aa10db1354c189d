// Long computations written as generators that yield between small steps, so a caller on a UI
// thread can spread them over several tasks; `finish` runs one to the end at once.

/** A computation that yields (nothing) between steps and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs a stepped computation to the end in one go. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
