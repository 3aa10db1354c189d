// `npm run --silent observed -- <scenario.json> [--arm N] [--runs N] [--seed S]`: the scenario's observed series against the simulated bands, as Markdown.
import { parseArgs } from 'node:util';
import { compareWithObserved } from '../engine';
import { exitQuietlyOnClosedPipe, loadScenario } from './main-helpers';
import { threadPool } from './thread-pool';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { arm: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' } },
  });
  const scenario = loadScenario(positionals[0] ?? 'scenarios/leeds-2015-family-valued.json');
  if (!scenario.observed) throw new Error(`${scenario.name} carries no observed series`);
  const last = scenario.observed.series.cla?.length ?? 17;
  const pool = threadPool();
  let summary;
  try {
    summary = await pool.run(scenario, { months: last - 1, runs: values.runs ? Number(values.runs) : 500, seed: values.seed });
  } finally {
    pool.dispose();
  }
  const arm = summary.arms[values.arm ? Number(values.arm) : summary.arms.length - 1]!;
  const rows = compareWithObserved(scenario, summary, arm);
  console.log(`${scenario.name}: arm "${arm.name}", ${summary.runs} runs, seed ${summary.seed}\n`);
  for (const row of rows) {
    console.log(`${row.metric}: ${Math.round(row.coverage * 100)}% of ${row.points.length} observed months inside P5–P95; observed mean ${row.observedMean.toFixed(1)}, simulated mean ${row.simulatedMean.toFixed(1)}`);
  }
  const cla = rows.find((r) => r.metric === 'cla');
  if (cla) {
    console.log('\n| Month | Observed CLA | Simulated mean | P5 | P95 | Inside |\n|---|---|---|---|---|---|');
    for (const p of cla.points) console.log(`| ${p.month} | ${p.observed} | ${p.mean.toFixed(0)} | ${p.p5.toFixed(0)} | ${p.p95.toFixed(0)} | ${p.inside ? 'yes' : 'no'} |`);
  }
}

exitQuietlyOnClosedPipe();
await main();
