// Issue 31: a second capacity-limited service beside the FGC (a caseload service, like Leeds's RES teams), on the
// same families with common random numbers: zero capacity is no service, run for run; the two services' queues do
// not touch each other's families; the stated rule for a family offered both; a caseload never above its room.
import { describe, expect, it } from 'vitest';
import { planRun } from '../../../src/engine/results/plan';
import { M, METRICS } from '../../../src/engine/results/metrics';
import { runSimulation, simulateBlock } from '../../../src/engine/sim/simulate';
import type { Scenario } from '../../../src/scenario/schema';
import { variant } from '../../helpers/scenarios';

const PIP = 'scenarios/leeds-2019-partners-in-practice.json';
const MONTHS = 24;
const RUNS = 3;
const fixed = (value: number, unit: string) => ({ value, unit, source: 'test' });

/** Every arm's raw monthly block, run by run: [arm][run × metric × month]. */
function raw(s: Scenario, runs = RUNS, months = MONTHS): Float64Array[] {
  const plan = planRun(s, { runs, months, seed: 'services' });
  return simulateBlock(s, plan, 0, runs).arms;
}

/** One arm's series `metric` in run r (months 0..H). */
function series(block: Float64Array, metric: number, r: number, months = MONTHS): Float64Array {
  const row = months + 1;
  const start = r * METRICS.length * row + metric * row;
  return block.subarray(start, start + row);
}

/** The FGC's effects at every offer point as no effect at all. */
function neutralFgc(raw: any): void {
  for (const f of Object.values(raw.fgc.effects.byOfferPoint) as any[]) {
    for (const k of ['rrEscalationToCp', 'rrEntryToCare', 'rrCareProceedings']) f[k] = { ...fixed(1, 'relative risk'), grade: 'assumption', measure: 'per conference' };
    for (const k of ['timeInSystemFactor', 'timeInCareFactor']) f[k] = { ...fixed(1, 'ratio'), grade: 'assumption' };
    f.hrReturnHome = { ...fixed(1, 'hazard ratio'), grade: 'assumption' };
    f.kinshipShareOfCareEntries = { ...fixed(0, 'share'), grade: 'assumption' };
    delete f.uptake;
    delete f.stepDownShare;
  }
}

/** The RES effects as no effect at all: the service still takes families on, and costs, but changes no path. */
function neutral(raw: any): void {
  const e = raw.services[0].effects.byOfferPoint.referral;
  e.rrEscalationToCp = { ...fixed(1, 'relative risk'), grade: 'assumption', measure: 'per conference' };
  e.rrEntryToCare = { ...fixed(1, 'relative risk'), grade: 'assumption', measure: 'per conference' };
}

const CARE = ['cla', 'cp', 'cin', 'preProceedings', 'claEntries', 'cpEntries', 'referrals', 'careProceedings'] as const;
const FGC = ['fgcJoined', 'fgcAllocated', 'fgcHeld', 'fgcWaiting', 'fgcLapsed'] as const;
const SUPPORT = METRICS.filter((m) => m.startsWith('support'));


