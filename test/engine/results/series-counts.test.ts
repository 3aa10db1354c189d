// Workers' histograms handed over and merged give exactly the bands of folding the runs in one place.
import { describe, expect, it } from 'vitest';
import { BatchFolder } from '../../../src/engine/sim/batch-folder';
import { planRun } from '../../../src/engine/results/plan';
import { RunSet, runRows, summariseRuns } from '../../../src/engine/results/run-set';
import { simulateBlock } from '../../../src/engine/sim/simulate';
import { loadScenario, SMALL } from '../../helpers/scenarios';

const small = loadScenario(SMALL);
const plan = planRun(small, { runs: 18, months: 12, seed: 'tally' });
const whole = new RunSet(plan);
whole.add(simulateBlock(small, plan, 0, plan.runs));
const expected = summariseRuns(small, whole);

describe('counts kept in the workers and merged on the page', () => {
  it('give the same summary as folding whole blocks, for any split, order and number of hand-overs', () => {
    const workers = [new BatchFolder(), new BatchFolder()];
    const set = new RunSet(plan);
    // Worker 0 takes runs 0–5 and 12–17, worker 1 runs 6–11; counts handed over twice by worker 0.
    set.addRows(workers[0]!.simulate('job-1', { scenario: small, plan }, 12, 6));
    set.addRows(workers[1]!.simulate('job-1', { scenario: small, plan }, 6, 6));
    set.addCounts(workers[0]!.take('job-1'));
    set.addRows(workers[0]!.simulate('job-1', undefined, 0, 6)); // the job's inputs came with its first batch
    set.addCounts(workers[1]!.take('job-1'));
    set.addCounts(workers[0]!.take('job-1'));
    set.addCounts(workers[1]!.take('job-1')); // nothing new: an empty hand-over
    expect(set.complete).toBe(plan.runs);
    expect(summariseRuns(small, set)).toEqual(expected);
  });

  it('a worker reusing its rows for the next job of the same shape still counts exactly', () => {
    const worker = new BatchFolder();
    const other = planRun(small, { runs: 18, months: 12, seed: 'another seed' });
    worker.simulate('job-1', { scenario: small, plan: other }, 0, 18); // fills the rows with another job's values, never taken
    const set = new RunSet(plan);
    set.addRows(worker.simulate('job-2', { scenario: small, plan }, 0, 18));
    set.addCounts(worker.take('job-2'));
    expect(summariseRuns(small, set)).toEqual(expected);
    expect(worker.take('job-1').runs).toHaveLength(0); // job-1's counts were dropped when job-2 began
  });

  it('a partial summary covers only the runs whose counts have arrived', () => {
    const worker = new BatchFolder();
    const set = new RunSet(plan);
    set.addRows(worker.simulate('job-1', { scenario: small, plan }, 0, 4));
    set.addCounts(worker.take('job-1'));
    set.addRows(worker.simulate('job-1', undefined, 4, 3));
    expect([set.done, set.complete]).toEqual([7, 4]);
    const partial = summariseRuns(small, set);
    const firstFour = new RunSet(plan);
    firstFour.add(simulateBlock(small, plan, 0, 4));
    // Everything but the work done (family-months simulated, which counts all seven runs).
    expect({ ...partial, diagnostics: undefined }).toEqual({ ...summariseRuns(small, firstFour), diagnostics: undefined });
    expect(partial.runs).toBe(4);
  });

  it('a batch without the run\'s inputs uses the ones its run brought, and is refused with a message for a run the worker has none of', () => {
    const worker = new BatchFolder();
    expect(() => worker.simulate('job-1', undefined, 0, 2)).toThrow('a batch of job job-1 came without its scenario and plan, and this worker holds none for that job');
    const other = planRun(small, { runs: 18, months: 12, seed: 'another seed' });
    worker.simulate('job-1', { scenario: small, plan: other }, 0, 2);
    // job-2 must bring its own: the worker never runs it on job-1's plan.
    expect(() => worker.simulate('job-2', undefined, 2, 2)).toThrow('a batch of job job-2 came without its scenario and plan');
    const set = new RunSet(plan);
    set.addRows(worker.simulate('job-2', { scenario: small, plan }, 0, 9));
    set.addRows(worker.simulate('job-2', undefined, 9, 9));
    set.addCounts(worker.take('job-2'));
    expect(summariseRuns(small, set)).toEqual(expected);
  });

  it('refuses counts that come before their rows, or twice', () => {
    const worker = new BatchFolder();
    const set = new RunSet(plan);
    const rows = worker.simulate('job-1', { scenario: small, plan }, 2, 3);
    const counts = worker.take('job-1');
    expect(() => set.addCounts(counts)).toThrow('the counts of run 2 came before its rows');
    set.addRows(rows);
    set.addCounts(counts);
    expect(() => set.addCounts(counts)).toThrow('the counts of run 2 came twice');
    expect(() => set.addRows(runRows(plan, simulateBlock(small, plan, 4, 1)))).toThrow(/run 4 .* already added/);
  });
});
