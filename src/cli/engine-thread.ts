// The engine's Node worker-thread entry: exposes the same worker API with Comlink over the thread's port.
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { workerApi } from '../../workers/engine-api';

if (!parentPort) throw new Error('engine-thread.ts runs as a worker thread');
expose(workerApi, nodeEndpoint(parentPort));
