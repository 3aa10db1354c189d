// Where families' shared paths can be resumed: the first FGC of an arm re-walks a family from there.
import {
  FAMILY_RECORD_SHIFT,
  FR_END,
  FR_FIRST,
  P_FAMILIES_SLOT,
  P_FAMILY_RECORDS_SLOT,
  POINT_SHIFT,
  POINTS_HEADER,
  PT_CASE_START,
  PT_EPISODE,
  PT_EXIT,
  PT_PLACEMENT,
  PT_STATE,
  PT_TIME,
  type State,
} from './wasm/layout';
import { ModuleList } from './wasm/module-list';

/**
 * Where the shared (no-FGC) paths of the families that made an offer can be picked up again: one
 * point at each entry to an open state, with what the walk needs to go on from there; each such
 * family has a record that holds where its points are (and, while an arm runs, its place in the service). A first
 * conference changes nothing before it, so an arm re-walks such a family from the point holding
 * the conference instead of from its referral. The points live in the pathway memory, where the
 * shared pass records them; they are read here entry by entry.
 */
export class ResumePoints extends ModuleList {
  constructor(allocated = 1024, familyAllocated = 256) {
    super((pathway) => pathway.exports.resumePoints(allocated, familyAllocated), POINTS_HEADER / 4, 'resume points');
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

  /** Gives family f a record holding its points first..end-1 (as the walk does once it has made its offers). */
  assign(f: number, first: number, end: number): void {
    this.check();
    this.pathway.exports.assignFamilyRecord(this.at, f, first, end);
  }

  /** How many families have a record (those that made an offer). */
  get familyRecordCount(): number {
    this.check();
    return this.header[P_FAMILY_RECORDS_SLOT]!;
  }

  /** The record of family f, -1 if it has none. */
  familyRecordOf(f: number): number {
    this.check();
    if (!(f >= 0 && f < this.header[P_FAMILIES_SLOT]!)) throw new RangeError(`resume points: no family ${f} (${this.header[P_FAMILIES_SLOT]} families)`);
    return this.pathway.exports.familyRecordOf(this.at, f);
  }
  /** The first point of family f, -1 if it has none. */
  first(f: number): number {
    const record = this.familyRecordOf(f);
    return record < 0 ? -1 : this.i32(record, FR_FIRST, FAMILY_RECORD_SHIFT, P_FAMILY_RECORDS_SLOT);
  }
  /** One past the family's last point (-1 if it has none). */
  end(f: number): number {
    const record = this.familyRecordOf(f);
    return record < 0 ? -1 : this.i32(record, FR_END, FAMILY_RECORD_SHIFT, P_FAMILY_RECORDS_SLOT);
  }
  time(i: number): number {
    return this.f64(i, PT_TIME, POINT_SHIFT);
  }
  exit(i: number): number {
    return this.f64(i, PT_EXIT, POINT_SHIFT);
  }
  caseStart(i: number): number {
    return this.f64(i, PT_CASE_START, POINT_SHIFT);
  }
  episode(i: number): number {
    return this.i32(i, PT_EPISODE, POINT_SHIFT);
  }
  state(i: number): number {
    return this.u8(i, PT_STATE, POINT_SHIFT);
  }
  placement(i: number): number {
    return this.u8(i, PT_PLACEMENT, POINT_SHIFT);
  }
}
