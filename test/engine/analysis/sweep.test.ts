import { describe, expect, it } from 'vitest';
import { capacitySteps, coordinatorAnswer, rangeWords, recommend, SWEEP_RUN_SERIES, type StepOutcome } from '../../../src/engine/analysis/sweep';
import { loadScenario, SMALL } from '../../helpers/scenarios';
import { centralScenario } from '../../../src/engine/analysis/inputs';
import { runSimulation } from '../../../src/engine/sim/simulate';

const step = (fte: number, mean: number, next?: number): StepOutcome => ({ fte, netSaving: { mean }, ...(next === undefined ? {} : { next: { chancePays: next, meanPerFte: 0, fte: fte + 1 } }) });

describe('capacity steps', () => {
  it('takes whole steps, ending at the top of the range', () => {
    expect(capacitySteps(0, 4, 1)).toEqual([0, 1, 2, 3, 4]);
    expect(capacitySteps(2, 7, 2)).toEqual([2, 4, 6, 7]);
    expect(capacitySteps(40, 41, 0.5)).toEqual([40, 40.5, 41]);
  });

  it('names what is wrong with a range it cannot sweep', () => {
    expect(() => capacitySteps(5, 5, 1)).toThrow(/must end above where it starts \(5 FTE\), got 5/);
    expect(() => capacitySteps(0, 100, 1)).toThrow(/101 steps; at most 41/);
    expect(() => capacitySteps(0, 4, 0)).toThrow(/step must be at least 0\.1 FTE, got 0/);
  });
});

describe('the recommended range (by hand)', () => {
  it('runs from where the next coordinator stops being a safe bet (< 80%) to where it is more likely a loss (< 50%)', () => {
    const r = recommend([step(0, 0, 0.95), step(1, 10, 0.85), step(2, 18, 0.7), step(3, 20, 0.55), step(4, 21, 0.4), step(5, 19)], 10);
    expect(r.range).toEqual({ from: 2, to: 4 });
    expect(r.bestFte).toBe(4);
    expect(r.reason).toContain('Up to 2 FTE each step');
    expect(r.reason).toContain('from 4 to 5 FTE the next pays in only 40%');
  });

  it('says to fund no more when the first step already does not pay', () => {
    const r = recommend([step(2, -5, 0.3), step(3, -9, 0.2), step(4, -14)], 10);
    expect(r.range).toEqual({ from: 2, to: 2 });
    expect(r.reason).toContain('fund no more than 2 FTE');
    // A caseload service's sweep speaks of its workers.
    expect(r.reason).toContain('the added coordinators pay');
    expect(recommend([step(2, -5, 0.3), step(3, -9, 0.2), step(4, -14)], 10, 'worker').reason).toContain('the added workers pay');
  });

  it('says to sweep higher when every next coordinator still pays at the top', () => {
    const r = recommend([step(0, 0, 0.99), step(1, 5, 0.9), step(2, 9)], 10);
    expect(r.range).toEqual({ from: 2, to: 2 });
    expect(r.reason).toContain('sweep higher');
    expect(r.openTop).toBe(true);
    expect(rangeWords(r)).toBe('2 FTE or more (the top of the sweep: sweep higher)');
    expect(rangeWords(recommend([step(0, 0, 0.95), step(1, 10, 0.7), step(2, 12, 0.3), step(3, 9)], 10))).toBe('1 to 2 FTE');
  });
});

describe('the coordinator answer on the engine', () => {
  it('gives each step its next coordinator’s chance as the share of paired runs whose NPV rises, and a 0-FTE step the counterfactual', async () => {
    let s = centralScenario(loadScenario(SMALL));
    s = { ...s, simulation: { ...s.simulation, horizonMonths: 24 } };
    const ftes = [0, 1, 2, 4];
    const summary = await runSimulation(s, { runs: 24, seed: 'answer', capacity: ftes, keepRunSeries: [...SWEEP_RUN_SERIES] });
    const answer = coordinatorAnswer(summary);
    expect(answer.steps.map((x) => x.fte)).toEqual(ftes);
    for (let i = 0; i + 1 < ftes.length; i++) {
      const here = summary.finance.comparisons[i]!.npvRuns;
      const there = summary.finance.comparisons[i + 1]!.npvRuns;
      const share = here.filter((v, r) => there[r]! > v).length / here.length;
      expect(answer.steps[i]!.next!.chancePays).toBe(share);
    }
    expect(answer.steps.at(-1)!.next).toBeUndefined();
    // Whatever the counterfactual's FTE, FGCs held a year rise with the coordinators.
    expect(answer.steps[3]!.throughputPerYear.mean).toBeGreaterThan(answer.steps[0]!.throughputPerYear.mean);
    expect(answer.steps.map((x) => x.fte)).toContain(answer.range.from);
    expect(answer.range.to).toBeGreaterThanOrEqual(answer.range.from);
  });
});

describe('capacity steps like an option', () => {
  it('a step at an option’s FTE, copying its offer points and throughput, is that option run for run', async () => {
    const raw = loadScenario(SMALL);
    const option = { ...raw.arms.options[0]!, offerPoints: { referral: 0.2, icpc: 0.9 }, conferencesPerFtePerYear: { value: 31, unit: 'conferences/FTE/year', source: 'test' } };
    delete (option as { rampUp?: unknown }).rampUp;
    const s = { ...raw, simulation: { ...raw.simulation, horizonMonths: 24 }, arms: { ...raw.arms, options: [option] } };
    const direct = await runSimulation(s, { runs: 8, seed: 'like' });
    const swept = await runSimulation(s, { runs: 8, seed: 'like', capacity: [option.coordinatorsFte], capacityLike: 1 });
    const plain = await runSimulation(s, { runs: 8, seed: 'like', capacity: [option.coordinatorsFte] });
    expect(swept.arms[1]!.runs!.cost).toEqual(direct.arms[1]!.runs!.cost);
    expect(swept.arms[1]!.runs!.fgcHeld).toEqual(direct.arms[1]!.runs!.fgcHeld);
    expect(plain.arms[1]!.runs!.fgcHeld).not.toEqual(direct.arms[1]!.runs!.fgcHeld);
    expect(() => runSimulation(s, { runs: 2, capacity: [1], capacityLike: 2 })).toThrow(/capacityLike names the scenario's option 2, but it has options 1 to 1/);
  });
});
