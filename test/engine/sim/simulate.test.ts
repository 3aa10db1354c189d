import { effectsEverywhere } from '../../helpers/effects';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/engine/sim/ledger';
import { M, METRIC_COUNT } from '../../../src/engine/results/metrics';
import { makeRunContext } from '../../../src/engine/sim/run-context';
import { simulateRun } from '../../../src/engine/sim/run';
import { mergeBlocks, planRun, runSimulation, simulateBlock } from '../../../src/engine/sim/simulate';
import { State } from '../../../src/engine/sim/wasm/layout';
import { loadScenario, SMALL, variant, withRoutes } from '../../helpers/scenarios';

const small = loadScenario(SMALL);
/** The small council with each child in care on its own clocks (src/wasm/care.ts). */
const smallPerChild = variant(SMALL, (raw) => withRoutes(raw));

describe('reproducibility', () => {
  it('the same seed gives identical output', () => {
    const a = runSimulation(small, { runs: 6, months: 12, seed: 'same' });
    const b = runSimulation(small, { runs: 6, months: 12, seed: 'same' });
    expect(b).toEqual(a);
  });

  it('a different seed gives different output', () => {
    const a = runSimulation(small, { runs: 6, months: 12, seed: 'one' });
    const b = runSimulation(small, { runs: 6, months: 12, seed: 'two' });
    expect(b.arms[0]!.series.cla.mean).not.toEqual(a.arms[0]!.series.cla.mean);
    expect(b.arms[0]!.totals.cost.mean).not.toEqual(a.arms[0]!.totals.cost.mean);
  });

  it('runs split into blocks in any order give the same numbers as one block', () => {
    const plan = planRun(small, { runs: 7, months: 10 });
    const whole = mergeBlocks(plan, [simulateBlock(small, plan, 0, 7)]);
    const parts = mergeBlocks(plan, [simulateBlock(small, plan, 4, 3), simulateBlock(small, plan, 0, 4)]);
    parts.forEach((arm, a) => expect(arm.values).toEqual(whole[a]!.values));
  });
});

describe('accounting', () => {
  const months = 24;
  for (const [scenario, how] of [[small, ''], [smallPerChild, ', each child in care on its own clocks']] as const) {
  const plan = planRun(scenario, { months });
  for (const arm of plan.arms) {
    it(`every family is accounted for and stocks change by entries minus exits (${arm.name}${how})`, () => {
      for (let run = 0; run < 5; run++) {
        const ctx = makeRunContext(scenario, 'ledger', run, months);
        const out = new Float64Array(METRIC_COUNT * (months + 1));
        const ledger = new Ledger(months + 1);
        const eligible = { ...ctx.params.fgc.eligible };
        simulateRun(ctx, [{ coordinatorsFte: arm.coordinatorsFte, conferencesPerFtePerYear: ctx.params.fgc.conferencesPerFtePerYear, eligible }], [out], [ledger]);
        const series = (metric: number, m: number) => out[metric * (months + 1) + m]!;
        const stockOf: Record<number, number> = { [State.Cin]: M.cin, [State.Cp]: M.cp, [State.PreProceedings]: M.preProceedings, [State.Cla]: M.cla };
        for (let m = 1; m <= months; m++) {
          for (const [state, metric] of Object.entries(stockOf)) {
            const change = series(metric, m) - series(metric, m - 1);
            expect(change).toBe(ledger.entries(Number(state), m) - ledger.exits(Number(state), m));
          }
          expect(ledger.entries(State.Cla, m)).toBe(series(M.claEntries, m));
          expect(ledger.exits(State.Cla, m)).toBe(series(M.claExits, m));
          let families = 0;
          for (let s = 0; s < 8; s++) families += ledger.familiesIn(s, m);
          expect(families).toBe(ctx.totalFamilies);
          const arrived = ctx.arrivalStart[m + 1]! - ctx.initialCount;
          const notYet = ctx.totalFamilies - ctx.initialCount - arrived;
          expect(ledger.familiesIn(State.NotArrived, m)).toBe(notYet);
        }
      }
    });
  }
  }

  it('month 0 reproduces the scenario’s CIN, CP, pre-proceedings and CLA stocks exactly in every run', () => {
    const plan = planRun(small, { runs: 10, months: 3 });
    const [cf] = mergeBlocks(plan, [simulateBlock(small, plan, 0, 10)]);
    for (let r = 0; r < 10; r++) {
      expect(cf!.value(r, M.cla, 0)).toBe(small.initialStocks.cla.value);
      expect(cf!.value(r, M.cp, 0)).toBe(small.initialStocks.cp.value);
      expect(cf!.value(r, M.cin, 0)).toBe(small.initialStocks.cin.value);
      expect(cf!.value(r, M.preProceedings, 0)).toBe(small.initialStocks.preProceedings.value);
    }
  });
});

