// The fit's check: the built scenario's counterfactual started on 31 March before the fitting years (that date's
// published stocks) and run through them, with the published flows of each fitting year as observed totals and the
// published 31 March stocks as observed points. What `npm run council` prints and the app shows as the fit's quality.
import type { ObservedTotalComparison } from '../engine';
import { ageMix } from './care-fit';
import { cinPlanStock } from './cin-plan';
import type { BuiltCouncil } from './build-scenario';
import { Published } from './published';

/* eslint-disable @typescript-eslint/no-explicit-any -- plain scenario JSON */
type Json = any;

/** The published flows checked, each with the model's series it is compared with. */
export const FIT_SERIES = [
  { key: 'referrals', metric: 'referrals', label: 'referrals' },
  { key: 'claStarting', metric: 'claEntries', label: 'children starting care' },
  { key: 'claCeasing', metric: 'claExits', label: 'children ceasing care' },
  { key: 'cppStarting', metric: 'cpEntries', label: 'CP plans starting' },
] as const;

/** The routes out of care checked (DfE's reasons for ceasing, 2021 on, summed onto the model's routes as src/scenario/ceased-reasons.ts). */
export const ROUTE_SERIES = [
  { reasons: ['returnedHomeInCarePlan', 'returnedHomeNotInCarePlan', 'leftCareToLiveWithParentsRelativesOrOthers'], metric: 'claReturnsHome', label: 'returns home' },
  { reasons: ['specialGuardianshipOrder', 'residenceOrderOrChildArrangementOrderGranted'], metric: 'claSpecialGuardianship', label: 'special guardianship and child arrangements orders' },
  { reasons: ['adopted'], metric: 'claAdopted', label: 'adoptions' },
] as const;

/** The scenario whose counterfactual is checked against the fitting years, or why there is none. */
export function hindcastScenario(built: BuiltCouncil, runs = 100): { ok: true; value: Json } | { ok: false; error: string } {
  const found = Published.of(built.code);
  if (!found.ok) return found;
  const p = found.value;
  // From the 31 March before the fitting years, or the first after it with the three counts (a council formed since).
  const start = [built.fit.years[0]! - 1, ...built.fit.years].find((y) => p.value('claAt31March', y) !== undefined && p.value('cppAt31March', y) !== undefined && cinPlanStock(p.code, `${y}-03-31`).ok);
  const years = built.fit.years.filter((y) => start !== undefined && y > start);
  if (start === undefined || years.length === 0) return { ok: false, error: `${p.name} publishes no year of flows after a 31 March with its CLA, CP and CIN counts in ${built.fit.years[0]! - 1}–${built.year}, so the fit cannot be checked` };
  const cla = p.value('claAt31March', start)!;
  const cp = p.value('cppAt31March', start)!;
  const cin = cinPlanStock(p.code, `${start}-03-31`);
  if (!cin.ok) return cin;
  const s = structuredClone(built.scenario) as Json;
  s.name = `${built.name}: the fit's check, ${start + 1}–${years[years.length - 1]}`;
  s.startMonth = `${start}-03`;
  s.simulation = { ...s.simulation, runs, horizonMonths: 12 * (years[years.length - 1]! - start) };
  s.initialStocks.cla = { ...s.initialStocks.cla, value: cla, source: p.source('claAt31March', start) };
  s.initialStocks.cp = { ...s.initialStocks.cp, value: cp, source: p.source('cppAt31March', start) };
  s.initialStocks.cin = { ...s.initialStocks.cin, value: Math.round(cin.value.mode), source: `derived as month 0's, on 31 March ${start}` };
  const ages = ageMix(p, 'claAt31MarchByAge', [start], ' looked after on 31 March');
  if (ages) s.initialStocks.claAgeMix = ages;
  s.arms = { counterfactual: s.arms.counterfactual, options: [] };
  const stock = (key: string) => Array.from({ length: s.simulation.horizonMonths + 1 }, (_, m) => (m % 12 === 0 ? (p.value(key, start + m / 12) ?? null) : null));
  s.observed = {
    startMonth: s.startMonth,
    arm: 0,
    source: `${p.name}'s published figures, 31 March ${start} to 31 March ${years[years.length - 1]} (DfE, the council table)`,
    series: { cla: stock('claAt31March'), cp: stock('cppAt31March') },
    totals: years.flatMap((y) => {
      const reasons = p.breakdown('claCeasedByReason', y);
      return [
        ...FIT_SERIES.flatMap(({ key, metric }) => {
          const value = p.value(key, y);
          return value === undefined ? [] : [{ metric, from: `${y - 1}-04`, to: `${y}-03`, value, unit: 'children', source: p.source(key, y)! }];
        }),
        ...(reasons
          ? // A route with a suppressed reason (DfE hides counts under 6) is not compared that year.
            ROUTE_SERIES.filter(({ reasons: keys }) => keys.every((k) => reasons[k] !== undefined)).map(({ reasons: keys, metric, label }) => ({ metric, from: `${y - 1}-04`, to: `${y}-03`, value: keys.reduce((a, k) => a + reasons[k]!, 0), unit: 'children', source: `${p.breakdownSource('claCeasedByReason', y)} (${label}: ${keys.join(', ')})` }))
          : []),
      ];
    }),
  };
  return { ok: true, value: s };
}

/** The share of the published figures inside the simulated P5–P95, over every council-year and series compared. */
export function fitCoverage(totals: ObservedTotalComparison[]): { inside: number; of: number; share: number } {
  const inside = totals.filter((t) => t.inside).length;
  return { inside, of: totals.length, share: totals.length ? inside / totals.length : NaN };
}
