// One arm's FGC service: the queue, coordinator slots and conferences, applied as changes to the shared family paths.
import type { Accumulators } from './accumulators';
import { CandidateList } from './candidates';
import { EventHeap } from './event-heap';
import type { FamilySimulator } from './family';
import { ResumePoints } from './resume-points';
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

/**
 * Per-family columns the service needs, kept between arms and runs so that each arm does not
 * allocate (and the collector does not reclaim) a megabyte of typed arrays.
 */
export class ServiceBuffers {
  status = new Uint8Array(0);
  joinedAt = new Float64Array(0);
  caseCloses = new Float64Array(0);
  leadEpisode = new Int32Array(0);
  version = new Int32Array(0);
  conferenceCount = new Uint8Array(0);
  firstConference = new Float64Array(0);
  /** The offers of a run's shared pass, and those of families whose path an arm changed. */
  readonly offers = new CandidateList();
  readonly extra = new CandidateList();
  /** Where the shared pass's paths of families that made an offer can be resumed. */
  readonly points = new ResumePoints();

  /** Sizes the columns for n families and clears those read before they are written. */
  prepare(n: number): void {
    if (this.status.length < n) {
      const size = Math.max(n, Math.ceil(this.status.length * 1.5));
      this.status = new Uint8Array(size);
      this.joinedAt = new Float64Array(size);
      this.caseCloses = new Float64Array(size);
      this.leadEpisode = new Int32Array(size);
      this.version = new Int32Array(size);
      this.conferenceCount = new Uint8Array(size);
      this.firstConference = new Float64Array(size);
      return;
    }
    this.status.fill(0, 0, n);
    this.version.fill(0, 0, n);
    this.conferenceCount.fill(0, 0, n);
  }
}

// Heap payloads: kind in the low bit.
const CONFERENCE = 0;
const JOIN = 1;

/**
 * Runs an arm's FGC service over the offers families would take up, in time order. Capacity is a
 * stream of allocation slots, one every 1/capacity months; a slot nobody waits for is lost. A family
 * joins the back of the queue, leaves it if its case closes or it waits past the maximum, and is
 * otherwise allocated a coordinator and meets after a preparation time, if its case is still open.
 * Each conference held replaces that family's path in `acc` (out with the old, in with the new),
 * and the new path's later offers join the stream. Writes the service's series into `out`.
 */
export function runService(
  ctx: RunContext,
  plan: ArmPlan,
  families: FamilySimulator,
  acc: Accumulators,
  offers: CandidateList,
  offerOrder: Int32Array,
  out: Float64Array,
  buffers: ServiceBuffers = new ServiceBuffers(),
): void {
  const capacity = (plan.coordinatorsFte * ctx.params.fgc.conferencesPerFtePerYear) / 12;
  if (!(capacity > 0)) return; // no coordinators, no service: the arm is the no-service paths exactly
  buffers.prepare(ctx.totalFamilies);
  new ServiceRun(ctx, plan, capacity, families, acc, offers, offerOrder, out, buffers).run();
}

class ServiceRun {
  private readonly H: number;
  private readonly row: number;
  private readonly status: Uint8Array;
  private readonly joinedAt: Float64Array;
  /** When the case behind the family's place in the queue closes, months. */
  private readonly caseCloses: Float64Array;
  private readonly leadEpisode: Int32Array;
  private readonly version: Int32Array;
  /** Conferences held per family, and their times: the first in a column, any later ones in a map. */
  private readonly conferenceCount: Uint8Array;
  private readonly firstConference: Float64Array;
  private readonly laterConferences = new Map<number, number[]>();
  private scratch = new Float64Array(8);
  private readonly extra: CandidateList;
  private readonly heap = new EventHeap(256);
  private readonly points: ResumePoints;
  private readonly stream: KeyedStream;
  private readonly eligible: Float64Array;
  private readonly maxWait: number;
  private ring = new Int32Array(256);
  private head = 0;
  private tail = 0;
  /** Index of the next allocation slot: slots fall at k / capacity months. */
  private nextSlot = 0;
  private lapsedThisMonth = 0;

