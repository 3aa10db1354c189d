// The page's SSDA903 import: one Comlink-wrapped Web Worker, started when first used. The files' text goes to the
// worker by postMessage (a structured clone inside the tab), never over the network.
import { wrap, type Remote } from 'comlink';
import type { ImportApi, ImportView } from '../../workers/import-903-api';

let remote: Remote<ImportApi> | undefined;

/** Reads the files in the worker; with a base scenario, its care part is fitted to them too. */
export async function importInWorker(files: { name: string; text: string }[], base?: unknown): Promise<ImportView> {
  remote ??= wrap<ImportApi>(new Worker(new URL('../../workers/import-903.worker.ts', import.meta.url), { type: 'module' }));
  return remote.importFiles(files, base);
}

export type { ImportView };
