// "Start from a council": a complete scenario for any English council from the council table. Month 0 is 31 March of
// the chosen year, with DfE's CLA and CP counts; the CIN-plan stock is derived (src/councils/cin-plan.ts); the flows
// are fitted analytically to the four years to that 31 March (src/councils/fit-flows.ts); the care part is scaled from
// the fitted Leeds reference by the council's own figures (src/councils/care-fit.ts); unit costs are the council's s251
// weekly unit costs where published; everything else is a national default, said so in its source. Pure and fast.
import darlington from '../../scenarios/darlington-2019.json';
import leeds from '../../scenarios/leeds-2015-family-valued.json';
import { ENGLAND_REFERRAL_AGE_MIX } from '../scenario/age-defaults';
import { deflatorAt, parsePriceYear, type Deflator } from '../scenario/prices';
import { AGE_BANDS, CARE_ROUTES, type CareRoute } from '../scenario/schema';
import { ageMix, LEEDS_FITTED_RATES, placementMix, routeRates } from './care-fit';
import { cinPlanStock, CIN_PLAN_SHARE } from './cin-plan';
import { fitFlows, type FlowFit } from './fit-flows';
import { Published, span } from './published';

/* eslint-disable @typescript-eslint/no-explicit-any -- the template is plain JSON, edited in place before parsing */
type Json = any;

export interface BuiltCouncil {
  /** The scenario, as JSON: parse it with parseScenario (a test parses every council's). */
  scenario: Json;
  code: string;
  name: string;
  /** The 31 March of month 0. */
  year: number;
  fit: FlowFit;
  /** Everything the build could not do as asked, in words. */
  warnings: string[];
}

export type BuildResult = { ok: true; value: BuiltCouncil } | { ok: false; error: string };

/**
 * The defaults are the shipped Darlington 2019 scenario's values, each with its own source: national figures (unit
 * costs, the Green Book) and Darlington's own (its FGC service, its CIN plans' length, its families' sizes) alike, so
 * each says which scenario it came from rather than calling Darlington's measurements national. The FGC effects are
 * the evidence preset every scenario starts from.
 */
const DEFAULT = 'default (the shipped Darlington 2019 scenario\'s value): ';
const NATIONAL = 'national default: ';
const LEEDS_CODE = '383';

/** Every `source` in a template block, marked as a national default (a council's own values replace theirs after). */
function markDefaults(node: Json, prefix = DEFAULT): Json {
  if (Array.isArray(node)) return node.map((x) => markDefaults(x, prefix));
  if (node && typeof node === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) out[k] = k === 'source' && typeof v === 'string' && !v.startsWith(prefix) ? `${prefix}${v}` : markDefaults(v, prefix);
    return out;
  }
  return node;
}

/** A quantity's centre: its value, its mode, or the middle of a uniform range. */
export const central = (q: Json): number => (typeof q === 'number' ? q : (q.value ?? q.mode ?? (q.min + q.max) / 2));
const round = (x: number, places: number) => Number(x.toFixed(places));
const fy = (yearEnding: number) => `${yearEnding - 1}/${String(yearEnding % 100).padStart(2, '0')}`;

/** The latest year (31 March) a council has both CLA and CP counts for. */
export function latestYear(p: Published): number | undefined {
  return [...p.years].reverse().find((y) => p.value('claAt31March', y) !== undefined && p.value('cppAt31March', y) !== undefined);
}

