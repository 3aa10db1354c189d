// FGC offers that a family would take up: where and when, with the draw that decides eligibility per arm.
import { State } from './states';

/**
 * Growable columns of offer candidates: a family entering an offer-point state that would accept
 * and whose enquiry would convert. Whether it is eligible depends on the arm (its eligible share at
 * that point), so the uniform is kept and each arm compares it with its own share.
 */
export class CandidateList {
  length = 0;
  time = new Float64Array(256);
  family = new Int32Array(256);
  state = new Uint8Array(256);
  eligibilityDraw = new Float64Array(256);
  episode = new Int32Array(256);
  /** When the case this offer belongs to closes, months (Infinity if open at the horizon). */
  caseClose = new Float64Array(256);
  /** Version of the family's path that made this candidate. */
  version = new Int32Array(256);

  push(time: number, family: number, state: State, eligibilityDraw: number, episode: number): void {
    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    this.time[i] = time;
    this.family[i] = family;
    this.state[i] = state;
    this.eligibilityDraw[i] = eligibilityDraw;
    this.episode[i] = episode;
    this.caseClose[i] = Infinity;
    this.version[i] = 0;
  }

  /** Indices in time order (ties by index). */
  timeOrder(): Int32Array {
    const order = new Int32Array(this.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const time = this.time;
    return order.sort((a, b) => time[a]! - time[b]! || a - b);
  }

  private grow(): void {
    const n = this.time.length * 2;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.time = grow(this.time, (k) => new Float64Array(k));
    this.family = grow(this.family, (k) => new Int32Array(k));
    this.state = grow(this.state, (k) => new Uint8Array(k));
    this.eligibilityDraw = grow(this.eligibilityDraw, (k) => new Float64Array(k));
    this.episode = grow(this.episode, (k) => new Int32Array(k));
    this.caseClose = grow(this.caseClose, (k) => new Float64Array(k));
    this.version = grow(this.version, (k) => new Int32Array(k));
  }
}
