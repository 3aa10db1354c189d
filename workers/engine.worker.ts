// The engine's worker entry: exposes the engine API with Comlink, nothing else.
import { expose } from 'comlink';
import { engineApi } from '../src/engine/api';

// The explicit endpoint matters: Comlink's default (globalThis) hangs under @vitest/web-worker.
expose(engineApi, self);