  constructor(
    private readonly ctx: RunContext,
    private readonly plan: ArmPlan,
    private readonly capacity: number,
    private readonly families: FamilySimulator,
    private readonly acc: Accumulators,
    private readonly offers: CandidateList,
    private readonly offerOrder: Int32Array,
    private readonly out: Float64Array,
    buffers: ServiceBuffers,
  ) {
    this.points = buffers.points;
    this.H = ctx.horizonMonths;
    this.row = this.H + 1;
    this.status = buffers.status;
    this.joinedAt = buffers.joinedAt;
    this.caseCloses = buffers.caseCloses;
    this.leadEpisode = buffers.leadEpisode;
    this.version = buffers.version;
    this.conferenceCount = buffers.conferenceCount;
    this.firstConference = buffers.firstConference;
    this.extra = buffers.extra.clear();
    this.stream = new KeyedStream(ctx.key0, ctx.key1);
    const e = plan.eligible;
    this.eligible = new Float64Array(8);
    this.eligible[State.Cin] = e.referral;
    this.eligible[State.Cp] = e.icpc;
    this.eligible[State.PreProceedings] = e.preProceedings;
    this.eligible[State.Cla] = e.inCare;
    this.maxWait = ctx.params.fgc.maxWaitMonths;
  }

  run(): void {
    const { H, offers, offerOrder, heap, capacity } = this;
    const monthlyCoordinatorCost = (this.plan.coordinatorsFte * this.ctx.params.costs.coordinatorAnnual) / 12;
    let o = 0;
    for (let m = 1; m <= H; m++) {
      for (;;) {
        const offerTime = o < offerOrder.length ? offers.time[offerOrder[o]!]! : Infinity;
        const heapTime = heap.peekTime();
        // A slot matters only while someone waits; otherwise it passes unused.
        const slotTime = this.tail > this.head ? this.nextSlot / capacity : Infinity;
        if (slotTime <= heapTime && slotTime <= offerTime) {
          if (slotTime > m) break;
          this.allocate(slotTime);
        } else if (heapTime <= offerTime) {
          if (heapTime > m) break;
          const payload = heap.pop();
          if ((payload & 1) === CONFERENCE) this.hold(payload >> 1, heapTime);
          else this.consider(this.extra, payload >> 1);
        } else {
          if (offerTime > m) break;
          this.consider(offers, offerOrder[o++]!);
        }
      }
      this.closeMonth(m, monthlyCoordinatorCost);
    }
  }

  /** A family reaches an offer point: it joins the queue if this arm offers there and it is free. */
  private consider(list: CandidateList, i: number): void {
    const f = list.family[i]!;
    if (list.version[i] !== this.version[f] || this.status[f] !== Status.None) return;
    if (list.eligibilityDraw[i]! >= this.eligible[list.state[i]!]!) return;
    const t = list.time[i]!;
    this.status[f] = Status.Queued;
    this.joinedAt[f] = t;
    this.caseCloses[f] = list.caseClose[i]!;
    this.leadEpisode[f] = list.episode[i]!;
    this.out[M.fgcJoined * this.row + Math.ceil(t)] += 1;
    if (this.tail === this.head) {
      // Nobody waiting: the next slot is the first on the grid from now.
      this.nextSlot = Math.max(this.nextSlot, Math.ceil(t * this.capacity));
      this.head = this.tail = 0;
    }
    if (this.tail === this.ring.length) {
      const bigger = new Int32Array(this.ring.length * 2);
      bigger.set(this.ring);
      this.ring = bigger;
    }
    this.ring[this.tail++] = f;
  }

  /** Whether a queued family is still waiting at time t: its case is open and its wait within the maximum. */
  private stillWaiting(f: number, t: number): boolean {
    return this.status[f] === Status.Queued && this.caseCloses[f]! > t && t - this.joinedAt[f]! <= this.maxWait;
  }

