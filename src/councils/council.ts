// Every English council's published children's social care figures, by year, from the committed table
// (scenarios/councils/councils.json, written by `npm run build:councils`). Pure: no Node, no DOM.
import raw from '../../scenarios/councils/councils.json';

/** Where a figure is read: a DfE file, its column, the rows it is taken from, and the years this file gives. */
export interface FigureSource {
  file: string;
  column: string;
  where?: Record<string, string>;
  /** The years this file gives the figure for councils (null: none, only England and the regions). */
  years: [number, number] | null;
  /** The years it gives for England and the regions, where they differ. */
  areaYears?: [number, number];
}

interface CouncilInfo {
  name: string;
  region: string;
  onsCodes: string[];
  years: [number, number];
  neighbours: string[];
}

/** Where a DfE file was copied from: repository, commit (and blob, for an older version of a file), path. */
export interface FileOrigin {
  repository: string;
  commit: string;
  path: string;
  blob?: string;
  decoded?: true;
  /** Council-years inside the file's years that it has no row for (code → years). */
  councilYearsAbsent?: Record<string, number[]>;
}

export interface Reorganisation {
  date: string;
  from: string[];
  to: string[];
  what: string;
}

/** The committed table's shape (see src/cli/dev/build-councils.ts). */
export interface CouncilTable {
  schemaVersion: 1;
  attribution: string;
  provenance: { files: Record<string, FileOrigin> } & Record<string, unknown>;
  sources: Record<string, { unit: string; sources: FigureSource[] }>;
  reorganisations: Reorganisation[];
  figures: string[];
  councils: Record<string, { info: CouncilInfo; rows: Record<string, (number | null)[]> }>;
  areas: Record<string, Record<string, (number | null)[]>>;
}

export const COUNCIL_TABLE = raw as unknown as CouncilTable;

/** One published figure of a council in a year. */
export interface CouncilFigure {
  key: string;
  value: number;
  unit: string;
  /** The release the value was taken from (the newest that has the year), with the repository and commit of its file. */
  source: Omit<FigureSource, 'years' | 'areaYears'> & Omit<FileOrigin, 'councilYearsAbsent'>;
}

/** A figure the council has no value for in that year, and why. */
export interface MissingFigure {
  key: string;
  reason: 'suppressed or not published for this council' | 'council not in this file for this year' | 'not in the files for this year';
}

export interface CouncilFigures {
  /** DfE's three-digit code (old_la_code). */
  code: string;
  name: string;
  region: string;
  /** The year ending 31 March (finance: the financial year ending then). */
  year: number;
  onsCodes: string[];
  /** The ten statistical neighbours (DfE's April 2021 groupings), closest first. */
  neighbours: { code: string; name: string }[];
  figures: CouncilFigure[];
  missing: MissingFigure[];
  /** The reorganisations this council was part of, in words. */
  reorganisations: string[];
  attribution: string;
}

export type CouncilResult = { ok: true; value: CouncilFigures } | { ok: false; error: string; nearest: string[] };

/** A name as people type it: case, punctuation, "&" and DfE's ", City of" / ", County of" endings ignored. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/,\s*(city|county) of\s*$/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

const label = (code: string) => `${COUNCIL_TABLE.councils[code]!.info.name} (${code})`;

/** The councils whose names are nearest to `text`, as "Name (code)", at most `n`. */
export function nearestCouncils(text: string, n = 3): string[] {
  const q = normaliseName(text);
  const scored = Object.entries(COUNCIL_TABLE.councils).map(([code, c]) => {
    const name = normaliseName(c.info.name);
    const score = name.includes(q) || (q.length > 2 && q.includes(name)) ? 0 : editDistance(q, name) / Math.max(q.length, name.length);
    return { code, score };
  });
  scored.sort((a, b) => a.score - b.score || a.code.localeCompare(b.code));
  return scored.slice(0, n).map((s) => label(s.code));
}

/** The council codes numerically nearest to a three-digit code, as "Name (code)", at most `n`. */
export function nearestCodes(code: string, n = 3): string[] {
  const x = Number(code);
  return Object.keys(COUNCIL_TABLE.councils)
    .sort((a, b) => Math.abs(Number(a) - x) - Math.abs(Number(b) - x) || a.localeCompare(b))
    .slice(0, n)
    .map(label);
}

