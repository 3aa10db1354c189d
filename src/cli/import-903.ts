// `npm run --silent import-903 -- <header.csv> <episodes.csv> [...] [--council NAME | --base scenario.json] [--out scenario.json]`:
// a council's SSDA903 return (one or several years) read on this machine: each row-level problem on stderr (file,
// row, column, what, whether the row was set aside), what the episodes give as JSON on stdout, and with --out a
// scenario whose care part is fitted to them (on the council's built scenario, or on --base). Exit 0; 2 with one line
// for a user's mistake (a file that cannot be read, none that is an SSDA903 file); 1 otherwise.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCouncilScenario } from '../councils/build-scenario';
import { formatErrors, parseScenario } from '../scenario/parse';
import { fitCareFromEpisodes } from '../ssda903/fit';
import { importReturn } from '../ssda903/import';
import { summariseCare } from '../ssda903/summary';
import { exitQuietlyOnClosedPipe, isEntry, loadScenario, processIo, runCommand, type CliIo } from './main-helpers';
import { UsageError } from './options';
import { checkOutputPath, writeOutputFile } from './output-file';

const USAGE = 'usage: npm run --silent import-903 -- <header.csv> <episodes.csv> [more files] [--council NAME | --base scenario.json] [--out scenario.json]';

export async function main(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { council: { type: 'string' }, base: { type: 'string' }, out: { type: 'string' } } });
    } catch (e) {
      throw new UsageError(`${(e as Error).message.split('\n')[0]} (${USAGE})`);
    }
    const { values, positionals: paths } = parsed;
    if (paths.length === 0) throw new UsageError(`give the header and episodes files (${USAGE})`);
    if (values.council !== undefined && values.base !== undefined) throw new UsageError('give --council or --base, not both');
    if (values.out !== undefined) {
      checkOutputPath('--out', values.out, [...paths, ...(values.base ? [values.base] : [])]);
      if (values.council === undefined && values.base === undefined) throw new UsageError('--out needs a scenario to fit the care part of: give --council NAME (its scenario is built from the council table) or --base scenario.json');
    }
    const files = paths.map((path) => {
      try {
        return { name: basename(path), text: readFileSync(path, 'utf8') };
      } catch (e) {
        throw new UsageError(`${path} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    });
    const imported = importReturn(files);
    if (imported.files.length === 0) throw new UsageError(`none of the files is an SSDA903 header or episodes file: ${imported.problems.map((p) => p.message).join('; ')}`);
    for (const p of imported.problems) io.stderr(`${p.file}:${p.row}${p.column ? ` ${p.column}` : ''}: ${p.message} (${p.setAside ? 'set aside' : 'kept'})\n`);
    const kinds = Object.entries(imported.setAside.byKind).map(([k, n]) => `${n} ${k}`).join(', ');
    io.stderr(`${imported.setAside.rows} row(s) set aside${kinds ? `: ${kinds}` : ''}; ${imported.episodes} episodes of ${imported.children} children used, ${imported.periods.length} periods of care\n`);
    const summary = summariseCare(imported.periods, imported.from, imported.to);
    if (values.out !== undefined) {
      let base: unknown;
      if (values.base !== undefined) base = loadScenario(values.base, io);
      else {
        const built = buildCouncilScenario(values.council!);
        if (!built.ok) throw new UsageError(built.error);
        base = built.value.scenario;
      }
      const fitted = fitCareFromEpisodes(base, imported, summary);
      for (const n of fitted.notes) io.stderr(`note: ${n}\n`);
      const check = parseScenario(fitted.scenario);
      if (!check.ok) throw new UsageError(`the fitted scenario is not valid: ${formatErrors(check.errors)}`);
      writeOutputFile(values.out, `${JSON.stringify(fitted.scenario, null, 2)}\n`);
      io.stderr(`wrote ${values.out}: its care part fitted to the return, month 0 at the end of ${(fitted.scenario as { startMonth: string }).startMonth}, the return's own months as its observed series (unsuppressed counts: treat it as you treat the return)\n`);
    }
    io.stdout(`${JSON.stringify({ files: imported.files, children: imported.children, episodes: imported.episodes, periods: imported.periods.length, setAside: imported.setAside, problems: imported.problems.length, summary }, null, 2)}\n`);
  });
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), processIo);
}