/** A council's scenario from its published figures (the latest 31 March with CLA and CP when `year` is omitted). */
export function buildCouncilScenario(codeOrName: string, options: { year?: number } = {}): BuildResult {
  const found = Published.of(codeOrName, options.year);
  if (!found.ok) return found;
  const p = found.value;
  const year = options.year ?? latestYear(p);
  if (year === undefined) return { ok: false, error: `${p.name} has no year with both CLA and CP counts on 31 March` };
  const cla = p.value('claAt31March', year);
  const cp = p.value('cppAt31March', year);
  if (cla === undefined || cp === undefined) {
    const lacking = [cla === undefined && 'children looked after', cp === undefined && 'CP plans'].filter(Boolean).join(' and ');
    return { ok: false, error: `${p.name} publishes no ${lacking} on 31 March ${year} (years with both: ${p.years.filter((y) => p.value('claAt31March', y) !== undefined && p.value('cppAt31March', y) !== undefined).join(', ') || 'none'})` };
  }
  const cinOn = (y: number) => {
    const r = cinPlanStock(p.code, `${y}-03-31`);
    return r.ok ? r.value : undefined;
  };
  const cin0 = cinOn(year);
  if (!cin0) return { ok: false, error: `${p.name} publishes no children in need on 31 March ${year}, so its CIN-plan stock cannot be derived` };

  const t = markDefaults(structuredClone(darlington)) as Json;
  t.fgc.effects = markDefaults(structuredClone(darlington.fgc.effects), NATIONAL);
  const path = t.pathway;
  const years = [year - 3, year - 2, year - 1, year].filter((y) => p.years.includes(y));
  const fitted = fitFlows(p, years, {
    cinExits: path.cin.exits.shares,
    cpExits: path.cp.exits.shares,
    preProceedingsExits: path.preProceedings.exits.shares,
    cinMonths: central(path.cin.duration.mean),
    preProceedingsMonths: (central(path.preProceedings.duration.mean) * 7) / 30.4375,
  }, (y) => cinOn(y)?.mode);
  if (!fitted.ok) return fitted;
  const fit = fitted.value;
  const warnings = [...fit.warnings];
  const fitWords = `fitted to ${p.name}'s ${span(fit.years)} flows`;
  const s = fit.series;

  t.name = `${p.name} from 31 March ${year}`;
  t.description = `${p.name} (DfE ${p.code}) from its published figures: month 0 is 31 March ${year} (DfE's CLA and CP counts), the flows fitted to ${span(fit.years)} (npm run --silent council -- ${p.code} --year ${year}). The FGC service and its effects are the evidence defaults; set the coordinators in each arm.`;
  t.startMonth = `${year}-03`;
  t.simulation = { runs: 200, seed: `council-${p.code}-${year}`, horizonMonths: 60 };
  delete t.observed;

  // Demand: referrals (re-referrals included: the engine draws new families for the rest) at the fitting years'
  // mean, uncertain at their year-to-year spread (± 2 SD).
  const perMonth = s.referrals.mean / 12;
  const spread = Math.min(0.5 * perMonth, Math.max(0.03 * perMonth, (2 * s.referrals.sd) / 12));
  t.demand.referralsPerMonth = {
    dist: 'uniform', min: round(perMonth - spread, 1), max: round(perMonth + spread, 1), unit: 'children/month',
    source: `${fitWords}: referrals (re-referrals included), ${s.referrals.years.map((y) => `${y.year} ${y.value}`).join(', ')} (${p.source('referrals', year) ?? 'DfE, Children in need 2025, c1'}): their mean ${round(s.referrals.mean, 0)} a year ± 2 SD of the years (${round(s.referrals.sd, 0)})`,
  };
  t.demand.trendPerYear = { value: 0, unit: 'fraction/year', source: `assumption: no trend; the level is ${span(fit.years)}'s mean, its range their spread` };
  delete t.demand.seasonality;
  const starters = ageMix(p, 'claStartingByAge', fit.years, ' starting care', { shares: ENGLAND_REFERRAL_AGE_MIX.shares, children: 20, what: "England's mix of 2024/25 (src/scenario/age-defaults.ts)" });
  if (starters) t.demand.ageMix = { ...starters, source: `assumption: the ages of children starting care stand in for referred children's; ${starters.source}` };
  else warnings.push(`${p.name} publishes no ages of children starting care: England's mix stands in`), delete t.demand.ageMix;

  // Month 0.
  const stocks = t.initialStocks;
  stocks.cla = { value: cla, unit: 'children', source: p.source('claAt31March', year)! };
  stocks.cp = { value: cp, unit: 'children', source: p.source('cppAt31March', year)! };
  stocks.cin = {
    value: round(cin0.mode, 0), unit: 'children',
    source: `derived: ${CIN_PLAN_SHARE.mode} × (children in need ${cin0.from.cin[0]!.value} − CP ${cp} − CLA ${cla}) on 31 March ${year} (src/councils/cin-plan.ts; the share of children in need on a CIN plan is an assumption, ${CIN_PLAN_SHARE.low}–${CIN_PLAN_SHARE.high}); ${p.source('cinAt31March', year)}`,
  };
  const ppStock = (fit.preProceedingsPerYear / 12) * ((central(path.preProceedings.duration.mean) * 7) / 30.4375);
  stocks.preProceedings = { value: round(ppStock, 0), unit: 'children', source: `assumption: steady state of the pre-proceedings inputs (${round(fit.preProceedingsPerYear / 12, 1)} children a month, ${fitWords}, × the default stay)` };
  const claAges = ageMix(p, 'claAt31MarchByAge', [year], ' looked after on 31 March');
  if (claAges) stocks.claAgeMix = claAges;
  else delete stocks.claAgeMix, warnings.push(`${p.name} publishes no ages of children looked after: England's mix stands in`);

  // The pathway's shares and stays.
  path.assessment.exits = {
    shares: (({ cla, cp, cin }) => ({ cla: round(cla, 4), cp: round(cp, 4), cin: round(cin, 4), noFurtherAction: round(1 - round(cla, 4) - round(cp, 4) - round(cin, 4), 4) }))(fit.assessmentExits),
    concentration: fit.concentration,
    source: `${fitWords} by flow balance: CLA starts ${round(s.claStarting.mean, 0)}, CP starts ${round(s.cppStarting.mean, 0)} and ${round(fit.cinPlanStartsPerYear, 0)} CIN plans a year (the derived CIN-plan stock over the default CIN plan), less what the default exits from CIN plans, CP plans and pre-proceedings bring; the concentration makes the shares' spread the year-to-year spread of care and CP starts per referral`,
  };
  const cpMean = central(path.cp.duration.mean);
  path.cp.duration = { ...path.cp.duration, mean: { dist: 'pert', min: round(fit.cpMonths * 0.85, 2), mode: round(fit.cpMonths, 2), max: round(fit.cpMonths * 1.15, 2) }, sd: round((path.cp.duration.sd * fit.cpMonths) / cpMean, 2), source: `${fitWords}: Little's law, CP plans on 31 March (mean ${round(s.cppAt31March.mean, 0)}) over CP starts a year (${round(s.cppStarting.mean, 0)}); the ±15% is an assumption` };
  const claMean = central(path.cla.duration.mean);
  path.cla.duration = { ...path.cla.duration, mean: { dist: 'pert', min: round(fit.claDays * 0.85, 0), mode: round(fit.claDays, 0), max: round(fit.claDays * 1.15, 0) }, sd: round((path.cla.duration.sd * fit.claDays) / claMean, 0), source: `${fitWords}: Little's law, children looked after on 31 March (mean ${round(s.claAt31March.mean, 0)}) over children ceasing a year (${round(s.claCeasing.mean, 0)}); used where care has no routes` };
  path.closed.reReferralProbability = { dist: 'uniform', min: round(fit.reReferralShare * 0.8, 3), max: round(Math.min(0.9, fit.reReferralShare * 1.2), 3), unit: 'probability', source: `${fitWords}: re-referrals within 12 months over referrals (${round(fit.reReferralShare * 100, 1)}%; ${p.source('reReferrals', year) ?? 'c1'}), ± 20% (assumption)` };

  careFromLeeds(t, p, fit.years, year, warnings);
  costsFromS251(t, p, year, warnings);

  t.arms = {
    counterfactual: { name: 'No FGC service', coordinatorsFte: 0, source: 'placeholder: set the coordinators your council funds now (none here)' },
    options: [{ name: 'An FGC service of 4 coordinators', coordinatorsFte: 4, source: 'placeholder: set the coordinators you would fund' }],
  };
  return { ok: true, value: { scenario: t, code: p.code, name: p.name, year, fit, warnings } };
}

