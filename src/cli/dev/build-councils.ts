// `npm run build:councils`: reads DfE's published children's social care files from ../shared/data/dfe/ and writes
// scenarios/councils/councils.json, one row per council and year with the figures a scenario can use, each figure's
// file and column recorded once. This script, not the table, is the source of truth (test/cli/dev/build-councils.test.ts
// rebuilds the table and compares it byte for byte).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitQuietlyOnClosedPipe, isEntry, processIo, runCommand, type CliIo } from '../main-helpers';
import { UsageError } from '../options';
import { B1, BREAKDOWNS, CORE, LAIT, LAIT_MEASURES, NEIGHBOURS, ORIGINS, REORGANISATIONS, cellValue, parseCsv, type Spec } from './council-sources';

export { cellValue, parseCsv } from './council-sources';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Where the DfE files are, from the repository root. */
export const DFE_DIR = '../shared/data/dfe';
export const TABLE = 'scenarios/councils/councils.json';
/** The coverage the script prints, committed beside the table (and checked with it). */
export const COVERAGE = 'scenarios/councils/coverage.txt';
export const FIRST_YEAR = 2013;
export const LAST_YEAR = 2025;

type Area = { kind: 'council'; code: string } | { kind: 'national' } | { kind: 'region'; name: string };

/** Which area a row is: a council (by DfE code), England, a region, or none (the "statistical neighbours (median)" rows). */
function areaOf(get: (column: string) => string | undefined): Area | null {
  const level = get('geographic_level');
  if (level === 'Local authority') {
    const code = get('old_la_code') ?? '';
    if (!/^\d{3}$/.test(code)) throw new Error(`a council row without a three-digit old_la_code: ${JSON.stringify(code)}`);
    return { kind: 'council', code };
  }
  if (level === 'National') return { kind: 'national' };
  if (level === 'Regional') {
    const name = get('region_name') || get('geo_breakdown') || get('la_name');
    if (!name) throw new Error('a regional row without a region name');
    return { kind: 'region', name };
  }
  return null;
}

/** The columns that name a row rather than give a figure. */
const LABELS = new Set(['time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name', 'region_code', 'region_name', 'old_la_code', 'new_la_code', 'la_name', 'category', 'population_type', 'population_count', 'cla_group', 'characteristic', 'geo_breakdown', 'geo_breakdown_sn']);

/**
 * A row whose figures are all z (not applicable) or x (not available), at least one z: the files carry such rows for
 * a code in years it did not exist (Northamptonshire after 2021, Dorset's old codes after 2019, the new ones before).
 */
function notApplicable(header: string[], row: string[]): boolean {
  const cells = header.flatMap((h, i) => (LABELS.has(h) ? [] : [row[i]?.trim()]));
  // -400 is z in the decoded dashboard tables.
  return cells.every((c) => c === 'z' || c === '-400' || c === 'x') && cells.includes('z');
}

const areaKey = (a: Area) => (a.kind === 'council' ? a.code : a.kind === 'national' ? 'England' : a.name);

/** Characteristics longer than eight words, named by hand (cut at eight words they lose their meaning). */
const LONG_NAMES: Record<string, string> = {
  'Other public provision (e.g. by a PCT etc)': 'otherPublicProvision',
  'Placed with parents or other person with parental responsibility': 'placedWithParents',
  'Aged 18 (or over) and remained with current carers': 'aged18OrOverStayedWithCarers',
  'Left care to live with parents, relatives or other person with no parental responsibility': 'leftCareToLiveWithParentsRelativesOrOthers',
  'Returned home to live with parents or other person with parental responsibility which was part of the care planning process': 'returnedHomeInCarePlan',
  'Returned home to live with parents or other person with parental responsibility which was not part of the care planning process': 'returnedHomeNotInCarePlan',
  'Transferred to residential care funded by adult social services': 'transferredToAdultSocialCareResidential',
};

/** camelCase of a characteristic's words ("Foster placements" → "fosterPlacements"); one of more than eight words must be named in LONG_NAMES. */
export function slug(text: string): string {
  const named = LONG_NAMES[text];
  if (named) return named;
  const words = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length > 8) throw new Error(`characteristic ${JSON.stringify(text)} has more than eight words: name it in LONG_NAMES`);
  return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

