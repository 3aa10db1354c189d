// Children's births, months from month 0: the same arithmetic as src/wasm/care.ts birthOf, for the host's checks and
// the tests (a child's age is its family's Age sub-stream keyed by the child: the band, then the age within it).
import { QuantileTable } from '../random/quantile-table';
import { unitPower } from '../random/unit-power';
import { KeyedStream } from '../random/rng';
import type { RunContext } from './run-context';
import { Purpose, State } from './wasm/layout';

/** Where each DfE age band starts, months of age (under 1, 1–4, 5–9, 10–15, 16 and over), then the 18th birthday. */
export const BAND_START_MONTHS = [0, 12, 60, 120, 192, 216] as const;

/** The age band of an age in months (16 and over past 18 too). */
export function bandOf(ageMonths: number): number {
  return +(ageMonths >= 12) + +(ageMonths >= 60) + +(ageMonths >= 120) + +(ageMonths >= 192);
}

/** The module's pickShare: how many of the first n - 1 partial sums of the shares are ≤ u. */
function pick(shares: Float64Array, u: number): number {
  let sum = 0;
  let below = 0;
  for (let i = 0; i < shares.length - 1; i++) {
    sum += shares[i]!;
    below += +(sum <= u);
  }
  return below;
}

/** Child c of family f's birth, months from month 0 (negative: born before it). */
export function birthOf(ctx: RunContext, f: number, c: number): number {
  const initial = f < ctx.initialCount;
  const inCare = initial && ctx.initialState[f] === State.Cla;
  if (inCare && ctx.params.care.routes) return foundInCare(ctx, f, c).birth;
  const stream = new KeyedStream(ctx.key0, ctx.key1).at(f, Purpose.Age, c);
  const band = pick(inCare ? ctx.params.care.claAgeMix : ctx.params.care.ageMix, stream.next());
  const lo = BAND_START_MONTHS[band]!;
  const hi = BAND_START_MONTHS[band + 1]!;
  const age = lo + stream.next() * (hi - lo);
  return (initial ? 0 : ctx.arrivalTime[f]!) - age;
}

/** Tries at most for a child found in care (src/wasm/care.ts FOUND_TRIES). */
const FOUND_TRIES = 2000;

/**
 * A child found in care at month 0 with each child on its own clocks (src/wasm/care.ts foundInCare, the same
 * arithmetic): its birth and its entry to care, months from month 0.
 */
export function foundInCare(ctx: RunContext, f: number, c: number): { birth: number; entry: number } {
  const care = ctx.params.care;
  const routes = care.routes!;
  const tables = routes.map((r) => r.table ?? QuantileTable.of((u) => r.quantile(u)));
  const band0 = pick(care.claAgeMix, new KeyedStream(ctx.key0, ctx.key1).at(f, Purpose.Age, c).next());
  const [lo, hi] = [BAND_START_MONTHS[band0]!, BAND_START_MONTHS[band0 + 1]!];
  const stream = new KeyedStream(ctx.key0, ctx.key1);
  const u = (counter: number) => stream.at(f, Purpose.FoundInCare, c).skip(counter - 1).next();
  const inside = (p: number) => (p < 1e-12 ? 1e-12 : p > 1 - 1e-12 ? 1 - 1e-12 : p);
  for (let k = 0; k < FOUND_TRIES; k++) {
    const base = k * 8;
    const band = pick(care.ageMix, u(base + 1));
    const from = BAND_START_MONTHS[band]!;
    const entryAge = from + u(base + 2) * (BAND_START_MONTHS[band + 1]! - from);
    const last = k === FOUND_TRIES - 1;
    if (entryAge >= hi && !last) continue;
    let stay = 216 - entryAge;
    for (let r = 0; r < routes.length; r++) {
      const a = care.routeHazard[r * 5 + band]!;
      const time = a > 0 ? tables[r]!.at(inside(1 - unitPower(1 - u(base + 3 + r), 1 / a))) : Infinity;
      if (time < stay) stay = time;
    }
    const start = lo - entryAge > 0 ? lo - entryAge : 0;
    const end = hi - entryAge < stay ? hi - entryAge : stay;
    const width = end - start;
    if ((width > 0 && u(base + 8) * (hi - lo) < width) || last) {
      const spent = width > 0 ? start + u(base + 7) * width : u(base + 7) * stay;
      return { birth: -(entryAge + spent), entry: -spent };
    }
  }
  throw new Error('unreachable');
}
