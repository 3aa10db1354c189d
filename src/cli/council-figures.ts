// `npm run --silent council-figures -- <name or code> [--year Y] [--format json|csv]`: one council's published
// figures for a year (its latest when no year is given), each with its DfE file and column, and what is missing.
import { council, type CouncilFigures } from '../councils/council';
import { csvCell } from '../engine';
import { exitQuietlyOnClosedPipe, isEntry, processIo, runCommand, type CliIo } from './main-helpers';
import { parseFlags, UsageError, wholeNumber } from './options';

const USAGE = 'usage: npm run --silent council-figures -- <council name or DfE code> [--year YYYY] [--format json|csv]';

/** The CSV columns: the figure, its value and unit, why it is missing (if it is), and where it was read (file, column, rows, repository, commit, blob, path). */
export const CSV_COLUMNS = ['code', 'council', 'year', 'figure', 'value', 'unit', 'missing_reason', 'file', 'column', 'rows', 'repository', 'commit', 'blob', 'path', 'attribution'] as const;

/** One line per figure: the value, its unit and its source; then the missing figures with an empty value and the reason; the attribution in its own column. */
export function figuresCsv(f: CouncilFigures): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const x of f.figures) {
    const rows = Object.entries(x.source.where ?? {}).map(([k, v]) => `${k}=${v}`).join('; ');
    const s = x.source;
    lines.push([f.code, f.name, f.year, x.key, x.value, x.unit, '', s.file, s.column, rows, s.repository, s.commit, s.blob ?? '', s.decoded ? `${s.path} (decoded to CSV)` : s.path, f.attribution].map(csvCell).join(','));
  }
  for (const m of f.missing) lines.push([f.code, f.name, f.year, m.key, '', '', m.reason, '', '', '', '', '', '', '', f.attribution].map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

/** Runs `council-figures` with `argv` (the arguments after the script), printing through `io`; resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, path: name } = parseFlags(argv, { year: { type: 'string' }, format: { type: 'string' } }, USAGE, 'a council name or code', true);
    const year = values.year === undefined ? undefined : wholeNumber('--year', values.year, 1900, 2100);
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, got ${JSON.stringify(format)}`);
    const found = council(name, year);
    if (!found.ok) throw new UsageError(found.error);
    io.stdout(format === 'csv' ? figuresCsv(found.value) : `${JSON.stringify(found.value, null, 2)}\n`);
  });
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), processIo);
}