interface Source {
  file: string;
  column: string;
  where?: Record<string, string>;
  /** The years this source gives the figure for councils (the years a newer source also has are taken from that one); null: none. */
  years: [number, number] | null;
  /** The years it gives for England and the regions, where they differ. */
  areaYears?: [number, number];
}

/** area key → year → figure key → value (null: published as suppressed or not applicable). */
type Store = Map<string, Map<number, Map<string, { value: number | null; sourceIndex: number }>>>;

interface CouncilInfo {
  code: string;
  name: string;
  region: string;
  onsCodes: Set<string>;
  years: Set<number>;
}

export interface BuildResult {
  /** The table's text, as committed. */
  text: string;
  /** The coverage table: councils with a value, by figure and year. */
  coverage: string;
}

/** Builds the table from the DfE files in `dir`. */
export function buildCouncils(dir: string): BuildResult {
  const read = (file: string) => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new UsageError(`${file} is missing from ${dir}; see ../shared/data/README.md for where each file comes from`);
    return parseCsv(readFileSync(path, 'utf8'));
  };
  const store: Store = new Map();
  const sourceYears = new Map<string, Map<number, Set<number>>>(); // figure → source index → years
  const councils = new Map<string, CouncilInfo>();
  const specs: Spec[] = [];
  const regionOf = new Map<string, string>();

  // The council-years each file has a row for (any figure), to tell "not in this file" from "suppressed".
  const present = new Map<string, Set<string>>();
  const put = (area: Area, year: number, key: string, value: number | null, sourceIndex: number, file: string) => {
    if (year < FIRST_YEAR || year > LAST_YEAR) return;
    const k = areaKey(area);
    if (area.kind === 'council') {
      let p = present.get(file);
      if (!p) present.set(file, (p = new Set()));
      p.add(`${area.code}:${year}`);
    }
    let years = store.get(k);
    if (!years) store.set(k, (years = new Map()));
    let row = years.get(year);
    if (!row) years.set(year, (row = new Map()));
    // Sources are read newest first: a cell a newer source already gave is not overwritten by an older release; the
    // same source giving it twice is an error, for every source.
    const given = row.get(key);
    if (given) {
      if (given.sourceIndex === sourceIndex) throw new Error(`${key} ${k} ${year}: two rows in one file (source ${sourceIndex + 1})`);
      return;
    }
    row.set(key, { value, sourceIndex });
    // The years each source gives, for councils and for England and the regions apart (LAIT has councils only).
    const taken = sourceYears.get(key)!;
    const slot = area.kind === 'council' ? sourceIndex : -1 - sourceIndex;
    let ys = taken.get(slot);
    if (!ys) taken.set(slot, (ys = new Set()));
    ys.add(year);
  };

  const note = (area: Area, get: (c: string) => string | undefined, year: number) => {
    if (area.kind !== 'council') return;
    let c = councils.get(area.code);
    if (!c) councils.set(area.code, (c = { code: area.code, name: '', region: '', onsCodes: new Set(), years: new Set() }));
    const name = get('la_name') || get('geo_breakdown') || '';
    if (name && (c.name === '' || year >= Math.max(...c.years))) c.name = name;
    const region = get('region_name');
    if (region) regionOf.set(area.code, region);
    const ons = get('new_la_code');
    if (ons) c.onsCodes.add(ons);
    c.years.add(year);
  };

  const cache = new Map<string, ReturnType<typeof parseCsv>>();
  const file = (name: string) => {
    let t = cache.get(name);
    if (!t) cache.set(name, (t = read(name)));
    return t;
  };
  const getter = (header: string[], row: string[]) => (column: string) => {
    const i = header.indexOf(column);
    return i < 0 ? undefined : row[i];
  };

  // Which councils exist in which years: those the CIN file (every year 2013-2025) has rows for.
  {
    const { header, rows } = file(B1);
    for (const row of rows) {
      const get = getter(header, row);
      const area = areaOf(get);
      if (area?.kind === 'council') note(area, get, Number(get('time_period')));
    }
  }

  /** Reads a figure from its files (newest first), the wide files by row and LAIT by measure. */
  const readWide = (spec: Spec) => {
    specs.push(spec);
    sourceYears.set(spec.key, new Map());
    spec.from.forEach((src, sourceIndex) => {
      const { header, rows } = file(src.file);
      if (!header.includes(src.column)) throw new Error(`${src.file} has no column ${src.column}`);
      for (const row of rows) {
        const get = getter(header, row);
        if (src.where && Object.entries(src.where).some(([c, v]) => get(c) !== v)) continue;
        if (src.file === LAIT) {
          // "2016" is the year ending 31 March 2016; "2016-17 (OT)" the outturn of the financial year ending 31 March 2017.
          const m = /^(\d{4})(?:-\d{2} \(OT\))?$/.exec(get('Years')!);
          if (!m) throw new Error(`${LAIT}: ${spec.key} has year ${get('Years')}`);
          const year = Number(m[1]) + (get('Years')!.endsWith('(OT)') ? 1 : 0);
          const code = get('LA Number')!;
          // Councils only, in the years the DfE returns have them (LAIT's rows for abolished codes are "-").
          if (!councils.get(code)?.years.has(year)) continue;
          put({ kind: 'council', code }, year, spec.key, cellValue(get(src.column)), sourceIndex, src.file);
          continue;
        }
        const area = areaOf(get);
        if (!area || notApplicable(header, row)) continue;
        const year = Number(get('time_period'));
        if (area.kind === 'council' && !councils.get(area.code)?.years.has(year)) throw new Error(`${src.file}: council ${area.code} has figures for ${year}, a year the CIN file does not have it`);
        put(area, year, spec.key, cellValue(get(src.column)), sourceIndex, src.file);
      }
    });
  };

  // The wide files: one row per area and year.
  CORE.forEach(readWide);

  // The long files: one row per area, year and characteristic.
  for (const b of BREAKDOWNS) {
    const { header, rows } = file(b.file);
    const characteristics = [...new Set(rows.filter((r) => getter(header, r)('cla_group') === b.group).map((r) => getter(header, r)('characteristic')!))].filter((c) => c !== 'Total').sort();
    const keyOf = new Map(characteristics.map((c) => [c, `${b.prefix}.${slug(c)}`]));
    if (new Set(keyOf.values()).size !== keyOf.size) throw new Error(`two characteristics of ${b.group} share a key`);
    for (const c of characteristics) {
      const spec: Spec = { key: keyOf.get(c)!, unit: b.unit, from: [{ file: b.file, column: 'number', where: { cla_group: b.group, characteristic: c } }] };
      specs.push(spec);
      sourceYears.set(spec.key, new Map());
    }
    for (const row of rows) {
      const get = getter(header, row);
      if (get('cla_group') !== b.group) continue;
      const key = keyOf.get(get('characteristic')!);
      if (!key) continue;
      const area = areaOf(get);
      if (!area || notApplicable(header, row)) continue;
      const year = Number(get('time_period'));
      // The council-years are those of the wide files (read first); a figure for another year would be a code we cannot place.
      if (area.kind === 'council' && !councils.get(area.code)?.years.has(year)) throw new Error(`${b.file}: council ${area.code} has figures for ${year}, a year the other files do not have it`);
      put(area, year, key, cellValue(get('number')), 0, b.file);
    }
  }

  // LAIT: s251 finance, councils only.
  for (const [desc, key, unit] of LAIT_MEASURES) readWide({ key, unit, from: [{ file: LAIT, column: 'Values', where: { 'Short Desc': desc } }] });

  // Statistical neighbours (April 2021 groupings): SN1..SN10 by position (the SNP columns between share one name).
  const neighbours = new Map<string, string[]>();
  {
    const { header, rows } = file(NEIGHBOURS);
    const at = header.flatMap((h, i) => (/^SN\d+$/.test(h) ? [i] : []));
    if (at.length !== 10) throw new Error(`${NEIGHBOURS}: expected SN1..SN10, found ${at.length}`);
    for (const row of rows) {
      const code = row[0]!.trim();
      if (!/^\d{3}$/.test(code)) continue;
      neighbours.set(code, at.map((i) => row[i]!.trim()));
    }
  }

  // Reorganisations: the codes' years in the files agree with the dates.
  for (const r of REORGANISATIONS) {
    const endYear = Number(r.date.slice(0, 4));
    for (const code of r.from.filter((c) => !r.to.includes(c))) {
      const last = Math.max(...(councils.get(code)?.years ?? [NaN]));
      if (last !== endYear) throw new Error(`${code}'s last year is ${last}, but it was reorganised on ${r.date}`);
    }
    for (const code of r.to.filter((c) => !r.from.includes(c))) {
      const first = Math.min(...(councils.get(code)?.years ?? [NaN]));
      if (first !== endYear + 1) throw new Error(`${code}'s first year is ${first}, but it began on ${r.date}`);
    }
  }

  // Council-years inside a file's years that the file has no row for (Cumbria 2021-2023 in the decoded breakdowns).
  const absent: Record<string, Record<string, number[]>> = {};
  for (const [f, seen] of present) {
    const ys = [...seen].map((cy) => Number(cy.slice(4)));
    const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
    const out: Record<string, number[]> = {};
    for (const c of [...councils.values()].sort((a, b) => a.code.localeCompare(b.code)))
      for (const y of [...c.years].sort()) if (y >= lo && y <= hi && !seen.has(`${c.code}:${y}`)) (out[c.code] ??= []).push(y);
    if (Object.keys(out).length) absent[f] = out;
  }

  return { text: render(specs, sourceYears, store, councils, regionOf, neighbours, absent), coverage: coverageTable(specs, store, councils) };
}