describe('arms and common random numbers', () => {
  it('an arm with zero coordinators gives exactly the counterfactual’s numbers, run for run', () => {
    const s = variant(SMALL, (raw) => {
      raw.arms.options = [{ name: 'Zero', coordinatorsFte: 0 }, { name: 'Four', coordinatorsFte: 4 }];
    });
    const plan = planRun(s, { runs: 8, months: 24 });
    const [cf, zero, four] = mergeBlocks(plan, [simulateBlock(s, plan, 0, 8)]);
    expect(zero!.values).toEqual(cf!.values);
    expect(four!.values).not.toEqual(cf!.values);
    const summary = runSimulation(s, { runs: 8, months: 24 });
    expect(summary.comparisons[0]!.saving.p5).toBe(0);
    expect(summary.comparisons[0]!.saving.p95).toBe(0);
    expect(summary.comparisons[0]!.probabilityOfSaving).toBe(0);
  });

  it('arms share every family the service has not yet touched: stocks agree until the first conferences', () => {
    const plan = planRun(small, { runs: 8, months: 6 });
    const [cf, two, four] = mergeBlocks(plan, [simulateBlock(small, plan, 0, 8)]);
    for (let r = 0; r < 8; r++) {
      // Conferences take weeks to arrange, so nothing can differ in month 1.
      for (const metric of [M.cla, M.cp, M.cin, M.claEntries, M.referrals]) {
        expect(two!.value(r, metric, 1)).toBe(cf!.value(r, metric, 1));
        expect(four!.value(r, metric, 1)).toBe(cf!.value(r, metric, 1));
      }
    }
  });

  it('--capacity style arms replace the options and keep the counterfactual first', () => {
    const plan = planRun(small, { capacity: [1, 3.5] });
    expect(plan.arms.map((a) => a.coordinatorsFte)).toEqual([0, 1, 3.5]);
    expect(plan.arms[0]!.name).toBe('No FGC service');
  });

  it('a stronger effect on care entry never raises care entries in any run (monotone coupling)', () => {
    const weak = variant(SMALL, (raw) => {
      raw.fgc.effects = effectsEverywhere({ rrEntryToCare: 0.9 });
      raw.arms.options = [{ name: 'Big', coordinatorsFte: 20 }];
    });
    const strong = variant(SMALL, (raw) => {
      raw.fgc.effects = effectsEverywhere({ rrEntryToCare: 0.3 });
      raw.arms.options = [{ name: 'Big', coordinatorsFte: 20 }];
    });
    const a = runSimulation(weak, { runs: 20, months: 24 });
    const b = runSimulation(strong, { runs: 20, months: 24 });
    expect(b.arms[1]!.totals.claEntries.mean).toBeLessThan(a.arms[1]!.totals.claEntries.mean);
    expect(b.comparisons[0]!.claAvoided.mean).toBeGreaterThan(a.comparisons[0]!.claAvoided.mean);
  });
});

