// The command line's pool: the same RunPool over Node worker threads.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerApi } from '../../workers/engine-api';
import { defaultPoolSize, RunPool, type PoolWorker } from '../client/pool';
import { bundledModule } from './bundle';

const THREAD_ENTRY = new URL('./engine-thread.ts', import.meta.url);

/** A worker thread running the engine: the thread entry and the engine bundled into one module. */
export function threadWorker(): PoolWorker {
  const worker = new Worker(bundledModule(THREAD_ENTRY));
  const remote = wrap<WorkerApi>(nodeEndpoint(worker));
  const died = new Promise<never>((_, reject) => {
    worker.on('error', (e) => reject(e));
    worker.on('exit', (code) => reject(new Error(`the worker thread exited (code ${code})`)));
  });
  died.catch(() => undefined);
  return {
    simulateBatch: (job, inputs, first, count) => Promise.race([remote.simulateBatch(job, inputs, first, count), died]),
    takeCounts: (job) => Promise.race([remote.takeCounts(job), died]),
    terminate: () => void worker.terminate(),
  };
}

/** Cores − 1, at least 1. */
function defaultThreads(): number {
  return defaultPoolSize(availableParallelism());
}

export function threadPool(size = defaultThreads()): RunPool {
  return new RunPool(threadWorker, size);
}