function render(
  specs: Spec[],
  sourceYears: Map<string, Map<number, Set<number>>>,
  store: Store,
  councils: Map<string, CouncilInfo>,
  regionOf: Map<string, string>,
  neighbours: Map<string, string[]>,
  absent: Record<string, Record<string, number[]>>,
): string {
  const sources: Record<string, { unit: string; sources: Source[] }> = {};
  for (const s of specs) {
    const taken = sourceYears.get(s.key)!;
    const list: Source[] = [];
    s.from.forEach((src, i) => {
      const range = (ys: number[]): [number, number] | undefined => (ys.length ? [Math.min(...ys), Math.max(...ys)] : undefined);
      const years = range([...(taken.get(i) ?? [])]);
      const areaYears = range([...(taken.get(-1 - i) ?? [])]);
      if (years || areaYears) list.push({ ...src, years: years ?? null, ...(areaYears && String(areaYears) !== String(years) ? { areaYears } : {}) });
    });
    sources[s.key] = { unit: s.unit, sources: list };
  }
  const figures = specs.map((s) => s.key);
  const rowsOf = (key: string) => {
    const out: Record<string, (number | null)[]> = {};
    const years = store.get(key);
    for (const y of [...(years?.keys() ?? [])].sort()) {
      const row = years!.get(y)!;
      // A figure absent from every file for this year is null as well: the row says "not published".
      out[y] = figures.map((f) => row.get(f)?.value ?? null);
    }
    return out;
  };
  const codes = [...councils.keys()].sort();
  const regions = [...store.keys()].filter((k) => k !== 'England' && !councils.has(k)).sort();
  const L: string[] = [];
  L.push('{');
  L.push('  "schemaVersion": 1,');
  L.push(`  "attribution": ${JSON.stringify('Contains public sector information licensed under the Open Government Licence v3.0 (Department for Education)')},`);
  L.push(`  "provenance": ${JSON.stringify({
    repositories: [
      'dfe-analytical-services/CSC_outcomes_and_enablers @2f5d11a (data-raw/; cla_number_and_rate_per_10k_children_2019_2023.csv from blob 9f755b2, c4 from blob 12c921a; the .rds tables decoded to CSV)',
      'dfe-analytical-services/local-authority-interactive-tool @2e30e39 (01_data/02_prod/bds_long_0.parquet, decoded; lait_childrens_social_care.csv)',
    ],
    copiedFrom: '../shared/data/dfe/ (see its README.md)',
    builtBy: 'npm run build:councils (src/cli/dev/build-councils.ts)',
    years: 'years ending 31 March; finance: the financial year ending 31 March of that year',
    missing: 'null: suppressed or not published (c, k, x, z, u, -, blank, and negative codes in the decoded files), never 0',
    revisions: 'each year is taken from the newest release that has it',
    files: Object.fromEntries(Object.entries(ORIGINS).filter(([f]) => specs.some((s) => s.from.some((x) => x.file === f)) || f === NEIGHBOURS).map(([f, o]) => [f, { ...o, ...(absent[f] ? { councilYearsAbsent: absent[f] } : {}) }])),
  })},`);
  L.push(`  "sources": {`);
  L.push(figures.map((f) => `    ${JSON.stringify(f)}: ${JSON.stringify(sources[f])}`).join(',\n'));
  L.push('  },');
  L.push(`  "reorganisations": [`);
  L.push(REORGANISATIONS.map((r) => `    ${JSON.stringify(r)}`).join(',\n'));
  L.push('  ],');
  L.push(`  "figures": ${JSON.stringify(figures)},`);
  L.push('  "councils": {');
  L.push(
    codes
      .map((code) => {
        const c = councils.get(code)!;
        const years = [...c.years];
        const info = { name: c.name, region: regionOf.get(code) ?? '', onsCodes: [...c.onsCodes].sort(), years: [Math.min(...years), Math.max(...years)], neighbours: neighbours.get(code) ?? [] };
        const rows = rowsOf(code);
        const rowLines = Object.entries(rows).map(([y, v]) => `        "${y}": ${JSON.stringify(v)}`);
        return `    ${JSON.stringify(code)}: {\n      "info": ${JSON.stringify(info)},\n      "rows": {\n${rowLines.join(',\n')}\n      }\n    }`;
      })
      .join(',\n'),
  );
  L.push('  },');
  L.push('  "areas": {');
  L.push(
    ['England', ...regions]
      .map((k) => {
        const rowLines = Object.entries(rowsOf(k)).map(([y, v]) => `      "${y}": ${JSON.stringify(v)}`);
        return `    ${JSON.stringify(k)}: {\n${rowLines.join(',\n')}\n    }`;
      })
      .join(',\n'),
  );
  L.push('  }');
  L.push('}');
  return `${L.join('\n')}\n`;
}

