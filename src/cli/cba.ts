// `npm run --silent cba -- <worksheet.json> [--stress] [--runs N] [--seed S]`: a published analysis reproduced line by line (and stress-tested).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatErrors } from '../scenario/parse';
import { worksheetSchema, type Worksheet } from '../scenario/worksheet-schema';
import type { ScenarioError } from '../scenario/check';
import { reproduce, stress } from '../engine';
import { exitQuietlyOnClosedPipe, isEntry, processIo, type CliIo } from './main-helpers';
import { UsageError } from './options';

const USAGE = 'usage: npm run --silent cba -- <worksheet.json> [--stress] [--runs N] [--seed S]';

function loadWorksheet(path: string): Worksheet {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `cannot read worksheet ${path}: no such file` : `${path} is not valid JSON: ${(e as Error).message}`);
  }
  const errors: ScenarioError[] = [];
  const w = worksheetSchema(raw, '', errors);
  if (!w || errors.length) throw new UsageError(`${path} is not a valid worksheet: ${formatErrors(errors).replace(/\n/g, '; ')}`);
  return w;
}

/** Runs `cba` with `argv` (the arguments after the script), printing through `io`; returns the exit code. */
export function main(argv: string[], io: CliIo): number {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, options: { stress: { type: 'boolean' }, runs: { type: 'string' }, seed: { type: 'string' } } });
    } catch (e) {
      throw new UsageError(`${(e as Error).message.split('\n')[0]} (${USAGE})`);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new UsageError(`expected one worksheet file (${USAGE})`);
    const w = loadWorksheet(positionals[0]!);
    const rows = reproduce(w).map(({ item, published, reproduced, difference, source }) => ({ item, published, reproduced, difference, source }));
    if (!values.stress) {
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    const runs = values.runs === undefined ? 2000 : Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000) throw new UsageError(`--runs must be a whole number from 1 to 1000000, got ${JSON.stringify(values.runs)}`);
    io.stdout(`${JSON.stringify({ reproduction: rows, stress: stress(w, runs, values.seed ?? 'worksheet') }, null, 2)}\n`);
    return 0;
  } catch (e) {
    io.stderr(`error: ${(e as Error).message}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = main(process.argv.slice(2), processIo);
}
