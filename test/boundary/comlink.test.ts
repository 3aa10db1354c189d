// The worker boundary: the engine API over Comlink returns exactly what it returns in process (structured clone, transfer).
import { MessageChannel } from 'node:worker_threads';
import { expose, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { engineApi } from '../../src/engine/sim/api';
import { planRun } from '../../src/engine/results/plan';
import { RunSet, summariseRuns } from '../../src/engine/results/run-set';
import { workerApi, type WorkerApi } from '../../workers/engine-api';
import { loadScenario, SMALL } from '../helpers/scenarios';

describe('Comlink boundary over a MessageChannel', () => {
  const { port1, port2 } = new MessageChannel();
  expose(workerApi, nodeEndpoint(port2));
  const remote = wrap<WorkerApi>(nodeEndpoint(port1));
  afterAll(() => {
    port1.close();
    port2.close();
  });
  const small = loadScenario(SMALL);

  it('runSimulation returns exactly the in-process result', async () => {
    const options = { runs: 5, months: 8, seed: 'boundary' };
    expect(await remote.runSimulation(small, options)).toEqual(engineApi.runSimulation(small, options));
  });

  it('simulateBlock returns the same typed arrays, transferred', async () => {
    const plan = planRun(small, { runs: 6, months: 5 });
    const remoteBlock = await remote.simulateBlock(small, plan, 2, 3);
    const local = engineApi.simulateBlock(small, plan, 2, 3);
    expect(remoteBlock.arms[0]).toBeInstanceOf(Float64Array);
    expect(remoteBlock).toEqual(local);
  });

  it('batches whose counts stay in the worker, handed over later, summarise exactly as in process', async () => {
    const plan = planRun(small, { runs: 6, months: 5, seed: 'boundary batches' });
    const set = new RunSet(plan);
    // The run's scenario and plan cross once; the second batch uses the worker's copy.
    set.addRows(await remote.simulateBatch('boundary-1', { scenario: small, plan }, 3, 3));
    set.addRows(await remote.simulateBatch('boundary-1', undefined, 0, 3));
    const counts = await remote.takeCounts('boundary-1');
    expect(counts.cells).toBeInstanceOf(Uint32Array);
    set.addCounts(counts);
    const local = new RunSet(plan);
    local.add(engineApi.simulateBlock(small, plan, 0, 6));
    expect(summariseRuns(small, set)).toEqual(summariseRuns(small, local));
  });

  it('validation problems cross as values, not throws', async () => {
    const result = await remote.parseScenario({ schemaVersion: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('name');
  });
});
