// Sensitivity and calibration re-draw what the run drew: for every uncertain input of every shipped scenario, drawnInput equals drawParameters' own draw.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION_INPUTS, withPriors } from '../../../src/engine/analysis/calibrate';
import { ESCALATION_TREND, isShareGroup } from '../../../src/engine/analysis/calibrate-inputs';
import { drawnInput, numericInput, uncertainInputs, withInputDist } from '../../../src/engine/analysis/inputs';
import { drawParameters, WEEKS_PER_MONTH, type DrawnInputs } from '../../../src/engine/sim/params';
import { scenarioInputs } from '../../../src/scenario/inputs';
import { upratingFactors } from '../../../src/scenario/prices';
import type { Scenario } from '../../../src/scenario/schema';
import { DARLINGTON, LEEDS, loadScenario, SMALL } from '../../helpers/scenarios';

const SCENARIOS = [LEEDS, DARLINGTON, SMALL];
const RUNS = [0, 1, 7, 123];
const SEED = 'redraw';

/** The scenario with every fixed number the run draws given a distribution around it (inside its bounds), so every input's stream is checked. */
function everyInputUncertain(s: Scenario): Scenario {
  let out = s;
  for (const input of scenarioInputs(s).all) {
    if (input.kind !== 'quantity' && input.kind !== 'duration part') continue;
    const node = input.node;
    if (typeof node === 'object' && 'dist' in node) continue;
    const value = typeof node === 'number' ? node : node.value;
    if (!(value > 0)) continue;
    out = withInputDist(out, input.path, { dist: 'uniform', min: value * 0.9, max: Math.min(input.bounds.max ?? Infinity, value * 1.1) });
  }
  return out;
}

function expectRedrawsMatch(s: Scenario): number {
  const inputs = uncertainInputs(s);
  expect(inputs.length).toBeGreaterThan(0);
  for (const run of RUNS) {
    const drawn: DrawnInputs = new Map();
    drawParameters(s, SEED, run, drawn);
    for (const input of inputs) {
      expect(drawn.has(input.path), `run ${run} never drew ${input.path}`).toBe(true);
      expect(drawnInput(input, SEED, run), `${input.path}, run ${run}`).toBe(drawn.get(input.path));
    }
  }
  return inputs.length;
}

describe('the inputs a run drew', () => {
  for (const file of SCENARIOS) {
    it(`${file}: every uncertain input re-drawn for sensitivity is the value the run drew`, () => {
      expectRedrawsMatch(loadScenario(file));
    });

    it(`${file}: so is every other number of the scenario, given a distribution`, () => {
      const s = loadScenario(file);
      const all = everyInputUncertain(s);
      expect(expectRedrawsMatch(all)).toBeGreaterThan(40);
    });
  }

  it('records each input before uprating and unit conversion, and each branch share', () => {
    const s = loadScenario(LEEDS);
    const drawn: DrawnInputs = new Map();
    const p = drawParameters(s, SEED, 3, drawn);
    expect(drawParameters(s, SEED, 3)).toEqual(p);
    // Pre-proceedings' effect on care is by intention to treat: the run makes it per conference held with the uptake.
    const itt = drawn.get('fgc.effects.byOfferPoint.preProceedings.rrEntryToCare')!;
    const uptake = drawn.get('fgc.effects.byOfferPoint.preProceedings.uptake')!;
    expect(p.fgc.effects[2]!.rrEntryToCare).toBe(Math.max(0, 1 - (1 - itt) / uptake));
    expect(drawn.get('fgc.effects.byOfferPoint.referral.rrEntryToCare')).toBe(p.fgc.effects[0]!.rrEntryToCare);
    expect(drawn.get('fgc.maxWaitWeeks')).toBe(6); // in weeks, where the run uses months
    expect(p.fgc.maxWaitMonths).toBe(6 / WEEKS_PER_MONTH);
    const referral = upratingFactors(s).factors.get('costs.process.referral')!;
    expect(referral).not.toBe(1);
    expect(drawn.get('costs.process.referral')).toBe(117); // at its 2009/10 price, where the run's is uprated
    expect(p.costs.referral).toBe(117 * referral);
    const claShares = scenarioInputs(s).tree.pathway.cla.exits;
    expect(claShares.keys.map((k) => drawn.get(`pathway.cla.exits.shares.${k}`))).toEqual(Array.from(p.exits.cla));
    // Every input the walk lists is recorded, except the initial counts (read, never drawn).
    const notRecorded = scenarioInputs(s).all.filter((i) => i.kind !== 'shares' && !drawn.has(i.path));
    expect(notRecorded.map((i) => i.kind)).toEqual(['count', 'count', 'count', 'count']);
  });

  it("calibration's default inputs are numeric inputs of every shipped scenario, and it refuses any other path", () => {
    // Numeric inputs, except the trend (added at 0 where a scenario has none) and a group of shares (fitted as a whole).
    for (const file of SCENARIOS) {
      for (const path of DEFAULT_CALIBRATION_INPUTS) {
        if (isShareGroup(path)) expect(path).toMatch(/^pathway\.\w+\.exits$/);
        else if (path !== ESCALATION_TREND) expect(numericInput(loadScenario(file), path), `${file}: ${path}`).toBeDefined();
      }
    }
    expect(() => withPriors(loadScenario(SMALL), ['simulation.runs'])).toThrow('simulation.runs: not a numeric input of this scenario');
    expect(() => withPriors(loadScenario(SMALL), ['pathway.cla.placements'])).toThrow('pathway.cla.placements: not a numeric input of this scenario, nor a group of branch shares');
    // The trend is added at 0 with a prior of ±0.2 a year; a group of shares is drawn at most 150 concentrated.
    const primed = withPriors(loadScenario(SMALL), [ESCALATION_TREND, 'pathway.assessment.exits']);
    expect(primed.pathway.escalationTrendPerYear).toMatchObject({ dist: 'uniform', min: -0.2, max: 0.2, unit: 'fraction/year' });
    expect(primed.pathway.assessment.exits.concentration).toBe(150);
  });
});
