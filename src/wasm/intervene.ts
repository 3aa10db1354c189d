// An intervention for one family in an arm's services (an FGC held, or the caseload service taking it on): its path is
// re-walked with all its interventions so far and this one; and what the FGC's and the caseload service's loops share.
import { H, conferences, setConferencePoints } from './run';
import { FR_CONFERENCES, FR_FAMILY, FR_FIRST_CONFERENCE, FR_FIRST_POINT, FR_LATER_HEAD, FR_LATER_TAIL, FR_VERSION, L_LENGTH, R_FAMILY_RECORD, R_TIME, R_VERSION } from './layout';
import { candidateAt, familyRecordAt, holdingIn } from './lists';
import { add, claim, f64At, grown, i32At } from './memory';
import { costDirectAt, serviceDirectAt } from './accumulators';
import { resume, simulate } from './walk-entries';
import { heapPush } from './heap';

// Family statuses in a service (a family record's FR_STATUS for the FGC, FR_SUPPORT_STATUS for the caseload service).
export const NONE: u8 = 0;
export const QUEUED: u8 = 1;
export const ALLOCATED: u8 = 2;
// Heap payloads: kind in the low two bits, above them a family record (a conference, the end of an involvement) or an offer index (a join).
export const CONFERENCE = 0;
export const JOIN = 1;
export const SUPPORT_END = 2;

// The families in the services are those that made an offer: their state is in their family records
// (FR_* in ./layout: the layout table's FAMILY_RECORD), cleared per arm.
// Later interventions (a family's second on): time, point and 1 + index of the next, 0 at the end.
export let laterTime: usize = 0;
export let laterPoint: usize = 0;
// The interventions' points, written beside their times for the walk (one an intervention, 255 at most).
export let pointsScratch: usize = 0;
export let laterNext: usize = 0;
export let laterLength: i32 = 0;
export let laterAllocated: i32 = 0;
// The arm.
export let weeksPerMonth: f64 = 0;
export let armAcc: usize = 0;
export let armLedger: bool = false;
export let out: usize = 0;
export let extra: usize = 0;
export let points: usize = 0;

/** The interventions' growable arrays: once per run. */
export function prepareInterventions(): void {
  laterAllocated = 64;
  laterTime = claim(laterAllocated * 8);
  laterPoint = claim(laterAllocated);
  laterNext = claim(laterAllocated * 4);
  pointsScratch = claim(256);
  setConferencePoints(pointsScratch);
}

/** The walk reads the interventions' points from this scratch (a host walk may have pointed it elsewhere). */
export function useInterventionPoints(): void {
  setConferencePoints(pointsScratch);
}

/** An arm's accumulators, out block, lists and weeks a month; no later interventions yet. */
export function setArm(acc: usize, withLedger: bool, outBlock: usize, extraList: usize, pointList: usize, weeksInMonth: f64): void {
  armAcc = acc;
  armLedger = withLedger;
  out = outBlock;
  extra = extraList;
  points = pointList;
  weeksPerMonth = weeksInMonth;
  laterLength = 0;
}

@inline export function outAdd(rowIndex: i32, m: i32, v: f64): void {
  add(out, rowIndex * (H + 1) + m, v);
}

/** The month an event at time t falls in: month 0 for one before the start (a pipeline family's offer or allocation). */
@inline export function monthOf(t: f64): i32 {
  return t < 0 ? 0 : <i32>Math.max(1, Math.ceil(t));
}

@inline export function serviceCost(amount: f64, month: i32): void {
  add(costDirectAt(armAcc), month, amount);
  add(serviceDirectAt(armAcc), month, amount);
}

/**
 * The family of `record` is given an intervention at t (an FGC at its offer point, or the caseload service at
 * SUPPORT_POINT): out with its old path, in with the one with all its interventions so far and this one, whose later
 * offers join the stream. Interventions come in time order, so this one is the family's last.
 */
export function intervene(record: i32, t: f64, heldAt: i32): void {
  const s = familyRecordAt(points, record);
  const f = load<i32>(s, FR_FAMILY);
  // The family's conferences so far, then with this one: out with the old path, in with the new.
  const count = <i32>load<u8>(s, FR_CONFERENCES);
  if (count > 0) {
    store<f64>(conferences, load<f64>(s, FR_FIRST_CONFERENCE));
    store<u8>(pointsScratch, load<u8>(s, FR_FIRST_POINT));
    let later = load<i32>(s, FR_LATER_HEAD);
    for (let i = 1; i < count; i++) {
      store<f64>(conferences + (<usize>i << 3), f64At(laterTime, later - 1));
      store<u8>(pointsScratch + <usize>i, load<u8>(laterPoint + <usize>(later - 1)));
      later = i32At(laterNext, later - 1);
    }
  }
  store<f64>(conferences + (<usize>count << 3), t);
  store<u8>(pointsScratch + <usize>count, <u8>heldAt);
  const first = load<i32>(extra + L_LENGTH);
  // A first FGC leaves the shared path untouched before it: re-walk only from the stay that holds it.
  const point = count == 0 ? holdingIn(points, record, t) : -1;
  if (point >= 0) {
    resume(f, points, point, 0, -1, armAcc, armLedger, 0);
    resume(f, points, point, 1, 1, armAcc, armLedger, extra);
  } else {
    simulate(f, count, -1, armAcc, armLedger, 0, 0);
    simulate(f, count + 1, 1, armAcc, armLedger, extra, 0);
  }
  if (count == 0) {
    store<f64>(s, t, FR_FIRST_CONFERENCE);
    store<u8>(s, <u8>heldAt, FR_FIRST_POINT);
  } else {
    if (laterLength == laterAllocated) {
      laterTime = grown(laterTime, laterLength, 8, laterAllocated * 2);
      laterPoint = grown(laterPoint, laterLength, 1, laterAllocated * 2);
      laterNext = grown(laterNext, laterLength, 4, laterAllocated * 2);
      laterAllocated *= 2;
    }
    const entry = laterLength++;
    store<f64>(laterTime + (<usize>entry << 3), t);
    store<u8>(laterPoint + <usize>entry, <u8>heldAt);
    store<i32>(laterNext + (<usize>entry << 2), 0);
    const last = load<i32>(s, FR_LATER_TAIL);
    if (last == 0) store<i32>(s, entry + 1, FR_LATER_HEAD);
    else store<i32>(laterNext + (<usize>(last - 1) << 2), entry + 1);
    store<i32>(s, entry + 1, FR_LATER_TAIL);
  }
  store<u8>(s, <u8>(count + 1 < 255 ? count + 1 : 255), FR_CONFERENCES);
  const v = load<i32>(s, FR_VERSION) + 1;
  store<i32>(s, v, FR_VERSION);
  // The new path's offers are this family's: its record, its new version, queued by time.
  const n = load<i32>(extra + L_LENGTH);
  for (let i = first; i < n; i++) {
    const r = candidateAt(extra, i);
    store<i32>(r, v, R_VERSION);
    store<i32>(r, record, R_FAMILY_RECORD);
    const time = load<f64>(r, R_TIME);
    if (time > t) heapPush(time, i * 4 + JOIN);
  }
}

