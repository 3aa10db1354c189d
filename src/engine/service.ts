// One arm's FGC service: the queue, coordinator slots and conferences, applied as changes to the shared family paths.
import type { Accumulators } from './accumulators';
import { CandidateList } from './candidates';
import { EventHeap } from './event-heap';
import type { FamilySimulator } from './family';
import { M } from './metrics';
import { WEEKS_PER_MONTH } from './params';
import { KeyedStream, Purpose } from './rng';
import type { RunContext } from './run-context';
import { State } from './states';

/** What distinguishes arms: the service's size and where it is offered. */
export interface ArmPlan {
  coordinatorsFte: number;
  /** Eligible share of families at each offer point. */
  eligible: { referral: number; icpc: number; preProceedings: number; inCare: number };
}

const enum Status {
  None = 0,
  Queued = 1,
  Allocated = 2,
}

// Heap payloads: kind in the low two bits.
const SLOT = -1;
const CONFERENCE = 1;
const WITHDRAW = 2;
const JOIN = 3;
const NO_CONFERENCES: number[] = [];

/**
 * Runs an arm's FGC service over the offers families would take up, in time order. Capacity is a
 * stream of allocation slots, one every 1/capacity months; a slot nobody waits for is lost. A family
 * joins the back of the queue, leaves it if its case closes or it waits past the maximum, and is
 * otherwise allocated a coordinator and meets after a preparation time, if its case is still open.
 * Each conference held
 * replaces that family's path in `acc` (out with the old, in with the new), and the new path's
 * later offers join the stream. Writes the service's series into `out`.
 */
