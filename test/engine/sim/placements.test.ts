// Issue 26: each child's placement in care, moves between placement types, and the support paid for after care
// (src/wasm/placements.ts). Conservation, the cost following the child from the month of a move, the moves' rate,
// the mix in care with no moves, and allowances booked after the exit for the stated time in every arm.
import { describe, expect, it } from 'vitest';
import { M, METRIC_COUNT } from '../../../src/engine/results/metrics';
import { makeRunContext } from '../../../src/engine/sim/run-context';
import { simulateRun } from '../../../src/engine/sim/run';
import type { Scenario } from '../../../src/scenario/schema';
import { effectsEverywhere } from '../../helpers/effects';
import { SMALL, variant, withRoutes } from '../../helpers/scenarios';

const clock = (meanDays: number, sdDays: number) => ({ family: 'lognormal', mean: meanDays, sd: sdDays, unit: 'days', source: 'test' });
const off = { multipliers: [0, 0, 0, 0, 0], source: 'test: not a route here' };
const bands = <T>(v: T) => ({ under1: v, age1to4: v, age5to9: v, age10to15: v, age16plus: v });
const money = (value: number) => ({ value, unit: 'GBP/month', priceYear: '2013/14', source: 'test' });
const PLACEMENT_METRICS = [M.claKinship, M.claInHouseFostering, M.claIndependentFostering, M.claResidential, M.claOther];
const AGE_METRICS = [M.claUnder1, M.cla1to4, M.cla5to9, M.cla10to15, M.cla16plus];

/**
 * Children entering care under 1 from a council with no one in care at month 0, whom no route takes out within the
 * horizon (no one turns 18 in it either): every placement cost 0 but residential's £1 a child-month.
 */
function noExits(edit: (raw: any) => void): Scenario {
  return variant(SMALL, (raw) => {
    raw.demand.ageMix = { shares: { under1: 1, age1to4: 0, age5to9: 0, age10to15: 0, age16plus: 0 }, source: 'test' };
    raw.initialStocks.cla.value = 0;
    raw.initialStocks.claAgeMix = { shares: { under1: 1, age1to4: 0, age5to9: 0, age10to15: 0, age16plus: 0 }, source: 'test' };
    withRoutes(raw, { returnHome: { clock: clock(300, 300), hazardByAgeAtEntry: off }, specialGuardianship: { clock: clock(300, 300), hazardByAgeAtEntry: off }, adoption: { clock: clock(300, 300), hazardByAgeAtEntry: off }, other: { clock: clock(300, 300), hazardByAgeAtEntry: off } });
    for (const p of Object.keys(raw.costs.perChild.cla)) raw.costs.perChild.cla[p] = { marginal: money(p === 'residential' ? 1 : 0), fixed: money(0) };
    raw.costs.perChild.cin = money(0);
    raw.costs.perChild.cp = money(0);
    raw.costs.perChild.preProceedings = money(0);
    edit(raw);
  });
}

/** Each arm's series for run `run` (arms: the counterfactual's capacity, then `fte` coordinators). */
function runArms(s: Scenario, months: number, fte: number[] = [0], run = 0): ((metric: number, m: number) => number)[] {
  const ctx = makeRunContext(s, 'placements', run, months);
  const outs = fte.map(() => new Float64Array(METRIC_COUNT * (months + 1)));
  simulateRun(ctx, fte.map((coordinatorsFte) => ({ coordinatorsFte, conferencesPerFtePerYear: ctx.params.fgc.conferencesPerFtePerYear, eligible: { ...ctx.params.fgc.eligible } })), outs);
  return outs.map((out) => (metric: number, m: number) => out[metric * (months + 1) + m]!);
}

