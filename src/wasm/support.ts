// An arm's caseload service beside the FGC (a team like Leeds's Restorative Early Support): offered at referral,
// it takes a family on while its cases open are fewer than its workers × cases per worker, for an involvement of
// its own length; the family's path is re-walked with the service's effects from the day it is taken on.
import { H, children, key0 } from './run';
import {
  ASSESSMENT,
  FR_FAMILY,
  FR_SUPPORT_CASE_CLOSES,
  FR_SUPPORT_EPISODE,
  FR_SUPPORT_JOINED,
  FR_SUPPORT_STATUS,
  PURPOSE_LEAD_TIME,
  R_CASE_CLOSE,
  R_ELIGIBILITY,
  R_EPISODE,
  R_FAMILY_RECORD,
  R_STATE,
  R_STAY_END,
  R_TIME,
  R_VERSION,
  FR_VERSION,
  SERVICE_SUPPORT_ALLOCATED,
  SERVICE_SUPPORT_ALLOCATED_CHILDREN,
  SERVICE_SUPPORT_COST,
  SERVICE_SUPPORT_JOINED,
  SERVICE_SUPPORT_LAPSED,
  SERVICE_SUPPORT_LONGEST_WAIT,
  SERVICE_SUPPORT_OPEN,
  SERVICE_SUPPORT_WAITING,
  SUPPORT_POINT,
} from './layout';
import { candidateAt, familyRecordAt } from './lists';
import { claim, f64At, grown, i32At } from './memory';
import { mix32, subStream, uniformOf } from './draws';
import { ALLOCATED, NONE, QUEUED, SUPPORT_END, intervene, monthOf, outAdd, points, serviceCost, weeksPerMonth, out } from './intervene';
import { heapPush } from './heap';

// The queue: families' records in joining order.
export let supportRing: usize = 0;
export let supportRingAllocated: i32 = 0;
export let supportHead: i32 = 0;
export let supportTail: i32 = 0;
// The arm's service: cases it can hold (by month, or the same every month), its involvement, its wait, its cost.
export let supportCases: f64 = 0;
export let supportCasesByMonth: usize = 0; // f64 × (H + 1), or 0
export let supportInvolvement: f64 = 0; // mean months of involvement
export let supportMaxWait: f64 = 0;
export let supportEligible: f64 = 0; // the arm's share of referrals offered the service
export let supportCost: f64 = 0; // £ a month
export let supportCostByMonth: usize = 0; // f64 × (H + 1), or 0
export let supportOpen: i32 = 0;
export let supportLapsed: f64 = 0;

/** The queue's array: once per run. */
export function prepareSupport(): void {
  supportRingAllocated = 256;
  supportRing = claim(supportRingAllocated * 4);
}

/** An arm's caseload service (cases 0: none, and nothing here is called). */
export function setSupport(cases: f64, casesByMonthAt: usize, involvementMonths: f64, maxWaitMonths: f64, eligibleShare: f64, costPerMonth: f64, costByMonthAt: usize): void {
  supportCases = cases;
  supportCasesByMonth = casesByMonthAt;
  supportInvolvement = involvementMonths;
  supportMaxWait = maxWaitMonths;
  supportEligible = eligibleShare;
  supportCost = costPerMonth;
  supportCostByMonth = costByMonthAt;
  supportHead = supportTail = 0;
  supportOpen = 0;
  supportLapsed = 0;
}

/** Whether the arm has the service in any month: room for a case, or staff to pay. */
export function hasSupport(): bool {
  if (supportCasesByMonth == 0) return supportCases > 0 || supportCost > 0;
  for (let m = 1; m <= H; m++) if (f64At(supportCasesByMonth, m) > 0 || f64At(supportCostByMonth, m) > 0) return true;
  return false;
}

/** Cases the service can hold at t (its workers × cases per worker that month, whole cases). */
@inline function casesAt(t: f64): f64 {
  return Math.floor(supportCasesByMonth != 0 ? f64At(supportCasesByMonth, monthOf(t)) : supportCases);
}

/** Whether a queued family (record s) can still be taken on at t: waiting within the maximum, its assessment not over. */
@inline function stillWaiting(s: usize, t: f64): bool {
  return load<u8>(s, FR_SUPPORT_STATUS) == QUEUED && load<f64>(s, FR_SUPPORT_CASE_CLOSES) > t && t - load<f64>(s, FR_SUPPORT_JOINED) <= supportMaxWait;
}

/** Takes the family of `record` on at t: its path is re-walked with the service's effects from t; its involvement ends later. */
function takeOn(record: i32, t: f64): void {
  const s = familyRecordAt(points, record);
  store<u8>(s, ALLOCATED, FR_SUPPORT_STATUS);
  supportOpen++;
  const m = monthOf(t);
  outAdd(SERVICE_SUPPORT_ALLOCATED, m, 1);
  const f = load<i32>(s, FR_FAMILY);
  outAdd(SERVICE_SUPPORT_ALLOCATED_CHILDREN, m, <f64>load<u8>(children + f));
  const waitWeeks = (t - load<f64>(s, FR_SUPPORT_JOINED)) * weeksPerMonth;
  const longest = out + (<usize>(SERVICE_SUPPORT_LONGEST_WAIT * (H + 1) + m) << 3);
  if (waitWeeks > load<f64>(longest)) store<f64>(longest, waitWeeks);
  // The involvement: from half to one and a half times its mean, by the family's own draw (the referral's episode).
  const u = uniformOf(subStream(mix32(key0 ^ mix32(f)), PURPOSE_LEAD_TIME, load<i32>(s, FR_SUPPORT_EPISODE)), 2);
  heapPush(t + supportInvolvement * (0.5 + u), record * 4 + SUPPORT_END);
  intervene(record, t, SUPPORT_POINT);
}

