// Loading scenario files for the command-line entries.
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../scenario/parse';
import { UsageError } from './options';

/** Reads and validates a scenario file; problems become one UsageError line. */
export function loadScenario(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read scenario file ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}`);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    const n = parsed.errors.length;
    const detail = parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new UsageError(`${path} is not a valid scenario (${n} problem${n === 1 ? '' : 's'}): ${detail}`);
  }
  return parsed.value;
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
export async function runCommand(body: () => Promise<void>, cleanup: () => void = () => {}): Promise<number> {
  try {
    await body();
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`error: internal failure: ${(e as Error).message}\n`);
    return 1;
  } finally {
    cleanup();
  }
}
