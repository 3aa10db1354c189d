// A first FGC changes nothing before it: re-walking a family from the stay that holds the conference must
// change an arm exactly as re-walking the whole path does.
import { describe, expect, it } from 'vitest';
import { Accumulators, monthlyCostByClass } from '../../../src/engine/sim/accumulators';
import { CandidateList } from '../../../src/engine/sim/candidates';
import { FamilySimulator } from '../../../src/engine/sim/family';
import { ResumePoints } from '../../../src/engine/sim/resume-points';
import { makeRunContext } from '../../../src/engine/sim/run-context';
import { effectsEverywhere } from '../../helpers/effects';
import { LEEDS, loadScenario, SMALL, variant, withRoutes } from '../../helpers/scenarios';

const NONE = new Float64Array(0);

/** Every series an arm's accumulators hold, as one array. */
function contents(acc: Accumulators): number[] {
  return [acc.stockDiff, acc.correction, acc.costDirect, acc.flows, acc.ledger!, acc.familiesDiff!].flatMap((a) => Array.from(a)).concat(acc.familyMonths);
}

/** Offers made after time c, in order, as comparable rows. */
function offersAfter(list: CandidateList, c: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < list.length; i++) {
    if (list.time(i) > c) rows.push([list.time(i), list.family(i), list.state(i), list.eligibilityDraw(i), list.episode(i), list.caseClose(i)]);
  }
  return rows;
}

describe('resuming a family path at the stay that holds its first FGC', () => {
  // The third: every conference in care's offer point, with a hazard ratio on returning home there (a stay in care
  // moved on its own draw, from the conference on, for families found in care at month 0 as for later entrants).
  const cases = [
    ['small council', loadScenario(SMALL), undefined],
    ['Leeds', loadScenario(LEEDS), undefined],
    ['Leeds, in care, returning home × 1.5', variant(LEEDS, (raw) => (raw.fgc.effects = effectsEverywhere({ hrReturnHome: 1.5, rrEntryToCare: 0.8, fadeHalfLifeMonths: 12 }))), Uint8Array.of(3)],
    // Each child in care on its own clocks: the hazard ratio on each child's clock of returning home; a time-in-care factor.
    [
      'Leeds, each child on its own clocks, in care, returning home × 1.5',
      variant(LEEDS, (raw) => {
        withRoutes(raw);
        raw.fgc.effects = effectsEverywhere({ hrReturnHome: 1.5, rrEntryToCare: 0.8, fadeHalfLifeMonths: 12 });
      }),
      Uint8Array.of(3),
    ],
    [
      'Leeds, each child on its own clocks, a time-in-care factor',
      variant(LEEDS, (raw) => {
        withRoutes(raw);
        raw.fgc.effects = effectsEverywhere({ timeInCareFactor: 0.8, rrEntryToCare: 0.8, fadeHalfLifeMonths: 12 });
      }),
      Uint8Array.of(3),
    ],
  ] as const;
  for (const [name, scenario, offerPoints] of cases) {
    it(`changes the arm exactly as re-walking the whole path (${name})`, () => {
      const months = 36;
      const ctx = makeRunContext(scenario, 'resume', 3, months);
      const families = new FamilySimulator(ctx);
      const offers = new CandidateList();
      const points = new ResumePoints().clear(ctx.totalFamilies);
      const rates = monthlyCostByClass(ctx.params.costs, ctx.params.placement);
      const shared = new Accumulators(months, rates, true);
      for (let f = 0; f < ctx.totalFamilies; f++) families.simulate(f, NONE, 0, 1, shared, offers, points);

      const offered = new Set(Array.from({ length: offers.length }, (_, i) => offers.family(i)));
      // Every offer carries its family's record, whose points are that family's.
      for (let i = 0; i < offers.length; i++) {
        const record = offers.familyRecord(i);
        expect(record).toBeGreaterThanOrEqual(0);
        expect(points.familyRecordOf(offers.family(i))).toBe(record);
      }
      let checked = 0;
      let largest = 0;
      for (let f = 0; f < ctx.totalFamilies && checked < 400; f++) {
        const first = points.first(f);
        if (first < 0) continue;
        // Points exist only for families that made an offer, from that offer on.
        expect(offered.has(f)).toBe(true);
        for (let i = first; i < points.end(f); i++) {
          const c = (points.time(i) + Math.min(points.exit(i), months)) / 2;
          if (!(c > points.time(i)) || c >= months) continue;
          expect(points.holding(f, c)).toBe(i);
          const conference = Float64Array.of(c);

          const whole = new Accumulators(months, rates, true);
          const wholeOffers = new CandidateList();
          families.simulate(f, NONE, 0, -1, whole, null);
          const heldWhole = families.simulate(f, conference, 1, 1, whole, wholeOffers, null, offerPoints);

          const resumed = new Accumulators(months, rates, true);
          const resumedOffers = new CandidateList();
          families.resume(f, points, i, NONE, 0, -1, resumed, null);
          const heldResumed = families.resume(f, points, i, conference, 1, 1, resumed, resumedOffers, offerPoints);

          expect(heldResumed).toBe(heldWhole);
          const a = contents(whole);
          const b = contents(resumed);
          // The whole-path walk adds and removes its unchanged prefix: equal up to that rounding (£ to 1e-6).
          b.forEach((x, j) => (largest = Math.max(largest, Math.abs(x - a[j]!))));
          expect(offersAfter(resumedOffers, c)).toEqual(offersAfter(wholeOffers, c));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(50);
      expect(largest).toBeLessThan(1e-6);
    });
  }

  it('finds no point for a time outside every recorded stay', () => {
    const points = new ResumePoints().clear(2);
    points.push(1, 3, 1, 2, 1, 0);
    points.assign(0, 0, 1);
    expect(points.holding(0, 0.5)).toBe(-1);
    expect(points.holding(0, 1)).toBe(0);
    expect(points.holding(0, 3)).toBe(-1);
    expect(points.holding(1, 2)).toBe(-1);
  });
});
