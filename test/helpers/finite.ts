// Where a result holds a number that is not finite: the sweep and the fuzz test both ask it of whole summaries.

type Json = Record<string, unknown>;

/** Where a result says null on purpose: a ratio no run could form (the arm costs nothing more), a price year with no deflator. */
const DOCUMENTED_NULL = /\.(roi|benefitCostRatio|priceYear)$/;

/** Every number in a result, with where it is, that is not finite (JSON would print NaN and Infinity as null). */
export function notFinite(value: unknown, at = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${at}: ${value}`];
  if (value === null) return DOCUMENTED_NULL.test(at) ? [] : [`${at}: null`];
  if (ArrayBuffer.isView(value)) return Array.from(value as Float64Array).flatMap((v, i) => notFinite(v, `${at}[${i}]`));
  if (Array.isArray(value)) return value.flatMap((v, i) => notFinite(v, `${at}[${i}]`));
  if (typeof value === 'object') return Object.entries(value as Json).flatMap(([k, v]) => notFinite(v, `${at}.${k}`));
  return [];
}

/** A command's stderr less its `note:` lines (what it says about a run it did, such as an appraisal cut short): what is left is a problem. */
export function withoutNotes(stderr: string): string {
  return stderr.replace(/^note: .*\n/gm, '');
}
