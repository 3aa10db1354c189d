// Issue 22, point 3: each FGC effect acts once, on what it claims to change. A pathway where every referral goes to
// CP, CP goes on to pre-proceedings or closes, and pre-proceedings ends in care or a CIN plan that closes: with an
// FGC at the ICPC, the chance of entering care is RR × the chance without one (not RR², as when the effect also
// acted on CP → pre-proceedings); a shorter time in the system shortens only stays that close the case, and a
// re-referral after one comes when it would have, so it never brings an escalation forward (before: with only that
// effect on, Leeds's care entries rose by 8 in 60 months).
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { effectsEverywhere, offerAt } from '../../helpers/effects';
import { LEEDS, SMALL, variant } from '../../helpers/scenarios';

const fixed = (value: number, unit: string) => ({ value, unit, source: 'test' });
const shares = (s: Record<string, number>) => ({ shares: s, source: 'test' });
const RUN = { runs: 30, months: 36, seed: 'once' };
/** P(care | CP without an FGC): CP → pre-proceedings, then pre-proceedings → care. */
const TO_PP = 0.5;
const PP_TO_CARE = 0.6;

/** Every family referred goes to CP and is offered an FGC at the ICPC, held about a week later; `edit` sets the effects. */
function routeToCare(effects: { rrCare?: number; timeFactor?: number }) {
  return variant(SMALL, (raw) => {
    raw.initialStocks = { cin: fixed(0, 'children'), cp: fixed(0, 'children'), preProceedings: fixed(0, 'children'), cla: fixed(0, 'children') };
    raw.pathway.assessment.exits = shares({ cla: 0, cp: 1, cin: 0, noFurtherAction: 0 });
    raw.pathway.cin.exits = shares({ cla: 0, cp: 0, close: 1 });
    raw.pathway.cp.duration = { family: 'gamma', mean: 12, sd: 2, unit: 'months', source: 'test' };
    raw.pathway.cp.exits = shares({ preProceedings: TO_PP, cin: 0, close: 1 - TO_PP });
    raw.pathway.preProceedings.exits = shares({ cla: PP_TO_CARE, cp: 0, cin: 1 - PP_TO_CARE });
    raw.pathway.closed.reReferralProbability = fixed(0, 'probability');
    offerAt(raw, 'icpc');
    raw.fgc.effects = effectsEverywhere({ rrEntryToCare: effects.rrCare, timeInSystemFactor: effects.timeFactor, fadeHalfLifeMonths: 1e6 });
  });
}

const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('each FGC effect acts once', () => {
  it('families on CP → pre-proceedings → care with an FGC enter care with probability RR × that without one (not RR²)', () => {
    const rr = 0.5;
    const s = runSimulation(routeToCare({ rrCare: rr }), RUN);
    const [none, big] = s.arms;
    // Every family that reached care in the counterfactual was given an FGC in the arm (the service never runs out).
    expect(big!.totals.fgcHeld.mean).toBeGreaterThan(0.98 * total(none!.series.referrals.mean) / 1.85 * 0.9);
    const entries0 = total(none!.series.claEntries.mean) * RUN.runs;
    const entries1 = total(big!.series.claEntries.mean) * RUN.runs;
    const ratio = entries1 / entries0;
    // With common random numbers a treated family enters care iff its own uniform falls below RR × its share: the
    // arm's entries are a binomial thinning of the counterfactual's (in families), by p = RR. Children count each
    // family by its size, which widens the spread by E[size²]/E[size]² (this council's family sizes: 1.31).
    const families = entries0 / 1.85;
    const sd = Math.sqrt((rr * (1 - rr) * 1.31) / families);
    expect(families).toBeGreaterThan(3_000);
    expect(Math.abs(ratio - rr)).toBeLessThan(5 * sd);
    // Acting twice (on CP → pre-proceedings as well) would give RR² = 0.25, far outside that.
    expect(Math.abs(ratio - rr * rr)).toBeGreaterThan(20 * sd);
  });

  it('a shorter time in the system never brings an escalation forward: care and CP entries are the counterfactual’s, exactly', () => {
    const s = runSimulation(routeToCare({ timeFactor: 0.5 }), RUN);
    const [none, big] = s.arms;
    expect(big!.totals.fgcHeld.mean).toBeGreaterThan(100);
    expect(big!.series.claEntries).toEqual(none!.series.claEntries);
    // Here every CP entry is a referral's (no re-referral, no CIN → CP): the same in both arms.
    expect(big!.series.referrals).toEqual(none!.series.referrals);
    expect(big!.series.preProceedings).toEqual(none!.series.preProceedings);
    // What it does change: families whose CP plan closes the case leave sooner.
    const last = RUN.months;
    expect(big!.series.cp.mean[last]!).toBeLessThan(none!.series.cp.mean[last]! - 10);
  });

  it('in Leeds, with only the effect on time, every entry (referrals, care) is the counterfactual’s, run for run, and CIN falls', () => {
    const s = runSimulation(
      variant(LEEDS, (raw) => {
        raw.fgc.effects = effectsEverywhere({ timeInSystemFactor: 0.702, fadeHalfLifeMonths: 24 });
        // Against no service: the arms with one.
        raw.arms.counterfactual = { name: 'No FGC service', coordinatorsFte: 0 };
        raw.arms.options = raw.arms.options.filter((a: { coordinatorsFte: number }) => a.coordinatorsFte > 0);
        delete raw.observed.arm;
      }),
      { runs: 20, months: 60, seed: 'time' },
    );
    const [none, ...options] = s.arms;
    for (const arm of options) {
      expect(arm.totals.fgcHeld.mean).toBeGreaterThan(1_000);
      expect(arm.runs!.claEntries).toEqual(none!.runs!.claEntries);
      expect(arm.series.referrals).toEqual(none!.series.referrals);
      expect(arm.series.cin.mean[60]!).toBeLessThan(none!.series.cin.mean[60]!);
    }
  });
});
