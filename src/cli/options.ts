// Parses `simulate` flags into RunOptions; every problem is one clear message.
import { EFFECT_PRESETS } from '../scenario/effect-presets';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type RunOptions, SENSITIVITY_OUTPUTS, type SensitivityOutput } from '../engine';
import { LIMITS } from '../scenario/schema';

/** Runs per tornado evaluation (2 × inputs + 1 evaluations; common random numbers keep the bars steady). */
const DEFAULT_TORNADO_RUNS = 20;

export interface CliOptions {
  scenarioPath: string;
  run: RunOptions;
  /** Worker threads (default: cores − 1, at least 1). */
  workers?: number;
  format: 'json' | 'csv';
  out?: string;
  /** Report money in this year's prices ("2019/20"), overriding the scenario's reporting year. */
  priceYear?: string;
  /** Add a tornado and a global ranking of the inputs (JSON only). */
  sensitivity?: { output: SensitivityOutput; tornadoRuns: number };
  /** Replace the scenario's FGC effects with a named preset's (src/scenario/effect-presets.ts). */
  effects?: string;
}

export const USAGE =
  'usage: npm run --silent simulate -- <scenario.json> [--runs N] [--seed S] [--months M] [--capacity F1,F2,...] [--workers W] [--discount-rate R] [--appraisal-years N] [--price-year YYYY/YY] [--effects PRESET] [--sensitivity [--sensitivity-output netSaving|npv|claAtHorizon] [--tornado-runs N]] [--format json|csv] [--out FILE]';

/** The most worker threads a command starts: more than a machine's cores only adds memory (256 took 4.3 GB for a 2 s job). */
export const MAX_WORKERS = 32;

/** A user's mistake on the command line: printed as one line, never with a stack trace. */
export class UsageError extends Error {}

/**
 * A decimal number as a person types it (`2`, `0.035`, `.5`, `2.`): no hex, binary or octal (`0x10`,
 * `0b11`), no exponent (`1e3`), no sign, no `Infinity` or `NaN`; spaces around are allowed. Undefined if not.
 */
export function decimal(text: string): number | undefined {
  return /^\s*(\d+\.?\d*|\.\d+)\s*$/.test(text) ? Number(text) : undefined;
}

export function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || n < min || n > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return n;
}

/**
 * Parses flags strictly with one positional (the input file, or with `joinWords` the words of a name); every
 * mistake becomes one UsageError line ending with the command's usage.
 */
export function parseFlags<T extends ParseArgsConfig['options']>(argv: string[], options: T, usage: string, positional = 'the scenario file', joinWords = false) {
  // A negative number after a flag that takes a value (`--runs -5`) is that flag's value, to be refused by its own
  // rule, not a missing value: parseArgs reads `-5` as an option, so it is joined to its flag first.
  const args = argv.map((arg, i) => {
    const flag = argv[i - 1]?.startsWith('--') ? options![argv[i - 1]!.slice(2)] : undefined;
    return flag?.type === 'string' && /^-[\d.]/.test(arg) ? `\0${arg}` : arg;
  });
  const joined: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('\0')) joined.push(`${joined.pop()!}=${arg.slice(1)}`);
    else joined.push(arg);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: joined, allowPositionals: true, strict: true, options: options! });
  } catch (e) {
    const err = e as Error & { code?: string };
    const flag = /'([^']+)'/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${flag} (${usage})`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${flag ?? 'an option'} needs a value (${usage})`);
    throw new UsageError(`${err.message.split('\n')[0]} (${usage})`);
  }
  const { values, positionals } = parsed as { values: { [K in keyof T]?: T[K] extends { type: 'boolean' } ? boolean : string }; positionals: string[] };
  // A name typed without quotes (`Isle of Wight`) arrives as several words: one positional when the command asks for it.
  if (joinWords && positionals.length > 1) positionals.splice(0, positionals.length, positionals.join(' '));
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? `missing ${positional} (${usage})` : `expected one file, got ${positionals.length}: ${positionals.join(' ')}`);
  }
  return { values, path: positionals[0]! };
}

