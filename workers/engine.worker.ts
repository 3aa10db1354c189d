// The engine's browser worker entry: exposes the engine API with Comlink, nothing else.
import { expose } from 'comlink';
import { workerApi } from './engine-api';

// The explicit endpoint matters: Comlink's default (globalThis) hangs under @vitest/web-worker.
expose(workerApi, self);
