// What every arm of a run shares: the parameter draw, the family streams' key, the initial population and the arrivals.
import { negativeBinomial, poisson } from './distributions';
import type { RunParameters } from './params';
import { drawParameters } from './params';
import { Pathway } from './pathway';
import { KeyedStream, makeRunRng, Purpose } from './rng';
import type { Sojourn } from './sojourn';
import { State } from './states';
import { steadyState } from './steady-state';
import type { Scenario } from '../scenario/schema';

/** One run's shared inputs: arms differ only in the FGC service they are given. */
export interface RunContext {
  params: RunParameters;
  key0: number;
  key1: number;
  horizonMonths: number;
  /** Calendar month (0 = January) of month 0. */
  startCalendarMonth: number;
  /** Families present at month 0, ids 0..initialCount-1. */
  initialCount: number;
  initialState: Uint8Array;
  initialPlacement: Uint8Array;
  /** Time of each initial family's next event (state exit or re-referral), months. */
  initialExit: Float64Array;
  /** Children in each family, initial and arriving. */
  children: Uint8Array;
  /** First family id arriving in each month 1..H (index m), and one past the last at H+1. */
  arrivalStart: Int32Array;
  /** Arrival time of each family id ≥ initialCount, months. */
  arrivalTime: Float64Array;
  totalFamilies: number;
}

/** Children in a family, from its own stream. */
function drawChildren(childrenCum: Float64Array, u: number): number {
  for (let i = 0; i < childrenCum.length; i++) if (u < childrenCum[i]!) return i + 1;
  return childrenCum.length;
}

/** Builds the run's shared context: draws parameters, initial stocks and monthly arrivals. */
export function makeRunContext(scenario: Scenario, seed: string, run: number, horizonMonths: number): RunContext {
  const params = drawParameters(scenario, seed, run);
  const keyRng = makeRunRng(`${seed}|keys`, run);
  const key0 = Math.floor(keyRng() * 4294967296) | 0;
  const key1 = Math.floor(keyRng() * 4294967296) | 0;
  const stream = new KeyedStream(key0, key1);
  const p = params;

  // Initial population: each stock filled family by family until its children match exactly.
  const states: number[] = [];
  const placements: number[] = [];
  const exits: number[] = [];
  const children: number[] = [];
  const fill = (state: State, targetChildren: number, sojourn: Sojourn) => {
    let remaining = targetChildren;
    while (remaining > 0) {
      const id = states.length;
      const size = Math.min(remaining, drawChildren(p.childrenCum, stream.at(id, Purpose.FamilySize, 0).next()));
      remaining -= size;
      stream.at(id, Purpose.InitialState, 0);
      let placement = 0;
      if (state === State.Cla) placement = pickShare(p.placements, stream.next());
      states.push(state);
      placements.push(placement);
      children.push(size);
      exits.push(sojourn.sampleResidual(stream));
    }
  };
  const d = p.durations;
  fill(State.Cla, p.initial.cla, d.cla);
  fill(State.Cp, p.initial.cp, d.cp);
  fill(State.Cin, p.initial.cin, d.cin);
  fill(State.PreProceedings, p.initial.preProceedings, d.preProceedings);
  // Not given by the scenarios: families mid-assessment and closed families awaiting re-referral, at their
  // steady-state sizes (Little's law), so that referrals and plan starts show no lull in the first months.
  const steady = steadyState(p, p.referralsPerMonth);
  fill(State.Assessment, Math.round(steady.stocks.assessment), d.assessment);
  fill(State.Closed, Math.round(steady.reReferralsPerMonth * d.reReferral.meanMonths), d.reReferral);
  const initialCount = states.length;

  // Arrivals of new families month by month: referrals less the steady-state re-referrals.
  const countRng = makeRunRng(`${seed}|arrivals`, run);
  const startCalendarMonth = Number(scenario.startMonth.slice(5, 7)) - 1;
  const arrivalStart = new Int32Array(horizonMonths + 2);
  const newShare = 1 - steady.reReferralsPerMonth / Math.max(p.referralsPerMonth, 1e-12);
  let next = initialCount;
  for (let m = 1; m <= horizonMonths; m++) {
    arrivalStart[m] = next;
    const seasonal = p.seasonal[(startCalendarMonth + m) % 12]!;
    const trend = Math.pow(1 + p.trendPerYear, (m - 0.5) / 12);
    const mean = ((p.referralsPerMonth * newShare) / p.meanChildrenPerFamily) * seasonal * trend;
    next += p.countModel === 'poisson' ? poisson(countRng, mean) : negativeBinomial(countRng, mean, p.dispersion);
  }
  arrivalStart[horizonMonths + 1] = next;
  arrivalStart[0] = initialCount;
  const totalFamilies = next;
  const childArray = new Uint8Array(totalFamilies);
  childArray.set(children);
  const arrivalTime = new Float64Array(totalFamilies);
  drawArrivals(key0, key1, horizonMonths, arrivalStart, p.childrenCum, arrivalTime, childArray);
  return {
    params,
    key0,
    key1,
    horizonMonths,
    startCalendarMonth,
    initialCount,
    initialState: Uint8Array.from(states),
    initialPlacement: Uint8Array.from(placements),
    initialExit: Float64Array.from(exits),
    children: childArray,
    arrivalStart,
    arrivalTime,
    totalFamilies,
  };
}

/**
 * Each arriving family's time (month m - 1 plus the first draw of its ArrivalTime sub-stream) and
 * size (children, from its FamilySize sub-stream), into arrivalTime and children at its id. Done by
 * the pathway module (src/wasm/pathway.ts arrivals) in scratch memory, freed before it returns.
 */
function drawArrivals(key0: number, key1: number, H: number, arrivalStart: Int32Array, childrenCum: Float64Array, arrivalTime: Float64Array, children: Uint8Array): void {
  const first = arrivalStart[1]!;
  const n = arrivalStart[H + 1]! - first;
  if (n === 0) return;
  const pathway = Pathway.get();
  pathway.scratch(() => {
    const starts = pathway.allocate(4 * (H + 2));
    const cum = pathway.allocate(8 * childrenCum.length);
    const times = pathway.allocate(8 * n);
    const sizes = pathway.allocate(n);
    new Int32Array(pathway.buffer, starts, H + 2).set(arrivalStart);
    new Float64Array(pathway.buffer, cum, childrenCum.length).set(childrenCum);
    pathway.exports.arrivals(key0, key1, H, starts, cum, childrenCum.length, times, sizes);
    arrivalTime.set(new Float64Array(pathway.buffer, times, n), first);
    children.set(new Uint8Array(pathway.buffer, sizes, n), first);
  });
}

/** Index of the category that u falls in, for shares summing to 1. */
export function pickShare(shares: Float64Array, u: number): number {
  let c = 0;
  const last = shares.length - 1;
  for (let i = 0; i < last; i++) {
    c += shares[i]!;
    if (u < c) return i;
  }
  return last;
}
