import { describe, expect, it } from 'vitest';
import { M, METRIC_COUNT, METRICS } from '../../src/engine/metrics';
import { planRun } from '../../src/engine/plan';
import { RunSet, summariseRuns } from '../../src/engine/run-set';
import { simulateBlock } from '../../src/engine/simulate';
import { quantileSorted } from '../../src/engine/summarise';
import { loadScenario, SMALL } from '../helpers/scenarios';

const small = loadScenario(SMALL);

describe('RunSet (bands folded from blocks)', () => {
  const plan = planRun(small, { runs: 23, months: 12 });
  const block = simulateBlock(small, plan, 0, 23);

  it('gives exactly the mean and type-7 percentiles of the per-run values, for every series', () => {
    const set = new RunSet(plan);
    set.add(block);
    const mc = plan.months + 1;
    for (let a = 0; a < plan.arms.length; a++) {
      METRICS.forEach((metric, k) => {
        const band = set.band(a, k);
        for (let m = 0; m < mc; m++) {
          const values = Float64Array.from({ length: 23 }, (_, r) => block.arms[a]![(r * METRIC_COUNT + k) * mc + m]!);
          const sorted = Float64Array.from(values).sort();
          const tolerance = k === M.fgcLongestWaitWeeks ? 1e-3 : 1e-9;
          expect(Math.abs(band.p5[m]! - quantileSorted(sorted, 0.05)), `${metric} p5 month ${m}`).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(band.p50[m]! - quantileSorted(sorted, 0.5)), `${metric} p50 month ${m}`).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(band.p95[m]! - quantileSorted(sorted, 0.95)), `${metric} p95 month ${m}`).toBeLessThanOrEqual(tolerance);
          const mean = values.reduce((x, y) => x + y, 0) / 23;
          expect(Math.abs(band.mean[m]! - mean)).toBeLessThanOrEqual(Math.max(1e-9 * Math.abs(mean), tolerance));
        }
      });
    }
  });

  it('is bit-identical whatever the split of the runs into blocks and their order of arrival', () => {
    const whole = new RunSet(plan);
    whole.add(block);
    const split = new RunSet(plan);
    for (const [first, count] of [[17, 6], [0, 5], [9, 8], [5, 4]] as const) split.add(simulateBlock(small, plan, first, count));
    expect(summariseRuns(small, split)).toEqual(summariseRuns(small, whole));
  });

  it('summarises the runs done so far for a partial result, and refuses a run twice', () => {
    const set = new RunSet(plan);
    set.add(simulateBlock(small, plan, 3, 4));
    const partial = summariseRuns(small, set);
    expect(partial.runs).toBe(4);
    expect(partial.arms[0]!.series.cla.mean).toHaveLength(13);
    expect(() => set.add(simulateBlock(small, plan, 5, 2))).toThrow(/run 5 .* already added/);
  });
});
