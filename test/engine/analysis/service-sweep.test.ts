// A sweep of a caseload service's workers (issue 31, RunOptions.capacityOf): on Leeds's Partners in Practice scenario,
// each step is option 1 as it is with the Restorative Early Support teams' workers set, so the 0-FTE step is the
// counterfactual (the same coordinators, no teams) and the 41.5-FTE step option 1, run for run; the answer reads the
// teams' workers and the children they take on a year.
import { describe, expect, it } from 'vitest';
import { coordinatorAnswer, SERVICE_SWEEP_RUN_SERIES } from '../../../src/engine/analysis/sweep';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { loadScenario } from '../../helpers/scenarios';

const PIP = 'scenarios/leeds-2019-partners-in-practice.json';
const runs = 6;
const seed = 'service-sweep';
const months = 24;

describe('a sweep of a caseload service’s workers', () => {
  const s = loadScenario(PIP);
  const summary = runSimulation(s, { runs, seed, months, capacity: [0, 20.75, 41.5], capacityLike: 1, capacityOf: 'res', keepRunSeries: [...SERVICE_SWEEP_RUN_SERIES] });
  const answer = coordinatorAnswer(summary, 'res');

  it('steps through the workers’ FTE, saying which service it swept', () => {
    expect(answer.service).toBe('res');
    expect(answer.steps.map((x) => x.fte)).toEqual([0, 20.75, 41.5]);
    expect(answer.reference).toBe(s.arms.counterfactual.name);
    expect(answer.steps.map((x) => x.fte)).toContain(answer.range.from);
    expect(answer.reason).not.toMatch(/coordinator/);
  });

  it('a step of 0 workers is the counterfactual, run for run (the same coordinators, no teams)', () => {
    expect(s.arms.options[0]!.coordinatorsFte).toBe(s.arms.counterfactual.coordinatorsFte);
    expect(summary.arms[1]!.runs!.cost).toEqual(summary.arms[0]!.runs!.cost);
    expect(answer.steps[0]!.throughputPerYear.mean).toBe(0);
  });

  it('a step at the option’s 41.5 FTE is option 1 run alone, run for run', () => {
    const alone = runSimulation({ ...s, arms: { ...s.arms, options: [s.arms.options[0]!] } }, { runs, seed, months });
    expect(s.arms.options[0]!.services?.res?.workersFte).toBe(41.5);
    expect(summary.arms[3]!.runs!.cost).toEqual(alone.arms[1]!.runs!.cost);
  });

  it('takes on more children a year with more workers', () => {
    const taken = answer.steps.map((x) => x.throughputPerYear.mean);
    expect(taken[1]!).toBeGreaterThan(taken[0]!);
    expect(taken[2]!).toBeGreaterThan(taken[1]!);
  });

  it('refuses a service the scenario does not declare, naming it', () => {
    expect(() => runSimulation(s, { runs: 2, months, capacity: [1], capacityLike: 1, capacityOf: 'nope' })).toThrow(RangeError);
    expect(() => runSimulation(s, { runs: 2, months, capacity: [1], capacityLike: 1, capacityOf: 'nope' })).toThrow(/"nope"/);
  });
});
