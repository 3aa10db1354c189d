// FGC offers that a family would take up: where and when, with the draw that decides eligibility per arm.
import { ModuleList } from './module-list';

/** The list's header in the pathway memory, i32 slots (src/wasm/lists.ts L_*). */
const L_TIME = 2;
const L_FAMILY = 3;
const L_STATE = 4;
const L_ELIGIBILITY = 5;
const L_EPISODE = 6;
const L_CASE_CLOSE = 7;
const L_VERSION = 8;
const HEADER_SLOTS = 9;

/**
 * Growable columns of offer candidates: a family entering an offer-point state that would accept
 * and whose enquiry would convert. Whether it is eligible depends on the arm (its eligible share at
 * that point), so the uniform is kept and each arm compares it with its own share. The list lives
 * in the pathway memory, where the walk appends to it; the columns here are views of it.
 */
export class CandidateList extends ModuleList {
  constructor(capacity = 256) {
    super((pathway) => pathway.exports.candidateList(capacity), HEADER_SLOTS, 'an offer list');
  }

  get time(): Float64Array {
    return this.column(Float64Array, L_TIME);
  }
  get family(): Int32Array {
    return this.column(Int32Array, L_FAMILY);
  }
  get state(): Uint8Array {
    return this.column(Uint8Array, L_STATE);
  }
  get eligibilityDraw(): Float64Array {
    return this.column(Float64Array, L_ELIGIBILITY);
  }
  get episode(): Int32Array {
    return this.column(Int32Array, L_EPISODE);
  }
  /** When the case this offer belongs to closes, months (Infinity if open at the horizon). */
  get caseClose(): Float64Array {
    return this.column(Float64Array, L_CASE_CLOSE);
  }
  /** Version of the family's path that made this candidate. */
  get version(): Int32Array {
    return this.column(Int32Array, L_VERSION);
  }

  /**
   * Indices in time order (to 2^-20 of a month, about 2.5 seconds; ties in list order), written by the
   * pathway module into the current run's memory: returns the column's address. Times must be under
   * 1,024 months (the sort's keys are 30 bits; horizons are at most 600).
   */
  timeOrder(): number {
    const order = this.pathway.allocate(4 * Math.max(1, this.length), false);
    this.pathway.exports.timeOrder(this.at, order);
    return order;
  }
}
