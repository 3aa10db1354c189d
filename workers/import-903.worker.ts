// The SSDA903 import's browser worker: exposes the import API with Comlink, nothing else.
import { expose } from 'comlink';
import { importApi } from './import-903-api';

// The explicit endpoint matters: Comlink's default (globalThis) hangs under @vitest/web-worker.
expose(importApi, self);
