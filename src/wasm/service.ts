// An arm's FGC service: queue, coordinator slots, event heap and conferences, each conference re-walking its family.
import { H, constant, key0, tableAt } from './run';
import {
  C_CONFERENCE_COST,
  C_HAS_TABLE,
  FR_CASE_CLOSES,
  FR_CONFERENCES,
  FR_FAMILY,
  FR_FIRST_CONFERENCE,
  FR_FIRST_POINT,
  FR_JOINED,
  FR_LATER_HEAD,
  FR_LATER_TAIL,
  FR_LEAD_EPISODE,
  FR_POINT,
  FR_STATUS,
  FR_SUPPORT_STATUS,
  FR_VERSION,
  L_LENGTH,
  PURPOSE_LEAD_TIME,
  R_CASE_CLOSE,
  R_ELIGIBILITY,
  R_EPISODE,
  R_FAMILY_RECORD,
  R_STATE,
  R_TIME,
  R_VERSION,
  SERVICE_ALLOCATED,
  SERVICE_HELD,
  SERVICE_JOINED,
  SERVICE_LAPSED,
  SERVICE_LONGEST_WAIT,
  SERVICE_WAITING,
  TABLE_TO_CONFERENCE,
} from './layout';
import { candidateAt, familyRecordAt, familyRecordCount } from './lists';
import { claim, f64At, grown, i32At } from './memory';
import { leadTime } from './host';
import { setSlots, slotAt, slotsBy } from './slots';
import { mix32, subStream, uniformOf } from './draws';
import { clearHeap, heapPop, heapPush, heapSize, heapTimes, prepareHeap } from './heap';
import { ALLOCATED, CONFERENCE, NONE, QUEUED, SUPPORT_END, extra, intervene, monthOf, out, outAdd, points, prepareInterventions, serviceCost, setArm, useInterventionPoints, weeksPerMonth } from './intervene';
import { hasSupport, isSupportOffer, prepareSupport, setSupport, supportAllocate, supportCloseMonth, supportConsider, supportEnd } from './support';

// The queue: families' records in joining order.
export let ring: usize = 0;
export let ringAllocated: i32 = 0;
export let head: i32 = 0;
export let tail: i32 = 0;
// The arm.
export let costByMonth: usize = 0; // the coordinators' cost in each month, f64 × (H + 1), or 0 when it is the same every month
export let maxWait: f64 = 0;
export let eligible: usize = 0; // f64 by state
export let nextSlot: f64 = 0;
export let lapsedThisMonth: f64 = 0;
export let offers: usize = 0;

/** The service's growable arrays: once per run. */
export function prepareService(): void {
  prepareInterventions();
  prepareHeap();
  ringAllocated = 256;
  ring = claim(ringAllocated * 4);
  prepareSupport();
}

/** An offer reaches its service: the caseload service's (at referral) or the FGC's. */
@inline function offer(list: usize, i: i32, withFgc: bool, withSupport: bool): void {
  if (isSupportOffer(list, i)) {
    if (withSupport) supportConsider(list, i);
  } else if (withFgc) consider(list, i);
}

/** A family reaches an offer point: it joins the queue if this arm offers there and it is free. */
export function consider(list: usize, i: i32): void {
  const r = candidateAt(list, i);
  const s = familyRecordAt(points, load<i32>(r, R_FAMILY_RECORD));
  if (load<i32>(r, R_VERSION) != load<i32>(s, FR_VERSION) || load<u8>(s, FR_STATUS) != NONE) return;
  if (load<f64>(r, R_ELIGIBILITY) >= f64At(eligible, <i32>load<u8>(r, R_STATE))) return;
  const t = load<f64>(r, R_TIME);
  store<u8>(s, QUEUED, FR_STATUS);
  store<f64>(s, t, FR_JOINED);
  store<f64>(s, load<f64>(r, R_CASE_CLOSE), FR_CASE_CLOSES);
  store<i32>(s, load<i32>(r, R_EPISODE), FR_LEAD_EPISODE);
  store<u8>(s, <u8>(load<u8>(r, R_STATE) - 1), FR_POINT);
  outAdd(SERVICE_JOINED, monthOf(t), 1);
  if (tail == head) {
    // Nobody waiting: the next slot is the first on the grid from now.
    nextSlot = Math.max(nextSlot, Math.ceil(slotsBy(t)));
    head = tail = 0;
  }
  if (tail == ringAllocated) {
    ring = grown(ring, tail, 4, ringAllocated * 2);
    ringAllocated *= 2;
  }
  store<i32>(ring + (<usize>tail << 2), load<i32>(r, R_FAMILY_RECORD));
  tail++;
}