  /** A coordinator becomes free at time t: the longest-waiting family still waiting is allocated. */
  private allocate(t: number): void {
    this.nextSlot++;
    const { ring, status, out, row } = this;
    while (this.head < this.tail) {
      const f = ring[this.head++]!;
      if (status[f] !== Status.Queued) continue;
      if (!this.stillWaiting(f, t)) {
        if (this.caseCloses[f]! > t) this.lapsedThisMonth++;
        status[f] = Status.None;
        continue;
      }
      status[f] = Status.Allocated;
      const m = Math.max(1, Math.ceil(t));
      out[M.fgcAllocated * row + m] += 1;
      const waitWeeks = (t - this.joinedAt[f]!) * WEEKS_PER_MONTH;
      if (waitWeeks > out[M.fgcLongestWaitWeeks * row + m]!) out[M.fgcLongestWaitWeeks * row + m] = waitWeeks;
      const lead = this.ctx.params.durations.toConference.sample(this.stream.at(f, Purpose.LeadTime, this.leadEpisode[f]!));
      if (t + lead <= this.H) this.heap.push(t + lead, f * 2 + CONFERENCE);
      else status[f] = Status.None;
      return;
    }
  }

  /** The family meets. If its case is still open, its path is replaced by the one with this FGC. */
  private hold(f: number, t: number): void {
    this.status[f] = Status.None;
    // The conference is for the case that made the offer: if that case has closed, it does not happen.
    if (t >= this.caseCloses[f]!) return;
    // The family's conferences so far, then with this one: out with the old path, in with the new.
    const count = this.conferenceCount[f]!;
    if (count + 1 > this.scratch.length) this.scratch = new Float64Array(this.scratch.length * 2);
    const times = this.scratch;
    if (count > 0) times[0] = this.firstConference[f]!;
    const later = this.laterConferences.get(f);
    for (let i = 1; i < count; i++) times[i] = later![i - 1]!;
    times[count] = t;
    const families = this.families;
    const extra = this.extra;
    const first = extra.length;
    // A first FGC leaves the shared path untouched before it: re-walk only from the stay that holds it.
    const point = count === 0 ? this.points.holding(f, t) : -1;
    if (point >= 0) {
      families.resume(f, this.points, point, times, 0, -1, this.acc, null);
      families.resume(f, this.points, point, times, 1, 1, this.acc, extra);
    } else {
      families.simulate(f, times, count, -1, this.acc, null);
      families.simulate(f, times, count + 1, 1, this.acc, extra);
    }
    if (count === 0) this.firstConference[f] = t;
    else if (later) later.push(t);
    else this.laterConferences.set(f, [t]);
    this.conferenceCount[f] = Math.min(255, count + 1);
    const version = ++this.version[f]!;
    for (let i = first; i < extra.length; i++) {
      extra.version[i] = version;
      if (extra.time[i]! > t) this.heap.push(extra.time[i]!, i * 2 + JOIN);
    }
    this.out[M.fgcHeld * this.row + Math.ceil(t)] += 1;
    this.acc.serviceCost(this.ctx.params.costs.fgcConference, Math.ceil(t));
  }

  /** Month end m: waits past the maximum lapse; count who still waits; pay the coordinators. */
  private closeMonth(m: number, coordinatorCost: number): void {
    let waiting = 0;
    for (let i = this.head; i < this.tail; i++) {
      const f = this.ring[i]!;
      if (this.status[f] !== Status.Queued) continue;
      if (this.stillWaiting(f, m)) waiting++;
      else {
        if (this.caseCloses[f]! > m) this.lapsedThisMonth++;
        this.status[f] = Status.None;
      }
    }
    while (this.head < this.tail && this.status[this.ring[this.head]!] !== Status.Queued) this.head++;
    this.out[M.fgcLapsed * this.row + m] = this.lapsedThisMonth;
    this.lapsedThisMonth = 0;
    this.out[M.fgcWaiting * this.row + m] = waiting;
    this.acc.serviceCost(coordinatorCost, m);
  }
}
