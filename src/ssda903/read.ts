// Reading a council's SSDA903 header and episodes files: each row checked, its problems listed with file, row and
// column, and the rows that cannot be used set aside with the reason; the rest go on. Pure (runs in the page's worker).
import { readCsv } from './csv';
import { codeField, codeProblem } from './codes';

export const HEADER_COLUMNS = ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'] as const;
export const EPISODE_COLUMNS = ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'] as const;
/** The columns the analysis needs: a file without one of them cannot be read. */
const NEEDED = { header: ['CHILD', 'SEX', 'DOB'], episodes: ['CHILD', 'DECOM', 'RNE', 'PLACE', 'DEC', 'REC'] } as const;

export type FileKind = 'header' | 'episodes';

export interface Problem {
  file: string;
  /** The file's line the row starts on (1 is the column names). */
  row: number;
  column?: string;
  child?: string;
  message: string;
  /** Whether the row was set aside (else it is used, and the problem is only said). */
  setAside: boolean;
  /** A short name for the kind of problem, to count them by. */
  kind: string;
}

export interface HeaderRow {
  child: string;
  sex: string;
  /** Date of birth, days since 1970-01-01 (UTC). */
  dob: number;
  file: string;
  row: number;
}

export interface EpisodeRow {
  child: string;
  /** Start and end dates, days since 1970-01-01; end null while the episode is open. */
  decom: number;
  dec: number | null;
  rne: string;
  ls: string;
  place: string;
  provider: string;
  rec: string | null;
  file: string;
  row: number;
  /** The collection year the file is for (the calendar year it starts in: 2024 for 2024-25), if it could be told. */
  year: number | undefined;
}

export interface ReadFile {
  name: string;
  kind: FileKind;
  rows: number;
  year: number | undefined;
}

/** "dd/mm/yyyy" → days since 1970-01-01, or undefined. Also accepts yyyy-mm-dd, as some systems export. */
export function parseDate(text: string): number | undefined {
  const t = text.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  let [d, mo, y] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m) {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (!m) return undefined;
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || y < 1900 || y > 2100) return undefined;
  return ms / 86_400_000;
}

/** The collection year (April to March) a day falls in: the calendar year it starts in. */
export function collectionYear(day: number): number {
  const d = new Date(day * 86_400_000);
  return d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
}

/** What kind of SSDA903 file the columns say this is, or why it is neither. */
export function fileKind(columns: string[]): { kind: FileKind } | { problem: string } {
  const has = (cs: readonly string[]) => cs.every((c) => columns.includes(c));
  if (has(NEEDED.episodes)) return { kind: 'episodes' };
  if (has(NEEDED.header)) return { kind: 'header' };
  const missingE = NEEDED.episodes.filter((c) => !columns.includes(c));
  const missingH = NEEDED.header.filter((c) => !columns.includes(c));
  return { problem: `neither an episodes file (it lacks ${missingE.join(', ')}) nor a header file (it lacks ${missingH.join(', ')})` };
}

