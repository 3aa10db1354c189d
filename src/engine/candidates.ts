// FGC offers that a family would take up: where and when, with the draw that decides eligibility per arm.
import { Pathway, type MemoryViews } from './pathway';

/** The list's header in the pathway memory, i32 slots (src/wasm/pathway.ts L_*). */
const L_LENGTH = 0;
const L_TIME = 2;
const L_FAMILY = 3;
const L_STATE = 4;
const L_ELIGIBILITY = 5;
const L_EPISODE = 6;
const L_CASE_CLOSE = 7;
const L_VERSION = 8;

/**
 * Growable columns of offer candidates: a family entering an offer-point state that would accept
 * and whose enquiry would convert. Whether it is eligible depends on the arm (its eligible share at
 * that point), so the uniform is kept and each arm compares it with its own share. The list lives
 * in the pathway memory, where the walk appends to it; the columns here are views of it, valid for
 * the current run.
 */
export class CandidateList implements MemoryViews {
  /** Address of the list's header in the pathway memory. */
  readonly at: number;
  private readonly pathway: Pathway;
  private readonly generation: number;
  private header!: Int32Array;
  private buffer!: ArrayBuffer;
  /** Column addresses the views below were made for. */
  private made = -1;
  private timeView!: Float64Array;
  private familyView!: Int32Array;
  private stateView!: Uint8Array;
  private eligibilityView!: Float64Array;
  private episodeView!: Int32Array;
  private caseCloseView!: Float64Array;
  private versionView!: Int32Array;

  constructor(capacity = 256) {
    this.pathway = Pathway.get();
    this.generation = this.pathway.generation;
    this.at = this.pathway.exports.candidateList(capacity);
    this.pathway.track(this);
  }

  bind(buffer: ArrayBuffer): void {
    this.buffer = buffer;
    this.header = new Int32Array(buffer, this.at, 9);
    this.made = -1;
  }

  get length(): number {
    this.pathway.check(this.generation, 'an offer list');
    return this.header[L_LENGTH]!;
  }

  /** Empties the list, keeping its storage. */
  clear(): this {
    this.pathway.check(this.generation, 'an offer list');
    this.header[L_LENGTH] = 0;
    return this;
  }

  get time(): Float64Array {
    return this.views().timeView;
  }
  get family(): Int32Array {
    return this.views().familyView;
  }
  get state(): Uint8Array {
    return this.views().stateView;
  }
  get eligibilityDraw(): Float64Array {
    return this.views().eligibilityView;
  }
  get episode(): Int32Array {
    return this.views().episodeView;
  }
  /** When the case this offer belongs to closes, months (Infinity if open at the horizon). */
  get caseClose(): Float64Array {
    return this.views().caseCloseView;
  }
  /** Version of the family's path that made this candidate. */
  get version(): Int32Array {
    return this.views().versionView;
  }

  /** Views of the columns as they are now (the module moves them when the list grows). */
  private views(): this {
    this.pathway.check(this.generation, 'an offer list');
    const h = this.header;
    if (this.made !== h[L_TIME]) {
      const n = this.header[1]!;
      const b = this.buffer;
      this.timeView = new Float64Array(b, h[L_TIME]!, n);
      this.familyView = new Int32Array(b, h[L_FAMILY]!, n);
      this.stateView = new Uint8Array(b, h[L_STATE]!, n);
      this.eligibilityView = new Float64Array(b, h[L_ELIGIBILITY]!, n);
      this.episodeView = new Int32Array(b, h[L_EPISODE]!, n);
      this.caseCloseView = new Float64Array(b, h[L_CASE_CLOSE]!, n);
      this.versionView = new Int32Array(b, h[L_VERSION]!, n);
      this.made = h[L_TIME]!;
    }
    return this;
  }

  /**
   * Indices in time order (to 2^-20 of a month, about 2.5 seconds; ties in list order), written by the
   * pathway module into the current run's memory: returns the column's address. Times must be under
   * 1,024 months (the sort's keys are 30 bits; horizons are at most 600).
   */
  timeOrder(): number {
    this.pathway.check(this.generation, 'an offer list');
    const order = this.pathway.allocate(4 * Math.max(1, this.length), false);
    this.pathway.exports.timeOrder(this.at, order);
    return order;
  }
}