/** The codes whose name is `text` exactly, else the one name `text` begins, else the one name containing it (as typed, normalised). */
function codesNamed(text: string): { codes: string[]; ambiguous?: string[] } {
  const t = COUNCIL_TABLE;
  const q = normaliseName(text);
  const all = Object.keys(t.councils);
  const nameOf = (code: string) => normaliseName(t.councils[code]!.info.name);
  const exact = all.filter((code) => nameOf(code) === q);
  if (exact.length || q.length < 3) return { codes: exact };
  for (const match of [(n: string) => n.startsWith(`${q} `), (n: string) => ` ${n} `.includes(` ${q} `), (n: string) => n.includes(q)]) {
    const codes = all.filter((code) => match(nameOf(code)));
    const names = [...new Set(codes.map((c) => t.councils[c]!.info.name))];
    if (names.length === 1) return { codes };
    if (names.length > 1) return { codes: [], ambiguous: codes.map(label) };
  }
  return { codes: [] };
}

/** The figures a council published for a year (the latest year it has when `year` is omitted), found by DfE code or by name (exact, or a unique prefix or part). */
export function council(codeOrName: string, year?: number): CouncilResult {
  const t = COUNCIL_TABLE;
  const text = codeOrName.trim();
  let codes: string[];
  if (/^\d{3}$/.test(text)) {
    if (!t.councils[text]) {
      const nearest = nearestCodes(text);
      return { ok: false, error: `${text} is not a DfE council code; nearest codes: ${nearest.join(', ')}`, nearest };
    }
    codes = [text];
  } else {
    const named = codesNamed(text);
    if (named.ambiguous) {
      const shown = named.ambiguous.slice(0, 8);
      const more = named.ambiguous.length - shown.length;
      return { ok: false, error: `${JSON.stringify(text)} matches more than one council: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`, nearest: shown };
    }
    codes = named.codes;
  }
  if (codes.length === 0) {
    const nearest = nearestCouncils(text);
    return { ok: false, error: `no council ${JSON.stringify(text)} in the table; nearest: ${nearest.join(', ')}`, nearest };
  }
  // A name two codes have carried (Dorset: 835 to 2019, 838 from 2020) is the one that has the year, else the newer.
  codes.sort((a, b) => t.councils[b]!.info.years[1] - t.councils[a]!.info.years[1]);
  const code = codes.find((c) => year === undefined || t.councils[c]!.rows[year] !== undefined) ?? codes[0]!;
  const entry = t.councils[code]!;
  const years = Object.keys(entry.rows).map(Number);
  const y = year ?? Math.max(...years);
  const reorganisations = t.reorganisations.filter((r) => r.from.includes(code) || r.to.includes(code));
  const row = entry.rows[y];
  if (!row) {
    const successors = reorganisations.flatMap((r) => (r.from.includes(code) ? r.to.filter((c) => c !== code) : []));
    const predecessors = reorganisations.flatMap((r) => (r.to.includes(code) ? r.from.filter((c) => c !== code) : []));
    // Only councils that have figures for that year are named.
    const others = (y > Math.max(...years) ? successors : predecessors).filter((c) => t.councils[c]?.rows[y] !== undefined);
    const nearest = others.map(label);
    const years_ = `${Math.min(...years)}–${Math.max(...years)}`;
    return {
      ok: false,
      error: `${label(code)} has figures for ${years_}, not ${y}${nearest.length ? `; for ${y} see ${nearest.join(', ')}` : ''}`,
      nearest: nearest.length ? nearest : [label(code)],
    };
  }
  const figures: CouncilFigure[] = [];
  const missing: MissingFigure[] = [];
  t.figures.forEach((key, i) => {
    const meta = t.sources[key]!;
    const value = row[i] ?? null;
    const source = meta.sources.find((s) => s.years !== null && s.years[0] <= y && y <= s.years[1]);
    if (value === null || !source) {
      const absent = source && t.provenance.files[source.file]?.councilYearsAbsent?.[code]?.includes(y);
      missing.push({ key, reason: !source ? 'not in the files for this year' : absent ? 'council not in this file for this year' : 'suppressed or not published for this council' });
      return;
    }
    const { years: _years, areaYears: _areaYears, ...release } = source;
    const { councilYearsAbsent: _absent, ...origin } = t.provenance.files[source.file]!;
    figures.push({ key, value, unit: meta.unit, source: { ...release, ...origin } });
  });
  return {
    ok: true,
    value: {
      code,
      name: entry.info.name,
      region: entry.info.region,
      year: y,
      onsCodes: entry.info.onsCodes,
      neighbours: entry.info.neighbours.map((c) => ({ code: c, name: t.councils[c]?.info.name ?? '' })),
      figures,
      missing,
      reorganisations: reorganisations.map((r) => `${r.date}: ${r.what}`),
      attribution: t.attribution,
    },
  };
}

/** A figure's value in a council's figures, or undefined when it is missing. */
export function figureValue(f: CouncilFigures, key: string): number | undefined {
  return f.figures.find((x) => x.key === key)?.value;
}