describe('a caseload service beside the FGC', () => {
  it('is refused, naming the field, when an arm names a service the scenario does not declare or its ramp is out of order', () => {
    expect(() => variant(PIP, (r) => (r.arms.options[0].services = { teams: { workersFte: 3 } }))).toThrow(/arms\.options\[0\]\.services\.teams: names no service of the scenario \(services: "res"\)/);
    expect(() => variant(PIP, (r) => (r.arms.options[0].services.res.workersFte = -1))).toThrow(/arms\.options\[0\]\.services\.res\.workersFte/);
    expect(() =>
      variant(PIP, (r) => (r.arms.options[0].services.res.rampUp = [{ month: '2020-01', workersFte: 10, source: 't' }, { month: '2019-06', workersFte: 20, source: 't' }])),
    ).toThrow(/arms\.options\[0\]\.services\.res\.rampUp\[1\]\.month: must come after the step before \(2020-01\), got 2019-06/);
    expect(() => variant(PIP, (r) => r.services.push(structuredClone(r.services[0])))).toThrow(/services: .*at most 1/);
    expect(() => variant(PIP, (r) => r.services[0].staff.forEach((g: any) => (g.casesPerWorker = fixed(0, 'families/FTE'))))).toThrow(
      /services\[0\]\.staff: no grade holds cases \(every casesPerWorker is 0\): the team would have no room/,
    );
  });

  it('at zero capacity is the scenario without it, run for run, even while another arm has it (offers made in the shared pass)', () => {
    const withIt = raw(
      variant(PIP, (r) => {
        r.arms.options = [{ ...r.arms.options[0], name: 'None', services: { res: { workersFte: 0 } } }, r.arms.options[0]];
      }),
    );
    const without = raw(
      variant(PIP, (r) => {
        delete r.services;
        r.arms.options = [{ name: 'None', coordinatorsFte: r.arms.options[0].coordinatorsFte }];
      }),
    );
    // Every series of every run of the counterfactual and of the zero-capacity arm, to the bit.
    expect(Array.from(withIt[0]!)).toEqual(Array.from(without[0]!));
    expect(Array.from(withIt[1]!)).toEqual(Array.from(without[1]!));
    // And the arm with the teams is not the same (the comparison can fail).
    expect(Array.from(withIt[2]!)).not.toEqual(Array.from(without[1]!));
  });

  it('an arm with every service at the counterfactual\u2019s capacity is the counterfactual, run for run', () => {
    const s = variant(PIP, (r) => {
      r.arms.counterfactual.services = { res: { workersFte: 34.5 } };
      r.arms.options = [{ ...r.arms.counterfactual, name: 'Same' }, r.arms.options[1]];
    });
    const arms = raw(s);
    expect(Array.from(arms[1]!)).toEqual(Array.from(arms[0]!));
    expect(Array.from(arms[2]!)).not.toEqual(Array.from(arms[0]!));
  });

  it('two services with disjoint offer points do not change each other\u2019s families: with one changing no path, the other\u2019s series and everyone\u2019s care are those of the other alone, run for run, and the costs add', () => {
    const arms = (r: any) => {
      const fgc = r.arms.counterfactual.coordinatorsFte;
      r.arms.counterfactual = { name: 'Neither', coordinatorsFte: 0 };
      r.arms.options = [
        { name: 'FGC only', coordinatorsFte: fgc },
        { name: 'RES only', coordinatorsFte: 0, services: { res: { workersFte: 34.5 } } },
        { name: 'Both', coordinatorsFte: fgc, services: { res: { workersFte: 34.5 } } },
      ];
    };
    // RES changing no path: the FGC's families, and everyone's care, are as with the FGC alone.
    const resNeutral = raw(variant(PIP, (r) => (arms(r), neutral(r)))) as [Float64Array, Float64Array, Float64Array, Float64Array];
    // The FGC changing no path: RES's families, and everyone's care, are as with RES alone (the effects act together,
    // so an FGC with none leaves RES's in force).
    const fgcNeutral = raw(variant(PIP, (r) => (arms(r), neutralFgc(r)))) as [Float64Array, Float64Array, Float64Array, Float64Array];
    for (let r = 0; r < RUNS; r++) {
      for (const m of [...CARE, ...FGC]) expect(Array.from(series(resNeutral[3], M[m], r)), `${m}, run ${r}`).toEqual(Array.from(series(resNeutral[1], M[m], r)));
      for (const m of [...CARE, ...SUPPORT]) expect(Array.from(series(fgcNeutral[3], M[m], r)), `${m}, run ${r}`).toEqual(Array.from(series(fgcNeutral[2], M[m], r)));
      // The cost is the FGC arm's plus the teams', to float sums' rounding (re-walked paths are taken out and put back).
      const cost = series(resNeutral[3], M.cost, r);
      const fgcCost = series(resNeutral[1], M.cost, r);
      const resCost = series(resNeutral[2], M.cost, r);
      const none = series(resNeutral[0], M.cost, r);
      for (let k = 1; k <= MONTHS; k++) expect(Math.abs(cost[k]! - fgcCost[k]! - (resCost[k]! - none[k]!))).toBeLessThan(1e-6 * cost[k]!);
      expect(resCost[6]! - none[6]!).toBeGreaterThan(0);
    }
    // Both ran, and each changes paths where it is not neutral (the comparisons can fail).
    expect(series(resNeutral[3], M.supportAllocated, 0).reduce((a, b) => a + b)).toBeGreaterThan(50);
    expect(series(resNeutral[3], M.fgcHeld, 0).reduce((a, b) => a + b)).toBeGreaterThan(50);
    expect(series(fgcNeutral[3], M.fgcHeld, 0).reduce((a, b) => a + b)).toBeGreaterThan(50);
    const real = raw(variant(PIP, (r) => arms(r))) as [Float64Array, Float64Array, Float64Array, Float64Array];
    expect(Array.from(series(real[3], M.cpEntries, 0))).not.toEqual(Array.from(series(real[1], M.cpEntries, 0)));
    expect(Array.from(series(real[3], M.cla, 0))).not.toEqual(Array.from(series(real[2], M.cla, 0)));
  });

  it('the rule for a family offered both: RES at referral does not stop an FGC later in the same case, and their effects act together', () => {
    // Every referral offered RES, with room for all; the FGC offered on every CIN plan after an assessment.
    const everyone = (r: any) => {
      r.services[0].offerPoints.referral.eligibleShare = fixed(1, 'share');
      r.services[0].staff.forEach((g: any) => (g.casesPerWorker = fixed(100, 'families/FTE')));
      r.fgc.offerPoints.referral.eligibleShare = fixed(1, 'share');
      r.fgc.offerPoints.icpc.eligibleShare = fixed(0, 'share');
      r.fgc.offerPoints.preProceedings.eligibleShare = fixed(0, 'share');
      r.fgc.offerPoints.inCare.eligibleShare = fixed(0, 'share');
      r.arms.counterfactual = { name: 'Neither', coordinatorsFte: 0 };
      r.arms.options = [
        { name: 'RES', coordinatorsFte: 0, services: { res: { workersFte: 34.5 } } },
        { name: 'RES then FGC', coordinatorsFte: 200, services: { res: { workersFte: 34.5 } } },
        { name: 'FGC', coordinatorsFte: 200 },
      ];
    };
    // With RES changing nothing, every family the FGC meets had RES first, and the FGC holds exactly what it holds alone.
    const plain = raw(variant(PIP, (r) => (everyone(r), neutral(r))));
    const held = (a: Float64Array, r: number) => series(a, M.fgcHeld, r).reduce((x, y) => x + y);
    for (let r = 0; r < RUNS; r++) {
      expect(held(plain[2]!, r)).toBe(held(plain[3]!, r));
      expect(held(plain[2]!, r)).toBeGreaterThan(100);
      // Every family referred was taken on by RES (no one turned away).
      expect(series(plain[2]!, M.supportLapsed, r).reduce((x, y) => x + y)).toBe(0);
    }
    // RES that halves care entries; an FGC after it with no effect leaves RES's effect whole (care as with RES alone,
    // run for run), and an FGC that also halves them multiplies with it: fewer care entries than either alone.
    const withFgc = (rr: number) =>
      raw(
        variant(PIP, (r) => {
          everyone(r);
          const e = r.services[0].effects.byOfferPoint.referral;
          e.rrEntryToCare = { ...fixed(0.5, 'relative risk'), grade: 'assumption', measure: 'per conference' };
          e.rrEscalationToCp = { ...fixed(1, 'relative risk'), grade: 'assumption', measure: 'per conference' };
          neutralFgc(r);
          r.fgc.effects.byOfferPoint.referral.rrEntryToCare = { ...fixed(rr, 'relative risk'), grade: 'assumption', measure: 'per conference' };
        }),
      );
    const idle = withFgc(1);
    for (let r = 0; r < RUNS; r++) for (const m of CARE) expect(Array.from(series(idle[2]!, M[m], r)), `${m}, run ${r}`).toEqual(Array.from(series(idle[1]!, M[m], r)));
    const both = withFgc(0.5);
    const entries = (a: Float64Array) => Array.from({ length: RUNS }, (_, r) => series(a, M.claEntries, r).reduce((x, y) => x + y)).reduce((x, y) => x + y);
    expect(entries(both[1]!)).toBeLessThan(entries(both[0]!));
    expect(entries(both[2]!)).toBeLessThan(entries(both[1]!));
    expect(entries(both[2]!)).toBeLessThan(entries(both[3]!));
  });

  it('holds no more cases than workers × cases per worker; a full team turns families away, or keeps them waiting if it may; its throughput is its room over the involvement', () => {
    const small = (waitWeeks: number) =>
      variant(PIP, (r) => {
        r.services[0].capacity.maxWaitWeeks = fixed(waitWeeks, 'weeks');
        r.services[0].staff.forEach((g: any) => (g.casesPerWorker = fixed(6, 'families/FTE')));
        r.arms.options = [{ name: 'One worker', coordinatorsFte: r.arms.counterfactual.coordinatorsFte, services: { res: { workersFte: 1 } } }];
      });
    const runs = 8;
    const months = 48;
    const away = raw(small(0), runs, months)[1]!;
    const waiting = raw(small(2), runs, months)[1]!;
    let allocated = 0;
    for (let r = 0; r < runs; r++) {
      const open = series(away, M.supportOpen, r, months);
      expect(Math.max(...open)).toBe(6);
      expect(Math.max(...series(waiting, M.supportOpen, r, months))).toBe(6);
      expect(series(away, M.supportLapsed, r, months).reduce((a, b) => a + b)).toBeGreaterThan(100);
      expect(series(away, M.supportWaiting, r, months).reduce((a, b) => a + b)).toBe(0);
      // Those who may wait do wait (a month end finds some), and fewer are turned away than with no waiting list.
      expect(series(waiting, M.supportWaiting, r, months).reduce((a, b) => a + b)).toBeGreaterThan(0);
      expect(Math.max(...series(waiting, M.supportLongestWaitWeeks, r, months))).toBeLessThanOrEqual(2 + 1e-9);
      const a = series(away, M.supportAllocated, r, months);
      for (let k = 7; k <= months; k++) allocated += a[k]!;
    }
    // Always full: six cases, each held 0.5–1.5 × 3.9 months (uniform), give 6 / 3.9 takings-on a month. A renewal
    // count over 42 months has variance ≈ 42 × CV² / 3.9 a case (CV² = 1/12): SD ≈ 2.2 of ≈ 65 a run, 0.8 over 8 runs.
    const perMonth = allocated / runs / (months - 6);
    expect(perMonth).toBeGreaterThan((6 / 3.9) * 0.95);
    expect(perMonth).toBeLessThan((6 / 3.9) * 1.05);
  });

  it('the shipped scenario\u2019s RES teams take on about the 536 children of 2019 in their first year (the share offered was derived from them: this checks that the room, the uptake and the children per family keep them)', () => {
    const s = runSimulation(variant(PIP, () => undefined), { runs: 20, months: 12, seed: 'res-2019' });
    const children = s.arms[1]!.series.supportAllocatedChildren.mean.slice(1, 13).reduce((a, b) => a + b);
    expect(Math.abs(children / 536 - 1)).toBeLessThan(0.15);
    // The counterfactual has no teams.
    expect(s.arms[0]!.series.supportAllocated.mean.every((v) => v === 0)).toBe(true);
  });
});
