// What a council's own episodes give that published tables do not (issue 28): children looked after month by month,
// entries and exits, ages at entry, the placement mix at entry by age, changes of placement, re-entries, and time to
// leave care by route with the periods still open counted as censored (Aalen–Johansen cumulative incidence, the
// competing-risks form of Kaplan–Meier). Pure.
import { AGE_BANDS, CARE_ROUTES, PLACEMENTS, type AgeBand, type CareRoute, type Placement } from '../scenario/schema';
import type { Period } from './import';

/**
 * How a period ended, as the model's routes: a child leaving at 18 or over left on its birthday in the model,
 * whatever REC says (E5–E7 independent living or adult care, E17 staying with carers: mostly 18-year-olds); under 18,
 * its reason (src/scenario/ceased-reasons.ts's mapping).
 */
export function routeOfPeriod(p: { reason: string | null; end: number | null; dob: number }): CareRoute | 'eighteen' {
  if (p.end !== null && ageYears(p.end, p.dob) >= 18) return 'eighteen';
  const r = routeOfReason(p.reason ?? '');
  return r === 'eighteen' ? 'other' : r;
}

/** DfE's reasons a period ended (REC) onto the model's routes; a child leaving at 18 or over is apart ('eighteen'). */
export function routeOfReason(rec: string): CareRoute | 'eighteen' {
  if (['E4A', 'E4B', 'E13'].includes(rec)) return 'returnHome';
  if (['E41', 'E43', 'E44', 'E45', 'E46', 'E47', 'E48'].includes(rec)) return 'specialGuardianship';
  if (['E11', 'E12'].includes(rec)) return 'adoption';
  if (['E17', 'E15'].includes(rec)) return 'eighteen';
  return 'other';
}

/**
 * A placement code onto the model's placements: fostering with relatives or friends is kinship; other fostering is
 * the council's own carers' (provider PR1, PR2, PR3) or an agency's (PR4, PR5); children's homes, secure homes, other
 * residential care and residential schools are residential; the rest (with parents, placed for adoption, independent
 * and supported living, temporary moves, other) are other.
 */
export function placementOf(place: string, provider: string): Placement {
  if (/^U[123]$/.test(place)) return 'kinship';
  if (/^U[456]$/.test(place)) return provider === 'PR4' || provider === 'PR5' ? 'independentFostering' : 'inHouseFostering';
  if (['K1', 'K2', 'R1', 'R2', 'R5', 'S1'].includes(place)) return 'residential';
  return 'other';
}

const BAND_START = [0, 1, 5, 10, 16];
export function bandAt(ageYears: number): AgeBand {
  let b = 0;
  while (b + 1 < BAND_START.length && ageYears >= BAND_START[b + 1]!) b++;
  return AGE_BANDS[b]!;
}
const ageYears = (day: number, dob: number) => {
  const d = new Date(day * 86_400_000);
  const b = new Date(dob * 86_400_000);
  return d.getUTCFullYear() - b.getUTCFullYear() - (d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate()) ? 1 : 0);
};

export interface CareSummary {
  /** Month labels "YYYY-MM" from the first episode's month to the last date's. */
  months: string[];
  /** Children looked after at each month's end; periods starting and ending in each month. */
  cla: number[];
  entries: number[];
  exits: number[];
  /** Periods whose start the data holds, by age band at entry. */
  entriesByAge: Record<AgeBand, number>;
  /** Placement at entry (the period's first episode) by age band at entry. */
  placementAtEntry: Record<AgeBand, Record<Placement, number>>;
  /** Children in care at the last month's end by placement. */
  placementAtEnd: Record<Placement, number>;
  /** Changes of placement (episodes after a period's first with a new carer, RNE P or B, not a temporary placement T0–T4), child-years in care in the window, and their rate. */
  moves: { count: number; childYears: number; perChildYear: number };
  /** Periods that are a child's second or later in the data. */
  reEntries: number;
  exitsByRoute: Record<CareRoute | 'eighteen', number>;
  /** Periods whose start the data holds, by time in care: each route's cumulative incidence at 1, 2, 3 and 5 years. */
  timeToExit: { periods: number; censored: number; years: number[]; byRoute: Record<CareRoute | 'eighteen', number[]>; stillInCare: number[] };
}

const monthLabel = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 7);
const monthEnd = (label: string) => Date.UTC(Number(label.slice(0, 4)), Number(label.slice(5, 7)), 0) / 86_400_000;

