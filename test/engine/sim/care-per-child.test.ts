// Issue 25: each child in care on its own clocks (src/wasm/care.ts). Birthdays, ageing, each route's clock,
// conservation by age band, and common random numbers per child.
import { describe, expect, it } from 'vitest';
import { Accumulators, monthlyCostByClass } from '../../../src/engine/sim/accumulators';
import { BAND_START_MONTHS, bandOf, birthOf, foundInCare } from '../../../src/engine/sim/ages';
import { FamilySimulator } from '../../../src/engine/sim/family';
import { M, METRIC_COUNT } from '../../../src/engine/results/metrics';
import { makeRunContext, type RunContext } from '../../../src/engine/sim/run-context';
import { simulateRun } from '../../../src/engine/sim/run';
import { mergeBlocks, planRun, simulateBlock } from '../../../src/engine/sim/simulate';
import { FlowRow, State, StockClass } from '../../../src/engine/sim/wasm/layout';
import type { Scenario } from '../../../src/scenario/schema';
import { effectsEverywhere } from '../../helpers/effects';
import { LEEDS, SMALL, variant, withRoutes } from '../../helpers/scenarios';

const clock = (meanDays: number, sdDays: number) => ({ family: 'lognormal', mean: meanDays, sd: sdDays, unit: 'days', source: 'test' });
const off = { multipliers: [0, 0, 0, 0, 0], source: 'test: not a route here' };
const shares = (values: number[]) => ({ shares: { under1: values[0], age1to4: values[1], age5to9: values[2], age10to15: values[3], age16plus: values[4] }, source: 'test' });

/** Only the children found in care at month 0: no referrals, no other stocks; `routes`, the month-0 age mix and (for the found children's entries) the age mix at referral given. */
function inCareOnly(children: number, routes: Record<string, unknown>, claAgeMix = [0.1, 0.2, 0.2, 0.3, 0.2], ageMix?: number[]): Scenario {
  return variant(SMALL, (raw) => {
    if (ageMix) raw.demand.ageMix = shares(ageMix);
    raw.demand.referralsPerMonth.value = 0;
    for (const s of ['cin', 'cp', 'preProceedings']) raw.initialStocks[s].value = 0;
    raw.initialStocks.cla.value = children;
    raw.initialStocks.claAgeMix = shares(claAgeMix);
    // The time already spent in care at month 0 comes from this stay: a few minutes, so the clocks start at 0.
    raw.pathway.cla.duration = clock(0.01, 0.005);
    withRoutes(raw, routes);
  });
}

/** One arm (no service) of run `run`: its series, and its context. */
function runOnce(s: Scenario, months: number, run = 0): { ctx: RunContext; at: (metric: number, m: number) => number } {
  const ctx = makeRunContext(s, 'care', run, months);
  const out = new Float64Array(METRIC_COUNT * (months + 1));
  simulateRun(ctx, [{ coordinatorsFte: 0, conferencesPerFtePerYear: ctx.params.fgc.conferencesPerFtePerYear, eligible: { ...ctx.params.fgc.eligible } }], [out]);
  return { ctx, at: (metric, m) => out[metric * (months + 1) + m]! };
}

/** The module's careStayFor for this simulator's run (a test export: each child's draws for one stay, the family's exit back). */
function careStayExport(sim: FamilySimulator): { careStayFor: (f: number, size: number, episode: number, began: number, from: number, ratio: number) => number } {
  return (sim as unknown as { pathway: { exports: { careStayFor: (f: number, size: number, episode: number, began: number, from: number, ratio: number) => number } } }).pathway.exports;
}

/** Every child found in care at month 0, with its birth (months from month 0). */
function childrenInCare(ctx: RunContext): number[] {
  const births: number[] = [];
  for (let f = 0; f < ctx.initialCount; f++) {
    if (ctx.initialState[f] !== State.Cla) continue;
    for (let c = 0; c < ctx.children[f]!; c++) births.push(birthOf(ctx, f, c));
  }
  return births;
}

