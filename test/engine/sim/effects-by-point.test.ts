// Issue 22, points 1 and 2: each offer point has its own effects, and an effect measured by intention to treat (of a
// referral, as the trial measured it) is made per conference held by Bloom's estimator with the uptake.
import { describe, expect, it } from 'vitest';
import { perConference } from '../../../src/scenario/effect-presets';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { effectsEverywhere } from '../../helpers/effects';
import { SMALL, variant } from '../../helpers/scenarios';

const RUN = { runs: 10, months: 36, seed: 'points' };
const share = (value: number) => ({ eligibleShare: { value, unit: 'share', source: 'test' } });

/** The small council, one big arm offering only at `point`, an effect on care only for FGCs held at pre-proceedings. */
function offeringAt(point: 'referral' | 'preProceedings', edit: (raw: any) => void = () => undefined) {
  return variant(SMALL, (raw) => {
    raw.arms.options = [{ name: 'Big', coordinatorsFte: 40 }];
    raw.fgc.offerPoints = { referral: share(point === 'referral' ? 1 : 0), icpc: share(0), preProceedings: share(point === 'preProceedings' ? 1 : 0), inCare: share(0) };
    raw.fgc.effects = effectsEverywhere({ fadeHalfLifeMonths: 1e6 });
    raw.fgc.effects.byOfferPoint.preProceedings.rrEntryToCare.value = 0.5;
    raw.fgc.acceptance = { value: 1, unit: 'probability', source: 'test' };
    raw.fgc.conversion = { value: 1, unit: 'probability', source: 'test' };
    // Half of CP plans go on to pre-proceedings, so that offers there are many.
    raw.pathway.cp.exits.shares = { preProceedings: 0.5, cin: 0.3, close: 0.2 };
    edit(raw);
  });
}

describe('effects by offer point', () => {
  it('an FGC held when a CIN plan starts carries the CIN point’s effects (none here), not pre-proceedings’', () => {
    const s = runSimulation(offeringAt('referral'), RUN);
    expect(s.arms[1]!.totals.fgcHeld.mean).toBeGreaterThan(100);
    expect(s.arms[1]!.series.claEntries).toEqual(s.arms[0]!.series.claEntries);
    expect(s.arms[1]!.series.cla).toEqual(s.arms[0]!.series.cla);
  });

  it('an FGC held at pre-proceedings carries pre-proceedings’ effect on care', () => {
    const s = runSimulation(offeringAt('preProceedings'), RUN);
    expect(s.arms[1]!.totals.fgcHeld.mean).toBeGreaterThan(20);
    expect(s.arms[1]!.totals.claEntries.mean).toBeLessThan(s.arms[0]!.totals.claEntries.mean - 5);
  });

  it('an effect by intention to treat is run per conference held: 1 − (1 − RR) / uptake, exactly', () => {
    expect(perConference(0.81, 0.75)).toBeCloseTo(1 - 0.19 / 0.75, 15);
    expect(perConference(0.81, 1)).toBeCloseTo(0.81, 15);
    const itt = runSimulation(
      offeringAt('preProceedings', (raw) => {
        const pp = raw.fgc.effects.byOfferPoint.preProceedings;
        pp.rrEntryToCare = { value: 0.81, unit: 'relative risk', source: 'test', grade: 'randomised trial', measure: 'intention to treat' };
        pp.uptake = { value: 0.75, unit: 'share', source: 'test', grade: 'assumption' };
      }),
      RUN,
    );
    const perHeld = runSimulation(offeringAt('preProceedings', (raw) => (raw.fgc.effects.byOfferPoint.preProceedings.rrEntryToCare.value = perConference(0.81, 0.75))), RUN);
    expect(itt.arms[1]!.series.claEntries).toEqual(perHeld.arms[1]!.series.claEntries);
    // Taken as if per conference, the same 0.81 avoids fewer care entries.
    const naive = runSimulation(offeringAt('preProceedings', (raw) => (raw.fgc.effects.byOfferPoint.preProceedings.rrEntryToCare.value = 0.81)), RUN);
    expect(naive.arms[1]!.totals.claEntries.mean).toBeGreaterThan(itt.arms[1]!.totals.claEntries.mean);
  });

  it('a drawn uptake below the referral effect’s risk reduction is refused, naming both (not cut to no risk at all)', () => {
    const scenario = offeringAt('preProceedings', (raw) => {
      const pp = raw.fgc.effects.byOfferPoint.preProceedings;
      pp.rrEntryToCare = { value: 0.5, unit: 'relative risk', source: 'test', grade: 'randomised trial', measure: 'intention to treat' };
      pp.uptake = { value: 0.4, unit: 'share', source: 'test', grade: 'assumption' };
    });
    expect(() => runSimulation(scenario, { ...RUN, runs: 1 })).toThrow(
      /^fgc\.effects\.byOfferPoint\.preProceedings\.uptake: run 0 drew an uptake of 0\.4, below the risk reduction of the referral's effect at fgc\.effects\.byOfferPoint\.preProceedings\.rrEntryToCare \(1 − 0\.5\)/,
    );
    expect(perConference(0.5, 0.4)).toBe(0); // what the run would otherwise have used: no risk of care at all
  });
});
