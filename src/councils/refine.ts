// The fit refined by simulation (on request): the analytic fit leaves what Little's law and flow balance cannot see
// (children who turn 18 in care, re-referrals' timing, routes competing with each other). Each round runs the fit's
// check (src/councils/hindcast.ts) and scales the inputs by published ÷ simulated: referrals, the shares of assessments
// going to care and to CP, every route's hazard out of care (by exits per child in care) and the CP plan's length.
// The runner is given (the worker pool in the page, the engine in-process on the command line).
import { compareTotals, totalMetrics, type Evaluate, type ObservedTotalComparison, type RunSummary } from '../engine';
import { parseScenario, formatErrors } from '../scenario/parse';
import { CARE_ROUTES } from '../scenario/schema';
import type { BuiltCouncil } from './build-scenario';
import { fitCoverage, hindcastScenario } from './hindcast';

/* eslint-disable @typescript-eslint/no-explicit-any -- plain scenario JSON */
type Json = any;

/** Runs a scenario (the worker pool in the page, the engine in-process on the command line). */
export type Runner = Evaluate;

export interface FitCheck {
  totals: ObservedTotalComparison[];
  coverage: ReturnType<typeof fitCoverage>;
  /** Published and simulated (median of runs) CLA and CP on each 31 March. */
  stocks: { metric: 'cla' | 'cp'; year: number; published: number; p5: number; p50: number; p95: number }[];
}

const round = (x: number, places: number) => Number(x.toFixed(places));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Runs the fit's check of a built council and says how the published figures sit in the simulated bands. */
export async function checkFit(built: BuiltCouncil, run: Runner, runs = 100, seed?: string): Promise<{ ok: true; value: FitCheck & { summary: RunSummary } } | { ok: false; error: string }> {
  const h = hindcastScenario(built, runs);
  if (!h.ok) return h;
  const parsed = parseScenario(h.value);
  if (!parsed.ok) return { ok: false, error: formatErrors(parsed.errors) };
  const s = parsed.value;
  const summary = await run(s, { runs, seed: seed ?? `${s.simulation.seed}-fit`, keepRunSeries: totalMetrics(s) });
  const arm = summary.arms[0]!;
  const totals = compareTotals(s, summary, arm);
  const start = Number(s.startMonth.slice(0, 4));
  const stocks = (['cla', 'cp'] as const).flatMap((metric) =>
    (s.observed!.series[metric] ?? []).flatMap((v, m) => (v === null || m === 0 ? [] : [{ metric, year: start + m / 12, published: v, p5: arm.series[metric].p5[m]!, p50: arm.series[metric].p50[m]!, p95: arm.series[metric].p95[m]! }])),
  );
  return { ok: true, value: { totals, coverage: fitCoverage(totals), stocks, summary } };
}

/** The built council with its inputs scaled, round by round, until its check's means meet the published ones. */
export async function refineFit(built: BuiltCouncil, run: Runner, options: { rounds?: number; runs?: number; onRound?: (round: number, check: FitCheck) => void } = {}): Promise<{ ok: true; value: BuiltCouncil } | { ok: false; error: string }> {
  const rounds = options.rounds ?? 3;
  const runs = options.runs ?? 40;
  let current: BuiltCouncil = { ...built, scenario: structuredClone(built.scenario) };
  for (let r = 1; r <= rounds; r++) {
    const checked = await checkFit(current, run, runs);
    if (!checked.ok) return checked;
    options.onRound?.(r, checked.value);
    current = scaled(current, checked.value, `${r} round${r > 1 ? 's' : ''} of ${runs} runs`);
  }
  return { ok: true, value: current };
}

/** Published mean ÷ simulated mean of one flow over the fitting years. */
function ratio(totals: ObservedTotalComparison[], metric: string): number {
  const ts = totals.filter((t) => t.metric === metric);
  if (!ts.length) return 1;
  const published = mean(ts.map((t) => t.observed));
  const simulated = mean(ts.map((t) => t.mean));
  return simulated > 0 && published > 0 ? published / simulated : 1;
}

