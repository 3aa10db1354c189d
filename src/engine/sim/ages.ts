// Children's births, months from month 0: the same arithmetic as src/wasm/care.ts birthOf, for the host's checks and
// the tests (a child's age is its family's Age sub-stream keyed by the child: the band, then the age within it).
import { KeyedStream } from '../random/rng';
import type { RunContext } from './run-context';
import { Purpose, State } from './wasm/layout';

/** Where each DfE age band starts, months of age (under 1, 1–4, 5–9, 10–15, 16 and over), then the 18th birthday. */
export const BAND_START_MONTHS = [0, 12, 60, 120, 192, 216] as const;

/** The age band of an age in months (16 and over past 18 too). */
export function bandOf(ageMonths: number): number {
  return +(ageMonths >= 12) + +(ageMonths >= 60) + +(ageMonths >= 120) + +(ageMonths >= 192);
}

/** Child c of family f's birth, months from month 0 (negative: born before it). */
export function birthOf(ctx: RunContext, f: number, c: number): number {
  const stream = new KeyedStream(ctx.key0, ctx.key1).at(f, Purpose.Age, c);
  const initial = f < ctx.initialCount;
  const mix = initial && ctx.initialState[f] === State.Cla ? ctx.params.care.claAgeMix : ctx.params.care.ageMix;
  // The module's pickShare: how many of the first n - 1 partial sums are ≤ u.
  const u = stream.next();
  let sum = 0;
  let band = 0;
  for (let i = 0; i < mix.length - 1; i++) {
    sum += mix[i]!;
    band += +(sum <= u);
  }
  const lo = BAND_START_MONTHS[band]!;
  const hi = BAND_START_MONTHS[band + 1]!;
  const age = lo + stream.next() * (hi - lo);
  return (initial ? 0 : ctx.arrivalTime[f]!) - age;
}
