// `npm run --silent observed -- <scenario.json> [--arm N] [--runs N] [--seed S]`: the scenario's observed series against the simulated bands, as Markdown.
import type { RunPool } from '../client/pool';
import { compareTotals, compareWithObserved, totalMetrics } from '../engine';
import { exitQuietlyOnClosedPipe, isEntry, loadScenario, processIo, runCommand, type CliIo } from './main-helpers';
import { parseFlags, UsageError, wholeNumber } from './options';
import { threadPool } from './thread-pool';
import { monthsFrom } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';

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
    const armIndex = values.arm === undefined ? (scenario.observed.arm ?? arms - 1) : wholeNumber('--arm', values.arm, 0, arms - 1);
    const months = observedMonths(scenario);
    pool = threadPool();
    const keep = totalMetrics(scenario);
    const summary = await pool.simulate(scenario, { months, runs, seed: values.seed, ...(keep.length ? { keepRunSeries: keep } : {}) });
    const arm = summary.arms[armIndex]!;
    const rows = compareWithObserved(scenario, summary, arm);
    print(`${scenario.name}: arm "${arm.name}", ${summary.runs} runs, seed ${summary.seed}\n`);
    for (const row of rows) {
      print(
        `${row.metric}: ${Math.round(row.coverage * 100)}% of ${row.points.length} observed months inside P5–P95; observed mean ${row.observedMean.toFixed(1)}, simulated mean ${row.simulatedMean.toFixed(1)}; medians' mean bias ${signed(row.medianBias)}`,
      );
    }
    const totals = compareTotals(scenario, summary, arm);
    if (totals.length > 0) {
      print('\n| Total | Months | Observed | Simulated P50 | P5 | P95 | P50 vs observed | Inside | Source |\n|---|---|---|---|---|---|---|---|---|');
      for (const t of totals) {
        print(`| ${t.metric} (${t.unit}) | ${t.from} to ${t.to} | ${t.observed} | ${t.p50.toFixed(0)} | ${t.p5.toFixed(0)} | ${t.p95.toFixed(0)} | ${signed(t.relativeError * 100)}% | ${t.inside ? 'yes' : 'no'} | ${t.source} |`);
      }
    }
    for (const row of rows.filter((r) => r.metric === 'cla' || r.metric === 'cp' || r.metric === 'cin')) {
      print(`\n| Month | Observed ${row.metric.toUpperCase()} | Simulated P50 | P5 | P95 | Inside |\n|---|---|---|---|---|---|`);
      for (const p of row.points) print(`| ${p.month} | ${p.observed} | ${p.p50.toFixed(0)} | ${p.p5.toFixed(0)} | ${p.p95.toFixed(0)} | ${p.inside ? 'yes' : 'no'} |`);
    }
  }, () => pool?.dispose());
}

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;

/** Months to simulate: to the last observed month of any series or total. */
function observedMonths(scenario: Scenario): number {
  const observed = scenario.observed!;
  const longest = Math.max(1, ...Object.values(observed.series).map((v) => v?.length ?? 0));
  const lastTotal = Math.max(0, ...(observed.totals ?? []).map((t) => monthsFrom(scenario.startMonth, t.to)));
  return Math.max(monthsFrom(scenario.startMonth, observed.startMonth) + longest - 1, lastTotal);
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), processIo);
}