export function summariseCare(periods: Period[], from: number, to: number): CareSummary {
  const months: string[] = [];
  if (Number.isFinite(from)) for (let m = monthLabel(from); m <= monthLabel(to); ) {
    months.push(m);
    const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  const index = new Map(months.map((m, i) => [m, i]));
  const zero = () => months.map(() => 0);
  const cla = zero();
  const entries = zero();
  const exits = zero();
  const emptyPlacements = () => Object.fromEntries(PLACEMENTS.map((p) => [p, 0])) as Record<Placement, number>;
  const entriesByAge = Object.fromEntries(AGE_BANDS.map((b) => [b, 0])) as Record<AgeBand, number>;
  const placementAtEntry = Object.fromEntries(AGE_BANDS.map((b) => [b, emptyPlacements()])) as Record<AgeBand, Record<Placement, number>>;
  const placementAtEnd = emptyPlacements();
  const exitsByRoute = Object.fromEntries([...CARE_ROUTES, 'eighteen'].map((r) => [r, 0])) as Record<CareRoute | 'eighteen', number>;
  let moves = 0;
  let childDays = 0;
  let reEntries = 0;
  const lastEnd = months.length ? monthEnd(months[months.length - 1]!) : to;
  for (const p of periods) {
    const end = p.end ?? Infinity;
    months.forEach((m, i) => {
      const e = monthEnd(m);
      if (p.start <= e && end > e) cla[i]!++;
    });
    if (p.start > to) continue;
    // Entries (ages, placements, re-entries) only inside the window the returns observe: an earlier period is in the
    // data only because it lasted into the window.
    if (p.startSeen && p.start > from) {
      entries[index.get(monthLabel(p.start))!]!++;
      const band = bandAt(ageYears(p.start, p.dob));
      entriesByAge[band]++;
      const first = p.episodes[0]!;
      placementAtEntry[band][placementOf(first.place, first.provider)]++;
      if (p.before > 0) reEntries++;
    }
    if (p.end !== null && p.end <= to && p.end > from) {
      exits[index.get(monthLabel(p.end))!]!++;
      exitsByRoute[routeOfPeriod(p)]++;
    } else if (p.episodes.length) {
      const last = p.episodes[p.episodes.length - 1]!;
      if (last.decom <= lastEnd) placementAtEnd[placementOf(last.place, last.provider)]++;
    }
    moves += p.episodes.slice(1).filter((e) => e.decom > from && (e.rne === 'P' || e.rne === 'B') && !/^T\d$/.test(e.place)).length;
    childDays += Math.max(0, Math.min(p.end ?? to, to) - Math.max(p.start, from));
  }
  const childYears = childDays / 365.25;
  return {
    months, cla, entries, exits, entriesByAge, placementAtEntry, placementAtEnd,
    moves: { count: moves, childYears, perChildYear: childYears > 0 ? moves / childYears : 0 },
    reEntries, exitsByRoute,
    timeToExit: cumulativeIncidence(periods.filter((p) => p.startSeen && p.start > from && p.start <= to), to),
  };
}

/**
 * Aalen–Johansen: each route's cumulative incidence of leaving care by t, with periods still open at `to` censored
 * there. At each exit time the all-cause survival just before it times the share of those at risk leaving by that route.
 */
export function cumulativeIncidence(periods: Period[], to: number, years = [1, 2, 3, 5]): CareSummary['timeToExit'] {
  const routes = [...CARE_ROUTES, 'eighteen'] as const;
  const items = periods.map((p) => (p.end === null || p.end > to ? { t: to - p.start, route: null } : { t: p.end - p.start, route: routeOfPeriod(p) })).sort((a, b) => a.t - b.t);
  const longest = items.length ? items[items.length - 1]!.t : 0;
  let atRisk = items.length;
  let survival = 1;
  const incidence = Object.fromEntries(routes.map((r) => [r, 0])) as Record<(typeof routes)[number], number>;
  const byRoute = Object.fromEntries(routes.map((r) => [r, years.map(() => 0)])) as Record<(typeof routes)[number], number[]>;
  const stillInCare = years.map(() => 1);
  let next = 0;
  const record = (upTo: number) => {
    while (next < years.length && years[next]! * 365.25 < upTo) {
      for (const r of routes) byRoute[r][next] = incidence[r];
      stillInCare[next] = survival;
      next++;
    }
  };
  for (let i = 0; i < items.length; ) {
    const t = items[i]!.t;
    record(t);
    const leaving = Object.fromEntries(routes.map((r) => [r, 0])) as Record<(typeof routes)[number], number>;
    let left = 0;
    let censored = 0;
    for (; i < items.length && items[i]!.t === t; i++) {
      const route = items[i]!.route;
      if (route) (leaving[route]++, left++);
      else censored++;
    }
    if (atRisk > 0 && left > 0) {
      for (const r of routes) incidence[r] += (survival * leaving[r]) / atRisk;
      survival *= 1 - left / atRisk;
    }
    atRisk -= left + censored;
  }
  record(Infinity);
  // Past the longest follow-up nothing is known: no value.
  years.forEach((y, i) => {
    if (y * 365.25 > longest) {
      for (const r of routes) byRoute[r][i] = NaN;
      stillInCare[i] = NaN;
    }
  });
  return { periods: items.length, censored: items.filter((x) => x.route === null).length, years, byRoute, stillInCare };
}
