// The page's engine: a pool of Comlink-wrapped Web Workers, one per spare core.
import { proxy, wrap } from 'comlink';
import type { WorkerApi } from '../../workers/engine-api';
import { pagePoolSize, RunPool, type PoolWorker } from './pool';

/** A Web Worker running the engine; only its type is imported, so the engine ships in the worker bundle only. */
function browserWorker(): PoolWorker {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });
  const remote = wrap<WorkerApi>(worker);
  // A worker that dies never answers: fail its call instead of leaving it hanging.
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'the worker stopped')));
    worker.addEventListener('messageerror', () => reject(new Error('a message from the worker could not be read')));
  });
  died.catch(() => undefined);
  return {
    simulateBatch: (job, inputs, first, count, beat) => Promise.race([remote.simulateBatch(job, inputs, first, count, beat ? proxy(beat) : undefined), died]),
    beats: true,
    takeCounts: (job) => Promise.race([remote.takeCounts(job), died]),
    terminate: () => worker.terminate(),
  };
}

/**
 * The most results a job may keep in the tab, bytes: an eighth of the device's memory as the browser
 * reports it (navigator.deviceMemory, in GB, at most 8; 4 if it does not say), so 1 GB on most
 * desktops. `npm run tab-memory` measured the tab's peak at about three times its results (288–297 MB
 * above its start for 93.5 MB), so the peak stays under about two fifths of the memory. 10,000 runs ×
 * 3 arms × 120 months keep 88 MB (runSetBytes).
 */
export function tabResultBytes(deviceMemoryGb: number | undefined): number {
  return (deviceMemoryGb && deviceMemoryGb > 0 ? deviceMemoryGb : 4) * 125e6;
}

let pool: RunPool | undefined;

/** The page's pool: as many workers as the browser reports cores (pagePoolSize), kept for the page's life. */
export function enginePool(): RunPool {
  return (pool ??= new RunPool(browserWorker, pagePoolSize(navigator.hardwareConcurrency || 2), tabResultBytes((navigator as { deviceMemory?: number }).deviceMemory)));
}