describe('children in care, each on its own clocks', () => {
  const birthdaysOnly = { returnHome: { clock: clock(300, 300), hazardByAgeAtEntry: off }, specialGuardianship: { clock: clock(300, 300), hazardByAgeAtEntry: off }, adoption: { clock: clock(300, 300), hazardByAgeAtEntry: off }, other: { clock: clock(300, 300), hazardByAgeAtEntry: off } };

  it('with no new entries and no route open, the children leaving care each month are those turning 18 that month, exactly', () => {
    const months = 220;
    const { ctx, at } = runOnce(inCareOnly(600, birthdaysOnly), months);
    const births = childrenInCare(ctx);
    expect(births.length).toBe(600);
    let left = 0;
    for (let m = 1; m <= months; m++) {
      const turning = births.filter((b) => Math.ceil(b + 216) === m).length;
      expect([m, at(M.careLeavers, m)]).toEqual([m, turning]);
      expect([m, at(M.claExits, m)]).toEqual([m, turning]);
      left += turning;
      expect(at(M.cla, m)).toBe(600 - left);
    }
    expect(left).toBe(600);
    expect(at(M.claAdopted, 100) + at(M.claSpecialGuardianship, 100) + at(M.claReturnsHome, 100) + at(M.claOtherExits, 100)).toBe(0);
  });

  it('ages advance one month a month: each month-end, the children in each age band are those whose age puts them there', () => {
    const months = 60;
    const { ctx, at } = runOnce(inCareOnly(600, birthdaysOnly), months);
    const births = childrenInCare(ctx);
    const bandRows = [M.claUnder1, M.cla1to4, M.cla5to9, M.cla10to15, M.cla16plus];
    let moved = 0;
    for (let m = 0; m <= months; m++) {
      const expected = [0, 0, 0, 0, 0];
      for (const b of births) if (b + 216 > m) expected[bandOf(m - b)]!++;
      expect([m, bandRows.map((row) => at(row, m))]).toEqual([m, expected]);
      if (m > 0) moved += births.filter((b) => BAND_START_MONTHS.slice(1, 5).some((edge) => Math.ceil(b + edge) === m)).length;
    }
    // Children did move up a band over the five years (the check above is not of a still population).
    expect(moved).toBeGreaterThan(100);
  });

  it('with every route but one closed, every child found in care leaves by that route, and its age at month 0 is in the band drawn for it', () => {
    // Children under 1 at month 0 (no birthday within the horizon), adoption's clock a lognormal of mean 365 and SD
    // 182.6 days: each found child is such a stay, length-biased, with its time so far uniform on it.
    const n = 3000;
    const routes = { ...birthdaysOnly, adoption: { clock: clock(365.25, 182.625), hazardByAgeAtEntry: { multipliers: [2, 2, 2, 2, 2], source: 'test' } } };
    const months = 96;
    const { ctx, at } = runOnce(inCareOnly(n, routes, [1, 0, 0, 0, 0], [1, 0, 0, 0, 0]), months);
    let gone = 0;
    for (let m = 1; m <= months; m++) {
      expect(at(M.claAdopted, m)).toBe(at(M.claExits, m));
      gone += at(M.claAdopted, m);
    }
    expect(gone).toBe(n);
    for (let f = 0; f < ctx.initialCount; f++) {
      for (let c = 0; c < ctx.children[f]!; c++) {
        const { birth, entry } = foundInCare(ctx, f, c);
        expect(-birth).toBeLessThan(12);
        expect(entry).toBeLessThanOrEqual(0);
        expect(entry).toBeGreaterThanOrEqual(birth);
      }
    }
  });

  it('children found in care are their stays length-biased: the share still in care each month is the residual of those stays, within sampling error', () => {
    // Entrants and children at month 0 all 16 or over, so the month-0 band constrains nothing; one route open (other,
    // mean 12 and SD 8 months). A stay is L = min(T, 216 − entry age), entry age uniform on 16–18 years: survival
    // S_L(x) = S_T(x) (24 − x) / 24 on [0, 24). Found in care, a child has run a length-biased stay for a uniform
    // part of it: the share left after m months is ∫_m^24 S_L / ∫_0^24 S_L.
    const n = 4000;
    const routes: Record<string, unknown> = { ...birthdaysOnly, other: { clock: clock(365.25, 243.5), hazardByAgeAtEntry: { multipliers: [1, 1, 1, 1, 1], source: 'test' } } };
    const months = 24;
    const { ctx, at } = runOnce(inCareOnly(n, routes, [0, 0, 0, 0, 1], [0, 0, 0, 0, 1]), months);
    const other = ctx.params.care.routes![3]!;
    const survival = (x: number) => (x >= 24 ? 0 : (1 - other.cdf(x)) * ((24 - x) / 24));
    const integral = (from: number) => {
      let sum = 0;
      for (let x = from + 0.0025; x < 24; x += 0.005) sum += 0.005 * survival(x);
      return sum;
    };
    const whole = integral(0);
    for (const m of [1, 2, 3, 6, 9, 12, 18]) {
      const left = integral(m) / whole;
      expect(Math.abs(at(M.cla, m) / n - left), `month ${m}`).toBeLessThan(4 * Math.sqrt((left * (1 - left)) / n));
    }
    // The check tells the two apart: children starting fresh stays at month 0 would mostly not leave in the first
    // month (1 − S_L(1), about 4%); the stock's residuals leave at about 1 / E[L] a month (about 12%).
    const gone = 1 - at(M.cla, 1) / n;
    expect(gone - (1 - survival(1))).toBeGreaterThan(8 * Math.sqrt((gone * (1 - gone)) / n));
  });

  it('an FGC\'s hazard ratio on returning home acts from the conference on each found child\'s own clock: a child gone before it is as it was, one still in care goes home just after it', () => {
    const routes: Record<string, unknown> = { ...birthdaysOnly, returnHome: { clock: clock(365.25, 365.25), hazardByAgeAtEntry: { multipliers: [1, 1, 1, 1, 1], source: 'test' } } };
    const s = variant(SMALL, (raw) => {
      raw.demand.childrenPerFamily.sharesBySize = [1];
      raw.demand.referralsPerMonth.value = 0;
      for (const k of ['cin', 'cp', 'preProceedings']) raw.initialStocks[k].value = 0;
      raw.initialStocks.cla.value = 400;
      withRoutes(raw, routes);
    });
    const ctx = makeRunContext(s, 'offset', 0, 24);
    const sim = new FamilySimulator(ctx);
    const exports = careStayExport(sim);
    const conference = 3;
    let before = 0;
    let after = 0;
    for (let f = 0; f < ctx.initialCount; f++) {
      // The family's stay began before month 0 (its own time there); the conference's `from` is measured from it.
      const began = -ctx.initialAge[f]!;
      const as = exports.careStayFor(f, 1, 0, began, -1, 1);
      const moved = exports.careStayFor(f, 1, 0, began, conference - began, 1e6);
      if (as <= conference) {
        before++;
        expect(moved).toBe(as);
      } else {
        after++;
        expect(moved).toBeGreaterThanOrEqual(conference);
        expect(moved).toBeLessThan(conference + 0.05);
      }
    }
    expect(before).toBeGreaterThan(20);
    expect(after).toBeGreaterThan(20);
  });

  it('each route\'s sampled times match its clock: mean and variance within sampling error, for a child entering care (hazard × 2, or × 2 from entry by an FGC\'s hazard ratio on returning home)', () => {
    // One child a family, under 1 at referral, entering care a month after it: no birthday comes near. Each route a
    // lognormal clock of mean 12 and SD 6 months; the time to leaving has survival S(t)^2 either way.
    const twelve = clock(365.25, 182.625);
    const only = (route: string, multiplier: number) => {
      const routes: Record<string, unknown> = Object.fromEntries(['returnHome', 'specialGuardianship', 'adoption', 'other'].map((r) => [r, { clock: twelve, hazardByAgeAtEntry: off }]));
      routes[route] = { clock: twelve, hazardByAgeAtEntry: { multipliers: new Array(5).fill(multiplier), source: 'test' } };
      return variant(SMALL, (raw) => {
        raw.demand.childrenPerFamily.sharesBySize = [1];
        raw.demand.ageMix = shares([1, 0, 0, 0, 0]);
        withRoutes(raw, routes);
      });
    };
    const draws = (s: Scenario, ratio: number) => {
      const ctx = makeRunContext(s, 'clock', 0, 12);
      const sim = new FamilySimulator(ctx);
      const exports = careStayExport(sim);
      const times: number[] = [];
      for (let f = ctx.initialCount; f < ctx.totalFamilies && times.length < 20000; f++) {
        for (let episode = 1; episode <= 40 && times.length < 20000; episode++) {
          const began = ctx.arrivalTime[f]! + 1;
          times.push(exports.careStayFor(f, 1, episode, began, ratio === 1 ? -1 : 0, ratio) - began);
        }
      }
      return { times, clock: ctx.params.care.routes![0]! };
    };
    for (const [route, multiplier, ratio] of [['adoption', 2, 1], ['returnHome', 2, 1], ['returnHome', 1, 2]] as const) {
      const { times, clock: d } = draws(only(route, multiplier), ratio);
      const n = times.length;
      expect(n).toBe(20000);
      // The moments of survival S(t)^2, by quadrature: E[T^k] = ∫ k t^(k-1) S(t)^2 dt.
      const moment = (k: number) => {
        let sum = 0;
        for (let t = 0.0025; t < 300; t += 0.005) sum += 0.005 * k * t ** (k - 1) * (1 - d.cdf(t)) ** 2;
        return sum;
      };
      const [m1, m2, m3, m4] = [moment(1), moment(2), moment(3), moment(4)];
      const variance = m2 - m1 * m1;
      const central4 = m4 - 4 * m3 * m1 + 6 * m2 * m1 * m1 - 3 * m1 ** 4;
      const mean = times.reduce((a, b) => a + b, 0) / n;
      const sampleVariance = times.reduce((a, t) => a + (t - mean) ** 2, 0) / (n - 1);
      expect(Math.abs(mean - m1), `${route} × ${multiplier}, ratio ${ratio}: mean`).toBeLessThan(4 * Math.sqrt(variance / n));
      expect(Math.abs(sampleVariance - variance), `${route} × ${multiplier}, ratio ${ratio}: variance`).toBeLessThan(4 * Math.sqrt((central4 - variance ** 2) / n));
      expect(times.every((t) => t > 0)).toBe(true);
    }
  });

  it('conserves children exactly, by age band (entries, exits and ageing from band to band) and in total', () => {
    const s = variant(SMALL, (raw) => withRoutes(raw));
    const months = 48;
    const ctx = makeRunContext(s, 'conserve', 1, months);
    const families = new FamilySimulator(ctx);
    const acc = new Accumulators(months, monthlyCostByClass(ctx.params.costs, ctx.params.placement), false);
    for (let f = 0; f < ctx.totalFamilies; f++) families.simulate(f, new Float64Array(0), 0, 1, acc, null);
    const row = months + 2;
    const stock = (k: number) => {
      const out: number[] = [];
      let v = 0;
      for (let m = 0; m <= months; m++) out.push((v += acc.stockDiff[k * row + m]!));
      return out;
    };
    const flow = (r: number, m: number) => acc.flows[r * (months + 1) + m]!;
    const bands = [0, 1, 2, 3, 4].map((b) => stock(StockClass.ClaAge0 + b));
    const placements = [0, 1, 2, 3, 4].map((p) => stock(StockClass.Cla0 + p));
    let entries = 0;
    let ageing = 0;
    for (let m = 1; m <= months; m++) {
      let total = 0;
      for (let b = 0; b < 5; b++) {
        const agedIn = b > 0 ? flow(FlowRow.AgedOut0 + b - 1, m) : 0;
        const agedOut = b < 4 ? flow(FlowRow.AgedOut0 + b, m) : 0;
        expect([m, b, bands[b]![m]! - bands[b]![m - 1]!]).toEqual([m, b, flow(FlowRow.EntriesAge0 + b, m) - flow(FlowRow.ExitsAge0 + b, m) + agedIn - agedOut]);
        total += bands[b]![m]!;
        ageing += agedOut;
        entries += flow(FlowRow.EntriesAge0 + b, m);
      }
      const byPlacement = placements.reduce((sum, p) => sum + p[m]!, 0);
      expect(total).toBe(byPlacement);
      const before = placements.reduce((sum, p) => sum + p[m - 1]!, 0);
      expect(byPlacement - before).toBe(flow(FlowRow.ClaEntries, m) - flow(FlowRow.ClaExits, m));
      const byRoute = flow(FlowRow.ClaReturnsHome, m) + flow(FlowRow.ClaSpecialGuardianship, m) + flow(FlowRow.ClaAdopted, m) + flow(FlowRow.ClaOtherExits, m) + flow(FlowRow.CareLeavers, m);
      expect(byRoute).toBe(flow(FlowRow.ClaExits, m));
    }
    expect(entries).toBeGreaterThan(50);
    expect(ageing).toBeGreaterThan(20);
  });

  it('an FGC in care changes nothing before it: with a time-in-care factor of 0.5, every child who left care before the conference left when it would have', () => {
    const s = variant(LEEDS, (raw) => {
      withRoutes(raw);
      raw.fgc.effects = effectsEverywhere({ timeInCareFactor: 0.5, fadeHalfLifeMonths: 12 });
    });
    const months = 48;
    const ctx = makeRunContext(s, 'causal', 0, months);
    const sim = new FamilySimulator(ctx);
    const rates = monthlyCostByClass(ctx.params.costs, ctx.params.placement);
    const conference = 20.5;
    const flowRows = [FlowRow.ClaExits, FlowRow.ClaReturnsHome, FlowRow.ClaSpecialGuardianship, FlowRow.ClaAdopted, FlowRow.ClaOtherExits, FlowRow.CareLeavers];
    let families = 0;
    let changedAfter = 0;
    for (let f = 0; f < ctx.initialCount; f++) {
      if (ctx.initialState[f] !== State.Cla || ctx.children[f]! < 2) continue;
      const without = new Accumulators(months, rates, false);
      const withFgc = new Accumulators(months, rates, false);
      sim.simulate(f, new Float64Array(0), 0, 1, without, null);
      sim.simulate(f, Float64Array.of(conference), 1, 1, withFgc, null, null, Uint8Array.of(3));
      for (const r of flowRows) {
        for (let m = 1; m <= months; m++) {
          const [a, b] = [without.flows[r * (months + 1) + m]!, withFgc.flows[r * (months + 1) + m]!];
          if (m <= Math.floor(conference)) expect([f, r, m, b]).toEqual([f, r, m, a]);
          else if (a !== b) changedAfter++;
        }
      }
      families++;
    }
    expect(families).toBeGreaterThan(50);
    // The effect is there, after the conference.
    expect(changedAfter).toBeGreaterThan(0);
  });

  it('a route open only to children entering care under 1 takes only them', () => {
    // Adoption's clock short and open only in the first band; no other route; children under 1 or aged 1–4 at referral.
    const routes: Record<string, unknown> = Object.fromEntries(['returnHome', 'specialGuardianship', 'other'].map((r) => [r, { clock: clock(300, 300), hazardByAgeAtEntry: off }]));
    routes.adoption = { clock: clock(90, 30), hazardByAgeAtEntry: { multipliers: [1, 0, 0, 0, 0], source: 'test' } };
    const s = variant(SMALL, (raw) => {
      raw.demand.childrenPerFamily.sharesBySize = [1];
      raw.demand.ageMix = shares([0.5, 0.5, 0, 0, 0]);
      withRoutes(raw, routes);
    });
    const ctx = makeRunContext(s, 'bands', 0, 12);
    const sim = new FamilySimulator(ctx);
    const exports = careStayExport(sim);
    let young = 0;
    let older = 0;
    for (let f = ctx.initialCount; f < ctx.totalFamilies; f++) {
      const birth = birthOf(ctx, f, 0);
      const began = ctx.arrivalTime[f]! + 0.5;
      const left = exports.careStayFor(f, 1, 1, began, -1, 1);
      if (bandOf(began - birth) === 0) {
        young++;
        expect(left).toBeLessThan(birth + 216);
      } else {
        older++;
        expect(left).toBe(birth + 216);
      }
    }
    expect(young).toBeGreaterThan(20);
    expect(older).toBeGreaterThan(20);
  });

  it('an arm with zero coordinators is the counterfactual run for run; one with coordinators is not', () => {
    const s = variant(SMALL, (raw) => {
      withRoutes(raw);
      raw.arms.options = [{ name: 'Zero', coordinatorsFte: 0 }, { name: 'Four', coordinatorsFte: 4 }];
    });
    const plan = planRun(s, { runs: 6, months: 24 });
    const [cf, zero, four] = mergeBlocks(plan, [simulateBlock(s, plan, 0, 6)]);
    expect(zero!.values).toEqual(cf!.values);
    expect(four!.values).not.toEqual(cf!.values);
  });
});
