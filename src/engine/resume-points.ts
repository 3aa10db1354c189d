// Where families' shared paths can be resumed: the first FGC of an arm re-walks a family from there.
import { ModuleList } from './module-list';
import type { State } from './states';

/** The points' header in the pathway memory, i32 slots (src/wasm/lists.ts P_*). */
const P_TIME = 2;
const P_EXIT = 3;
const P_CASE_START = 4;
const P_EPISODE = 5;
const P_STATE = 6;
const P_PLACEMENT = 7;
const P_FIRST = 8;
const P_END = 9;
const P_FAMILIES = 10;
const HEADER_SLOTS = 11;

/**
 * Where the shared (no-FGC) paths of the families that made an offer can be picked up again: one
 * point at each entry to an open state, with what the walk needs to go on from there. A first
 * conference changes nothing before it, so an arm re-walks such a family from the point holding
 * the conference instead of from its referral. The points live in the pathway memory, where the
 * shared pass records them; the columns here are views of them.
 */
export class ResumePoints extends ModuleList {
  constructor(capacity = 1024) {
    super((pathway) => pathway.exports.resumePoints(capacity), HEADER_SLOTS, 'resume points');
  }

  /** Empties the points and sizes the per-family index for n families. */
  clear(n: number): this {
    this.check();
    this.pathway.exports.clearPoints(this.at, n);
    return this;
  }

  push(time: number, exit: number, caseStart: number, episode: number, state: State, placement: number): void {
    this.check();
    this.pathway.exports.pushPoint(this.at, time, exit, caseStart, episode, state, placement);
  }

  /** The point of family f whose stay holds time c (entered at or before c, left after it), or -1. */
  holding(f: number, c: number): number {
    this.check();
    return this.pathway.exports.holding(this.at, f, c);
  }

  /** First point of each family (index into the columns), -1 if none. */
  get first(): Int32Array {
    return this.column(Int32Array, P_FIRST, P_FAMILIES);
  }
  /** One past the family's last point. */
  get end(): Int32Array {
    return this.column(Int32Array, P_END, P_FAMILIES);
  }
  get time(): Float64Array {
    return this.column(Float64Array, P_TIME);
  }
  get exit(): Float64Array {
    return this.column(Float64Array, P_EXIT);
  }
  get caseStart(): Float64Array {
    return this.column(Float64Array, P_CASE_START);
  }
  get episode(): Int32Array {
    return this.column(Int32Array, P_EPISODE);
  }
  get state(): Uint8Array {
    return this.column(Uint8Array, P_STATE);
  }
  get placement(): Uint8Array {
    return this.column(Uint8Array, P_PLACEMENT);
  }
}
