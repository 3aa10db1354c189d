// `npm run --silent calibrate -- <scenario.json> [--runs N] [--seed S] [--inputs P1,P2] [--metrics M1,M2] [--accept F] [--rounds R] [--arm N] [--backtest] [--write FILE] [--workers W]`:
// fits inputs to the scenario's observed series by ABC rejection on a pool of worker threads and prints the fit as JSON.
import type { RunPool } from '../client/pool';
import { backtest, calibrate, CalibrationError, CALIBRATION_METRICS, type Calibration, type CalibrationMetric, type CalibrationOptions, type Evaluate } from '../engine';
import { exitQuietlyOnClosedPipe, isEntry, loadScenario, processIo, runCommand, type CliIo } from './main-helpers';
import { decimal, MAX_WORKERS, parseFlags, UsageError, wholeNumber } from './options';
import { checkOutputPath, writeOutputFile } from './output-file';
import { threadPool } from './thread-pool';

const USAGE =
  'usage: npm run --silent calibrate -- <scenario.json> [--runs N] [--seed S] [--inputs P1,P2,...] [--metrics cla,cp,...] [--accept 0.1] [--rounds 2] [--arm N] [--backtest] [--write FILE] [--workers W]';

/** The fit without the fitted scenario itself (written with --write). */
function fitReport(c: Calibration) {
  const { fittedScenario: _scenario, ...rest } = c;
  return rest;
}

/** Runs `calibrate` with `argv` (the arguments after the script), printing through `io`; resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let pool: RunPool | undefined;
  return runCommand(io, async () => {
    const { values, path } = parseFlags(
      argv,
      {
        runs: { type: 'string' },
        seed: { type: 'string' },
        inputs: { type: 'string' },
        metrics: { type: 'string' },
        accept: { type: 'string' },
        rounds: { type: 'string' },
        arm: { type: 'string' },
        backtest: { type: 'boolean' },
        write: { type: 'string' },
        workers: { type: 'string' },
      },
      USAGE,
    );
    if (values.write !== undefined) checkOutputPath('--write', values.write, [path]);
    const scenario = loadScenario(path, io);
    if (!scenario.observed) throw new UsageError(`${path} carries no observed series to calibrate to (an "observed" block)`);
    const options: CalibrationOptions = { runs: values.runs === undefined ? 500 : wholeNumber('--runs', values.runs, 10, 100_000), seed: values.seed };
    if (values.inputs !== undefined) options.inputs = values.inputs.split(',').map((p) => p.trim());
    if (values.metrics !== undefined) {
      const metrics = values.metrics.split(',').map((m) => m.trim());
      const bad = metrics.find((m) => !(CALIBRATION_METRICS as readonly string[]).includes(m));
      if (bad !== undefined) throw new UsageError(`--metrics takes some of ${CALIBRATION_METRICS.join(', ')}, got ${JSON.stringify(bad)}`);
      options.metrics = metrics as CalibrationMetric[];
    }
    if (values.accept !== undefined) {
      const f = decimal(values.accept);
      if (f === undefined || !(f > 0 && f <= 1)) throw new UsageError(`--accept must be a share of runs above 0 and at most 1, written as a decimal (e.g. 0.1), got ${JSON.stringify(values.accept)}`);
      options.acceptShare = f;
    }
    if (values.rounds !== undefined) options.rounds = wholeNumber('--rounds', values.rounds, 1, 10);
    if (values.arm !== undefined) options.arm = wholeNumber('--arm', values.arm, 0, scenario.arms.options.length);
    pool = threadPool(values.workers === undefined ? undefined : wholeNumber('--workers', values.workers, 1, MAX_WORKERS));
    const runPool = pool;
    const evaluate: Evaluate = (s, o) => runPool.simulate(s, o);
    let result: Calibration;
    let report: object;
    try {
      if (values.backtest) {
        const b = await backtest(scenario, evaluate, options);
        result = b.calibration;
        report = { ...fitReport(b.calibration), backtest: { fitMonths: b.fitMonths, heldOutMonths: b.heldOutMonths, coverage: b.coverage, series: b.series } };
      } else {
        result = await calibrate(scenario, evaluate, options);
        report = fitReport(result);
      }
    } catch (e) {
      throw e instanceof CalibrationError ? new UsageError(e.message) : e;
    }
    if (values.write !== undefined) writeOutputFile(values.write, `${JSON.stringify(result.fittedScenario, null, 2)}\n`);
    io.stdout(`${JSON.stringify({ ...report, ...(values.write !== undefined ? { fittedScenarioWritten: values.write } : {}) })}\n`);
  }, () => pool?.dispose());
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), processIo);
}
