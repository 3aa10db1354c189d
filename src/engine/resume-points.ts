// Where families' shared paths can be resumed: the first FGC of an arm re-walks a family from there.
import { grown } from './columns';
import type { State } from './states';

/**
 * Where the shared (no-FGC) paths of the families that made an offer can be picked up again: one
 * point at each entry to an open state, with what the walk needs to go on from there. A first
 * conference changes nothing before it, so an arm re-walks such a family from the point holding
 * the conference instead of from its referral. Kept between runs.
 */
export class ResumePoints {
  /** First point of each family (index into the columns), -1 if none. */
  first = new Int32Array(0);
  /** One past the family's last point. */
  end = new Int32Array(0);
  length = 0;
  time = new Float64Array(1024);
  exit = new Float64Array(1024);
  caseStart = new Float64Array(1024);
  episode = new Int32Array(1024);
  state = new Uint8Array(1024);
  placement = new Uint8Array(1024);

  /** Empties the points and sizes the per-family index for n families. */
  clear(n: number): this {
    this.length = 0;
    if (this.first.length < n) {
      this.first = new Int32Array(n);
      this.end = new Int32Array(n);
    }
    this.first.fill(-1, 0, n);
    return this;
  }

  push(time: number, exit: number, caseStart: number, episode: number, state: State, placement: number): void {
    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    this.time[i] = time;
    this.exit[i] = exit;
    this.caseStart[i] = caseStart;
    this.episode[i] = episode;
    this.state[i] = state;
    this.placement[i] = placement;
  }

  /** The point of family f whose stay holds time c (entered at or before c, left after it), or -1. */
  holding(f: number, c: number): number {
    const first = this.first[f]!;
    if (first < 0) return -1;
    for (let i = this.end[f]! - 1; i >= first; i--) {
      if (this.time[i]! <= c) return c < this.exit[i]! ? i : -1;
    }
    return -1;
  }

  private grow(): void {
    const n = this.time.length * 2;
    this.time = grown(this.time, n);
    this.exit = grown(this.exit, n);
    this.caseStart = grown(this.caseStart, n);
    this.episode = grown(this.episode, n);
    this.state = grown(this.state, n);
    this.placement = grown(this.placement, n);
  }

}