function scaled(built: BuiltCouncil, check: FitCheck & { summary?: RunSummary }, how: string): BuiltCouncil {
  const s = structuredClone(built.scenario) as Json;
  const note = `; refined by simulation (${how} of the fit's check, published ÷ simulated)`;
  const clampRatio = (x: number) => Math.min(3, Math.max(1 / 3, x));
  const fReferrals = clampRatio(ratio(check.totals, 'referrals'));
  const q = s.demand.referralsPerMonth;
  s.demand.referralsPerMonth = { ...q, min: round(q.min * fReferrals, 1), max: round(q.max * fReferrals, 1), source: q.source.replace(/; refined by simulation.*$/, '') + note };
  // Care and CP starts come from referrals too: their shares move by what referrals did not already move.
  const exits = s.pathway.assessment.exits;
  const shares = { ...exits.shares };
  shares.cla = shares.cla * clampRatio(ratio(check.totals, 'claEntries') / fReferrals);
  shares.cp = shares.cp * clampRatio(ratio(check.totals, 'cpEntries') / fReferrals);
  const escalated = shares.cla + shares.cp + shares.cin;
  if (escalated > 0.95) for (const k of ['cla', 'cp', 'cin'] as const) shares[k] *= 0.95 / escalated;
  const r4 = (x: number) => round(x, 4);
  s.pathway.assessment.exits = { ...exits, shares: { cla: r4(shares.cla), cp: r4(shares.cp), cin: r4(shares.cin), noFurtherAction: r4(1 - r4(shares.cla) - r4(shares.cp) - r4(shares.cin)) }, source: exits.source.replace(/; refined by simulation.*$/, '') + note };
  // Exits per child in care, published against simulated (the stock at each year's two 31 Marches).
  const perChild = (source: 'published' | 'p50') => {
    const years = check.totals.filter((t) => t.metric === 'claExits');
    const stockAt = (year: number) => check.stocks.find((x) => x.metric === 'cla' && x.year === year)?.[source];
    const rates = years.flatMap((t) => {
      const y = Number(t.to.slice(0, 4));
      const a = stockAt(y - 1) ?? stockAt(y);
      const b = stockAt(y);
      const exitsInYear = source === 'published' ? t.observed : t.mean;
      return a !== undefined && b !== undefined ? [exitsInYear / ((a + b) / 2)] : [];
    });
    return rates.length ? mean(rates) : NaN;
  };
  const fAll = clampRatio(Number.isFinite(perChild('published') / perChild('p50')) ? perChild('published') / perChild('p50') : ratio(check.totals, 'claExits'));
  // Each route by its own published ÷ simulated exits (DfE's reasons, 2021 on); the routes' other exits before 18 by
  // what the published rest (care exits less the three routes) leaves after the simulated 18th birthdays. Without
  // reasons for ceasing, every route by exits per child in care.
  const ROUTE_METRICS = { returnHome: 'claReturnsHome', specialGuardianship: 'claSpecialGuardianship', adoption: 'claAdopted' } as const;
  const has = (metric: string, to: string) => check.totals.some((t) => t.metric === metric && t.to === to);
  // The years with all three routes published (none suppressed): the rest of the exits is known only in those.
  const routeYears = check.totals.filter((t) => t.metric === 'claExits' && Object.values(ROUTE_METRICS).every((m) => has(m, t.to))).map((t) => t.to);
  const simulatedIn = (metric: 'careLeavers' | 'claOtherExits') => {
    const arm = check.summary?.arms[0];
    if (!arm) return NaN;
    return mean(routeYears.map((to) => { const m = check.summary!.months.indexOf(to); return arm.series[metric].mean.slice(m - 11, m + 1).reduce((a, b) => a + b, 0); }));
  };
  const published = (metric: string) => mean(check.totals.filter((t) => t.metric === metric && routeYears.includes(t.to)).map((t) => t.observed));
  const factor: Record<string, number> = {};
  for (const [route, metric] of Object.entries(ROUTE_METRICS)) if (check.totals.some((t) => t.metric === metric)) factor[route] = clampRatio(ratio(check.totals, metric));
  if (routeYears.length && check.summary) {
    const rest = published('claExits') - published('claReturnsHome') - published('claSpecialGuardianship') - published('claAdopted');
    const other = simulatedIn('claOtherExits');
    const f = (rest - simulatedIn('careLeavers')) / other;
    if (Number.isFinite(f) && other > 0) factor.other = clampRatio(f);
  }
  for (const route of CARE_ROUTES) {
    const h = s.pathway.cla.routes[route].hazardByAgeAtEntry;
    const f = factor[route] ?? fAll;
    h.multipliers = h.multipliers.map((m: number) => round(m * f, 4));
    h.source = h.source.replace(/; refined by simulation.*$/, '') + note;
  }
  // The CP plan's length: published CP per CP start against simulated.
  const cpStock = (source: 'published' | 'p50') => mean(check.stocks.filter((x) => x.metric === 'cp').map((x) => x[source]));
  const fCp = clampRatio(cpStock('published') / cpStock('p50') / ratio(check.totals, 'cpEntries'));
  const d = s.pathway.cp.duration;
  if (Number.isFinite(fCp) && typeof d.mean === 'object') {
    s.pathway.cp.duration = { ...d, mean: { ...d.mean, min: round(d.mean.min * fCp, 2), mode: round(d.mean.mode * fCp, 2), max: round(d.mean.max * fCp, 2) }, sd: round(d.sd * fCp, 2), source: d.source.replace(/; refined by simulation.*$/, '') + note };
  }
  return { ...built, scenario: s };
}