/** Reads one file's rows: typed rows and the problems, each row checked on its own (the checks across rows come after). */
export function readFile(name: string, text: string): { file?: ReadFile; headers: HeaderRow[]; episodes: EpisodeRow[]; problems: Problem[] } {
  const csv = readCsv(text);
  const problems: Problem[] = [];
  const found = fileKind(csv.columns);
  if ('problem' in found) {
    problems.push({ file: name, row: 1, message: `${name} is ${found.problem}: it was not read`, setAside: true, kind: 'not an SSDA903 file' });
    return { headers: [], episodes: [], problems };
  }
  const kind = found.kind;
  if (csv.unclosedQuoteAt !== undefined) problems.push({ file: name, row: csv.unclosedQuoteAt, message: 'a quote opened here is never closed: the rest of the file is one field', setAside: false, kind: 'unclosed quote' });
  const index = new Map(csv.columns.map((c, i) => [c, i]));
  const cell = (fields: string[], column: string) => (fields[index.get(column) ?? -1] ?? '').trim();
  const headers: HeaderRow[] = [];
  const episodes: EpisodeRow[] = [];
  // The file's collection year: a year in its name ("2019-episodes.csv": 2019-20, as the cs-demand-model samples
  // are named), else the one its latest start date falls in (a return covers April to March).
  let latest = -Infinity;
  if (kind === 'episodes') for (const r of csv.records) latest = Math.max(latest, parseDate(cell(r.fields, 'DECOM')) ?? -Infinity);
  const year = yearInName(name) ?? (Number.isFinite(latest) ? collectionYear(latest) : undefined);
  for (const { fields, line } of csv.records) {
    const child = cell(fields, 'CHILD');
    const say = (column: string | undefined, message: string, setAside: boolean, what: string) => problems.push({ file: name, row: line, ...(column ? { column } : {}), ...(child ? { child } : {}), message, setAside, kind: what });
    if (fields.length !== csv.columns.length) say(undefined, `the row has ${fields.length} fields, the file ${csv.columns.length} columns`, false, 'wrong number of fields');
    if (!child) {
      say('CHILD', 'no child identifier: the row cannot be joined to anything', true, 'no child');
      continue;
    }
    if (kind === 'header') {
      const dob = parseDate(cell(fields, 'DOB'));
      const sex = cell(fields, 'SEX');
      const sexProblem = codeProblem('SEX', sex, year);
      if (sexProblem) say('SEX', sexProblem, false, 'code not valid for the year');
      if (dob === undefined) {
        say('DOB', `date of birth ${JSON.stringify(cell(fields, 'DOB'))} is not a date written dd/mm/yyyy: the child's ages cannot be told`, true, 'bad date');
        continue;
      }
      headers.push({ child, sex, dob, file: name, row: line });
      continue;
    }
    const decomText = cell(fields, 'DECOM');
    const decText = cell(fields, 'DEC');
    const decom = parseDate(decomText);
    const dec = decText === '' ? null : parseDate(decText);
    const rec = cell(fields, 'REC') || null;
    let aside = false;
    if (decom === undefined) say('DECOM', `start date ${JSON.stringify(decomText)} is not a date written dd/mm/yyyy`, (aside = true), 'bad date');
    if (dec === undefined) say('DEC', `end date ${JSON.stringify(decText)} is not a date written dd/mm/yyyy`, (aside = true), 'bad date');
    if (decom !== undefined && typeof dec === 'number' && dec < decom) say('DEC', `the episode ends (${decText}) before it starts (${decomText})`, (aside = true), 'ends before it starts');
    // Open episodes with a reason filled in are common in exports (the samples have hundreds): taken as still open.
    if (rec && dec === null) say('REC', `a reason for ceasing (REC ${rec}) with no end date (DEC): taken as still open, the reason ignored`, false, 'reason for ceasing with no end date');
    if (!rec && typeof dec === 'number') say('REC', `an end date (DEC ${decText}) with no reason for ceasing (REC)`, (aside = true), 'end date with no reason for ceasing');
    // A code the analysis reads sets the row aside when it is no code of its field (or missing); a known code of
    // another year (a legacy REC E43, a PLACE of an older list) is said and the row used, its meaning being clear.
    for (const [column, used] of [['RNE', true], ['PLACE', true], ['REC', true], ['PLACE_PROVIDER', false], ['LS', false], ['CIN', false], ['REASON_PLACE_CHANGE', false]] as const) {
      const code = cell(fields, column);
      if (!code && (!used || column === 'REC')) continue;
      const p = code ? codeProblem(column, code, year) : `no ${column}`;
      const known = !!code && isKnown(column, code);
      if (p) say(column, p, used && !known && (aside = true), known ? 'code not valid for the year' : 'not a code of its field');
    }
    if (aside || decom === undefined || dec === undefined) continue;
    episodes.push({ child, decom, dec, rne: cell(fields, 'RNE'), ls: cell(fields, 'LS'), place: cell(fields, 'PLACE').toUpperCase(), provider: cell(fields, 'PLACE_PROVIDER'), rec: dec === null ? null : rec, file: name, row: line, year });
  }
  return { file: { name, kind, rows: csv.records.length, year }, headers, episodes, problems };
}

/** A collection year from a file name: "2019-20" or "2019_20" (2019), or a lone year, "2019-episodes.csv" (2019). */
function yearInName(name: string): number | undefined {
  const m = /(20\d\d)(?:[-_ ]?(\d\d)(?!\d))?/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** Whether a code is one of its field's, in any year or none (a legacy code included), as the code lists have it. */
function isKnown(field: string, code: string): boolean {
  const codes = codeField(field)?.codes;
  return !!codes && (Object.prototype.hasOwnProperty.call(codes, code) || Object.prototype.hasOwnProperty.call(codes, code.toUpperCase()));
}