/** Takes on the longest-waiting families still waiting while the service has room at t. */
export function supportAllocate(t: f64): void {
  while (supportHead < supportTail && <f64>supportOpen < casesAt(t)) {
    const record = i32At(supportRing, supportHead++);
    const s = familyRecordAt(points, record);
    if (load<u8>(s, FR_SUPPORT_STATUS) != QUEUED) continue;
    if (!stillWaiting(s, t)) {
      supportLapsed++;
      store<u8>(s, NONE, FR_SUPPORT_STATUS);
      continue;
    }
    takeOn(record, t);
  }
}

/** A family is referred: it joins the queue if this arm offers the service to it, it is not in it already, and there is room or it may wait. */
export function supportConsider(list: usize, i: i32): void {
  const r = candidateAt(list, i);
  const record = load<i32>(r, R_FAMILY_RECORD);
  const s = familyRecordAt(points, record);
  if (load<i32>(r, R_VERSION) != load<i32>(s, FR_VERSION) || load<u8>(s, FR_SUPPORT_STATUS) != NONE) return;
  if (load<f64>(r, R_ELIGIBILITY) >= supportEligible) return;
  const t = load<f64>(r, R_TIME);
  // No team that month (a team still to be recruited, or none): nothing is offered, so no one is counted as turned away.
  if (casesAt(t) < 1) return;
  const m = monthOf(t);
  outAdd(SERVICE_SUPPORT_JOINED, m, 1);
  store<f64>(s, t, FR_SUPPORT_JOINED);
  // It waits at most while its assessment lasts (and its case is open): by then it has gone another way.
  store<f64>(s, Math.min(load<f64>(r, R_STAY_END), load<f64>(r, R_CASE_CLOSE)), FR_SUPPORT_CASE_CLOSES);
  store<i32>(s, load<i32>(r, R_EPISODE), FR_SUPPORT_EPISODE);
  store<u8>(s, QUEUED, FR_SUPPORT_STATUS);
  if (supportHead == supportTail) supportHead = supportTail = 0;
  if (supportHead == supportTail && <f64>supportOpen < casesAt(t)) {
    takeOn(record, t);
    return;
  }
  if (supportMaxWait <= 0) {
    // No waiting list (Leeds's RES held none): a full team turns the family away.
    store<u8>(s, NONE, FR_SUPPORT_STATUS);
    supportLapsed++;
    return;
  }
  if (supportTail == supportRingAllocated) {
    supportRing = grown(supportRing, supportTail, 4, supportRingAllocated * 2);
    supportRingAllocated *= 2;
  }
  store<i32>(supportRing + (<usize>supportTail << 2), record);
  supportTail++;
}

/** A family's involvement ends at t: its case leaves the caseload, and the next waiting family is taken on. */
export function supportEnd(record: i32, t: f64): void {
  const s = familyRecordAt(points, record);
  store<u8>(s, NONE, FR_SUPPORT_STATUS);
  supportOpen--;
  supportAllocate(t);
}

/** Whether an offer is the caseload service's (made at referral) rather than an FGC's. */
@inline export function isSupportOffer(list: usize, i: i32): bool {
  return load<u8>(candidateAt(list, i), R_STATE) == ASSESSMENT;
}

/** Month end m: waits past the maximum lapse, the month's counts are written, and its staff are paid (who now has room is taken on at the next month's start). */
export function supportCloseMonth(m: i32): void {
  const t = <f64>m;
  let waiting = 0;
  for (let i = supportHead; i < supportTail; i++) {
    const s = familyRecordAt(points, i32At(supportRing, i));
    if (load<u8>(s, FR_SUPPORT_STATUS) != QUEUED) continue;
    if (stillWaiting(s, t)) waiting++;
    else {
      supportLapsed++;
      store<u8>(s, NONE, FR_SUPPORT_STATUS);
    }
  }
  while (supportHead < supportTail && load<u8>(familyRecordAt(points, i32At(supportRing, supportHead)), FR_SUPPORT_STATUS) != QUEUED) supportHead++;
  const row = H + 1;
  store<f64>(out + (<usize>(SERVICE_SUPPORT_WAITING * row + m) << 3), <f64>waiting);
  store<f64>(out + (<usize>(SERVICE_SUPPORT_OPEN * row + m) << 3), <f64>supportOpen);
  store<f64>(out + (<usize>(SERVICE_SUPPORT_LAPSED * row + m) << 3), supportLapsed);
  supportLapsed = 0;
  const cost = supportCostByMonth != 0 ? f64At(supportCostByMonth, m) : supportCost;
  store<f64>(out + (<usize>(SERVICE_SUPPORT_COST * row + m) << 3), cost);
  serviceCost(cost, m);
}
