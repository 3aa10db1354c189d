// A binary min-heap of timed events on typed arrays (times in months, integer payloads), for the FGC service layer.

/** Pending events ordered by time (ties by payload, so the order never depends on insertion history). */
export class EventHeap {
  private times: Float64Array;
  private payloads: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.payloads = new Int32Array(capacity);
  }

  /** Time of the earliest event, months (Infinity when empty). */
  peekTime(): number {
    return this.size > 0 ? this.times[0]! : Infinity;
  }

  push(time: number, payload: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const payloads = this.payloads;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && payloads[parent]! <= payload)) break;
      times[i] = pt;
      payloads[i] = payloads[parent]!;
      i = parent;
    }
    times[i] = time;
    payloads[i] = payload;
  }

  /** Removes the earliest event and returns its payload (read its time with peekTime first). */
  pop(): number {
    const times = this.times;
    const payloads = this.payloads;
    const top = payloads[0]!;
    const n = --this.size;
    if (n === 0) return top;
    const time = times[n]!;
    const payload = payloads[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (times[right]! < times[child]! || (times[right] === times[child] && payloads[right]! < payloads[child]!))) {
        child = right;
      }
      const ct = times[child]!;
      if (time < ct || (time === ct && payload <= payloads[child]!)) break;
      times[i] = ct;
      payloads[i] = payloads[child]!;
      i = child;
    }
    times[i] = time;
    payloads[i] = payload;
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const payloads = new Int32Array(this.payloads.length * 2);
    times.set(this.times);
    payloads.set(this.payloads);
    this.times = times;
    this.payloads = payloads;
  }
}
