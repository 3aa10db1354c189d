// `npm run --silent observed -- <scenario.json> [--arm N] [--runs N] [--seed S]`: the scenario's observed series against the simulated bands, as Markdown.
import type { RunPool } from '../client/pool';
import { compareWithObserved } from '../engine';
import { exitQuietlyOnClosedPipe, isEntry, loadScenario, processIo, runCommand, type CliIo } from './main-helpers';
import { parseFlags, UsageError, wholeNumber } from './options';
import { threadPool } from './thread-pool';

const USAGE = 'usage: npm run --silent observed -- <scenario.json> [--arm N] [--runs N] [--seed S]';

/** Runs `observed` with `argv` (the arguments after the script), printing through `io`; returns the exit code (0; 2 with one line for a mistake). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const print = (line: string) => io.stdout(`${line}\n`);
  let pool: RunPool | undefined;
  return runCommand(io, async () => {
    const { values, path } = parseFlags(argv, { arm: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' } }, USAGE);
    const runs = values.runs === undefined ? 500 : wholeNumber('--runs', values.runs, 1, 100_000);
    const scenario = loadScenario(path, io);
    if (!scenario.observed) throw new UsageError(`${scenario.name} carries no observed series`);
    const arms = scenario.arms.options.length + 1;
    const armIndex = values.arm === undefined ? arms - 1 : wholeNumber('--arm', values.arm, 0, arms - 1);
    const last = scenario.observed.series.cla?.length ?? 17;
    pool = threadPool();
    const summary = await pool.simulate(scenario, { months: last - 1, runs, seed: values.seed });
    const arm = summary.arms[armIndex]!;
    const rows = compareWithObserved(scenario, summary, arm);
    print(`${scenario.name}: arm "${arm.name}", ${summary.runs} runs, seed ${summary.seed}\n`);
    for (const row of rows) {
      print(`${row.metric}: ${Math.round(row.coverage * 100)}% of ${row.points.length} observed months inside P5–P95; observed mean ${row.observedMean.toFixed(1)}, simulated mean ${row.simulatedMean.toFixed(1)}`);
    }
    const cla = rows.find((r) => r.metric === 'cla');
    if (cla) {
      print('\n| Month | Observed CLA | Simulated mean | P5 | P95 | Inside |\n|---|---|---|---|---|---|');
      for (const p of cla.points) print(`| ${p.month} | ${p.observed} | ${p.mean.toFixed(0)} | ${p.p5.toFixed(0)} | ${p.p95.toFixed(0)} | ${p.inside ? 'yes' : 'no'} |`);
    }
  }, () => pool?.dispose());
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), processIo);
}
