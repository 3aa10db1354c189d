// Runs a command-line entry for tests: its main in-process with the output captured, or `npm run` as a real process.
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { vi } from 'vitest';
import type { CliIo } from '../../src/cli/main-helpers';
import { ROOT } from './scenarios';

export interface CliResult {
  /** The exit code (null if a real process was killed by a signal). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A command's exported main: `simulate`, `calibrate`, `cba` or `observed`. */
export type CliMain = (argv: string[], io: CliIo) => number | Promise<number>;

/**
 * Calls `main(argv, io)` in this process and returns what it printed. It fails if the command wrote to
 * the process's own stdout or stderr around `io` (what `npm run` would print that this capture would miss).
 */
export async function runInProcess(main: CliMain, argv: string[]): Promise<CliResult> {
  // The commands read and write files relative to the working directory, which `npm run` sets to the root.
  if (realpathSync(process.cwd()) !== realpathSync(ROOT)) throw new Error(`the command-line tests run from the project root ${ROOT}, not ${process.cwd()}`);
  let stdout = '';
  let stderr = '';
  const direct = [vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write')];
  try {
    const code = await main(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
    const around = direct.flatMap((spy) => spy.mock.calls.map((call) => String(call[0]).slice(0, 200)));
    if (around.length) throw new Error(`the command wrote to the process's own streams, not through io: ${JSON.stringify(around)}`);
    return { code, stdout, stderr };
  } finally {
    for (const spy of direct) spy.mockRestore();
  }
}

/** `npm run --silent <script> -- ...argv` from the project root as a real process: the documented command as a user types it. */
export function runNpm(script: string, argv: string[]): CliResult {
  const result = spawnSync('npm', ['run', '--silent', script, '--', ...argv], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
