// FGC offers that a family would take up: where and when, with the draw that decides eligibility per arm.
import { grown } from './columns';
import { State } from './states';

const TIME_SCALE = 2 ** 20;
/** Offers per run the packed sort can order (times up to 600 months use 30 bits, indices 22). */
const INDEX_SPACE = 2 ** 22;

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

  /** Empties the list, keeping its storage for the next run. */
  clear(): this {
    this.length = 0;
    return this;
  }

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

  /**
   * Indices in time order. Times are packed with the index into one double (time to 2^-20 of a
   * month, about 2.5 seconds, then index) so the native numeric sort does the work, no comparator.
   */
  timeOrder(): Int32Array {
    const n = this.length;
    if (n > INDEX_SPACE) throw new Error(`too many FGC offers in one run (${n}); the limit is ${INDEX_SPACE}`);
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = Math.floor(this.time[i]! * TIME_SCALE) * INDEX_SPACE + i;
    keys.sort();
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = keys[i]! % INDEX_SPACE;
    return order;
  }

  private grow(): void {
    const n = this.time.length * 2;
    this.time = grown(this.time, n);
    this.family = grown(this.family, n);
    this.state = grown(this.state, n);
    this.eligibilityDraw = grown(this.eligibilityDraw, n);
    this.episode = grown(this.episode, n);
    this.caseClose = grown(this.caseClose, n);
    this.version = grown(this.version, n);
  }

}