/** Whether a queued family (family record s) is still waiting at time t: its case is open and its wait within the maximum. */
@inline export function stillWaiting(s: usize, t: f64): bool {
  return load<u8>(s, FR_STATUS) == QUEUED && load<f64>(s, FR_CASE_CLOSES) > t && t - load<f64>(s, FR_JOINED) <= maxWait;
}

/** A coordinator becomes free at time t: the longest-waiting family still waiting is allocated. */
export function allocate(t: f64): void {
  nextSlot++;
  while (head < tail) {
    const record = i32At(ring, head++);
    const s = familyRecordAt(points, record);
    if (load<u8>(s, FR_STATUS) != QUEUED) continue;
    if (!stillWaiting(s, t)) {
      if (load<f64>(s, FR_CASE_CLOSES) > t) lapsedThisMonth++;
      store<u8>(s, NONE, FR_STATUS);
      continue;
    }
    store<u8>(s, ALLOCATED, FR_STATUS);
    const m = monthOf(t);
    outAdd(SERVICE_ALLOCATED, m, 1);
    const waitWeeks = (t - load<f64>(s, FR_JOINED)) * weeksPerMonth;
    const longest = out + (<usize>(SERVICE_LONGEST_WAIT * (H + 1) + m) << 3);
    if (waitWeeks > load<f64>(longest)) store<f64>(longest, waitWeeks);
    const f = load<i32>(s, FR_FAMILY);
    const episode = load<i32>(s, FR_LEAD_EPISODE);
    const lead =
      constant(C_HAS_TABLE + TABLE_TO_CONFERENCE) != 0 ? tableAt(TABLE_TO_CONFERENCE, uniformOf(subStream(mix32(key0 ^ mix32(f)), PURPOSE_LEAD_TIME, episode), 1)) : leadTime(f, episode);
    if (t + lead <= <f64>H) heapPush(t + lead, record * 4 + CONFERENCE);
    else store<u8>(s, NONE, FR_STATUS);
    return;
  }
}

/** The family of `record` meets. If its case is still open, its path is replaced by the one with this FGC. */
export function hold(record: i32, t: f64): void {
  const s = familyRecordAt(points, record);
  store<u8>(s, NONE, FR_STATUS);
  // A conference before month 0 (a pipeline family's, allocated before the start) is in the month-0 stocks already.
  if (t < 0) return;
  // The conference is for the case that made the offer: if that case has closed, it does not happen.
  if (t >= load<f64>(s, FR_CASE_CLOSES)) return;
  intervene(record, t, <i32>load<u8>(s, FR_POINT));
  outAdd(SERVICE_HELD, <i32>Math.ceil(t), 1);
  serviceCost(constant(C_CONFERENCE_COST), <i32>Math.ceil(t));
}

/** Month end m: waits past the maximum lapse; count who still waits; pay the coordinators. */
export function closeMonth(m: i32, coordinatorCost: f64): void {
  let waiting = 0;
  const t = <f64>m;
  for (let i = head; i < tail; i++) {
    const s = familyRecordAt(points, i32At(ring, i));
    if (load<u8>(s, FR_STATUS) != QUEUED) continue;
    if (stillWaiting(s, t)) waiting++;
    else {
      if (load<f64>(s, FR_CASE_CLOSES) > t) lapsedThisMonth++;
      store<u8>(s, NONE, FR_STATUS);
    }
  }
  while (head < tail && load<u8>(familyRecordAt(points, i32At(ring, head)), FR_STATUS) != QUEUED) head++;
  store<f64>(out + (<usize>(SERVICE_LAPSED * (H + 1) + m) << 3), lapsedThisMonth);
  lapsedThisMonth = 0;
  store<f64>(out + (<usize>(SERVICE_WAITING * (H + 1) + m) << 3), <f64>waiting);
  serviceCost(costByMonth != 0 ? f64At(costByMonth, m) : coordinatorCost, m);
}

