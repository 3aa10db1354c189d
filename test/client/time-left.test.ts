// Time left from the runs done since a tenth of the job: a slow start (workers starting, WebAssembly compiling) does not
// bias it, as it did the whole-job rate.
import { describe, expect, it } from 'vitest';
import { TimeLeft } from '../../src/client/time-left';

describe('time left', () => {
  it('says nothing before a tenth of the runs, then the time the steady rate leaves, whatever the start cost', () => {
    // 10,000 runs: 8 s to start, then 100 runs a second (100 s of runs): the whole-job rate would say 18% too long at 20%.
    const total = 10_000;
    const est = new TimeLeft(total, 0);
    const at = (done: number) => 8000 + done * 10; // ms
    expect(est.at(at(500), 500)).toBeUndefined();
    expect(est.at(at(999), 999)).toBeUndefined();
    for (const done of [1000, 1500, 2000, 5000, 9000]) {
      const truth = (total - done) / 100;
      const left = est.at(at(done), done)!;
      // From a twentieth past the anchor, the steady rate exactly; before it the whole job's, within 25%.
      if (done >= 1500) expect(left).toBeCloseTo(truth, 9);
      else expect(Math.abs(left / truth - 1)).toBeLessThan(0.25);
    }
    expect(est.at(at(total), total)).toBe(0);
  });
});