/** For each figure, how many councils have a value, by year (a row per figure, a column per year). */
function coverageTable(specs: Spec[], store: Store, councils: Map<string, CouncilInfo>): string {
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) years.push(y);
  const width = Math.max(...specs.map((s) => s.key.length));
  const lines = [`${'figure'.padEnd(width)} ${years.map((y) => String(y).padStart(4)).join(' ')}`];
  const councilsIn = years.map((y) => [...councils.values()].filter((c) => c.years.has(y)).length);
  lines.push(`${'(councils in the files)'.padEnd(width)} ${councilsIn.map((n) => String(n).padStart(4)).join(' ')}`);
  for (const s of specs) {
    const counts = years.map((y) => [...councils.keys()].filter((code) => typeof store.get(code)?.get(y)?.get(s.key)?.value === 'number').length);
    lines.push(`${s.key.padEnd(width)} ${counts.map((n) => String(n).padStart(4)).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Builds from `root`/../shared/data/dfe and writes the table and its coverage under `root`; 2 with one line when the folder or a file is absent. */
export function buildAndWrite(root: string, io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const dir = join(root, DFE_DIR);
    if (!existsSync(dir)) throw new UsageError(`the DfE files are not at ${DFE_DIR} from the repository root (${dir}); see the README's council table section`);
    const { text, coverage } = buildCouncils(dir);
    const out = join(root, TABLE);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
    writeFileSync(join(root, COVERAGE), coverage);
    io.stdout(`wrote ${TABLE} (${(text.length / 1024).toFixed(0)} KiB) and ${COVERAGE}\ncouncils with a value, by year:\n${coverage}`);
  });
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await buildAndWrite(ROOT, processIo);
}
