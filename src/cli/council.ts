// `npm run --silent council -- <name or DfE code> [--year Y] [--check] [--refine] [--runs N] [--out scenario.json]`: a
// complete scenario for any English council from the council table (src/councils/build-scenario.ts), on stdout or in
// a file. What the build could not do as asked goes to stderr; `--check` runs the fit's check (the counterfactual
// through the fitting years against the published flows) and prints it to stderr; `--refine` refines the fit by
// simulation first (src/councils/refine.ts). Exit 0; 2 with one line for a user's mistake; 1 otherwise.
import { buildCouncilScenario, type BuiltCouncil } from '../councils/build-scenario';
import type { FitCheck, Runner } from '../councils/refine';
import { checkFit, refineFit } from '../councils/refine';
import type { RunPool } from '../client/pool';
import { formatErrors, parseScenario } from '../scenario/parse';
import { exitQuietlyOnClosedPipe, isEntry, processIo, runCommand, type CliIo } from './main-helpers';
import { MAX_WORKERS, parseFlags, UsageError, wholeNumber } from './options';
import { checkOutputPath, writeOutputFile } from './output-file';
import { threadPool } from './thread-pool';

const USAGE = 'usage: npm run --silent council -- <council name or DfE code> [--year YYYY] [--check] [--refine] [--runs N] [--workers W] [--out FILE]';

/** The fit's check as lines of text: each published flow and 31 March stock against the simulated P5–P95. */
export function fitText(built: BuiltCouncil, check: FitCheck): string {
  const n = (x: number) => Math.round(x).toLocaleString('en-GB');
  const lines = [`The fit's check: ${built.name}'s counterfactual from the 31 March before ${built.fit.years[0]} (its published stocks), ${check.coverage.inside} of ${check.coverage.of} published flows inside the simulated P5–P95 (${Math.round(check.coverage.share * 100)}%)`];
  lines.push('series\tyear to 31 March\tpublished\tsimulated mean\tP5\tP95\tinside');
  for (const t of check.totals) lines.push([t.metric, t.to.slice(0, 4), n(t.observed), n(t.mean), n(t.p5), n(t.p95), t.inside ? 'yes' : 'no'].join('\t'));
  for (const s of check.stocks) lines.push([s.metric, s.year, n(s.published), n(s.p50), n(s.p5), n(s.p95), s.published >= s.p5 && s.published <= s.p95 ? 'yes' : 'no'].join('\t'));
  return `${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let pool: RunPool | undefined;
  return runCommand(io, async () => {
    const { values, path: name } = parseFlags(argv, { year: { type: 'string' }, out: { type: 'string' }, check: { type: 'boolean' }, refine: { type: 'boolean' }, runs: { type: 'string' }, workers: { type: 'string' } }, USAGE, 'a council name or code', true);
    const workers = values.workers === undefined ? undefined : wholeNumber('--workers', values.workers, 1, MAX_WORKERS);
    // The fit's check and its refinement run on worker threads, as the page runs them on its worker pool.
    const onPool: Runner = (scenario, options) => (pool ??= threadPool(workers)).simulate(scenario, options);
    const year = values.year === undefined ? undefined : wholeNumber('--year', values.year, 1900, 2100);
    const runs = values.runs === undefined ? 100 : wholeNumber('--runs', values.runs, 10, 10_000);
    if (values.out !== undefined) checkOutputPath('--out', values.out, []);
    const built = buildCouncilScenario(name, year === undefined ? {} : { year });
    if (!built.ok) throw new UsageError(built.error);
    let council = built.value;
    for (const w of council.warnings) io.stderr(`note: ${w}\n`);
    if (values.refine) {
      const refined = await refineFit(council, onPool, { onRound: (r, c) => io.stderr(`refining: round ${r}, ${c.coverage.inside} of ${c.coverage.of} published flows inside P5–P95\n`) });
      if (!refined.ok) throw new UsageError(refined.error);
      council = refined.value;
    }
    const parsed = parseScenario(council.scenario);
    if (!parsed.ok) throw new Error(`the built scenario is not valid: ${formatErrors(parsed.errors)}`);
    if (values.check || values.refine) {
      const checked = await checkFit(council, onPool, runs, `${council.scenario.simulation.seed}-check`);
      if (!checked.ok) io.stderr(`note: ${checked.error}\n`);
      else io.stderr(fitText(council, checked.value));
    }
    const text = `${JSON.stringify(council.scenario, null, 2)}\n`;
    if (values.out !== undefined) {
      writeOutputFile(values.out, text);
      io.stderr(`wrote ${values.out}: ${council.name}, month 0 on 31 March ${council.year}\n`);
    } else io.stdout(text);
  }, () => pool?.dispose());
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), processIo);
}
