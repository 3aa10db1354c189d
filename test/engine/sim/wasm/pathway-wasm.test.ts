// The WebAssembly walk: the committed module is its source's build, and the memory it shares with the host
// survives growth and refuses a run's leftovers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway, pathwayModuleText, TARGET } from '../../../../src/cli/dev/build-wasm';
import { Accumulators, monthlyCostByClass } from '../../../../src/engine/sim/accumulators';
import { CandidateList } from '../../../../src/engine/sim/candidates';
import { FamilySimulator } from '../../../../src/engine/sim/family';
import { METRIC_COUNT } from '../../../../src/engine/results/metrics';
import { Pathway } from '../../../../src/engine/sim/wasm/pathway';
import { KeyedStream } from '../../../../src/engine/random/rng';
import { makeRunContext } from '../../../../src/engine/sim/run-context';
import { CLASS_COUNT, Purpose, State, StockClass } from '../../../../src/engine/sim/wasm/layout';
import { planRun, simulateBlock } from '../../../../src/engine/sim/simulate';
import { DARLINGTON, LEEDS, loadScenario, ROOT, SMALL } from '../../../helpers/scenarios';

const NONE = new Float64Array(0);

describe('the WebAssembly family walk', () => {
  it('is committed as the build of its AssemblyScript source (npm run build:wasm)', () => {
    const committed = readFileSync(join(ROOT, TARGET), 'utf8');
    expect(committed).toBe(pathwayModuleText(compilePathway()));
  }, 60_000);

  it('draws with the same keyed streams as the TypeScript engine (arrivals, sizes, initial times left)', () => {
    const ctx = makeRunContext(loadScenario(LEEDS), 'streams', 1, 24);
    const stream = new KeyedStream(ctx.key0, ctx.key1);
    const p = ctx.params;
    const size = (id: number) => {
      const u = stream.at(id, Purpose.FamilySize, 0).next();
      const i = Array.from(p.childrenCum).findIndex((c) => u < c);
      return i < 0 ? p.childrenCum.length : i + 1;
    };
    let checked = 0;
    for (let m = 1; m <= 24; m++) {
      for (let id = ctx.arrivalStart[m]!; id < ctx.arrivalStart[m + 1]! && id < ctx.arrivalStart[m]! + 20; id++) {
        expect(ctx.arrivalTime[id]).toBe(m - 1 + stream.at(id, Purpose.ArrivalTime, 0).next());
        expect(ctx.children[id]).toBe(size(id));
        checked++;
      }
    }
    // Initial families in care: placement and length-biased time left from the InitialState sub-stream.
    const residual = p.durations.cla;
    for (let id = 0; id < 50; id++) {
      expect(ctx.initialState[id]).toBe(State.Cla);
      const cut = ctx.children[id]! < size(id); // the last family of a stock is cut to what is left
      if (!cut) expect(ctx.children[id]).toBe(size(id));
      const u = stream.at(id, Purpose.InitialState, 0).next();
      const placement = Array.from(p.placements).findIndex((_, i) => u < p.placements.slice(0, i + 1).reduce((a, b) => a + b, 0));
      expect(ctx.initialPlacement[id]).toBe(placement < 0 ? p.placements.length - 1 : placement);
      // The time left takes the sub-stream's draws after the placement's.
      const afterPlacement = stream.at(id, Purpose.InitialState, 0);
      afterPlacement.next();
      expect(ctx.initialExit[id]).toBe(residual.sampleResidual(afterPlacement));
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('keeps accumulators readable when the memory grows, and keeps their bookings', () => {
    const ctx = makeRunContext(loadScenario(SMALL), 'grow', 0, 24);
    new FamilySimulator(ctx);
    const acc = new Accumulators(24, monthlyCostByClass(ctx.params.costs, ctx.params.placement), false);
    acc.sojourn(StockClass.Cp, 2, 0.5, 3.25, 1);
    const before = acc.stockDiff.slice();
    const pathway = Pathway.get();
    const size = pathway.buffer.byteLength;
    pathway.allocate(size); // forces the memory to grow
    expect(pathway.buffer.byteLength).toBeGreaterThan(size);
    expect(Array.from(acc.stockDiff)).toEqual(Array.from(before));
    acc.sojourn(StockClass.Cp, 2, 0.5, 3.25, -1);
    expect(acc.stockDiff.every((x) => x === 0)).toBe(true);
  });

  it('refuses a simulator or accumulators once a later run has taken the memory over', () => {
    const scenario = loadScenario(SMALL);
    const first = new FamilySimulator(makeRunContext(scenario, 'stale', 0, 12));
    const acc = new Accumulators(12, new Float64Array(CLASS_COUNT), false);
    new FamilySimulator(makeRunContext(scenario, 'stale', 1, 12));
    expect(() => first.simulate(0, NONE, 0, 1, null, null)).toThrow(/another run has since taken over/);
    expect(() => acc.sojourn(StockClass.Cin, 1, 0, 1, 1)).toThrow(/another run has since taken over/);
    expect(() => acc.writeTo(new Float64Array(METRIC_COUNT * 13))).toThrow(/another run has since taken over/);
  });

  it('gives a run the same numbers whatever ran before it in the thread (memory is reused, not all of it cleared)', () => {
    const small = loadScenario(SMALL);
    const other = loadScenario(DARLINGTON);
    const plan = planRun(small, { runs: 8, months: 36 });
    const whole = simulateBlock(small, plan, 0, 8);
    // Another scenario's runs first, then the same runs in other splits and orders.
    simulateBlock(other, planRun(other, { runs: 2, months: 48 }), 0, 2);
    const parts = [simulateBlock(small, plan, 5, 3), simulateBlock(small, plan, 2, 3), simulateBlock(small, plan, 0, 2)];
    const size = whole.arms[0]!.length / 8;
    for (const part of parts) {
      whole.arms.forEach((values, arm) => {
        expect(Array.from(part.arms[arm]!)).toEqual(Array.from(values.subarray(part.first * size, (part.first + part.count) * size)));
      });
    }
  });

  it('orders a run\'s offers by time to 2^-20 of a month, ties by list order, each offer once', () => {
    const ctx = makeRunContext(loadScenario(LEEDS), 'order', 4, 60);
    const families = new FamilySimulator(ctx);
    const offers = new CandidateList();
    const shared = new Accumulators(60, monthlyCostByClass(ctx.params.costs, ctx.params.placement), false);
    families.simulateAll(shared, offers, null);
    const n = offers.length;
    expect(n).toBeGreaterThan(1000);
    const at = offers.timeOrder(); // may grow the memory: take the buffer after
    const order = Array.from(new Int32Array(Pathway.get().buffer, at, n));
    expect(new Set(order).size).toBe(n);
    const key = (i: number) => Math.floor(offers.time(i) * 2 ** 20) * 2 ** 22 + i;
    const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => key(a) - key(b));
    expect(order).toEqual(expected);

    // Sorted in place (as the service reads them): entry i is the i-th offer of that order, every field moved with it.
    const fields = (i: number) => [offers.time(i), offers.family(i), offers.episode(i), offers.state(i), offers.eligibilityDraw(i), offers.caseClose(i), offers.version(i), offers.familyRecord(i)];
    const before = expected.map(fields);
    expect(offers.sortByTime().length).toBe(n);
    expect(Array.from({ length: n }, (_, i) => fields(i))).toEqual(before);
    // Offers appended after sorting go after the sorted ones, which stay as they are.
    for (let f = 0; offers.length === n && f < ctx.totalFamilies; f++) families.simulate(f, new Float64Array(0), 0, 1, shared, offers);
    expect(offers.length).toBeGreaterThan(n);
    expect(Array.from({ length: n }, (_, i) => fields(i))).toEqual(before);
  });

  it('starts a run\'s lists as big as the thread\'s runs have needed: the same run again takes less memory and gives the same numbers', () => {
    const leeds = loadScenario(LEEDS);
    const plan = planRun(leeds, { runs: 4, months: 60 });
    const pathway = Pathway.get();
    Object.assign(pathway.listSizes, { offers: 16, points: 16, familyRecords: 16, extra: 16 });
    const first = simulateBlock(leeds, plan, 3, 1);
    const grownEnd = pathway.exports.mark();
    const sizes = { ...pathway.listSizes };
    // A Leeds run makes thousands of offers and points: the sizes now cover them.
    expect(sizes.offers).toBeGreaterThan(1000);
    expect(sizes.points).toBeGreaterThan(1000);
    expect(sizes.familyRecords).toBeGreaterThan(1000);
    const again = simulateBlock(leeds, plan, 3, 1);
    // No list grew: none left a smaller copy of itself behind in the run's memory.
    expect(pathway.exports.mark()).toBeLessThan(grownEnd - 64 * sizes.offers / 2);
    expect(pathway.listSizes).toEqual(sizes);
    again.arms.forEach((values, arm) => expect(Array.from(values)).toEqual(Array.from(first.arms[arm]!)));
  });

  it('takes more conference times than its scratch first holds', () => {
    const months = 36;
    const ctx = makeRunContext(loadScenario(SMALL), 'many', 2, months);
    const families = new FamilySimulator(ctx);
    const rates = monthlyCostByClass(ctx.params.costs, ctx.params.placement);
    // A family open from month 0 past month 1, given an FGC at month 0.5, then 299 more past the horizon (never held).
    const f = ctx.initialExit.findIndex((exit) => exit > 1);
    expect(f).toBeGreaterThanOrEqual(0);
    const few = Float64Array.of(0.5);
    const many = new Float64Array(300).fill(months + 10);
    many[0] = 0.5;
    const a = new Accumulators(months, rates, true);
    const offersA = new CandidateList();
    const heldA = families.simulate(f, few, 1, 1, a, offersA);
    const b = new Accumulators(months, rates, true);
    const offersB = new CandidateList();
    const heldB = families.simulate(f, many, many.length, 1, b, offersB);
    expect(heldB).toBe(heldA);
    expect(heldA).toBe(1);
    expect(Array.from(b.stockDiff)).toEqual(Array.from(a.stockDiff));
    expect(Array.from(b.ledger!)).toEqual(Array.from(a.ledger!));
    expect(offersB.length).toBe(offersA.length);
  });
});
