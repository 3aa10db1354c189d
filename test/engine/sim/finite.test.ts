// No NaN, Infinity or null in a result: a run whose inputs are too extreme fails, naming the input where it can.
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { parseScenario } from '../../../src/scenario/parse';
import type { Scenario } from '../../../src/scenario/schema';
import { loadScenario, readJson, SMALL } from '../../helpers/scenarios';

/**
 * The small council with `edit` applied after validation: the validator now refuses each of these
 * inputs (issue 21, point 2; checked here), so the run's own guard is tested on a scenario that
 * bypasses it, as the engine's defence in depth.
 */
function variant(_file: string, edit: (s: any) => void): Scenario {
  const raw = structuredClone(readJson(SMALL)) as any;
  edit(raw);
  expect(parseScenario(raw).ok, 'the validator refuses this input').toBe(false);
  const s = structuredClone(loadScenario(SMALL)) as any;
  edit(s);
  return s;
}

const OPTIONS = { runs: 2, months: 6, seed: 'finite' };

describe('results are finite numbers or the run fails', () => {
  it('a lognormal duration whose sigma overflows names the duration', () => {
    const s = variant(SMALL, (raw) => {
      raw.pathway.cla.duration.sd = 1e200;
    });
    expect(() => runSimulation(s, OPTIONS)).toThrow(/^pathway\.cla\.duration: in run 0 its (mu|sigma) works out at -?Infinity, not a finite number.*: the duration's inputs are too extreme$/);
  });

  it('a gamma duration whose shape overflows names the duration', () => {
    const s = variant(SMALL, (raw) => {
      raw.pathway.cp.duration = { ...raw.pathway.cp.duration, family: 'gamma', mean: 1e200, sd: 1e-200 };
    });
    expect(() => runSimulation(s, OPTIONS)).toThrow(/^pathway\.cp\.duration: in run 0 its shape works out at Infinity, not a finite positive number/);
  });

  it('a weekly cost of 1e308 names the cost (a month of it overflows)', () => {
    const s = variant(SMALL, (raw) => {
      raw.costs.perChild.cla.residential.marginal.value = 1e308;
    });
    expect(() => runSimulation(s, OPTIONS)).toThrow(/^costs\.perChild\.cla\.residential\.marginal: (uprated to the reporting year it is Infinity|a month of it is Infinity), not a finite number of pounds$/);
  });

  it('coordinators of 1e308 FTE make a cost that is not finite: the run fails naming the arm, series and month', () => {
    const s = variant(SMALL, (raw) => {
      raw.arms.options[0].coordinatorsFte = 1e308;
    });
    expect(() => runSimulation(s, OPTIONS)).toThrow(/^run 0, arm "Two coordinators": \w+ in month \d+ is (-?Infinity|NaN), not a finite number: an input is too extreme for the model/);
  });
});
