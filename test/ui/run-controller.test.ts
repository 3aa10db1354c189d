// The page's run controller on a fake engine: one job at a time, a queue in order, a newer job of a kind replacing
// the older, an edit stopping the jobs on the old scenario and sparing the rest, and one wording for every end.
import { describe, expect, it } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RunController, jobWords, type Engine } from '../../src/ui/run-controller';
import type { RunSummary } from '../../src/engine';
import type { Scenario } from '../../src/scenario/schema';

/** An engine whose every simulate waits until the test resolves it; cancel rejects the one in flight. */
function fakeEngine() {
  const calls: Array<{ seed: string; resolve: (s: RunSummary) => void; reject: (e: Error) => void }> = [];
  const engine: Engine = {
    simulate: (_scenario, options) => new Promise<RunSummary>((resolve, reject) => calls.push({ seed: options.seed ?? '', resolve, reject })),
    cancel: (reason = 'the run was cancelled') => {
      for (const c of calls.splice(0)) c.reject(Object.assign(new Error(reason), { name: 'CancelledError' }));
    },
  };
  return { engine, calls };
}

function host(): ReactiveControllerHost & { updates: number } {
  return { updates: 0, addController: (_c: ReactiveController) => undefined, removeController: () => undefined, requestUpdate() { this.updates++; }, updateComplete: Promise.resolve(true) };
}

const scenario = {} as Scenario;
const tick = () => new Promise((r) => setTimeout(r, 0));
const summary = { runs: 1 } as RunSummary;

describe('the run controller', () => {
  it('runs one job at a time: the second waits in the queue, named, and starts when the first ends', async () => {
    const { engine, calls } = fakeEngine();
    const jobs = new RunController(host(), () => engine);
    const first = jobs.run('Tornado', async ({ evaluate }) => void (await evaluate(scenario, { seed: 'tornado' })));
    const second = jobs.run('Main run', async ({ simulate }) => void (await simulate(scenario, { seed: 'main' })));
    await tick();
    expect(calls.map((c) => c.seed)).toEqual(['tornado']);
    expect(jobWords(jobs.state, 'Main run')).toBe('Main run: waiting for the tornado to finish (1 of 1 in the queue)');
    calls[0]!.resolve(summary);
    expect(await first).toBe(true);
    await tick();
    expect(calls.map((c) => c.seed)).toEqual(['tornado', 'main']);
    expect(jobWords(jobs.state, 'Tornado')).toBe('Tornado: done.');
    calls[1]!.resolve(summary);
    expect(await second).toBe(true);
    expect(jobs.state.running).toBeUndefined();
  });

  it('a newer job of the same kind stops the one running, saying why, and runs', async () => {
    const { engine, calls } = fakeEngine();
    const jobs = new RunController(host(), () => engine);
    const older = jobs.run('Main run', async ({ simulate }) => void (await simulate(scenario, { seed: 'a' })));
    await tick();
    const newer = jobs.run('Main run', async ({ simulate }) => void (await simulate(scenario, { seed: 'b' })));
    expect(await older).toBe(false);
    await tick();
    expect(calls.map((c) => c.seed)).toEqual(['b']);
    calls[0]!.resolve(summary);
    expect(await newer).toBe(true);
  });

  it('an edit stops the job on the old scenario and drops those waiting on it, but not a job on another scenario', async () => {
    const { engine, calls } = fakeEngine();
    const jobs = new RunController(host(), () => engine);
    const sweep = jobs.run('Coordinator sweep', async ({ simulate }) => void (await simulate(scenario, { seed: 'sweep' })));
    const check = jobs.run('Council check', async ({ simulate }) => void (await simulate(scenario, { seed: 'check' })), { bound: false });
    const tornado = jobs.run('Tornado', async ({ simulate }) => void (await simulate(scenario, { seed: 'tornado' })));
    await tick();
    jobs.scenarioChanged('the scenario was edited');
    expect(await sweep).toBe(false);
    expect(await tornado).toBe(false);
    expect(jobWords(jobs.state, 'Coordinator sweep')).toBe('Coordinator sweep stopped: the scenario was edited.');
    expect(jobWords(jobs.state, 'Tornado')).toBe('Tornado stopped: the scenario was edited.');
    await tick();
    expect(calls.map((c) => c.seed)).toEqual(['check']);
    calls[0]!.resolve(summary);
    expect(await check).toBe(true);
  });

  it('words a failure and a job too large the same way for every kind', async () => {
    const { engine } = fakeEngine();
    const jobs = new RunController(host(), () => engine);
    expect(await jobs.run('Calibration', async () => { throw new Error('no observed series'); })).toBe(false);
    expect(jobWords(jobs.state, 'Calibration')).toBe('Calibration failed: no observed series');
    expect(await jobs.run('Main run', async () => { throw Object.assign(new Error('10,000 runs keep 2 GB'), { name: 'JobTooLargeError' }); })).toBe(false);
    expect(jobWords(jobs.state, 'Main run')).toBe('Main run is too large for a browser tab: 10,000 runs keep 2 GB');
  });

  it('an evaluator queues each call as a job and rejects a call that was stopped', async () => {
    const { engine, calls } = fakeEngine();
    const jobs = new RunController(host(), () => engine);
    const evaluate = jobs.evaluator('Council check');
    const first = evaluate(scenario, { seed: 'one' });
    await tick();
    calls[0]!.resolve(summary);
    expect(await first).toBe(summary);
    const second = evaluate(scenario, { seed: 'two' });
    await tick();
    jobs.cancel('Council check', 'cancelled');
    await expect(second).rejects.toThrow('Council check stopped: cancelled.');
  });
});
