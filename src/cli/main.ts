// The command line: `simulate <scenario.json> [flags]` runs the engine on a pool of worker threads and prints JSON or CSV.
import { writeFileSync } from 'node:fs';
import type { RunPool } from '../client/pool';
import { toCsv, toJson } from '../engine/export';
import { exitQuietlyOnClosedPipe, loadScenario } from './main-helpers';
import { parseCliArgs, UsageError } from './options';
import { withReportingYear } from '../scenario/prices';
import { threadPool } from './thread-pool';

export async function main(argv: string[]): Promise<number> {
  let pool: RunPool | undefined;
  try {
    const options = parseCliArgs(argv);
    let scenario = loadScenario(options.scenarioPath);
    if (options.priceYear !== undefined) {
      const repriced = withReportingYear(scenario, options.priceYear);
      if (!repriced.ok) throw new UsageError(`--price-year ${options.priceYear}: ${repriced.message}`);
      scenario = repriced.value;
    }
    pool = threadPool(options.workers);
    const summary = await pool.run(scenario, options.run);
    const text = options.format === 'csv' ? toCsv(summary) : `${toJson(summary)}\n`;
    if (options.out) writeFileSync(options.out, text);
    else process.stdout.write(text);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`error: internal failure: ${(e as Error).message}\n`);
    return 1;
  } finally {
    pool?.dispose();
  }
}

exitQuietlyOnClosedPipe();
process.exitCode = await main(process.argv.slice(2));
