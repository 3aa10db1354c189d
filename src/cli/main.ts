// The command line: `simulate <scenario.json> [flags]` runs the engine in this process and prints JSON or CSV.
import { writeFileSync } from 'node:fs';
import { runSimulation } from '../engine/simulate';
import { toCsv, toJson } from './format';
import { exitQuietlyOnClosedPipe, loadScenario } from './main-helpers';
import { parseCliArgs, UsageError } from './options';

export function main(argv: string[]): number {
  try {
    const options = parseCliArgs(argv);
    const scenario = loadScenario(options.scenarioPath);
    const summary = runSimulation(scenario, options.run);
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
  }
}

exitQuietlyOnClosedPipe();
process.exitCode = main(process.argv.slice(2));
