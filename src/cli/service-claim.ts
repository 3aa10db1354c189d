// `npm run --silent service-claim -- <scenario.json> [--runs N] [--seed S] [--workers W] [--calibrate] [--json]`: a caseload
// service's published claim (Leeds's RES, £406,466.60 a month) beside the simulation's, and (--calibrate) the care entries
// and CP plans the service's own families would make without it, from which its shipped effects are derived.
import type { RunPool } from '../client/pool';
import type { Scenario } from '../scenario/schema';
import { claimProblem, serviceClaim, serviceReach, stat, type RunSummary, type ServiceClaim, type ServiceReach, type Stat } from '../engine';
import { exitQuietlyOnClosedPipe, isEntry, loadScenario, processIo, runCommand, type CliIo } from './main-helpers';
import { MAX_WORKERS, parseFlags, UsageError, wholeNumber } from './options';
import { threadPool } from './thread-pool';

const USAGE = 'usage: npm run --silent service-claim -- <scenario.json> [--runs N] [--seed S] [--workers W] [--calibrate] [--json]';

/** £ to the pound, signed. */
function gbp(x: number): string {
  const pounds = Math.round(x);
  return `${pounds < 0 ? '−' : ''}£${Math.abs(pounds).toLocaleString('en-GB')}`;
}

/** The claim beside the simulation, as a Markdown table (the README's). */
export function claimTable(c: ServiceClaim): string {
  const stat = (s: { mean: number; p10: number; p90: number }) => `${gbp(s.mean)} (${gbp(s.p10)} to ${gbp(s.p90)})`;
  const prices = c.priceYear ? `${c.priceYear} prices` : 'each cost in its source\u2019s price year';
  return [
    `${c.service}: "${c.option}" against "${c.reference}", ${c.year} (${c.months} months), £ a month, mean (P10 to P90), ${prices}`,
    '',
    '| | £ a month |',
    '|---|---|',
    `| Published (${c.published.basis}, ${c.published.priceYear} prices) | ${gbp(c.published.monthlySaving)} |`,
    `| Simulated: costs avoided before the services\u2019 own cost | ${stat(c.simulated.gross)} |`,
    `| Simulated: the services\u2019 extra cost (the teams) | ${stat(c.simulated.serviceCost)} |`,
    `| Simulated: net (counterfactual\u2019s cost less the option\u2019s) | ${stat(c.simulated.net)} |`,
    ...(c.claimWay ? [`| Simulated effects costed the claim\u2019s way (${gbp(c.claimWay.careEntryAvoided)} a care entry avoided, ${gbp(c.claimWay.cpPlanStarted)} a CP plan added; ${c.published.priceYear} prices) | ${gbp(c.claimWay.monthly)} |`] : []),
    '',
    `A month, means: ${c.perMonth.childrenTakenOn.toFixed(1)} children taken on, ${c.perMonth.claEntriesAvoided.toFixed(2)} fewer children entering care, ${c.perMonth.cpEntriesAdded.toFixed(2)} more CP plans starting.`,
    `Published: ${c.published.source}`,
  ].join('\n');
}

/** Per-run paired differences (arm − reference) of one total, a year, summarised as every table's are (the mean with P10–P90). */
function pairedPerYear(arm: number[], reference: number[], years: number): Stat {
  return stat(Float64Array.from(arm, (x, r) => (x - reference[r]!) / years));
}

/** Each arm of a scenario with a caseload service, a year over the horizon (the README's four-arm table). */
export function armsTable(scenario: Scenario, s: RunSummary): string {
  const service = scenario.services![0]!;
  const years = (s.months.length - 1) / 12;
  const ref = s.arms[0]!;
  const band = (x: { mean: number; p10: number; p90: number }, f: (v: number) => string) => `${f(x.mean)} (${f(x.p10)} to ${f(x.p90)})`;
  const n1 = (v: number) => `${v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)}`;
  const m = (v: number) => `${v < 0 ? '−' : ''}£${(Math.abs(v) / 1e6).toFixed(2)}m`;
  const cp = (a: number) => s.arms[a]!.runSeries!.cpEntries!.map((months) => months.slice(1).reduce((x, y) => x + y, 0));
  const rows = s.arms.map((a, i) => {
    const f = i > 0 ? s.finance.comparisons[i - 1]! : undefined;
    const cells = [
      a.name,
      String(a.coordinatorsFte),
      String(a.serviceFte?.[service.id] ?? 0),
      band({ mean: a.totals.supportChildren.mean / years, p10: a.totals.supportChildren.p10 / years, p90: a.totals.supportChildren.p90 / years }, n1),
      i > 0 ? band(pairedPerYear(ref.runs!.claEntries, a.runs!.claEntries, years), n1) : 'reference',
      i > 0 ? band(pairedPerYear(cp(i), cp(0), years), n1) : 'reference',
      band({ mean: a.totals.supportCost.mean / years, p10: a.totals.supportCost.p10 / years, p90: a.totals.supportCost.p90 / years }, m),
      f ? band(f.npv, m) : '',
      f ? `${Math.round(f.probabilityNpvPositive * 100)}%` : '',
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    `${scenario.name}: ${s.runs} runs, seed "${s.seed}", ${s.months.length - 1} months from ${s.months[0]}; a year, means over runs with P10 to P90 (differences paired run by run with the first arm); NPV over ${s.finance.appraisalYears} years (${s.finance.priceYear ?? 'source'} prices).`,
    '',
    `| Arm | FGC coordinators (FTE) | ${service.name}: workers (FTE) | Children taken on a year | Care entries avoided a year | CP plans added a year | ${service.name}: cost a year | NPV against the first arm | P(NPV > 0) |`,
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let pool: RunPool | undefined;
  return runCommand(
    io,
    async () => {
      const { values, path } = parseFlags(argv, { runs: { type: 'string' }, seed: { type: 'string' }, workers: { type: 'string' }, calibrate: { type: 'boolean' }, json: { type: 'boolean' } }, USAGE);
      const scenario = loadScenario(path, io);
      if (!scenario.services?.length) throw new UsageError(`${path} declares no caseload service (services): nothing to set beside a claim`);
      const runs = values.runs === undefined ? scenario.simulation.runs : wholeNumber('--runs', values.runs, 1, 100_000);
      const seed = values.seed ?? scenario.simulation.seed;
      pool = threadPool(values.workers === undefined ? undefined : wholeNumber('--workers', values.workers, 1, MAX_WORKERS));
      const run = pool;
      const summary = await run.simulate(scenario, { runs, seed, keepRunSeries: ['cpEntries'] });
      const problem = claimProblem(scenario, summary);
      if (problem) throw new UsageError(`${path}: ${problem}`);
      const claim = serviceClaim(scenario, summary);
      let reach: ServiceReach | undefined;
      if (values.calibrate) reach = await serviceReach(scenario, (s) => run.simulate(s, { runs, seed }));
      if (values.json) io.stdout(`${JSON.stringify({ claim, ...(reach ? { reach } : {}) }, null, 2)}\n`);
      else {
        io.stdout(`${claimTable(claim)}\n\n${armsTable(scenario, summary)}\n`);
        if (reach) {
          io.stdout(
            `\nWithout the service, its own families would make, a month in ${reach.year} (means): ${reach.cpEntries.toFixed(2)} CP plans starting (from a relative risk of 2 against 1) and ${reach.careEntries.toFixed(2)} care entries within the effect\u2019s reach (from a relative risk of 0 against 1).\n`,
          );
        }
      }
    },
    () => pool?.dispose(),
  );
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), processIo);
}