export function runService(
  ctx: RunContext,
  plan: ArmPlan,
  families: FamilySimulator,
  acc: Accumulators,
  offers: CandidateList,
  offerOrder: Int32Array,
  out: Float64Array,
): void {
  const H = ctx.horizonMonths;
  const row = H + 1;
  const p = ctx.params;
  const capacity = (plan.coordinatorsFte * p.fgc.conferencesPerFtePerYear) / 12;
  if (!(capacity > 0)) return; // no coordinators, no service: the arm is the no-service paths exactly
  const n = ctx.totalFamilies;
  const status = new Uint8Array(n);
  const joinedAt = new Float64Array(n);
  const withdrawAt = new Float64Array(n);
  const leadEpisode = new Int32Array(n);
  const version = new Int32Array(n);
  const conferences = new Map<number, number[]>();
  const extra = new CandidateList();
  const heap = new EventHeap(256);
  const stream = new KeyedStream(ctx.key0, ctx.key1);
  const el = plan.eligible;
  const eligibleAt = (s: number) => (s === State.Cin ? el.referral : s === State.Cp ? el.icpc : s === State.PreProceedings ? el.preProceedings : s === State.Cla ? el.inCare : 0);

  let ring = new Int32Array(256);
  let head = 0;
  let tail = 0;
  let waiting = 0;
  let slotPending = false;
  let nextSlot = 0;
  let lapsedThisMonth = 0;
  const maxWait = p.fgc.maxWaitMonths;

  const consider = (list: CandidateList, i: number) => {
    const f = list.family[i]!;
    if (list.version[i] !== version[f] || status[f] !== Status.None) return;
    if (list.eligibilityDraw[i]! >= eligibleAt(list.state[i]!)) return;
    const t = list.time[i]!;
    status[f] = Status.Queued;
    joinedAt[f] = t;
    withdrawAt[f] = list.caseClose[i]!;
    leadEpisode[f] = list.episode[i]!;
    waiting++;
    out[M.fgcJoined * row + Math.ceil(t)] += 1;
    if (tail === ring.length) {
      const live = tail - head;
      const bigger = new Int32Array(live * 2 > ring.length ? ring.length * 2 : ring.length);
      bigger.set(ring.subarray(head, tail));
      ring = bigger;
      head = 0;
      tail = live;
    }
    ring[tail++] = f;
    if (withdrawAt[f]! <= H) heap.push(withdrawAt[f]!, f * 4 + WITHDRAW);
    if (!slotPending) {
      nextSlot = Math.max(nextSlot, Math.ceil(t * capacity));
      slotPending = true;
      heap.push(Math.max(t, nextSlot / capacity), SLOT);
    }
  };

  const allocate = (t: number) => {
    slotPending = false;
    nextSlot++;
    while (head < tail) {
      const f = ring[head++]!;
      if (status[f] !== Status.Queued) continue;
      waiting--;
      if (t - joinedAt[f]! > maxWait) {
        status[f] = Status.None;
        lapsedThisMonth++;
        continue;
      }
      status[f] = Status.Allocated;
      const m = Math.max(1, Math.ceil(t));
      out[M.fgcAllocated * row + m] += 1;
      const waitWeeks = (t - joinedAt[f]!) * WEEKS_PER_MONTH;
      if (waitWeeks > out[M.fgcLongestWaitWeeks * row + m]!) out[M.fgcLongestWaitWeeks * row + m] = waitWeeks;
      const conferenceAt = t + p.durations.toConference.sample(stream.at(f, Purpose.LeadTime, leadEpisode[f]!));
      if (conferenceAt <= H) heap.push(conferenceAt, f * 4 + CONFERENCE);
      else status[f] = Status.None;
      break;
    }
    if (waiting > 0) {
      slotPending = true;
      heap.push(nextSlot / capacity, SLOT);
    }
  };

  const hold = (f: number, t: number) => {
    status[f] = Status.None;
    // The conference is for the case that made the offer: if that case has closed, it does not happen.
    if (t >= withdrawAt[f]!) return;
    const before = conferences.get(f) ?? NO_CONFERENCES;
    const after = [...before, t];
    families.simulate(f, before, before.length, -1, acc, null);
    const first = extra.length;
    families.simulate(f, after, after.length, 1, acc, extra);
    conferences.set(f, after);
    version[f]++;
    for (let i = first; i < extra.length; i++) {
      extra.version[i] = version[f]!;
      if (extra.time[i]! > t) heap.push(extra.time[i]!, i * 4 + JOIN);
    }
    out[M.fgcHeld * row + Math.ceil(t)] += 1;
    acc.cost(p.costs.fgcConference, t, 1);
  };

  let o = 0;
  const monthlyCoordinatorCost = (plan.coordinatorsFte * p.costs.coordinatorAnnual) / 12;
  for (let m = 1; m <= H; m++) {
    for (;;) {
      const offerTime = o < offerOrder.length ? offers.time[offerOrder[o]!]! : Infinity;
      const heapTime = heap.peekTime();
      const t = Math.min(offerTime, heapTime);
      if (t > m) break;
      if (heapTime <= offerTime) {
        const payload = heap.pop();
        if (payload === SLOT) allocate(heapTime);
        else {
          const kind = payload & 3;
          const id = payload >> 2;
          if (kind === CONFERENCE) hold(id, heapTime);
          else if (kind === JOIN) consider(extra, id);
          else if (status[id] === Status.Queued && withdrawAt[id] === heapTime) {
            status[id] = Status.None;
            waiting--;
          }
        }
      } else {
        consider(offers, offerOrder[o++]!);
      }
    }
    // Month end: families past the maximum wait leave the queue.
    while (head < tail) {
      const f = ring[head]!;
      if (status[f] === Status.Queued) {
        if (m - joinedAt[f]! <= maxWait) break;
        status[f] = Status.None;
        waiting--;
        lapsedThisMonth++;
      }
      head++;
    }
    out[M.fgcLapsed * row + m] = lapsedThisMonth;
    lapsedThisMonth = 0;
    out[M.fgcWaiting * row + m] = waiting;
    acc.costDirect[m] += monthlyCoordinatorCost;
  }
}