export function parseCliArgs(argv: string[]): CliOptions {
  const { values, path } = parseFlags(
    argv,
    {
      runs: { type: 'string' },
      seed: { type: 'string' },
      months: { type: 'string' },
      capacity: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      workers: { type: 'string' },
      'discount-rate': { type: 'string' },
      'appraisal-years': { type: 'string' },
      'price-year': { type: 'string' },
      effects: { type: 'string' },
      sensitivity: { type: 'boolean' },
      'sensitivity-output': { type: 'string' },
      'tornado-runs': { type: 'string' },
    },
    USAGE,
  );
  const run: RunOptions = {};
  if (values.runs !== undefined) run.runs = wholeNumber('--runs', values.runs, 1, 100_000);
  if (values.months !== undefined) run.months = wholeNumber('--months', values.months, 1, 600);
  if (values.seed !== undefined) {
    if (values.seed === '') throw new UsageError('--seed must not be empty');
    run.seed = values.seed;
  }
  if (values.capacity !== undefined) {
    const parts = values.capacity.split(',');
    if (parts.length > LIMITS.arms) throw new UsageError(`--capacity takes at most ${LIMITS.arms} arms, got ${parts.length}`);
    run.capacity = parts.map((part) => {
      const fte = decimal(part);
      if (fte === undefined || fte > LIMITS.fte.limit) {
        throw new UsageError(`--capacity takes coordinator FTEs from 0 to ${LIMITS.fte.limit}, written as decimals (e.g. 2.5), separated by commas, got ${JSON.stringify(part)}`);
      }
      return fte;
    });
  }
  const rate = values['discount-rate'];
  if (rate !== undefined) {
    const r = decimal(rate);
    if (r === undefined || r > 1) throw new UsageError(`--discount-rate must be a rate a year from 0 to 1 written as a decimal (e.g. 0.035), got ${JSON.stringify(rate)}`);
    run.discountRate = r;
  }
  if (values['appraisal-years'] !== undefined) run.appraisalYears = wholeNumber('--appraisal-years', values['appraisal-years'], 1, 30);
  const priceYear = values['price-year'];
  if (priceYear !== undefined && !/^\d{4}(\/\d{2})?$/.test(priceYear)) throw new UsageError(`--price-year must be a financial year "YYYY/YY" (e.g. 2019/20) or a calendar year "YYYY", got ${JSON.stringify(priceYear)}`);
  let sensitivity: CliOptions['sensitivity'];
  if (values.sensitivity) {
    const output = (values['sensitivity-output'] ?? 'netSaving') as SensitivityOutput;
    if (!SENSITIVITY_OUTPUTS.includes(output)) throw new UsageError(`--sensitivity-output must be one of ${SENSITIVITY_OUTPUTS.join(', ')}, got ${JSON.stringify(values['sensitivity-output'])}`);
    const tornadoRuns = values['tornado-runs'] === undefined ? DEFAULT_TORNADO_RUNS : wholeNumber('--tornado-runs', values['tornado-runs'], 1, 10_000);
    if (values.format === 'csv') throw new UsageError('--sensitivity adds to the JSON output; it cannot be combined with --format csv');
    sensitivity = { output, tornadoRuns };
  } else if (values['sensitivity-output'] !== undefined || values['tornado-runs'] !== undefined) {
    throw new UsageError('--sensitivity-output and --tornado-runs go with --sensitivity');
  }
  const workers = values.workers === undefined ? undefined : wholeNumber('--workers', values.workers, 1, MAX_WORKERS);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, got ${JSON.stringify(format)}`);
  const effects = values.effects;
  if (effects !== undefined && !Object.hasOwn(EFFECT_PRESETS, effects)) {
    throw new UsageError(`--effects must name a preset: ${Object.keys(EFFECT_PRESETS).map((n) => `"${n}"`).join(', ')}, got ${JSON.stringify(effects)}`);
  }
  return { scenarioPath: path, run, workers, format, out: values.out, priceYear, sensitivity, ...(effects !== undefined ? { effects } : {}) };
}
