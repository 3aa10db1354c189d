// Issue 22, point 4 (in part): conferences per coordinator can differ by arm. Darlington's 2 facilitators held 11
// FGCs a quarter and its 6 held 41: 22 and 27.3 a facilitator a year cannot both come from one shared draw.
import { describe, expect, it } from 'vitest';
import { scenarioInputs } from '../../../src/scenario/inputs';
import { drawParameters } from '../../../src/engine/sim/params';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { loadScenario, SMALL, variant } from '../../helpers/scenarios';

const DARLINGTON = 'scenarios/darlington-2019.json';
const fixed = (value: number) => ({ value, unit: 'conferences/FTE/year', source: 'test' });

describe("an arm's own throughput", () => {
  it('is an input of the walk at its arm path, drawn from its own stream, the shared one left as it was', () => {
    const s = loadScenario(DARLINGTON);
    const paths = scenarioInputs(s).all.map((i) => i.path);
    expect(paths).toContain('arms.counterfactual.conferencesPerFtePerYear');
    expect(paths).toContain('arms.options[0].conferencesPerFtePerYear');
    const p = drawParameters(s, 'arms', 3);
    const [before, after] = p.fgc.conferencesPerFteByArm;
    expect(before).toBeGreaterThanOrEqual(15.4);
    expect(before).toBeLessThanOrEqual(28.6);
    expect(after).toBeGreaterThanOrEqual(23.1);
    expect(after).toBeLessThanOrEqual(31.6);
    // Removing the arms' own figures does not move the shared draw (every input has its own stream).
    const shared = drawParameters(variant(DARLINGTON, (raw) => delete raw.arms.options[0].conferencesPerFtePerYear), 'arms', 3);
    expect(shared.fgc.conferencesPerFtePerYear).toBe(p.fgc.conferencesPerFtePerYear);
    expect(shared.fgc.conferencesPerFteByArm[1]).toBeUndefined();
  });

  it("sets that arm's slots and nothing else: with the service always full, FGCs held follow FTE × its own figure", () => {
    const full = (armFigure?: number) =>
      runSimulation(
        variant(SMALL, (raw) => {
          raw.fgc.conferencesPerFtePerYear = fixed(24);
          raw.arms.options = [
            { name: 'Own', coordinatorsFte: 1, ...(armFigure ? { conferencesPerFtePerYear: fixed(armFigure) } : {}) },
            { name: 'Shared', coordinatorsFte: 1 },
          ];
          raw.fgc.maxWaitWeeks = { value: 10_000, unit: 'weeks', source: 'test' };
        }),
        { runs: 4, months: 24, seed: 'throughput' },
      );
    const own = full(48);
    const shared = full();
    const held = (s: typeof own, a: number) => s.arms[a]!.totals.fgcHeld.mean;
    // One coordinator at 24 a year holds about 2 a month; at 48, about 4 (a queue is always waiting).
    expect(held(shared, 1)).toBeGreaterThan(30);
    expect(held(own, 1) / held(shared, 1)).toBeGreaterThan(1.8);
    expect(held(own, 2)).toBe(held(shared, 2));
  });

  it('a capacity sweep (arms made from FTEs) uses the shared figure', () => {
    const s = runSimulation(loadScenario(DARLINGTON), { runs: 2, months: 12, seed: 'sweep', capacity: [6] });
    const own = runSimulation(loadScenario(DARLINGTON), { runs: 2, months: 12, seed: 'sweep' });
    expect(s.arms[1]!.totals.fgcHeld).not.toEqual(own.arms[1]!.totals.fgcHeld);
  });
});