/** Routes out of care and the placement mix: Leeds's fitted values scaled by the council's own figures against Leeds's. */
function careFromLeeds(t: Json, p: Published, fitYears: number[], year: number, warnings: string[]) {
  const cla = t.pathway.cla;
  const ref = Published.of(LEEDS_CODE);
  if (!ref.ok) throw new Error(ref.error);
  const own = routeRates(p, fitYears);
  cla.routes = markDefaults(structuredClone(leeds.pathway.cla.routes), "default (the shipped Leeds 2015 scenario's fitted routes): ");
  if (!own) warnings.push(`${p.name} publishes no reasons for ceasing care: Leeds's routes out of care stand in`);
  else {
    for (const r of ['returnHome', 'specialGuardianship', 'adoption'] as const) {
      const ref = LEEDS_FITTED_RATES[r];
      const ratio = own.rates[r] / ref.rate;
      const h = cla.routes[r].hazardByAgeAtEntry;
      h.multipliers = h.multipliers.map((m: number) => round(m * ratio, 4));
      h.source = `fitted to ${p.name}'s ${span(own.years)} exits: Leeds's fitted multipliers × ${round(ratio, 3)}, ${p.name}'s exits by this route a year per child looked after on 31 March (${round(own.rates[r], 4)}) over ${ref.what} (${round(ref.rate, 4)}), the rate they were fitted to; ${p.breakdownSource('claCeasedByReason', own.years[0]!)!.replace(/, \d{4}$/, '')} (reasons onto routes as src/scenario/ceased-reasons.ts)`;
    }
    // Each route clock's mean uncertain at the year-to-year spread of the council's exits per child in care (± 2 SD, at least the default's ± 15%).
    const perChild = fitYears.flatMap((y) => { const c = p.value('claCeasing', y); const n = p.value('claAt31March', y); return c !== undefined && n ? [c / n] : []; });
    const m = perChild.reduce((a, b) => a + b, 0) / perChild.length;
    const cv = perChild.length > 1 ? Math.sqrt(perChild.reduce((a, b) => a + (b - m) ** 2, 0) / (perChild.length - 1)) / m : 0;
    const spread = Math.min(0.5, Math.max(0.15, 2 * cv));
    for (const r of CARE_ROUTES as readonly CareRoute[]) {
      const clock = cla.routes[r].clock;
      clock.mean = { dist: 'triangular', min: round(clock.mean.mode * (1 - spread), 0), mode: clock.mean.mode, max: round(clock.mean.mode * (1 + spread), 0) };
      clock.source = `${clock.source.replace(/the ±15% on the mean is an assumption[^;]*/, '')}; the mean uncertain by ±${round(spread * 100, 0)}%: 2 SD of ${p.name}'s children ceasing care per child looked after over ${span(fitYears)} (at least ±15%)`;
    }
    cla.routes.note = `Leeds's fitted routes (scenarios/leeds-2015-family-valued.json), each route's hazard scaled by ${p.name}'s exits by that route per child in care against Leeds's over ${span(own.years)}`;
  }
  const mix = placementMix(p, [year]);
  const leedsMix = mix && placementMix(ref.value, [2021]);
  if (!mix || !leedsMix) {
    warnings.push(`${p.name} publishes no placements on 31 March: the default placement mix stands in`);
    return;
  }
  const scale: Record<string, number> = { inHouseFostering: mix.fostering / leedsMix.fostering, independentFostering: mix.fostering / leedsMix.fostering, residential: mix.residential / leedsMix.residential, other: mix.other / leedsMix.other };
  for (const band of AGE_BANDS) {
    const row = cla.placementByAge.shares[band];
    const scaled = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, (v as number) * (scale[k] ?? 1)]));
    const total = Object.values(scaled).reduce((a, b) => a + b, 0);
    const keys = Object.keys(scaled);
    keys.forEach((k) => (row[k] = round(scaled[k]! / total, 4)));
    row[keys[keys.length - 1]!] = round(1 - keys.slice(0, -1).reduce((a, k) => a + row[k], 0), 4);
  }
  cla.placementByAge.source = `fitted to ${p.name}'s placements on 31 March ${span(mix.years)} (fostering ${round(mix.fostering * 100, 1)}%, residential ${round(mix.residential * 100, 1)}%, other ${round(mix.other * 100, 1)}%; ${mix.source}): the default shares by age scaled by ${p.name}'s mix over Leeds's of 2021, which they were fitted to; the split of fostering between the council's carers and agencies is the default's`;
}

