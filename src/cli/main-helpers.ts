// Loading scenario files for the command-line entries, where they print, and how they run as a script.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenarioBytes } from '../scenario/file-text';
import { printable } from '../scenario/parse';
import { UsageError } from './options';

/** The largest scenario file the command line reads, bytes: a scenario is tens of kilobytes; the page takes 1 MB. */
export const MAX_SCENARIO_FILE_BYTES = 100_000_000;

/** Reads and validates a scenario file; problems become one UsageError line. */
export function loadScenario(path: string, io?: CliIo) {
  let bytes: Uint8Array;
  try {
    const size = statSync(path).size;
    if (size > MAX_SCENARIO_FILE_BYTES) throw new UsageError(`${path} is ${(size / 1e6).toFixed(0)} MB, more than a scenario file can be (${MAX_SCENARIO_FILE_BYTES / 1e6} MB)`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read scenario file ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}`);
  }
  const parsed = parseScenarioBytes(bytes);
  if (!parsed.ok) {
    const n = parsed.errors.length;
    const detail = parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new UsageError(`${path} is not a valid scenario (${n} problem${n === 1 ? '' : 's'}): ${detail}`);
  }
  // A file written for an earlier schema is run upgraded; say what changed, on stderr (stdout is the result).
  if (parsed.upgraded && io) io.stderr(`note: ${path} was written for an earlier version and was upgraded to run (the file is unchanged):\n${parsed.upgraded.map((n) => `  - ${n}`).join('\n')}\n`);
  return parsed.value;
}


/** Where a command prints: the process's streams when run as a script, captured strings when called in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The process's own stdout and stderr. */
export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** Whether the module at `moduleUrl` (its import.meta.url) is the script Node was started with, not an import. */
export function isEntry(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** A closed pipe (`| head`) is the reader's choice, not an error: exit quietly. */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

/**
 * Runs a command's body and turns the outcome into an exit code: 0; 2 with one line for a user's
 * mistake (UsageError); 1 with one line for anything else. `cleanup` runs either way.
 */
export async function runCommand(io: CliIo, body: () => Promise<void>, cleanup: () => void = () => {}): Promise<number> {
  try {
    await body();
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`error: ${printable(e.message)}\n`);
      return 2;
    }
    // A run that stopped on an input it cannot use (the engine names the input): the scenario's problem, exit 2.
    const inputProblem = (e as { inputProblem?: unknown }).inputProblem;
    if (typeof inputProblem === 'string') {
      io.stderr(`error: the scenario cannot be run: ${printable(inputProblem)}\n`);
      return 2;
    }
    io.stderr(`error: internal failure: ${printable((e as Error).message)}\n`);
    return 1;
  } finally {
    cleanup();
  }
}