describe('the FGC service', () => {
  const total = (values: Float64Array, runs: number, months: number, metric: number) => {
    let sum = 0;
    for (let r = 0; r < runs; r++) for (let m = 1; m <= months; m++) sum += values[(r * METRIC_COUNT + metric) * (months + 1) + m]!;
    return sum;
  };

  it('with capacity far above demand, every eligible family that accepts is allocated a coordinator', () => {
    const s = variant(SMALL, (raw) => {
      raw.arms.options = [{ name: 'Huge', coordinatorsFte: 500 }];
    });
    const plan = planRun(s, { runs: 6, months: 24 });
    const [, huge] = mergeBlocks(plan, [simulateBlock(s, plan, 0, 6)]);
    const joined = total(huge!.values, 6, 24, M.fgcJoined);
    expect(joined).toBeGreaterThan(100);
    expect(total(huge!.values, 6, 24, M.fgcLapsed)).toBe(0);
    let stillWaiting = 0;
    for (let r = 0; r < 6; r++) stillWaiting += huge!.value(r, M.fgcWaiting, 24);
    expect(total(huge!.values, 6, 24, M.fgcAllocated) + stillWaiting).toBe(joined);
    // Slots come every 1/slotsPerMonth months: nobody waits more than a few hours.
    for (let r = 0; r < 6; r++) for (let m = 1; m <= 24; m++) expect(huge!.value(r, M.fgcLongestWaitWeeks, m)).toBeLessThan(0.1);
  });

  it('with capacity below demand and no maximum wait, the queue grows month on month', () => {
    const s = variant(SMALL, (raw) => {
      raw.fgc.maxWaitWeeks = { value: 10_000, unit: 'weeks', source: 'test' };
      raw.arms.options = [{ name: 'Tiny', coordinatorsFte: 0.5 }];
    });
    const summary = runSimulation(s, { runs: 10, months: 24 });
    const waiting = summary.arms[1]!.series.fgcWaiting.mean;
    expect(waiting[6]!).toBeGreaterThan(waiting[1]!);
    expect(waiting[12]!).toBeGreaterThan(waiting[6]!);
    expect(waiting[24]!).toBeGreaterThan(waiting[12]!);
    // Throughput is capped at FTE × conferences per FTE per year / 12 (≤ 27 a year per FTE here).
    const allocated = summary.arms[1]!.series.fgcAllocated.mean;
    const perMonth = allocated.slice(1).reduce((x, y) => x + y, 0) / 24;
    expect(perMonth).toBeLessThanOrEqual((0.5 * 27) / 12 + 0.1);
  });

  it('with capacity below demand, waits respect the maximum and the rest lapse', () => {
    const maxWaitWeeks = 4;
    const s = variant(SMALL, (raw) => {
      raw.fgc.maxWaitWeeks = { value: maxWaitWeeks, unit: 'weeks', source: 'test' };
      raw.arms.options = [{ name: 'Tiny', coordinatorsFte: 0.5 }];
    });
    const plan = planRun(s, { runs: 6, months: 24 });
    const [, tiny] = mergeBlocks(plan, [simulateBlock(s, plan, 0, 6)]);
    let longest = 0;
    for (let r = 0; r < 6; r++) for (let m = 1; m <= 24; m++) longest = Math.max(longest, tiny!.value(r, M.fgcLongestWaitWeeks, m));
    expect(longest).toBeGreaterThan(maxWaitWeeks / 2);
    expect(longest).toBeLessThanOrEqual(maxWaitWeeks + 1e-9);
    expect(total(tiny!.values, 6, 24, M.fgcLapsed)).toBeGreaterThan(0);
  });

  it('the service costs its coordinators whether used or not', () => {
    const s = variant(SMALL, (raw) => {
      raw.fgc.offerPoints.referral.eligibleShare.value = 0;
      raw.fgc.offerPoints.icpc.eligibleShare.value = 0;
      raw.fgc.offerPoints.preProceedings.eligibleShare.value = 0;
      raw.fgc.offerPoints.inCare.eligibleShare.value = 0;
      raw.costs.fgcService.coordinatorAnnualCost = { value: 60_000, unit: 'GBP/year', priceYear: '2015/16', source: 'test' };
      raw.arms.options = [{ name: 'Idle', coordinatorsFte: 3 }];
    });
    const summary = runSimulation(s, { runs: 4, months: 12 });
    expect(summary.arms[1]!.totals.fgcHeld.mean).toBe(0);
    expect(summary.comparisons[0]!.saving.mean).toBeCloseTo(-3 * 60_000, 6);
    expect(summary.comparisons[0]!.claAvoided.mean).toBe(0);
  });
});