/**
 * Runs an arm's FGC service over the offers families would take up (`offerList`, n of them, sorted
 * by time: sortByTime). The coordinators give a stream of allocation slots, one every 1/slotsPerMonth
 * months (or, with `slotsByMonthEndAt`, at the rate each month's capacity gives, with the coordinators'
 * cost of each month in `costByMonthAt`); a slot nobody waits for is lost. A family joins the back of the queue, leaves it if its
 * case closes or it waits past the maximum, and is otherwise allocated a coordinator and meets
 * after a preparation time, if its case is still open. Each conference held replaces that family's
 * path in `acc` (out with the old, in with the new), and the new path's later offers join the
 * stream (in `extraList`). Writes the service's series into `outBlock` (SERVICE_ROWS rows of H + 1, SERVICE_* in ./layout).
 */
export function runService(
  slotsPerMonth: f64,
  slotsByMonthEndAt: usize,
  maxWaitMonths: f64,
  weeksInMonth: f64,
  eligibleByState: usize,
  coordinatorCost: f64,
  costByMonthAt: usize,
  offerList: usize,
  n: i32,
  extraList: usize,
  pointList: usize,
  acc: usize,
  withLedger: bool,
  outBlock: usize,
  supportCasesNow: f64,
  supportCasesByMonthAt: usize,
  supportInvolvementMonths: f64,
  supportMaxWaitMonths: f64,
  supportEligibleShare: f64,
  supportCostPerMonth: f64,
  supportCostByMonthAt: usize,
): void {
  // The walk reads the conferences' offer points from the service's scratch (a host walk may have pointed it elsewhere).
  useInterventionPoints();
  setSlots(slotsPerMonth, slotsByMonthEndAt);
  costByMonth = costByMonthAt;
  maxWait = maxWaitMonths;
  eligible = eligibleByState;
  offers = offerList;
  setArm(acc, withLedger, outBlock, extraList, pointList, weeksInMonth);
  for (let record = 0, records = familyRecordCount(points); record < records; record++) {
    const s = familyRecordAt(points, record);
    store<i32>(s, 0, FR_VERSION);
    store<i32>(s, 0, FR_LATER_HEAD);
    store<i32>(s, 0, FR_LATER_TAIL);
    store<u8>(s, NONE, FR_STATUS);
    store<u8>(s, 0, FR_CONFERENCES);
    store<u8>(s, NONE, FR_SUPPORT_STATUS);
  }
  setSupport(supportCasesNow, supportCasesByMonthAt, supportInvolvementMonths, supportMaxWaitMonths, supportEligibleShare, supportCostPerMonth, supportCostByMonthAt);
  const withSupport = hasSupport();
  const withFgc = slotsPerMonth > 0 || slotsByMonthEndAt != 0;
  clearHeap();
  head = tail = 0;
  // No slot yet: the first family to join sets the grid from its time (before month 0 for the pipeline's).
  nextSlot = -Infinity;
  lapsedThisMonth = 0;
  store<i32>(extra + L_LENGTH, 0);

  let o = 0;
  for (let m = 1; m <= H; m++) {
    const month = <f64>m;
    // The caseload service's room at the start of the month (a team growing by month takes on who waits).
    if (withSupport) supportAllocate(month - 1 + 1e-9);
    for (;;) {
      const offerTime = o < n ? load<f64>(candidateAt(offers, o), R_TIME) : Infinity;
      const heapTime = heapSize > 0 ? f64At(heapTimes, 0) : Infinity;
      // A slot matters only while someone waits; otherwise it passes unused.
      const slotTime = tail > head ? slotAt(nextSlot) : Infinity;
      if (slotTime <= heapTime && slotTime <= offerTime) {
        if (slotTime > month) break;
        allocate(slotTime);
      } else if (heapTime <= offerTime) {
        if (heapTime > month) break;
        const payload = heapPop();
        const kind = payload & 3;
        if (kind == CONFERENCE) hold(payload >> 2, heapTime);
        else if (kind == SUPPORT_END) supportEnd(payload >> 2, heapTime);
        else offer(extra, payload >> 2, withFgc, withSupport);
      } else {
        if (offerTime > month) break;
        offer(offers, o++, withFgc, withSupport);
      }
    }
    if (withFgc) closeMonth(m, coordinatorCost);
    if (withSupport) supportCloseMonth(m);
  }
}
