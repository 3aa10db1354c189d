// FGC offers that a family would take up: where and when, with the draw that decides eligibility per arm.
import { CANDIDATE_SHIFT as SHIFT, LIST_HEADER, R_CASE_CLOSE, R_ELIGIBILITY, R_EPISODE, R_FAMILY, R_FAMILY_RECORD, R_STATE, R_TIME, R_VERSION } from './wasm/layout';
import { ModuleList } from './wasm/module-list';

/**
 * A growable list of offer candidates: a family entering an offer-point state that would accept
 * and whose enquiry would convert. Whether it is eligible depends on the arm (its eligible share at
 * that point), so the uniform is kept and each arm compares it with its own share. The list lives
 * in the pathway memory, where the walk appends to it; it is read here entry by entry.
 */
export class CandidateList extends ModuleList {
  constructor(allocated = 256) {
    super((pathway) => pathway.exports.candidateList(allocated), LIST_HEADER / 4, 'an offer list');
  }

  time(i: number): number {
    return this.f64(i, R_TIME, SHIFT);
  }
  family(i: number): number {
    return this.i32(i, R_FAMILY, SHIFT);
  }
  state(i: number): number {
    return this.u8(i, R_STATE, SHIFT);
  }
  eligibilityDraw(i: number): number {
    return this.f64(i, R_ELIGIBILITY, SHIFT);
  }
  episode(i: number): number {
    return this.i32(i, R_EPISODE, SHIFT);
  }
  /** When the case this offer belongs to closes, months (Infinity if open at the horizon). */
  caseClose(i: number): number {
    return this.f64(i, R_CASE_CLOSE, SHIFT);
  }
  /** Version of the family's path that made this candidate. */
  version(i: number): number {
    return this.i32(i, R_VERSION, SHIFT);
  }
  /** The family's record in the run's resume points (-1 if it has none). */
  familyRecord(i: number): number {
    return this.i32(i, R_FAMILY_RECORD, SHIFT);
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

  /**
   * Puts the offers in that time order (entry i becomes the i-th offer in time), as the service reads
   * them: each arm's service then reads the offers one cache line after the next.
   */
  sortByTime(): this {
    this.check();
    this.pathway.exports.sortByTime(this.at);
    return this;
  }
}
