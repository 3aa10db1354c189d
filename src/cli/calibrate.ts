// `npm run --silent calibrate -- <scenario.json> [--runs N] [--seed S] [--inputs P1,P2] [--metrics M1,M2] [--accept F] [--arm N] [--backtest] [--write FILE] [--workers W]`:
// fits inputs to the scenario's observed series by ABC rejection on a pool of worker threads and prints the fit as JSON.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RunPool } from '../client/pool';
import { backtest, calibrate, CALIBRATION_METRICS, type Calibration, type CalibrationMetric, type CalibrationOptions } from '../engine/calibrate';
import type { Evaluate } from '../engine/sensitivity';
import { exitQuietlyOnClosedPipe, loadScenario } from './main-helpers';
import { UsageError } from './options';
import { threadPool } from './thread-pool';

const USAGE =
  'usage: npm run --silent calibrate -- <scenario.json> [--runs N] [--seed S] [--inputs P1,P2,...] [--metrics cla,cp,...] [--accept 0.1] [--arm N] [--backtest] [--write FILE] [--workers W]';

function whole(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return n;
}

/** The fit without the fitted scenario itself (written with --write). */
function fitReport(c: Calibration) {
  const { fittedScenario: _scenario, ...rest } = c;
  return rest;
}

async function main(argv: string[]): Promise<number> {
  let pool: RunPool | undefined;
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          runs: { type: 'string' },
          seed: { type: 'string' },
          inputs: { type: 'string' },
          metrics: { type: 'string' },
          accept: { type: 'string' },
          arm: { type: 'string' },
          backtest: { type: 'boolean' },
          write: { type: 'string' },
          workers: { type: 'string' },
        },
      });
    } catch (e) {
      throw new UsageError(`${(e as Error).message.split('\n')[0]} (${USAGE})`);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? `missing the scenario file (${USAGE})` : `expected one scenario file, got ${positionals.length}`);
    const scenario = loadScenario(positionals[0]!);
    if (!scenario.observed) throw new UsageError(`${positionals[0]} carries no observed series to calibrate to (an "observed" block)`);
    const options: CalibrationOptions = { runs: whole('--runs', values.runs, 10, 100_000) ?? 500, seed: values.seed };
    if (values.inputs !== undefined) options.inputs = values.inputs.split(',').map((p) => p.trim());
    if (values.metrics !== undefined) {
      const metrics = values.metrics.split(',').map((m) => m.trim());
      const bad = metrics.find((m) => !(CALIBRATION_METRICS as readonly string[]).includes(m));
      if (bad !== undefined) throw new UsageError(`--metrics takes some of ${CALIBRATION_METRICS.join(', ')}, got ${JSON.stringify(bad)}`);
      options.metrics = metrics as CalibrationMetric[];
    }
    if (values.accept !== undefined) {
      const f = Number(values.accept);
      if (!(f > 0 && f <= 1)) throw new UsageError(`--accept must be a share of runs above 0 and at most 1, got ${JSON.stringify(values.accept)}`);
      options.acceptShare = f;
    }
    options.arm = whole('--arm', values.arm, 0, 1000);
    if (options.arm !== undefined && options.arm > scenario.arms.options.length) throw new UsageError(`--arm must be 0 to ${scenario.arms.options.length} (0 is the counterfactual), got ${options.arm}`);
    pool = threadPool(whole('--workers', values.workers, 1, 256));
    const runPool = pool;
    const evaluate: Evaluate = (s, o) => runPool.run(s, o);
    let result: Calibration;
    let report: unknown;
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
      if (e instanceof Error && /not a numeric input|no observed|none of .* is observed|needs months to hold out/.test(e.message)) throw new UsageError(e.message);
      throw e;
    }
    if (values.write) writeFileSync(values.write, `${JSON.stringify(result.fittedScenario, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify({ ...(report as object), ...(values.write ? { fittedScenarioWritten: values.write } : {}) })}\n`);
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