describe('placements in care, each child\'s', () => {
  const intoResidential = (perChildYear: number) => (raw: any) => {
    raw.pathway.cla.placements.shares = { kinship: 0, inHouseFostering: 1, independentFostering: 0, residential: 0, other: 0 };
    raw.pathway.cla.placementMoves = { moves: [{ from: 'inHouseFostering', to: 'residential', perChildYear: { value: perChildYear, unit: 'moves/child/year', source: 'test' } }] };
  };

  it('moves conserve children: by placement and by age band the same children each month; the residential stock grows by the moves into it, exactly', () => {
    const months = 60;
    const [at] = runArms(noExits(intoResidential(0.5)), months);
    let moves = 0;
    for (let m = 1; m <= months; m++) {
      const byPlacement = PLACEMENT_METRICS.reduce((a, k) => a + at!(k, m), 0);
      const byAge = AGE_METRICS.reduce((a, k) => a + at!(k, m), 0);
      expect([m, byPlacement]).toEqual([m, at!(M.cla, m)]);
      expect([m, byAge]).toEqual([m, at!(M.cla, m)]);
      // No one leaves care and no one enters it in residential care: each month's change there is the month's moves.
      expect([m, at!(M.claResidential, m) - at!(M.claResidential, m - 1)]).toEqual([m, at!(M.placementMoves, m)]);
      expect(at!(M.claExits, m)).toBe(0);
      moves += at!(M.placementMoves, m);
    }
    expect(moves).toBeGreaterThan(20);
  });

  it('the cost follows the child from the month of its move: a month\'s residential cost lies between the stocks at its start and its end, below the end\'s in every month with a move', () => {
    const months = 48;
    const [at] = runArms(noExits(intoResidential(0.5)), months);
    let monthsWithMoves = 0;
    for (let m = 1; m <= months; m++) {
      const cost = at!(M.costPlacements, m);
      const before = at!(M.claResidential, m - 1);
      const after = at!(M.claResidential, m);
      expect(cost).toBeGreaterThanOrEqual(before - 1e-9);
      expect(cost).toBeLessThanOrEqual(after + 1e-9);
      if (at!(M.placementMoves, m) > 0) {
        // A child moved in the month is paid for from its move on: part of the month only.
        expect(cost).toBeLessThan(after);
        monthsWithMoves++;
      }
    }
    expect(monthsWithMoves).toBeGreaterThan(10);
  });

  it('moves happen at their rate: the moves out of in-house fostering over its child-months are 0.5 a child-year within 4 Poisson standard errors, over 20 runs', () => {
    const months = 48;
    const s = noExits(intoResidential(0.5));
    let moves = 0;
    let childMonths = 0;
    for (let run = 0; run < 20; run++) {
      const [at] = runArms(s, months, [0], run);
      for (let m = 1; m <= months; m++) {
        moves += at!(M.placementMoves, m);
        // Child-months in in-house fostering in month m: near the mean of its month-end stocks (the entries and moves within it).
        childMonths += (at!(M.claInHouseFostering, m - 1) + at!(M.claInHouseFostering, m)) / 2;
      }
    }
    const expected = (0.5 / 12) * childMonths;
    expect(Math.abs(moves - expected)).toBeLessThan(4 * Math.sqrt(expected) + 0.02 * expected);
  });

  it('with no moves, the mix in care is the mix at entry (no one in care at month 0, so no length-biased stock): each placement\'s mean share within 4 standard errors over 30 runs', () => {
    const months = 36;
    const entry = { kinship: 0.2, inHouseFostering: 0.4, independentFostering: 0.15, residential: 0.15, other: 0.1 };
    const s = noExits((raw) => {
      raw.pathway.cla.placements.shares = entry;
    });
    const shares: number[][] = PLACEMENT_METRICS.map(() => []);
    for (let run = 0; run < 30; run++) {
      const [at] = runArms(s, months, [0], run);
      const total = at!(M.cla, months);
      PLACEMENT_METRICS.forEach((k, i) => shares[i]!.push(at!(k, months) / total));
      expect(at!(M.placementMoves, months)).toBe(0);
    }
    Object.values(entry).forEach((p, i) => {
      const xs = shares[i]!;
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
      expect(Math.abs(mean - p)).toBeLessThan(4 * (sd / Math.sqrt(xs.length)));
    });
  });

  it('placement at entry follows the child\'s age band at entry: with residential only for children over 9 and every child 10 to 15 at referral, all not with kin are in residential care', () => {
    const s = noExits((raw) => {
      raw.demand.ageMix.shares = { under1: 0, age1to4: 0, age5to9: 0, age10to15: 1, age16plus: 0 };
      raw.initialStocks.claAgeMix.shares = { under1: 0, age1to4: 0, age5to9: 0, age10to15: 1, age16plus: 0 };
      raw.pathway.cla.placements.shares = { kinship: 0.3, inHouseFostering: 0.5, independentFostering: 0.1, residential: 0, other: 0.1 };
      const young = { inHouseFostering: 0.8, independentFostering: 0.1, residential: 0, other: 0.1 };
      const residential = { inHouseFostering: 0, independentFostering: 0, residential: 1, other: 0 };
      raw.pathway.cla.placementByAge = { shares: { ...bands(young), age10to15: residential, age16plus: residential }, source: 'test' };
    });
    const at = runArms(s, 24)[0]!;
    expect(at(M.claResidential, 24) + at(M.claKinship, 24)).toBe(at(M.cla, 24));
    expect(at(M.claResidential, 24)).toBeGreaterThan(0);
    expect(at(M.claKinship, 24)).toBeGreaterThan(0);
  });
});

