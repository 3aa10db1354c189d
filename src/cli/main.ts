// The command line: `simulate <scenario.json> [flags]` runs the engine in this process and prints JSON or CSV.
import { writeFileSync } from 'node:fs';
import { runSimulation } from '../engine/simulate';
import { toCsv, toJson } from './format';
import { loadScenario } from './main-helpers';
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

// A closed pipe (`| head`) is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = main(process.argv.slice(2));
