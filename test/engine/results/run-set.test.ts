import { describe, expect, it } from 'vitest';
import { M, METRIC_COUNT, METRICS } from '../../../src/engine/results/metrics';
import { planRun } from '../../../src/engine/results/plan';
import { RunSet, runSetBytes, summariseRuns } from '../../../src/engine/results/run-set';
import { simulateBlock } from '../../../src/engine/sim/simulate';
import { quantileSorted } from '../../../src/engine/results/summarise';
import seedrandom from 'seedrandom';
import type { RunBlock } from '../../../src/engine/results/plan';
import { loadScenario, SMALL } from '../../helpers/scenarios';

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

  /** A block of one run whose every series is 0 except CLA at month 1, which is `value`. */
  function oneRun(first: number, value: number, months: number, arms: number): RunBlock {
    const mc = months + 1;
    const values = new Float64Array(METRIC_COUNT * mc);
    values[M.cla * mc + 1] = value;
    return { first, count: 1, arms: Array.from({ length: arms }, () => Float64Array.from(values)), familyMonths: 0, appraisal: new Float64Array(4) };
  }

  it('keeps every value when a month is recentred on a spread exactly its width, and reads overlapping ranks of few runs (100, 132, then 69)', () => {
    const plan3 = planRun(small, { runs: 3, months: 2 });
    const set = new RunSet(plan3);
    [100, 132, 69].forEach((v, r) => set.add(oneRun(r, v, 2, plan3.arms.length)));
    const band = set.band(0, M.cla);
    const sorted = Float64Array.of(69, 100, 132);
    expect([band.p5[1], band.p25[1], band.p50[1], band.p75[1], band.p95[1]]).toEqual([0.05, 0.25, 0.5, 0.75, 0.95].map((p) => quantileSorted(sorted, p)));
    expect(band.mean[1]).toBe((100 + 132 + 69) / 3);
  });

  it('gives the exact percentiles of values arriving one by one in any order, over spreads around each row width', () => {
    const random = seedrandom('run-set spreads');
    for (const [spread, runs] of [[10, 60], [33, 60], [63, 60], [64, 60], [65, 60], [100, 60], [127, 60], [128, 60], [129, 60], [257, 60], [1000, 60], [40, 2], [40, 4], [40, 5]] as const) {
      const planN = planRun(small, { runs, months: 2 });
      const values = Array.from({ length: runs }, () => 5000 + Math.floor(random() * spread));
      const set = new RunSet(planN);
      values.forEach((v, r) => set.add(oneRun(r, v, 2, planN.arms.length)));
      const sorted = Float64Array.from(values).sort();
      const band = set.band(0, M.cla);
      for (const [p, got] of [[0.05, band.p5[1]], [0.25, band.p25[1]], [0.5, band.p50[1]], [0.75, band.p75[1]], [0.95, band.p95[1]]] as const) {
        expect(got, `${runs} runs, spread ${spread}, quantile ${p}`).toBe(quantileSorted(sorted, p));
      }
    }
  });

  it('gives exactly the mean and percentiles of a money series kept run by run, over more runs than it transposes at once', () => {
    // 1,200 runs × 121 months is more than the 2^17 values band() transposes at a time: months come in blocks.
    const runs = 1200;
    const months = 120;
    const mc = months + 1;
    const planN = planRun(small, { runs, months });
    const random = seedrandom('run-set money');
    const cost = Array.from({ length: runs }, () => Float64Array.from({ length: mc }, () => Math.round(random() * 1e9) / 100));
    const set = new RunSet(planN);
    // Arrival out of order: odd runs first.
    for (const r of [...Array(runs).keys()].sort((a, b) => (a % 2) - (b % 2) || a - b).reverse()) {
      const block = oneRun(r, 0, months, planN.arms.length);
      block.arms[1]!.set(cost[r]!, M.cost * mc);
      set.add(block);
    }
    const band = set.band(1, M.cost);
    for (let m = 0; m < mc; m++) {
      const column = cost.map((values) => values[m]!);
      const sorted = Float64Array.from(column).sort();
      let sum = 0;
      for (const v of column) sum += v;
      expect(band.mean[m], `mean, month ${m}`).toBe(sum / runs);
      expect([band.p5[m], band.p25[m], band.p50[m], band.p75[m], band.p95[m]], `month ${m}`).toEqual([0.05, 0.25, 0.5, 0.75, 0.95].map((p) => quantileSorted(sorted, p)));
    }
  });
});

describe('runSetBytes', () => {
  it("is the bytes of a set's typed arrays apart from its histograms, for plain and calibration plans", () => {
    for (const options of [{ runs: 37, months: 14 }, { runs: 5, months: 30, keepRunSeries: ['cla', 'cp', 'cost'] as const }]) {
      const plan = planRun(small, { ...options, keepRunSeries: options.keepRunSeries ? [...options.keepRunSeries] : undefined });
      const set = new RunSet(plan) as unknown as Record<string, unknown>;
      let held = 0;
      for (const value of Object.values(set)) {
        if (ArrayBuffer.isView(value)) held += value.byteLength;
        if (value instanceof Map) for (const v of value.values()) held += (v as Float64Array).byteLength;
      }
      expect(runSetBytes(plan)).toBe(held);
    }
  });
});
