// The FGC service: coordinator capacity as allocation slots, a first-come queue, and a maximum wait.
import type { EventQueue } from './event-queue';
import { SLOT_PAYLOAD } from './states';

const enum Status {
  None = 0,
  Queued = 1,
  Allocated = 2,
}

/**
 * Capacity is a stream of allocation slots, one every 1/capacity months (coordinator FTE ×
 * conferences per FTE per year / 12 per month); a slot with nobody waiting is lost. Families
 * join in arrival order; one who has waited longer than the maximum goes on without an FGC.
 */
export class FgcService {
  private readonly status: Uint8Array;
  private readonly joinedAt: Float64Array;
  private ring: Int32Array;
  private head = 0;
  private tail = 0;
  private slotPending = false;
  private nextSlot = 0;
  private lapsedThisMonth = 0;
  /** Families waiting for a coordinator now. */
  waiting = 0;

  constructor(
    /** Allocation slots per month. */
    private readonly capacityPerMonth: number,
    private readonly maxWaitMonths: number,
    familyCount: number,
    private readonly events: EventQueue,
  ) {
    this.status = new Uint8Array(familyCount);
    this.joinedAt = new Float64Array(familyCount);
    this.ring = new Int32Array(256);
  }

  /** True while the family waits for, or has, a coordinator. */
  isBusyWith(f: number): boolean {
    return this.status[f] !== Status.None;
  }

  /** A family accepted an offer and its enquiry converted: it joins the back of the queue. */
  join(f: number, t: number): void {
    this.status[f] = Status.Queued;
    this.joinedAt[f] = t;
    this.waiting++;
    if (this.tail === this.ring.length) this.compact();
    this.ring[this.tail++] = f;
    if (!this.slotPending) {
      // Slots fall on the grid k / capacity; a slot already used cannot be reused.
      this.nextSlot = Math.max(this.nextSlot, Math.ceil(t * this.capacityPerMonth));
      this.slotPending = true;
      this.events.push(this.nextSlot / this.capacityPerMonth, SLOT_PAYLOAD);
    }
  }

  /** A slot at time t: returns the family allocated a coordinator, or -1 if nobody eligible is waiting. */
  allocate(t: number): number {
    this.slotPending = false;
    this.nextSlot++;
    let chosen = -1;
    while (this.head < this.tail) {
      const f = this.ring[this.head++]!;
      if (this.status[f] !== Status.Queued) continue;
      this.waiting--;
      if (t - this.joinedAt[f]! > this.maxWaitMonths) {
        this.status[f] = Status.None;
        this.lapsedThisMonth++;
        continue;
      }
      this.status[f] = Status.Allocated;
      chosen = f;
      break;
    }
    if (this.waiting > 0) {
      this.slotPending = true;
      this.events.push(this.nextSlot / this.capacityPerMonth, SLOT_PAYLOAD);
    }
    return chosen;
  }

  /** Months family f has waited by time t. */
  waitOf(f: number, t: number): number {
    return t - this.joinedAt[f]!;
  }

  /** The conference took place (or the case closed first): the family can be offered again in a later case. */
  release(f: number): void {
    this.status[f] = Status.None;
  }

  /** The case closed: a waiting family leaves the queue. */
  withdraw(f: number): void {
    if (this.status[f] === Status.Queued) {
      this.status[f] = Status.None;
      this.waiting--;
    }
  }

  /** At month end m: families past the maximum wait leave the queue; returns how many lapsed this month. */
  closeMonth(m: number): number {
    while (this.head < this.tail) {
      const f = this.ring[this.head]!;
      if (this.status[f] === Status.Queued) {
        if (m - this.joinedAt[f]! <= this.maxWaitMonths) break;
        this.status[f] = Status.None;
        this.waiting--;
        this.lapsedThisMonth++;
      }
      this.head++;
    }
    const lapsed = this.lapsedThisMonth;
    this.lapsedThisMonth = 0;
    return lapsed;
  }

  private compact(): void {
    const live = this.tail - this.head;
    if (live * 2 > this.ring.length) {
      const bigger = new Int32Array(this.ring.length * 2);
      bigger.set(this.ring.subarray(this.head, this.tail));
      this.ring = bigger;
    } else {
      this.ring.copyWithin(0, this.head, this.tail);
    }
    this.head = 0;
    this.tail = live;
  }
}
