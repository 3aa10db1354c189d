// The command line: `simulate <scenario.json> [flags]` runs the engine in this process and prints JSON or CSV.
import { readFileSync, writeFileSync } from 'node:fs';
import { runSimulation } from '../engine/simulate';
import { parseScenarioText } from '../scenario/parse';
import { toCsv, toJson } from './format';
import { parseCliArgs, UsageError } from './options';

/** Reads and validates a scenario file; problems become one UsageError line. */
export function loadScenario(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read scenario file ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}`);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    const n = parsed.errors.length;
    const detail = parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new UsageError(`${path} is not a valid scenario (${n} problem${n === 1 ? '' : 's'}): ${detail}`);
  }
  return parsed.value;
}

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
