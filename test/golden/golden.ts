// The outputs that must not change while the engine is reorganised: each command's stdout, as SHA-256.
// `npx tsx test/golden/golden.ts --write` records them (as real processes) in checksums.json; golden.test.ts recomputes them.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main as calibrate } from '../../src/cli/calibrate';
import { main as cba } from '../../src/cli/cba';
import { main as simulate } from '../../src/cli/main';
import { isEntry, type CliIo } from '../../src/cli/main-helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHECKSUMS = fileURLToPath(new URL('./checksums.json', import.meta.url));

const LEEDS = 'scenarios/leeds-2015-family-valued.json';
const DARLINGTON = 'scenarios/darlington-2019.json';
const WORKSHEETS = ['leeds-family-valued-2017', 'leeds-partners-in-practice-2020', 'leeds-scrutiny-2015'].map((w) => `scenarios/published/${w}.json`);
const FIXED = ['--runs', '200', '--seed', 'golden'];

/** Each command as `[entry, ...argv]`, entry one of the CLI's scripts. */
export const COMMANDS: string[][] = [
  ['simulate', LEEDS, ...FIXED],
  ['simulate', LEEDS, ...FIXED, '--format', 'csv'],
  ['simulate', DARLINGTON, ...FIXED],
  ['simulate', DARLINGTON, ...FIXED, '--format', 'csv'],
  ['simulate', LEEDS, ...FIXED, '--sensitivity'],
  ['calibrate', LEEDS, ...FIXED],
  ['calibrate', DARLINGTON, ...FIXED],
  ...WORKSHEETS.map((w) => ['cba', w]),
  ...WORKSHEETS.map((w) => ['cba', w, '--stress', '--runs', '2000', '--seed', 'golden']),
];

/** Each script's main, to run a command in-process: `main(argv, io)`, printing what the script prints. */
export const MAINS: Record<string, (argv: string[], io: CliIo) => number | Promise<number>> = { simulate, calibrate, cba };

/** The command as a user types it. */
export function commandLine(command: string[]): string {
  return `npm run --silent ${command.join(' ')}`;
}

/** SHA-256 of what the command prints, run as `npm run` runs it. */
export function checksum(command: string[]): string {
  const [script, ...argv] = command;
  const result = spawnSync('npm', ['run', '--silent', script!, '--', ...argv], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${commandLine(command)} exited ${result.status}: ${result.stderr}`);
  return sha256(result.stdout);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function recorded(): Record<string, string> {
  return JSON.parse(readFileSync(CHECKSUMS, 'utf8'));
}

if (isEntry(import.meta.url) && process.argv.includes('--write')) {
  const sums: Record<string, string> = {};
  for (const command of COMMANDS) sums[commandLine(command)] = checksum(command);
  writeFileSync(CHECKSUMS, `${JSON.stringify(sums, null, 2)}\n`);
  console.log(`${CHECKSUMS}: ${COMMANDS.length} checksums`);
}
