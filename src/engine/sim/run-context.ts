// What every arm of a run shares: the parameter draw, the family streams' key, the initial population and the arrivals.
import { negativeBinomial, poisson } from '../random/distributions';
import type { RunParameters } from './params';
import { drawParameters } from './params';
import { Pathway, type ResidualSource } from './wasm/pathway';
import { KeyedStream, makeRunRng } from '../random/rng';
import type { Sojourn } from './sojourn';
import { Purpose, State } from './wasm/layout';
import { steadyState } from './steady-state';
import type { Scenario } from '../../scenario/schema';

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
  /** Each initial family's time already spent in its state at month 0, months (the other part of its length-biased stay). */
  initialAge: Float64Array;
  /** Children in each family, initial and arriving. */
  children: Uint8Array;
  /** First family id arriving in each month 1..H (index m), and one past the last at H+1. */
  arrivalStart: Int32Array;
  /** Arrival time of each family id ≥ initialCount, months. */
  arrivalTime: Float64Array;
  totalFamilies: number;
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
  const d = p.durations;
  // Not given by the scenarios: families mid-assessment and closed families awaiting re-referral, at their
  // steady-state sizes (Little's law), so that referrals and plan starts show no lull in the first months.
  const steady = steadyState(p, p.referralsPerMonth);
  const stocks: [State, number, Sojourn][] = [
    [State.Cla, p.initial.cla, d.cla],
    [State.Cp, p.initial.cp, d.cp],
    [State.Cin, p.initial.cin, d.cin],
    [State.PreProceedings, p.initial.preProceedings, d.preProceedings],
    [State.Assessment, Math.round(steady.stocks.assessment), d.assessment],
    [State.Closed, Math.round(steady.reReferralsPerMonth * d.reReferral.meanMonths), d.reReferral],
  ];
  const initial = drawInitialFamilies(key0, key1, stocks, p.childrenCum, p.placements, stream);
  const initialCount = initial.state.length;
  const children = initial.children;

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
    initialState: initial.state,
    initialPlacement: initial.placement,
    initialExit: initial.exit,
    initialAge: initial.age,
    children: childArray,
    arrivalStart,
    arrivalTime,
    totalFamilies,
  };
}

/**
 * The families found in each stock at month 0, ids from 0 in the order given: each stock filled
 * family by family until its children match exactly, each family's size, placement and time left
 * from its own sub-streams. Drawn by the pathway module (src/wasm/population.ts fillStock) in scratch
 * memory; a time left that is not lognormal comes back here (the sojourn's own residual sampler).
 */
function drawInitialFamilies(
  key0: number,
  key1: number,
  stocks: [State, number, Sojourn][],
  childrenCum: Float64Array,
  placements: Float64Array,
  stream: KeyedStream,
): { state: Uint8Array; placement: Uint8Array; exit: Float64Array; age: Float64Array; children: Uint8Array } {
  let total = 0;
  for (let i = 0; i < stocks.length; i++) total += Math.max(0, stocks[i]![1]);
  const state = new Uint8Array(total);
  const placement = new Uint8Array(total);
  const exit = new Float64Array(total);
  const age = new Float64Array(total);
  const children = new Uint8Array(total);
  const pathway = Pathway.get();
  let n = 0;
  const mark = pathway.scratchMark();
  try {
    const cum = pathway.allocate(8 * childrenCum.length, false);
    const shares = pathway.allocate(8 * placements.length, false);
    const childrenAt = pathway.allocate(total, false);
    const placementAt = pathway.allocate(total, false);
    const exitAt = pathway.allocate(8 * total, false);
    const ageAt = pathway.allocate(8 * total, false);
    new Float64Array(pathway.buffer, cum, childrenCum.length).set(childrenCum);
    new Float64Array(pathway.buffer, shares, placements.length).set(placements);
    for (let i = 0; i < stocks.length; i++) {
      const stock = stocks[i]!;
      const s = stock[0];
      const target = stock[1];
      const sojourn = stock[2];
      const lognormal = sojourn.logParameters();
      // The InitialState sub-stream's draws after the placement (in care) are the sojourn's.
      pathway.residual = new StockResidual(sojourn, stream, s === State.Cla ? 1 : 0);
      try {
        const count = pathway.exports.fillStock(key0, key1, s, target, n, cum, childrenCum.length, shares, lognormal ? 1 : 0, lognormal?.mu ?? 0, lognormal?.sigma ?? 0, childrenAt, placementAt, exitAt, ageAt);
        state.fill(s, n, n + count);
        placement.set(new Uint8Array(pathway.buffer, placementAt, count), n);
        exit.set(new Float64Array(pathway.buffer, exitAt, count), n);
        age.set(new Float64Array(pathway.buffer, ageAt, count), n);
        children.set(new Uint8Array(pathway.buffer, childrenAt, count), n);
        n += count;
      } finally {
        pathway.residual = null;
      }
    }
  } finally {
    pathway.releaseScratch(mark);
  }
  return { state: state.slice(0, n), placement: placement.slice(0, n), exit: exit.slice(0, n), age: age.slice(0, n), children: children.slice(0, n) };
}

/** An initial family's time left in a state whose sojourn the module does not sample: from its InitialState sub-stream, after `skip` draws. */
class StockResidual implements ResidualSource {
  constructor(
    private readonly sojourn: Sojourn,
    private readonly stream: KeyedStream,
    private readonly skip: number,
  ) {}

  timeLeft(_state: number, id: number): number {
    return this.sojourn.sampleResidual(this.stream.at(id, Purpose.InitialState, 0).skip(this.skip));
  }

  age(): number {
    return this.sojourn.lastResidualAge;
  }
}

/**
 * Each arriving family's time (month m - 1 plus the first draw of its ArrivalTime sub-stream) and
 * size (children, from its FamilySize sub-stream), into arrivalTime and children at its id. Done by
 * the pathway module (src/wasm/population.ts arrivals) in scratch memory, freed before it returns.
 */
function drawArrivals(key0: number, key1: number, H: number, arrivalStart: Int32Array, childrenCum: Float64Array, arrivalTime: Float64Array, children: Uint8Array): void {
  const first = arrivalStart[1]!;
  const n = arrivalStart[H + 1]! - first;
  if (n === 0) return;
  const pathway = Pathway.get();
  const mark = pathway.scratchMark();
  try {
    const starts = pathway.allocate(4 * (H + 2), false);
    const cum = pathway.allocate(8 * childrenCum.length, false);
    const times = pathway.allocate(8 * n, false);
    const sizes = pathway.allocate(n, false);
    new Int32Array(pathway.buffer, starts, H + 2).set(arrivalStart);
    new Float64Array(pathway.buffer, cum, childrenCum.length).set(childrenCum);
    pathway.exports.arrivals(key0, key1, H, starts, cum, childrenCum.length, times, sizes);
    arrivalTime.set(new Float64Array(pathway.buffer, times, n), first);
    children.set(new Uint8Array(pathway.buffer, sizes, n), first);
  } finally {
    pathway.releaseScratch(mark);
  }
}
