// `npm run --silent observed -- <scenario.json> [--arm N] [--runs N] [--seed S]`: the scenario's observed series against the simulated bands, as Markdown.
import { parseArgs } from 'node:util';
import { compareWithObserved } from '../engine/observed';
import { runSimulation } from '../engine/simulate';
import { exitQuietlyOnClosedPipe, isEntry, loadScenario, processIo, type CliIo } from './main-helpers';

/** Runs `observed` with `argv` (the arguments after the script), printing through `io`; returns the exit code (a mistake throws). */
export function main(argv: string[], io: CliIo): number {
  const print = (line: string) => io.stdout(`${line}\n`);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { arm: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' } },
  });
  const scenario = loadScenario(positionals[0] ?? 'scenarios/leeds-2015-family-valued.json');
  if (!scenario.observed) throw new Error(`${scenario.name} carries no observed series`);
  const last = scenario.observed.series.cla?.length ?? 17;
  const summary = runSimulation(scenario, { months: last - 1, runs: values.runs ? Number(values.runs) : 500, seed: values.seed });
  const arm = summary.arms[values.arm ? Number(values.arm) : summary.arms.length - 1]!;
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
  return 0;
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = main(process.argv.slice(2), processIo);
}
