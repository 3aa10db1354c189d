// Issue 22, point 1: in care, an FGC's effect is a hazard ratio on returning home. The routes out of care share one
// clock (issue 25 gives each its own), so a route's cause-specific hazard is its share of that clock's hazard:
// multiplying returning home's by HR multiplies the whole by 1 + share × (HR − 1) from the conference on, and
// returning home takes share × HR / (1 + share × (HR − 1)) of the exits. A stay is moved on its own uniform
// (S'(x) = S(from) (S(x) / S(from))^factor), so common random numbers hold and the arm's stay is monotone in the draw.
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { Sojourn } from '../../../src/engine/sim/sojourn';
import { effectsEverywhere, offerAt } from '../../helpers/effects';
import { SMALL, variant } from '../../helpers/scenarios';

const fixed = (value: number, unit: string) => ({ value, unit, source: 'test' });
const shares = (s: Record<string, number>) => ({ shares: s, source: 'test' });
const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('a stay whose hazard is multiplied from a time on', () => {
  const kinds: [string, Sojourn][] = [
    ['lognormal', Sojourn.lognormal(42, 46)],
    ['gamma', Sojourn.gamma(20, 12)],
    ['Weibull', Sojourn.weibull(30, 0.8)],
    ['empirical', Sojourn.empirical([0, 6, 12, 36, 120], [0.3, 0.2, 0.3, 0.2])],
  ];
  for (const [name, d] of kinds) {
    it(`has survival S(from) (S(x) / S(from))^factor after it, is unchanged before it, and is monotone (${name})`, () => {
      const from = 3;
      const factor = 2;
      // A stratified grid of uniforms: the empirical survival of the moved stays is exact to about 1 / n.
      const n = 20_000;
      const moved = new Float64Array(n);
      let last = 0;
      for (let i = 0; i < n; i++) {
        const stay = d.quantile((i + 0.5) / n);
        moved[i] = d.hazardScaled(stay, from, factor);
        if (stay <= from) expect(moved[i]).toBe(stay);
        expect(moved[i]!).toBeGreaterThanOrEqual(last - 1e-9);
        last = moved[i]!;
      }
      const survival = (x: number) => 1 - d.cdf(x);
      for (const x of [6, 12, 24, 48]) {
        const observed = moved.filter((t) => t > x).length / n;
        const expected = survival(from) * Math.pow(survival(x) / survival(from), factor);
        expect(Math.abs(observed - expected)).toBeLessThan(3 / n);
      }
      expect(d.hazardScaled(10, from, 1)).toBe(10);
    });
  }
});

describe('an FGC in care and returning home', () => {
  /**
   * One-child families offered an FGC (ample coordinators) either on entering care straight from assessment, or as
   * a CIN plan starts, before care (the plan then ends in care or closes).
   */
  function families(where: 'inCare' | 'beforeCare', hrReturnHome: number) {
    return variant(SMALL, (raw) => {
      raw.demand.childrenPerFamily.sharesBySize = [1];
      raw.initialStocks = { cin: fixed(0, 'children'), cp: fixed(0, 'children'), preProceedings: fixed(0, 'children'), cla: fixed(0, 'children') };
      if (where === 'inCare') raw.pathway.assessment.exits = shares({ cla: 1, cp: 0, cin: 0, noFurtherAction: 0 });
      else {
        raw.pathway.assessment.exits = shares({ cla: 0, cp: 0, cin: 1, noFurtherAction: 0 });
        raw.pathway.cin.exits = shares({ cla: 0.5, cp: 0, close: 0.5 });
        raw.pathway.cin.duration = { family: 'gamma', mean: 2, sd: 0.5, unit: 'months', source: 'test' };
      }
      raw.pathway.cla.duration = { family: 'lognormal', mean: 12, sd: 10, unit: 'months', source: 'test' };
      raw.pathway.cla.exits = shares({ returnHome: 0.28, specialGuardianship: 0.18, adoption: 0.16, leavingCare: 0.38 });
      raw.pathway.closed.reReferralProbability = fixed(0, 'probability');
      offerAt(raw, where === 'inCare' ? 'inCare' : 'referral');
      raw.fgc.effects = effectsEverywhere({ hrReturnHome, fadeHalfLifeMonths: 1e6 });
    });
  }
  const inCare = (hr: number) => families('inCare', hr);
  const beforeCare = (hr: number) => families('beforeCare', hr);

  it('after an FGC before care, a hazard ratio below 1 keeps children in care longer and fewer return home (was lost: the stay was cut back)', () => {
    const runs = 10;
    const [none, ample] = runSimulation(beforeCare(0.5), { runs, months: 36, seed: 'before care' }).arms;
    expect(ample!.totals.fgcHeld.mean).toBeGreaterThan(500);
    // The same families enter care at the same times (no other effect): only their stays and routes change.
    expect(ample!.series.claEntries).toEqual(none!.series.claEntries);
    const exits = total(ample!.series.claExits.mean) * runs;
    const expected = (0.28 * 0.5) / (1 + 0.28 * -0.5);
    const sd = Math.sqrt((expected * (1 - expected)) / exits);
    expect(exits).toBeGreaterThan(3000);
    expect(Math.abs(total(ample!.series.claReturnsHome.mean) * runs / exits - expected)).toBeLessThan(5 * sd);
    // The whole hazard is × 0.86 (on each stay's own draw, so no stay ends sooner): never fewer in care, and more by the end.
    for (let m = 1; m <= 36; m++) expect(ample!.series.cla.mean[m]!).toBeGreaterThanOrEqual(none!.series.cla.mean[m]!);
    expect(ample!.series.cla.mean[36]! - none!.series.cla.mean[36]!).toBeGreaterThan(10);
  });

  it('returning home takes share × HR / (1 + share × (HR − 1)) of the exits, and children leave care sooner', () => {
    const runs = 10;
    const s = runSimulation(inCare(2), { runs, months: 36, seed: 'home' });
    const [none, ample] = s.arms;
    expect(ample!.totals.fgcHeld.mean).toBeGreaterThan(500);
    const exits = total(ample!.series.claExits.mean) * runs;
    const home = total(ample!.series.claReturnsHome.mean) * runs;
    // The route is drawn apart from the time, so the share among the exits seen by the horizon is the route's share
    // (but for the few who left in the week before their conference, at 0.28): binomial error.
    const expected = (0.28 * 2) / (1 + 0.28);
    const sd = Math.sqrt((expected * (1 - expected)) / exits);
    expect(exits).toBeGreaterThan(5000);
    expect(Math.abs(home / exits - expected)).toBeLessThan(5 * sd);
    // Without the FGC, 0.28.
    const homeNone = total(none!.series.claReturnsHome.mean) / total(none!.series.claExits.mean);
    expect(Math.abs(homeNone - 0.28)).toBeLessThan(5 * Math.sqrt((0.28 * 0.72) / (total(none!.series.claExits.mean) * runs)));
    // The whole hazard is 1.28 × from the conference on: fewer children in care at every month-end after the first.
    for (let m = 2; m <= 36; m++) expect(ample!.series.cla.mean[m]!).toBeLessThan(none!.series.cla.mean[m]!);
    // A hazard ratio of 1 is no effect: the arm is the counterfactual.
    const same = runSimulation(inCare(1), { runs: 2, months: 24, seed: 'home' }).arms;
    expect(same[1]!.series.cla).toEqual(same[0]!.series.cla);
  });
});