describe('support paid for after care', () => {
  const support = (cost: number, share: number, untilAge: number) => ({ cost: money(cost), share: { value: share, unit: 'share', source: 'test' }, untilAge, cashable: 'yes' });
  /** Only special guardianship takes children out of care, after months; its allowance £1 a child-month for `share` of them, to `untilAge`. */
  const sgoAllowance = (raw: any, untilAge: number, share: number) => {
    raw.pathway.cla.routes.specialGuardianship = { clock: clock(120, 60) };
    raw.costs.afterCare = { specialGuardianshipAllowance: support(1, share, untilAge), adoptionAllowance: support(0, 0, 18), stayingPut: support(0, 0, 21), personalAdviser: support(0, 0, 25) };
  };
  /** Children entering care under 1 (referrals go on), effects on every offer point so that the arms' paths differ. */
  const sgoOnly = (untilAge: number, share: number) =>
    noExits((raw) => {
      sgoAllowance(raw, untilAge, share);
      raw.fgc.effects = effectsEverywhere({ rrEntryToCare: 0.5, rrEscalationToCp: 0.7 });
    });
  /** Only the children found in care at month 0, all under 1 then: no referrals, no other stocks. */
  const foundUnderOne = (untilAge: number) =>
    noExits((raw) => {
      raw.demand.referralsPerMonth.value = 0;
      for (const s of ['cin', 'cp', 'preProceedings']) raw.initialStocks[s].value = 0;
      raw.initialStocks.cla.value = 300;
      // The time already spent in care at month 0 comes from this stay: a few minutes, so the clocks start at 0.
      raw.pathway.cla.duration = clock(0.01, 0.005);
      sgoAllowance(raw, untilAge, 1);
    });

  it('a special guardianship allowance is paid from the month of the exit on, in every arm: the children paid for grow by each month\'s exits, and a month\'s £1-a-child-month cost lies between the counts at its start and end', () => {
    const months = 48;
    const arms = runArms(sgoOnly(18, 1), months, [0, 6]);
    for (const at of arms) {
      let exits = 0;
      for (let m = 1; m <= months; m++) {
        const paidFor = at(M.afterCareSpecialGuardianship, m);
        const before = at(M.afterCareSpecialGuardianship, m - 1);
        expect([m, paidFor - before]).toEqual([m, at(M.claSpecialGuardianship, m)]);
        expect(at(M.costAfterCare, m)).toBeGreaterThanOrEqual(before - 1e-9);
        expect(at(M.costAfterCare, m)).toBeLessThanOrEqual(paidFor + 1e-9);
        if (paidFor > before) expect(at(M.costAfterCare, m)).toBeLessThan(paidFor);
        exits += at(M.claSpecialGuardianship, m);
      }
      expect(exits).toBeGreaterThan(10);
    }
    // The arms differ in their exits, and each pays for its own.
    const total = (at: (metric: number, m: number) => number) => Array.from({ length: months }, (_, i) => at(M.costAfterCare, i + 1)).reduce((a, b) => a + b, 0);
    expect(total(arms[1]!)).not.toBe(total(arms[0]!));
  });

  it('an allowance is paid for its share of the children: 0.3 of those leaving by special guardianship, within 4 binomial standard errors over 10 runs', () => {
    const months = 36;
    let paid = 0;
    let exits = 0;
    for (let run = 0; run < 10; run++) {
      const [at] = runArms(sgoOnly(18, 0.3), months, [0], run);
      paid += at!(M.afterCareSpecialGuardianship, months);
      for (let m = 1; m <= months; m++) exits += at!(M.claSpecialGuardianship, m);
    }
    expect(exits).toBeGreaterThan(100);
    expect(Math.abs(paid - 0.3 * exits)).toBeLessThan(4 * Math.sqrt(exits * 0.3 * 0.7));
  });

  it('an allowance stops at the age it is paid to: paid to age 2 for children under 1 at month 0, nothing is paid after month 24; paid to 18, it goes on', () => {
    const months = 48;
    const toTwo = runArms(foundUnderOne(2), months)[0]!;
    const toEighteen = runArms(foundUnderOne(18), months)[0]!;
    let paidEarly = 0;
    for (let m = 1; m <= months; m++) {
      if (m > 24) expect([m, toTwo(M.costAfterCare, m), toTwo(M.afterCareSpecialGuardianship, m)]).toEqual([m, 0, 0]);
      else paidEarly += toTwo(M.costAfterCare, m);
      // The same children and exits either way (the allowance changes no path): to 18, each is paid to the horizon.
      expect(toEighteen(M.claSpecialGuardianship, m)).toBe(toTwo(M.claSpecialGuardianship, m));
    }
    expect(paidEarly).toBeGreaterThan(0);
    const exits = Array.from({ length: months }, (_, i) => toEighteen(M.claSpecialGuardianship, i + 1)).reduce((a, b) => a + b, 0);
    expect(toEighteen(M.afterCareSpecialGuardianship, months)).toBe(exits);
  });
});
