// `npm run --silent write-903 -- <scenario.json> [--months N] [--seed S] [--run R] [--out DIR]`: a simulated council's
// care histories (one run of the scenario's no-service path, as the engine walks it) written as an SSDA903 header and
// episodes file, marked synthetic (file names "synthetic-…", UPN "SYNTHETIC", children "SYN…"): the round trip's
// source, and a return for testing a council's own tools. Files go to DIR (default: the working folder).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { careHistories } from '../../engine/sim/care-histories';
import { writeReturn } from '../../ssda903/write';
import { exitQuietlyOnClosedPipe, isEntry, loadScenario, processIo, runCommand, type CliIo } from '../main-helpers';
import { parseFlags, wholeNumber } from '../options';

const USAGE = 'usage: npm run --silent write-903 -- <scenario.json> [--months N] [--seed S] [--run R] [--out DIR]';

export async function main(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, path } = parseFlags(argv, { months: { type: 'string' }, seed: { type: 'string' }, run: { type: 'string' }, out: { type: 'string' } }, USAGE);
    const scenario = loadScenario(path, io);
    const months = values.months === undefined ? scenario.simulation.horizonMonths : wholeNumber('--months', values.months, 1, 600);
    const run = values.run === undefined ? 0 : wholeNumber('--run', values.run, 0, 1_000_000);
    const { periods } = careHistories(scenario, values.seed ?? scenario.simulation.seed, run, months);
    const written = writeReturn(periods, scenario.startMonth);
    const dir = values.out ?? '.';
    for (const y of written.years) for (const f of [y.header, y.episodes]) writeFileSync(join(dir, f.name), f.text);
    io.stderr(`wrote ${written.years.length * 2} files to ${dir} (${written.years.map((y) => y.header.name.replace(/-header\.csv$/, '')).join(', ')}: a header and an episodes file a collection year): ${periods.length} periods of care, synthetic (${written.dropped} changes of placement within a day of another merged)\n`);
  });
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), processIo);
}
