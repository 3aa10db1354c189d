// The page's handle on the engine: one Comlink-wrapped worker, created lazily.
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from '../engine/api';

let worker: Worker | undefined;
let remote: Remote<EngineApi> | undefined;

/** The engine in a worker; only its type is imported here, so the engine ships in the worker bundle only. */
export function engine(): Remote<EngineApi> {
  if (!remote) {
    worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });
    remote = wrap<EngineApi>(worker);
  }
  return remote;
}

/** Stops the worker (a run in flight is abandoned); the next call makes a new one. */
export function terminateEngine(): void {
  worker?.terminate();
  worker = undefined;
  remote = undefined;
}
