// The run's families: arrivals month by month and the population found at month 0.
import { swapKey1 } from './run';
import { CLA, PLACEMENTS, PURPOSE_ARRIVAL_TIME, PURPOSE_FAMILY_SIZE, PURPOSE_INITIAL_STATE } from './layout';
import { f64At, i32At } from './memory';
import { hostExp, normalQuantile, residual, residualAge } from './host';
import { mix32, pickShare, subStream, uniformOf } from './draws';

/**
 * Arrival times (months) and sizes (children) of the families arriving in months 1..horizon, ids
 * arrivalStart[m] .. arrivalStart[m+1]-1, written at index id - arrivalStart[1]: each from the family's
 * own first draw of its ArrivalTime and FamilySize sub-streams under run key (k0, k1).
 */
export function arrivals(k0: i32, k1: i32, horizon: i32, arrivalStart: usize, childrenCum: usize, sizes: i32, timeOut: usize, childrenOut: usize): void {
  const runKey1 = swapKey1(k1);
  const base = i32At(arrivalStart, 1);
  for (let m = 1; m <= horizon; m++) {
    const end = i32At(arrivalStart, m + 1);
    for (let id = i32At(arrivalStart, m); id < end; id++) {
      const hash = mix32(k0 ^ mix32(id));
      const i = id - base;
      store<f64>(timeOut + (<usize>i << 3), <f64>(m - 1) + uniformOf(subStream(hash, PURPOSE_ARRIVAL_TIME, 0), 1));
      const u = uniformOf(subStream(hash, PURPOSE_FAMILY_SIZE, 0), 1);
      // The first c with u < cum[c], plus one (sizes if none): cum never falls, so one more than how
      // many cum[c] are ≤ u, at most sizes. Counted without branches.
      let below = 0;
      for (let c = 0; c < sizes; c++) below += <i32>(f64At(childrenCum, c) <= u);
      store<u8>(childrenOut + <usize>i, <u8>(below < sizes ? below + 1 : sizes));
    }
  }
  swapKey1(runKey1);
}

// ---- the initial population (src/engine/sim/run-context.ts) ----

/**
 * Families found in `state` at month 0, ids from firstId, until their children make `target`:
 * each one's size from its FamilySize draw (cut to what is left), its placement in care and its
 * time left from its InitialState sub-stream. Time left is length-biased: a lognormal's in here
 * (log-mean shifted by sigma², times a uniform share), any other kind's from the host. Writes
 * sizes, placements and times left from index 0 of the out columns; returns how many families.
 */
export function fillStock(
  k0: i32,
  k1: i32,
  state: i32,
  target: i32,
  firstId: i32,
  childrenCum: usize,
  sizes: i32,
  placements: usize,
  lognormal: bool,
  mu: f64,
  sigma: f64,
  childrenOut: usize,
  placementOut: usize,
  exitOut: usize,
  ageOut: usize,
): i32 {
  const runKey1 = swapKey1(k1);
  let remaining = target;
  let n = 0;
  while (remaining > 0) {
    const id = firstId + n;
    const hash = mix32(k0 ^ mix32(id));
    const u = uniformOf(subStream(hash, PURPOSE_FAMILY_SIZE, 0), 1);
    let below = 0;
    for (let c = 0; c < sizes; c++) below += <i32>(f64At(childrenCum, c) <= u);
    const drawn = below < sizes ? below + 1 : sizes;
    const size = drawn < remaining ? drawn : remaining;
    remaining -= size;
    const s = subStream(hash, PURPOSE_INITIAL_STATE, 0);
    let counter = 1;
    let placement = 0;
    if (state == CLA) placement = pickShare(placements, PLACEMENTS, uniformOf(s, counter++));
    // A length-biased stay, split at a uniform point: the time left, and the time already spent (for the service's
    // pipeline at month 0).
    let exit: f64;
    let age: f64;
    if (lognormal) {
      const share = uniformOf(s, counter);
      const total = hostExp(mu + sigma * sigma + sigma * normalQuantile(uniformOf(s, counter + 1)));
      exit = share * total;
      age = (1 - share) * total;
    } else {
      exit = residual(state, id);
      age = residualAge();
    }
    store<f64>(ageOut + (<usize>n << 3), age);
    store<u8>(childrenOut + <usize>n, <u8>size);
    store<u8>(placementOut + <usize>n, <u8>placement);
    store<f64>(exitOut + (<usize>n << 3), exit);
    n++;
  }
  swapKey1(runKey1);
  return n;
}