/** Weekly placement costs from the council's s251 weekly unit costs (the latest the deflator reaches), split as the defaults split them. */
function costsFromS251(t: Json, p: Published, year: number, warnings: string[]) {
  const deflator = t.prices.deflator as Deflator;
  const reachable = (y: number) => deflatorAt(deflator, parsePriceYear(fy(y))!) !== undefined;
  const costYear = [year, year - 1, year - 2].find((y) => reachable(y) && p.value('financeFosteringWeeklyUnitCostGbp', y) !== undefined);
  const reporting = [year, year - 1, year - 2, year - 3].find(reachable);
  if (reporting !== undefined) t.prices.reportingYear = fy(reporting);
  if (reporting !== year) warnings.push(`money is reported in ${t.prices.reportingYear} prices: the deflator (${deflator.name}) does not reach ${fy(year)}`);
  const perChild = t.costs.perChild.cla;
  if (costYear === undefined) {
    warnings.push(`${p.name} has no s251 weekly unit costs the deflator reaches (${fy(year - 2)}–${fy(year)}): national unit costs stand in`);
    return;
  }
  if (costYear !== year) warnings.push(`the s251 unit costs are ${fy(costYear)}'s: the deflator does not reach ${fy(year)}, or ${p.name} did not publish them`);
  const index = (py: string) => deflatorAt(deflator, parsePriceYear(py)!)!;
  const py = fy(costYear);
  // Each type's default weekly cost in the s251 year's prices; a group's types scaled together so that their mix,
  // weighted as the default placement shares weight them, costs the s251 figure (an agency's placement stays dearer).
  const weeklyAt = (q: Json) => (central(q) * index(py)) / index(q.priceYear);
  const set = (types: string[], key: string) => {
    const weekly = p.value(key, costYear);
    if (weekly === undefined) return;
    const weights = types.map((type) => t.pathway.cla.placements.shares[type] as number);
    const defaults = types.map((type) => weeklyAt(perChild[type].marginal) + weeklyAt(perChild[type].fixed));
    const mean = defaults.reduce((a, d, i) => a + d * weights[i]!, 0) / weights.reduce((a, b) => a + b, 0);
    const k = weekly / mean;
    const src = `${p.source(key, costYear)} (£${weekly} a week, ${py} cash prices)`;
    types.forEach((type) => {
      const m = weeklyAt(perChild[type].marginal) * k;
      const f = weeklyAt(perChild[type].fixed) * k;
      const what = types.length > 1 ? `, the default costs of ${types.join(', ')} scaled together by ${round(k, 3)} so that their mix at the default placement shares costs £${weekly}` : `, the default cost scaled by ${round(k, 3)}`;
      perChild[type].marginal = { value: round(m, 0), unit: 'GBP/week', priceYear: py, source: `${src}${what}; the part that stops with the placement as the default splits it` };
      perChild[type].fixed = { value: round(f, 0), unit: 'GBP/week', priceYear: py, source: `${src}${what}; the service's fixed part as the default splits it` };
    });
  };
  set(['kinship', 'inHouseFostering', 'independentFostering'], 'financeFosteringWeeklyUnitCostGbp');
  set(['residential'], 'financeResidentialWeeklyUnitCostGbp');
}
