// `npm run --silent cba -- <worksheet.json> [--stress] [--runs N] [--seed S]`: a published analysis reproduced line by line (and stress-tested).
import { readFileSync, statSync } from 'node:fs';
import { decodeUtf8 } from '../scenario/file-text';
import { formatErrors, printable } from '../scenario/parse';
import { worksheetSchema, type Worksheet } from '../scenario/worksheet-schema';
import { guarded, type ScenarioError } from '../scenario/check';
import { reproduce, stress } from '../engine';
import { exitQuietlyOnClosedPipe, isEntry, MAX_SCENARIO_FILE_BYTES, processIo, runCommand, type CliIo } from './main-helpers';
import { parseFlags, UsageError, wholeNumber } from './options';

const USAGE = 'usage: npm run --silent cba -- <worksheet.json> [--stress] [--runs N] [--seed S]';

function loadWorksheet(path: string): Worksheet {
  let bytes: Uint8Array;
  try {
    const size = statSync(path).size;
    if (size > MAX_SCENARIO_FILE_BYTES) throw new UsageError(`${path} is ${(size / 1e6).toFixed(0)} MB, more than a worksheet can be (${MAX_SCENARIO_FILE_BYTES / 1e6} MB)`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read worksheet ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}`);
  }
  const text = decodeUtf8(bytes);
  if (!text.ok) throw new UsageError(`${path} ${text.errors}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text.value);
  } catch (e) {
    throw new UsageError(`${path} is not valid JSON: ${printable((e as Error).message)}`);
  }
  const errors: ScenarioError[] = [];
  const w = guarded(worksheetSchema, raw, '', errors);
  if (!w || errors.length) throw new UsageError(`${path} is not a valid worksheet: ${formatErrors(errors).replace(/\n/g, '; ')}`);
  return w;
}

/** Runs `cba` with `argv` (the arguments after the script), printing through `io`; resolves to the exit code (runCommand: one line, 2 for a user's mistake). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, path } = parseFlags(argv, { stress: { type: 'boolean' }, runs: { type: 'string' }, seed: { type: 'string' } }, USAGE, 'the worksheet file');
    const w = loadWorksheet(path);
    const rows = reproduce(w).map(({ item, published, reproduced, difference, source }) => ({ item, published, reproduced, difference, source }));
    if (!values.stress) {
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    const runs = values.runs === undefined ? 2000 : wholeNumber('--runs', values.runs, 1, 1_000_000);
    io.stdout(`${JSON.stringify({ reproduction: rows, stress: stress(w, runs, values.seed ?? 'worksheet') }, null, 2)}\n`);
  });
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), processIo);
}
