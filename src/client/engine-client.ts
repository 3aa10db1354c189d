// The page's engine: a pool of Comlink-wrapped Web Workers, one per spare core.
import { wrap } from 'comlink';
import type { WorkerApi } from '../../workers/engine-api';
import { defaultPoolSize, RunPool, type PoolWorker } from './pool';

/** A Web Worker running the engine; only its type is imported, so the engine ships in the worker bundle only. */
export function browserWorker(): PoolWorker {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });
  const remote = wrap<WorkerApi>(worker);
  // A worker that dies never answers: fail its call instead of leaving it hanging.
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'the worker stopped')));
    worker.addEventListener('messageerror', () => reject(new Error('a message from the worker could not be read')));
  });
  died.catch(() => undefined);
  return {
    simulateBatch: (run, inputs, first, count) => Promise.race([remote.simulateBatch(run, inputs, first, count), died]),
    takeCounts: (run) => Promise.race([remote.takeCounts(run), died]),
    terminate: () => worker.terminate(),
  };
}

let pool: RunPool | undefined;

/** The page's pool: hardwareConcurrency − 1 workers (at least one), kept for the page's life. */
export function enginePool(): RunPool {
  return (pool ??= new RunPool(browserWorker, defaultPoolSize(navigator.hardwareConcurrency || 2)));
}
