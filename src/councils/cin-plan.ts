// The model's CIN state (children on a child in need plan) from the published counts. DfE's children in need on
// 31 March (b1 At31_episodes) counts every open case: children on a CP plan, children looked after, and children in
// need with neither (on a CIN plan, being assessed, disabled children's packages, ...). So
//
//   CIN-plan stock = share × (children in need − on a CP plan − looked after), on 31 March,
//
// with `share` an input with a range. The published CLA and CP counts are the model's CLA and CP stocks directly.
// At a date between two 31 Marches the three counts' difference is interpolated linearly; where one of the two
// years lacks a count, the nearest complete 31 March is used and the result says so.
import { council, figureValue } from './council';

/** The share of children in need (neither on a CP plan nor looked after) who are on a CIN plan: low, most likely, high. */
export interface CinPlanShare {
  low: number;
  mode: number;
  high: number;
}

/**
 * Default share: 0.6, from 0.5 to 0.7. The two councils whose CIN-plan stock the seeds give imply 0.59 (Leeds, August
 * 2015, against 31 March 2016) and 0.63 (Darlington, October 2019, interpolated): test/councils/cin-plan.test.ts.
 */
export const CIN_PLAN_SHARE: CinPlanShare = { low: 0.5, mode: 0.6, high: 0.7 };

export interface CinPlanStock {
  /** Children on a CIN plan at the date: the share's low, most likely and high. */
  low: number;
  mode: number;
  high: number;
  /** Children in need who are neither on a CP plan nor looked after, at the date. */
  otherChildrenInNeed: number;
  /** The 31 March years the counts were taken from, with each year's weight. */
  from: { year: number; weight: number; cin: number; cp: number; cla: number }[];
  note?: string;
}

export type CinPlanResult = { ok: true; value: CinPlanStock } | { ok: false; error: string };

/** The three published counts on 31 March of `year`, or undefined if the council lacks any of them. */
function countsOn(codeOrName: string, year: number) {
  const r = council(codeOrName, year);
  if (!r.ok) return undefined;
  const cin = figureValue(r.value, 'cinAt31March');
  const cp = figureValue(r.value, 'cppAt31March');
  const cla = figureValue(r.value, 'claAt31March');
  return cin === undefined || cp === undefined || cla === undefined ? undefined : { year, cin, cp, cla };
}

const DAY_MS = 86_400_000;

/** The CIN-plan stock of a council at a date (`YYYY-MM-DD`), derived from the published 31 March counts. */
export function cinPlanStock(codeOrName: string, date: string, share: CinPlanShare = CIN_PLAN_SHARE): CinPlanResult {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return { ok: false, error: `date must be YYYY-MM-DD, got ${JSON.stringify(date)}` };
  if (!(0 <= share.low && share.low <= share.mode && share.mode <= share.high && share.high <= 1)) return { ok: false, error: 'share must satisfy 0 ≤ low ≤ mode ≤ high ≤ 1' };
  const found = council(codeOrName);
  if (!found.ok) return { ok: false, error: found.error };
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // The 31 March on or before the date, and the one after.
  const y0 = at >= Date.UTC(Number(m[1]), 2, 31) ? Number(m[1]) : Number(m[1]) - 1;
  const before = countsOn(codeOrName, y0);
  const after = countsOn(codeOrName, y0 + 1);
  const t = (at - Date.UTC(y0, 2, 31)) / (Date.UTC(y0 + 1, 2, 31) - Date.UTC(y0, 2, 31));
  let from: CinPlanStock['from'];
  let note: string | undefined;
  if (before && after) from = [{ ...before, weight: 1 - t }, { ...after, weight: t }].filter((f) => f.weight > 0);
  else if (before || after) {
    const only = (before ?? after)!;
    const missingYear = before ? y0 + 1 : y0;
    from = [{ ...only, weight: 1 }];
    note = `31 March ${missingYear} lacks a count (CIN, CP or CLA); the nearest complete 31 March, ${only.year}, ${Math.round(Math.abs(at - Date.UTC(only.year, 2, 31)) / DAY_MS)} days away, is used`;
  } else return { ok: false, error: `${found.value.name} lacks the CIN, CP or CLA count on 31 March ${y0} and ${y0 + 1}` };
  const other = from.reduce((sum, f) => sum + f.weight * (f.cin - f.cp - f.cla), 0);
  return { ok: true, value: { low: share.low * other, mode: share.mode * other, high: share.high * other, otherChildrenInNeed: other, from, ...(note ? { note } : {}) } };
}
