// What an FGC does to a family's path, each effect on its own, compared run by run with the counterfactual.
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { effectsEverywhere, type TestEffects } from '../../helpers/effects';
import { SMALL, variant } from '../../helpers/scenarios';

/** The small council with one big service arm and these FGC effects at every offer point (none where not given). */
function withEffects(effects: TestEffects, edit: (raw: any) => void = () => undefined) {
  return variant(SMALL, (raw) => {
    raw.arms.options = [{ name: 'Big', coordinatorsFte: 30 }];
    raw.fgc.effects = effectsEverywhere(effects);
    raw.costs.fgcService.coordinatorAnnualCost = { value: 0, unit: 'GBP/year', priceYear: '2015/16', source: 'test' };
    edit(raw);
  });
}
const RUN = { runs: 30, months: 36, seed: 'effects' };

describe('FGC effects', () => {
  it('with every effect off, conferences are held but every path is the counterfactual’s', () => {
    const s = runSimulation(withEffects({}), RUN);
    expect(s.arms[1]!.totals.fgcHeld.mean).toBeGreaterThan(100);
    for (const metric of ['cla', 'cp', 'cin', 'claEntries', 'referrals'] as const) expect(s.arms[1]!.series[metric]).toEqual(s.arms[0]!.series[metric]);
    // Cost is the same up to float rounding: the arm takes each family's path out and puts it back.
    s.arms[1]!.series.cost.mean.forEach((x, m) => expect(Math.abs(x - s.arms[0]!.series.cost.mean[m]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, x)));
  });

  it('a lower relative risk of entering care avoids care entries; a fast fade takes most of that away', () => {
    const lasting = runSimulation(withEffects({ rrEntryToCare: 0.5 }), RUN);
    const fleeting = runSimulation(
      withEffects({ rrEntryToCare: 0.5, fadeHalfLifeMonths: 0.05 }),
      RUN,
    );
    const avoided = (s: typeof lasting) => s.arms[0]!.totals.claEntries.mean - s.arms[1]!.totals.claEntries.mean;
    expect(avoided(lasting)).toBeGreaterThan(3);
    expect(avoided(fleeting)).toBeLessThan(avoided(lasting) / 3);
  });

  it('a shorter time in the system lowers CIN and CP stocks', () => {
    const s = runSimulation(withEffects({ timeInSystemFactor: 0.5 }), RUN);
    const last = RUN.months;
    expect(s.arms[1]!.series.cin.mean[last]!).toBeLessThan(s.arms[0]!.series.cin.mean[last]! - 5);
    expect(s.arms[1]!.series.cp.mean[last]!).toBeLessThan(s.arms[0]!.series.cp.mean[last]!);
  });

  it('a larger kinship share moves FGC families’ care entries into kinship placements', () => {
    const s = runSimulation(withEffects({ kinshipShareOfCareEntries: 1 }), RUN);
    const last = RUN.months;
    expect(s.arms[1]!.series.claKinship.mean[last]!).toBeGreaterThan(s.arms[0]!.series.claKinship.mean[last]!);
    // Placement changes the cost, not how many are in care.
    expect(s.arms[1]!.series.cla).toEqual(s.arms[0]!.series.cla);
  });

  it('a conference arranged after the case has closed does not happen', () => {
    const s = runSimulation(
      withEffects({}, (raw) => {
        raw.fgc.weeksToConference = { family: 'lognormal', mean: 150, sd: 10, unit: 'weeks', source: 'test' };
        raw.fgc.maxWaitWeeks = { value: 10_000, unit: 'weeks', source: 'test' };
      }),
      { ...RUN, months: 48 },
    );
    const arm = s.arms[1]!;
    const allocated = arm.series.fgcAllocated.mean.slice(1, 13).reduce((a, b) => a + b, 0);
    const held = arm.series.fgcHeld.mean.slice(36).reduce((a, b) => a + b, 0);
    // Most CIN cases close within three years, so few of those meetings can take place.
    expect(held).toBeLessThan(allocated * 0.5);
  });
});
