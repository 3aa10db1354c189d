// Where families' shared paths can be resumed: the first FGC of an arm re-walks a family from there.
import { Pathway, type MemoryViews } from './pathway';
import type { State } from './states';

/** The points' header in the pathway memory, i32 slots (src/wasm/pathway.ts P_*). */
const P_LENGTH = 0;
const P_CAPACITY = 1;
const P_TIME = 2;
const P_EXIT = 3;
const P_CASE_START = 4;
const P_EPISODE = 5;
const P_STATE = 6;
const P_PLACEMENT = 7;
const P_FIRST = 8;
const P_END = 9;
const P_FAMILIES = 10;

/**
 * Where the shared (no-FGC) paths of the families that made an offer can be picked up again: one
 * point at each entry to an open state, with what the walk needs to go on from there. A first
 * conference changes nothing before it, so an arm re-walks such a family from the point holding
 * the conference instead of from its referral. The points live in the pathway memory, where the
 * shared pass records them; the columns here are views of them, valid for the current run.
 */
export class ResumePoints implements MemoryViews {
  /** Address of the points' header in the pathway memory. */
  readonly at: number;
  private readonly pathway: Pathway;
  private readonly generation: number;
  private header!: Int32Array;
  private buffer!: ArrayBuffer;
  private made = -1;
  private madeFirst = -1;
  private timeView!: Float64Array;
  private exitView!: Float64Array;
  private caseStartView!: Float64Array;
  private episodeView!: Int32Array;
  private stateView!: Uint8Array;
  private placementView!: Uint8Array;
  private firstView!: Int32Array;
  private endView!: Int32Array;

  constructor(capacity = 1024) {
    this.pathway = Pathway.get();
    this.generation = this.pathway.generation;
    this.at = this.pathway.exports.resumePoints(capacity);
    this.pathway.track(this);
  }

  bind(buffer: ArrayBuffer): void {
    this.buffer = buffer;
    this.header = new Int32Array(buffer, this.at, 11);
    this.made = -1;
    this.madeFirst = -1;
  }

  get length(): number {
    this.pathway.check(this.generation, 'resume points');
    return this.header[P_LENGTH]!;
  }

  /** Empties the points and sizes the per-family index for n families. */
  clear(n: number): this {
    this.pathway.check(this.generation, 'resume points');
    this.pathway.exports.clearPoints(this.at, n);
    return this;
  }

  push(time: number, exit: number, caseStart: number, episode: number, state: State, placement: number): void {
    this.pathway.check(this.generation, 'resume points');
    this.pathway.exports.pushPoint(this.at, time, exit, caseStart, episode, state, placement);
  }

  /** The point of family f whose stay holds time c (entered at or before c, left after it), or -1. */
  holding(f: number, c: number): number {
    this.pathway.check(this.generation, 'resume points');
    return this.pathway.exports.holding(this.at, f, c);
  }

  /** First point of each family (index into the columns), -1 if none. */
  get first(): Int32Array {
    return this.families().firstView;
  }
  /** One past the family's last point. */
  get end(): Int32Array {
    return this.families().endView;
  }
  get time(): Float64Array {
    return this.views().timeView;
  }
  get exit(): Float64Array {
    return this.views().exitView;
  }
  get caseStart(): Float64Array {
    return this.views().caseStartView;
  }
  get episode(): Int32Array {
    return this.views().episodeView;
  }
  get state(): Uint8Array {
    return this.views().stateView;
  }
  get placement(): Uint8Array {
    return this.views().placementView;
  }

  private views(): this {
    this.pathway.check(this.generation, 'resume points');
    const h = this.header;
    if (this.made !== h[P_TIME]) {
      const n = h[P_CAPACITY]!;
      const b = this.buffer;
      this.timeView = new Float64Array(b, h[P_TIME]!, n);
      this.exitView = new Float64Array(b, h[P_EXIT]!, n);
      this.caseStartView = new Float64Array(b, h[P_CASE_START]!, n);
      this.episodeView = new Int32Array(b, h[P_EPISODE]!, n);
      this.stateView = new Uint8Array(b, h[P_STATE]!, n);
      this.placementView = new Uint8Array(b, h[P_PLACEMENT]!, n);
      this.made = h[P_TIME]!;
    }
    return this;
  }

  private families(): this {
    this.pathway.check(this.generation, 'resume points');
    const h = this.header;
    if (this.madeFirst !== h[P_FIRST]) {
      this.firstView = new Int32Array(this.buffer, h[P_FIRST]!, h[P_FAMILIES]!);
      this.endView = new Int32Array(this.buffer, h[P_END]!, h[P_FAMILIES]!);
      this.madeFirst = h[P_FIRST]!;
    }
    return this;
  }
}
