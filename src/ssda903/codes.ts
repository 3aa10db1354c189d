// The SSDA903 code lists and column types, from the committed src/ssda903/code-lists.json (written by
// `npm run build:903-codes` from ../shared/data/ssda903/): whether a code is valid for a field in a collection year,
// and why not. Pure: no Node, no DOM; the importer calls it in the page's worker.
import lists from './code-lists.json';

/** A code as the lists give it. */
export interface CodeEntry {
  /** DfE's description; null where the sources have none (PLACE Z11-Z14, MOTHER). */
  description: string | null;
  /** Collection years the code is valid in, each the calendar year it starts in (2024 for 2024-25); [] if none. */
  years: number[];
  /** Why a code in the lists is valid in no year: a legacy code, or a code DfE never had. */
  invalid?: { kind: string; reason: string };
  /** Where its validity was read (the CSV's validity_and_list_source). */
  source: string;
}

/** A coded field: DfE's name for it, its codes, and other writings of a code that the lists note (k3 for K3). */
export interface CodeField {
  label: string;
  writings?: Record<string, string>;
  codes: Record<string, CodeEntry>;
}

/** A column of the header or episodes file: its type and whether it may be blank. Dates are written dd/mm/yyyy. */
export type ColumnSpec = { name: string; type: 'date'; format: 'dd/mm/yyyy'; canBeBlank: boolean } | { name: string; type: 'code' | 'text'; canBeBlank: boolean };

interface CodeLists {
  years: { first: number; last: number; note: string };
  fields: Record<string, CodeField>;
  columns: { header: ColumnSpec[]; episodes: ColumnSpec[] };
}

const LISTS: CodeLists = { years: lists.years, fields: lists.fields, columns: lists.columns as CodeLists['columns'] };

/** The first and last collection years the lists know (2022: 2022-23); years outside are taken to use the nearest. */
export const CODE_LIST_YEARS = { first: LISTS.years.first, last: LISTS.years.last, note: LISTS.years.note };

/** The coded fields: RNE, LS, CIN, PLACE, PLACE_PROVIDER, REC, REASON_PLACE_CHANGE, SEX, ETHNIC, MOTHER. */
export const CODE_FIELDS: readonly string[] = Object.keys(LISTS.fields);

/** The header file's columns, in order, with their types. */
export const HEADER_SPECS: readonly ColumnSpec[] = LISTS.columns.header;
/** The episodes file's columns, in order, with their types. */
export const EPISODE_SPECS: readonly ColumnSpec[] = LISTS.columns.episodes;

/** "2024-25" for 2024. */
export function yearLabel(collectionYear: number): string {
  return `${collectionYear}-${String((collectionYear + 1) % 100).padStart(2, '0')}`;
}

/** The year whose list applies: the year itself, or the nearest the lists know. */
function listYear(collectionYear: number): number {
  return Math.min(Math.max(collectionYear, LISTS.years.first), LISTS.years.last);
}

const fieldOf = (field: string): CodeField | undefined => (Object.hasOwn(LISTS.fields, field) ? LISTS.fields[field] : undefined);

/** The code the lists know for `code` as written: itself, or the code a noted other writing stands for (k3 → K3). */
function entryOf(f: CodeField, code: string): [string, CodeEntry] | undefined {
  const canonical = f.writings && Object.hasOwn(f.writings, code) ? f.writings[code]! : code;
  return Object.hasOwn(f.codes, canonical) ? [canonical, f.codes[canonical]!] : undefined;
}

/** "from 2024-25", "to 2023-24", "2022-23 to 2024-25", "only in 2025-26": the years a code is valid, in words. */
function yearsInWords(years: number[]): string {
  const { first, last } = LISTS.years;
  const runs: [number, number][] = [];
  for (const y of years) {
    const run = runs.at(-1);
    if (run && y === run[1] + 1) run[1] = y;
    else runs.push([y, y]);
  }
  return runs
    .map(([a, b]) => (a === first ? `up to ${yearLabel(b)}` : b === last ? `from ${yearLabel(a)}` : a === b ? `only in ${yearLabel(a)}` : `${yearLabel(a)} to ${yearLabel(b)}`))
    .join(' and ');
}

/**
 * Why `code` is not a valid `field` code in `collectionYear` (the calendar year it starts in: 2024 for 2024-25), or
 * undefined if it is. With no year, a code valid in any year is accepted. Codes are compared as written, except the
 * other writings the lists note (PLACE "k3" for K3), which are taken as the code without a word.
 */
export function codeProblem(field: string, code: string, collectionYear: number | undefined): string | undefined {
  if (collectionYear !== undefined && !Number.isInteger(collectionYear)) throw new RangeError(`collection year ${collectionYear} is not a whole year`);
  const f = fieldOf(field);
  if (!f) return `${field} is not a coded SSDA903 field (the coded fields are ${CODE_FIELDS.join(', ')})`;
  if (code === '') return `${field} is blank, which is not a ${f.label} code`;
  const found = entryOf(f, code);
  if (!found) {
    const near = entryOf(f, code.trim().toUpperCase());
    const hint = near ? ` (codes are compared as written: ${near[0]} is one)` : '';
    return `${field} ${JSON.stringify(code)} is not a ${f.label} code${hint}`;
  }
  const [canonical, entry] = found;
  const named = [...(canonical !== code ? [canonical] : []), ...(entry.description ? [entry.description] : [])];
  const what = `${field} ${JSON.stringify(code)}${named.length ? ` (${named.join(', ')})` : ''}`;
  if (entry.invalid) return `${what} is ${entry.invalid.kind === 'legacy' ? 'a legacy code' : 'not a DfE code'}, valid in no year: ${entry.invalid.reason}`;
  if (collectionYear === undefined || entry.years.includes(listYear(collectionYear))) return undefined;
  const { first, last } = LISTS.years;
  const outside = collectionYear < first || collectionYear > last ? ` (the lists run ${yearLabel(first)} to ${yearLabel(last)}; ${yearLabel(collectionYear)} is taken to use the ${yearLabel(listYear(collectionYear))} list)` : '';
  return `${what} is not valid in ${yearLabel(collectionYear)}: it is valid ${yearsInWords(entry.years)}${outside}`;
}

/** DfE's description of a `field` code (as written, or a noted other writing of it); undefined if not a code or none is known. */
export function describe(field: string, code: string): string | undefined {
  const f = fieldOf(field);
  return (f && entryOf(f, code)?.[1].description) ?? undefined;
}

/** A coded field's label and codes, or undefined if `field` is not one. */
export function codeField(field: string): CodeField | undefined {
  return fieldOf(field);
}

/** The codes valid for `field` in `collectionYear` (the year's list, or the nearest the lists know). */
export function validCodes(field: string, collectionYear: number): string[] {
  const f = fieldOf(field);
  if (!f) return [];
  return Object.entries(f.codes).flatMap(([code, e]) => (e.years.includes(listYear(collectionYear)) ? [code] : []));
}
