// The command line: `simulate <scenario.json> [flags]` runs the engine on a pool of worker threads and prints JSON or CSV.
import { withEffectPreset } from '../scenario/effect-presets';
import type { RunPool } from '../client/pool';
import { toCsv, toJson, type RunSummary, globalSensitivity, tornado, type Evaluate, type SensitivityOutput, uncertainInputs, type RunOptions } from '../engine';
import type { Scenario } from '../scenario/schema';
import { exitQuietlyOnClosedPipe, isEntry, loadScenario, processIo, runCommand, type CliIo } from './main-helpers';
import { parseCliArgs, UsageError } from './options';
import { withReportingYear } from '../scenario/prices';
import { formatErrors, parseScenario, referralsProblem } from '../scenario/parse';
import { checkOutputPath, writeOutputFile } from './output-file';
import { threadPool } from './thread-pool';

/** Runs `simulate` with `argv` (the arguments after the script), printing through `io`; resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let pool: RunPool | undefined;
  return runCommand(io, async () => {
    const options = parseCliArgs(argv);
    if (options.out !== undefined) checkOutputPath('--out', options.out, [options.scenarioPath]);
    let scenario = loadScenario(options.scenarioPath, io);
    if (options.effects !== undefined) {
      const parsed = parseScenario(withEffectPreset(scenario, options.effects));
      if (!parsed.ok) throw new UsageError(`--effects ${options.effects}: ${formatErrors(parsed.errors).replace(/\n/g, '; ')}`);
      scenario = parsed.value;
    }
    if (options.run.months !== undefined) {
      // The scenario was checked over its own horizon; a longer one may compound the trend past what a run can hold.
      const demand = referralsProblem(scenario, options.run.months);
      if (demand) throw new UsageError(`--months ${options.run.months}: ${demand.path}: ${demand.message}`);
    }
    if (options.priceYear !== undefined) {
      const repriced = withReportingYear(scenario, options.priceYear);
      if (!repriced.ok) throw new UsageError(`--price-year ${options.priceYear}: ${repriced.message}`);
      scenario = repriced.value;
    }
    if (options.sensitivity) {
      // Checked before running: the global ranking regresses the output on every uncertain input.
      const inputs = uncertainInputs(scenario).length;
      const runs = options.run.runs ?? scenario.simulation.runs;
      if (runs < inputs + 2) throw new UsageError(`--sensitivity needs more runs than uncertain inputs + 1 for the global ranking: ${inputs} inputs, ${runs} runs (use --runs ${inputs + 2} or more)`);
    }
    pool = threadPool(options.workers);
    const runPool = pool;
    const summary = await runPool.simulate(scenario, options.run);
    // An appraisal that could not cover what was asked, or rests on one year carried forward, is said on stderr too.
    for (const w of summary.finance.warnings) if (w.kind === 'horizon cut' || w.kind === 'one full year') io.stderr(`note: ${w.message}\n`);
    let text: string;
    if (options.sensitivity) {
      const evaluate: Evaluate = (s, o) => runPool.simulate(s, { ...options.run, ...o });
      const sensitivity = await sensitivityOf(scenario, summary, evaluate, options.sensitivity.output, options.sensitivity.tornadoRuns, options.run);
      text = `${toJson({ ...summary, sensitivity })}\n`;
    } else {
      text = options.format === 'csv' ? toCsv(summary) : `${toJson(summary)}\n`;
    }
    if (options.out !== undefined) writeOutputFile(options.out, text);
    else io.stdout(text);
  }, () => pool?.dispose());
}

/** The tornado (its own runs, common random numbers) and the global ranking (from the main run's draws). */
async function sensitivityOf(scenario: Scenario, summary: RunSummary, evaluate: Evaluate, output: SensitivityOutput, tornadoRuns: number, run: RunOptions) {
  const global = globalSensitivity(scenario, summary, output);
  const t = await tornado(scenario, evaluate, { output, runs: tornadoRuns, seed: summary.seed, months: run.months });
  return {
    output,
    arm: t.arm,
    tornadoRuns,
    central: t.central,
    tornado: t.bars,
    global: global.inputs,
    rSquared: global.rSquared,
    groups: global.groups,
  };
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), processIo);
}
