// The care part of a council's scenario from its published figures: age mixes, routes out of care and the placement
// mix, each scaled from the reference the shipped defaults were fitted to (Leeds) by the council's own figures.
import leeds from '../../scenarios/leeds-2015-family-valued.json';
import { AGE_BANDS, type AgeBand } from '../scenario/placement-schema';
import type { CareRoute } from '../scenario/schema';
import { span, type Published } from './published';

/** DfE's age groups (the council table's keys) in the model's band order. */
const AGE_KEYS: Record<AgeBand, string> = { under1: 'under1Year', age1to4: '1To4Years', age5to9: '5To9Years', age10to15: '10To15Years', age16plus: '16YearsAndOver' };

/** DfE's reasons for ceasing (the council table's keys) onto the model's routes (as src/scenario/ceased-reasons.ts). */
const CEASED_ROUTE: Record<string, CareRoute> = {
  returnedHomeInCarePlan: 'returnHome',
  returnedHomeNotInCarePlan: 'returnHome',
  leftCareToLiveWithParentsRelativesOrOthers: 'returnHome',
  specialGuardianshipOrder: 'specialGuardianship',
  residenceOrderOrChildArrangementOrderGranted: 'specialGuardianship',
  adopted: 'adoption',
};
const routeOf = (reason: string): CareRoute => CEASED_ROUTE[reason] ?? 'other';

/** The years of the council's ages, placements and reasons for ceasing (DfE's files begin in 2021): the fitting years that have them, else the nearest. */
export function detailYears(p: Published, years: number[], prefix: string): number[] {
  const have = p.years.filter((y) => p.breakdown(prefix, y));
  const inside = years.filter((y) => have.includes(y));
  if (inside.length) return inside;
  const nearest = [...have].sort((a, b) => Math.abs(a - years[years.length - 1]!) - Math.abs(b - years[years.length - 1]!))[0];
  return nearest === undefined ? [] : [nearest];
}

export interface AgeMix {
  shares: Record<AgeBand, number>;
  source: string;
  note?: string;
}

/** An age mix from a breakdown by DfE age group summed over years, or undefined when the council publishes none. */
export function ageMix(p: Published, prefix: 'claAt31MarchByAge' | 'claStartingByAge', years: number[], what: string, prior?: { shares: Record<AgeBand, number>; children: number; what: string }): AgeMix | undefined {
  const ys = detailYears(p, years, prefix);
  if (!ys.length) return undefined;
  // A band DfE suppressed (fewer than 6 children) counts none; a prior worth a few children keeps it from being empty.
  const counts = AGE_BANDS.map((b) => ys.reduce((sum, y) => sum + (p.breakdown(prefix, y)?.[AGE_KEYS[b]] ?? 0), 0));
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  const w = prior?.children ?? 0;
  const shares = Object.fromEntries(AGE_BANDS.map((b, i) => [b, Number(((counts[i]! + w * (prior?.shares[b] ?? 0)) / (total + w)).toFixed(4))])) as Record<AgeBand, number>;
  // Rounding to 4 places: the last band takes the remainder so the shares sum to 1.
  shares.age16plus = Number((1 - AGE_BANDS.slice(0, -1).reduce((a, b) => a + shares[b], 0)).toFixed(4));
  const outside = ys.some((y) => !years.includes(y));
  return {
    shares,
    source: `${p.breakdownSource(prefix, ys[0]!)!.replace(/, \d{4}$/, '')}, ${span(ys)}: ${counts.join(' / ')} of ${total}${what}${prior ? `, with ${prior.what} as a prior worth ${w} children (a suppressed band counts none)` : ''}`,
    ...(outside ? { note: `${span(ys)} stands in for ${span(years)}: the council table's ages begin in 2021` } : {}),
  };
}

/**
 * Leeds's exits by route a year per child in care in the years its routes were fitted to (the routes' note,
 * scenarios/leeds-2015-family-valued.json): adoptions and special guardianship orders in 2015/16 (LAIT 2016: 106 and
 * 55) over the 1,253 in care in April 2015 (000_8890056140a8d8e5.txt:L1908); returns home in 2020/21 (DfE: 103, the
 * three home reasons) over the 1,281 in care on 31 March 2021. The routes' other exits before 18 are not scaled: DfE's
 * reasons do not say which exits came at 18, which the model makes on the birthday.
 */
export const LEEDS_FITTED_RATES: Readonly<Record<'returnHome' | 'specialGuardianship' | 'adoption', { rate: number; what: string }>> = {
  returnHome: { rate: 103 / 1281, what: "Leeds's 103 returns home in 2020/21 over 1,281 in care on 31 March 2021" },
  specialGuardianship: { rate: 55 / 1253, what: "Leeds's 55 special guardianship orders in 2015/16 (LAIT 2016) over 1,253 in care in April 2015" },
  adoption: { rate: 106 / 1253, what: "Leeds's 106 adoptions in 2015/16 (LAIT 2016) over 1,253 in care in April 2015" },
};

/** Leeds's fitted hazard multipliers by age band at entry for a route (the shipped Leeds 2015 scenario's). */
export function leedsRouteMultipliers(route: CareRoute): number[] {
  return [...leeds.pathway.cla.routes[route].hazardByAgeAtEntry.multipliers];
}

/** Exits by route a year per child looked after on 31 March, over the years that have reasons for ceasing. */
export function routeRates(p: Published, years: number[]): { rates: Record<CareRoute, number>; years: number[] } | undefined {
  const ys = detailYears(p, years, 'claCeasedByReason');
  const rates: Record<CareRoute, number> = { returnHome: 0, specialGuardianship: 0, adoption: 0, other: 0 };
  let stock = 0;
  for (const y of ys) {
    const reasons = p.breakdown('claCeasedByReason', y)!;
    const cla = p.value('claAt31March', y);
    if (cla === undefined) continue;
    stock += cla;
    for (const [reason, n] of Object.entries(reasons)) rates[routeOf(reason)] += n;
  }
  if (stock === 0) return undefined;
  for (const r of Object.keys(rates) as CareRoute[]) rates[r] /= stock;
  return { rates, years: ys };
}

/** The placement groups DfE's 31 March file gives, as shares of the children placed. */
export interface PlacementMix {
  fostering: number;
  residential: number;
  other: number;
  years: number[];
  source: string;
}

const RESIDENTIAL = ['secureHomesAndChildrenSHomes', 'otherResidentialSettings', 'residentialSchools'];

export function placementMix(p: Published, years: number[]): PlacementMix | undefined {
  const ys = detailYears(p, years, 'claAt31MarchByPlacement');
  let foster = 0;
  let residential = 0;
  let all = 0;
  for (const y of ys) {
    for (const [k, n] of Object.entries(p.breakdown('claAt31MarchByPlacement', y)!)) {
      all += n;
      if (k === 'fosterPlacements') foster += n;
      else if (RESIDENTIAL.includes(k)) residential += n;
    }
  }
  if (all === 0) return undefined;
  return { fostering: foster / all, residential: residential / all, other: (all - foster - residential) / all, years: ys, source: `${p.breakdownSource('claAt31MarchByPlacement', ys[0]!)!.replace(/, \d{4}$/, '')}, ${span(ys)}` };
}
