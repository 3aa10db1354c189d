// A scenario's care part from a council's own episodes: month 0's children looked after and their ages, the placement
// mix at entry by age, changes of placement, and each route's hazard out of care scaled, as the council builder
// scales it from DfE's tables (src/councils/build-scenario.ts), by the council's own exits by route per child in care
// against the Leeds rates the routes were fitted to. Every value says it came from the council's own return.
import { central } from '../councils/build-scenario';
import { LEEDS_FITTED_RATES, leedsRouteMultipliers } from '../councils/care-fit';
import { ENGLAND_REFERRAL_AGE_MIX } from '../scenario/age-defaults';
import { AGE_BANDS, PLACEMENTS, type Placement } from '../scenario/schema';
import type { ImportResult } from './import';
import { bandAt, type CareSummary } from './summary';

/* eslint-disable @typescript-eslint/no-explicit-any -- plain scenario JSON */
type Json = any;

const round = (x: number, places: number) => Number(x.toFixed(places));
const OWN = "the council's own SSDA903 return";

/** The base scenario with its care part fitted to the episodes; what could not be fitted is said. */
export function fitCareFromEpisodes(base: Json, imported: ImportResult, summary: CareSummary): { scenario: Json; notes: string[] } {
  const s = structuredClone(base) as Json;
  const notes: string[] = [];
  const last = summary.months.length - 1;
  if (last < 0) return { scenario: s, notes: ['no episodes to fit to'] };
  const span = `${summary.months[0]} to ${summary.months[last]}`;
  // Month 0: 31 March before the first return's year, the first month end whose children in care the return holds
  // whole (a child who left before that year is in no file), so that the run can be set beside the council's own
  // series from there to the data's end (observed). To forecast, move the start month to the latest 31 March.
  const firstYear = Math.min(...imported.files.map((f) => f.year ?? Infinity));
  const zeroLabel = Number.isFinite(firstYear) && summary.months.includes(`${firstYear}-03`) ? `${firstYear}-03` : summary.months[last]!;
  const zero = summary.months.indexOf(zeroLabel);
  const endLabel = zeroLabel;
  s.startMonth = zeroLabel;
  s.initialStocks.cla = { value: summary.cla[zero], unit: 'children', source: `${OWN}: children looked after at the end of ${zeroLabel} (periods of care open then)` };
  if (zero < last) {
    s.observed = {
      startMonth: zeroLabel,
      arm: 0,
      source: `${OWN}: children looked after at each month end, periods of care starting and ending each month, ${zeroLabel} to ${summary.months[last]}`,
      series: { cla: summary.cla.slice(zero), claEntries: summary.entries.slice(zero), claExits: summary.exits.slice(zero) },
    };
    s.simulation = { ...s.simulation, horizonMonths: Math.max(s.simulation.horizonMonths, last - zero) };
  } else delete s.observed;
  const endDay = Date.UTC(Number(endLabel.slice(0, 4)), Number(endLabel.slice(5, 7)), 0) / 86_400_000;
  const ages = Object.fromEntries(AGE_BANDS.map((b) => [b, 0])) as Record<(typeof AGE_BANDS)[number], number>;
  for (const p of imported.periods) if (p.start <= endDay && (p.end === null || p.end > endDay)) ages[bandAt((endDay - p.dob) / 365.25)]++;
  const inCare = Object.values(ages).reduce((a, b) => a + b, 0);
  if (inCare > 0) s.initialStocks.claAgeMix = { shares: normalised(ages), source: `${OWN}: ages of the ${inCare} children looked after at the end of ${endLabel}` };

  // Referred children's ages: the council's own ages at entry stand in (as the council builder takes DfE's starters),
  // with England's mix as a prior worth 20 children so that a band with no entry in the window is not empty.
  const entries = AGE_BANDS.map((b) => summary.entriesByAge[b]);
  const entered = entries.reduce((a, b) => a + b, 0);
  if (entered > 0 && s.demand) {
    const prior = ENGLAND_REFERRAL_AGE_MIX.shares;
    s.demand.ageMix = {
      shares: normalised(Object.fromEntries(AGE_BANDS.map((b, i) => [b, entries[i]! + 20 * prior[b]])) as Record<(typeof AGE_BANDS)[number], number>),
      source: `assumption: the ages at entry of the ${entered} periods of care starting in ${span} (${OWN}: ${entries.join(' / ')}) stand in for referred children's, with England's mix as a prior worth 20 children`,
    };
  }

  // Placement at entry: the kinship share (the family's), and the other placements by age band at entry.
  const entry = summary.placementAtEntry;
  const all = AGE_BANDS.reduce((a, b) => a + PLACEMENTS.reduce((x, p) => x + entry[b][p], 0), 0);
  if (all > 0) {
    const kin = AGE_BANDS.reduce((a, b) => a + entry[b].kinship, 0);
    const shares = Object.fromEntries(PLACEMENTS.map((p) => [p, AGE_BANDS.reduce((a, b) => a + entry[b][p], 0)])) as Record<Placement, number>;
    s.pathway.cla.placements = { shares: normalised(shares), source: `${OWN}: placement at the start of the ${all} periods of care that start in ${span} (PLACE and PLACE_PROVIDER of each period's first episode; ${kin} with relatives or friends)` };
    if (s.pathway.cla.placementByAge) {
      const rows: Json = {};
      for (const b of AGE_BANDS) {
        const nonKin = PLACEMENTS.filter((p) => p !== 'kinship');
        const n = nonKin.reduce((a, p) => a + entry[b][p], 0);
        // A band with fewer than 10 entries keeps the default row: too few to say.
        rows[b] = n >= 10 ? normalised(Object.fromEntries(nonKin.map((p) => [p, entry[b][p]]))) : s.pathway.cla.placementByAge.shares[b];
        if (n < 10) notes.push(`placement at entry for ${b}: ${n} entries, too few; the default row is kept`);
      }
      s.pathway.cla.placementByAge = { shares: rows, source: `${OWN}: placement at entry by age band at entry, ${span}, of the children not placed with relatives or friends` };
    }
  }
  // Changes of placement: every default move rate scaled so their sum is the council's own rate.
  const moves = s.pathway.cla.placementMoves?.moves as Json[] | undefined;
  // Fewer than 10 changes of placement are too few to set a rate by: the defaults are kept.
  if (moves?.length && summary.moves.count < 10) notes.push(`${summary.moves.count} changes of placement in the return, too few to fit a rate: the default rates are kept`);
  else if (moves?.length && summary.moves.childYears > 0) {
    const total = moves.reduce((a, m) => a + central(m.perChildYear), 0);
    const k = summary.moves.perChildYear / total;
    for (const m of moves) {
      const q = m.perChildYear;
      m.perChildYear = q.value !== undefined ? { ...q, value: round(q.value * k, 4) } : { ...q, min: round(q.min * k, 4), max: round(q.max * k, 4), ...(q.mode !== undefined ? { mode: round(q.mode * k, 4) } : {}) };
      m.perChildYear.source = `${OWN}: the default rates scaled by ${round(k, 3)} so that they sum to the council's ${round(summary.moves.perChildYear, 3)} changes of placement a child-year (${summary.moves.count} in ${round(summary.moves.childYears, 0)} child-years, ${span})`;
    }
  }
  // Routes out of care: exits by route a year per child in care against Leeds's fitted rates.
  const meanInCare = summary.cla.reduce((a, b) => a + b, 0) / summary.cla.length;
  const years = summary.months.length / 12;
  if (s.pathway.cla.routes && meanInCare > 0) {
    for (const r of ['returnHome', 'specialGuardianship', 'adoption'] as const) {
      const rate = summary.exitsByRoute[r] / years / meanInCare;
      const ratio = rate / LEEDS_FITTED_RATES[r].rate;
      const h = s.pathway.cla.routes[r].hazardByAgeAtEntry;
      h.multipliers = leedsRouteMultipliers(r).map((m) => round(m * ratio, 4));
      h.source = `${OWN}: Leeds's fitted multipliers × ${round(ratio, 3)}, ${summary.exitsByRoute[r]} exits by this route in ${span} (${round(rate, 4)} a year per child in care) over ${LEEDS_FITTED_RATES[r].what}`;
    }
  }
  return { scenario: s, notes };
}

function normalised<K extends string>(counts: Record<K, number>): Record<K, number> {
  const keys = Object.keys(counts) as K[];
  const total = keys.reduce((a, k) => a + counts[k], 0);
  const out = Object.fromEntries(keys.map((k) => [k, round(counts[k] / total, 4)])) as Record<K, number>;
  const lastKey = keys[keys.length - 1]!;
  out[lastKey] = round(1 - keys.slice(0, -1).reduce((a, k) => a + out[k], 0), 4);
  return out;
}

