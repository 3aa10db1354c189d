// A council beside its ten statistical neighbours and England, year by year, from the committed table: stocks and
// flows per 10,000 children aged 0–17 and the s251 weekly unit costs. Pure: no Node, no DOM.
//
//   rate = published count ÷ published 0–17 population × 10,000
//
// with the population DfE gives beside that year's children looked after (ONS mid-year estimate; 2019 on). A rate is
// computed here for every council the same way, so it can differ by rounding from a rate DfE prints. Nothing is
// filled in: a figure the table lacks stays null, with the reason council.ts gives.
import { COUNCIL_TABLE, council, type CouncilResult, type FigureSource } from './council';

/** The figures the comparison shows (keys of the council table). */
export type NeighbourMeasureKey =
  | 'claAt31March'
  | 'claStarting'
  | 'claCeasing'
  | 'cppAt31March'
  | 'cppStarting'
  | 'referrals'
  | 'cinAt31March'
  | 'financeClaWeeklyUnitCostGbp'
  | 'financeFosteringWeeklyUnitCostGbp'
  | 'financeResidentialWeeklyUnitCostGbp';

/** One figure of the comparison: a count shown per 10,000 children aged 0–17, or a weekly unit cost shown as published. */
export interface NeighbourMeasure {
  key: NeighbourMeasureKey;
  label: string;
  kind: 'per10k' | 'weeklyCostGbp';
  /** What a value is, with its unit (and, for money, its price basis). */
  unit: string;
}

/** Rates are per this many children aged 0–17. */
export const PER_CHILDREN = 10_000;

/** The table's 0–17 population, the denominator of every rate. */
export const POPULATION_KEY = 'population0to17';

const PER = 'per 10,000 children aged 0–17';
const COST = '£ per child per week, s251 outturn, cash prices of the financial year ending that 31 March';

/** The comparison's figures, in the order a selector lists them. */
export const NEIGHBOUR_MEASURES: readonly NeighbourMeasure[] = [
  { key: 'claAt31March', label: 'Children looked after on 31 March', kind: 'per10k', unit: `children looked after on 31 March, ${PER}` },
  { key: 'claStarting', label: 'Children starting to be looked after', kind: 'per10k', unit: `children starting to be looked after in the year to 31 March, ${PER}` },
  { key: 'claCeasing', label: 'Children ceasing to be looked after', kind: 'per10k', unit: `children ceasing to be looked after in the year to 31 March, ${PER}` },
  { key: 'cppAt31March', label: 'Children on child protection plans on 31 March', kind: 'per10k', unit: `children on a child protection plan on 31 March, ${PER}` },
  { key: 'cppStarting', label: 'Child protection plans starting', kind: 'per10k', unit: `child protection plans started in the year to 31 March, ${PER}` },
  { key: 'referrals', label: 'Referrals', kind: 'per10k', unit: `referrals in the year to 31 March, ${PER}` },
  { key: 'cinAt31March', label: 'Children in need on 31 March', kind: 'per10k', unit: `children in need on 31 March (episodes open; CP plans and children looked after included), ${PER}` },
  { key: 'financeClaWeeklyUnitCostGbp', label: 'Unit cost: children looked after', kind: 'weeklyCostGbp', unit: COST },
  { key: 'financeFosteringWeeklyUnitCostGbp', label: 'Unit cost: fostering', kind: 'weeklyCostGbp', unit: COST },
  { key: 'financeResidentialWeeklyUnitCostGbp', label: 'Unit cost: residential care', kind: 'weeklyCostGbp', unit: COST },
];

/** One year of one row. */
export interface NeighbourCell {
  /** The year ending 31 March (finance: the financial year ending then). */
  year: number;
  /** Per 10,000 children aged 0–17 (`published ÷ population × 10,000`), or £ a week for a unit cost; null when missing. */
  value: number | null;
  /** The table's figure: the count a rate is of, or the unit cost in £ a week; null when the table has none. */
  published: number | null;
  /** The 0–17 population a rate is per; null for unit costs, or when the table has none. */
  population: number | null;
  /** Why `value` is null (absent when it is not). */
  missing?: string;
}

/** One row: the council, one of its neighbours, or England. */
export interface NeighbourRow {
  role: 'council' | 'neighbour' | 'england';
  /** DfE's three-digit code; null for England. */
  code: string | null;
  name: string;
  /** One cell per year of the comparison, in order. */
  cells: NeighbourCell[];
}

/** One figure for every row and year, with where it comes from. */
export interface MeasureComparison extends NeighbourMeasure {
  /** The table's sources: the figure's files and columns (with the years each gives), and the population's for a rate. */
  sources: { figure: FigureSource[]; population: FigureSource[] | null };
  /** The council, then its neighbours closest first, then England. */
  rows: NeighbourRow[];
  /** Per year: the mean of the neighbours' values that are not null (null when none is), unweighted. */
  neighboursMean: (number | null)[];
  /** Per year: the median of the same values. */
  neighboursMedian: (number | null)[];
  /** Per year: how many neighbours have a value. */
  neighboursWithValue: number[];
}

export interface NeighbourComparison {
  code: string;
  name: string;
  /** The years compared (ending 31 March), ascending. */
  years: number[];
  /** The ten statistical neighbours (DfE's April 2021 groupings), closest first; none for councils formed since. */
  neighbours: { code: string; name: string }[];
  /** Said when the council has no neighbours. */
  note?: string;
  measures: MeasureComparison[];
  attribution: string;
}

export type NeighbourComparisonResult = { ok: true; value: NeighbourComparison } | { ok: false; error: string; nearest: string[] };

/**
 * LAIT's England and regional rows are not read into the table (README, "Every English council's published
 * figures"): a year only LAIT gives has no England figure, though the source's years cover it.
 */
const COUNCIL_ONLY_FILES = new Set(['lait_childrens_social_care.csv']);

/** A figure (or the population) for one row and year: its value, or why it is missing. */
type Lookup = (key: string) => { value: number | null; missing?: string };

function councilLookup(result: CouncilResult): Lookup {
  if (!result.ok) return () => ({ value: null, missing: result.error });
  const f = result.value;
  return (key) => {
    const found = f.figures.find((x) => x.key === key);
    return found ? { value: found.value } : { value: null, missing: f.missing.find((m) => m.key === key)?.reason ?? 'not in the table' };
  };
}

function englandLookup(year: number): Lookup {
  const t = COUNCIL_TABLE;
  const row = t.areas.England?.[year];
  return (key) => {
    const value = row?.[t.figures.indexOf(key)] ?? null;
    if (value !== null) return { value };
    const covering = t.sources[key]!.sources.filter((s) => {
      const years = s.areaYears ?? s.years;
      return years !== null && years[0] <= year && year <= years[1];
    });
    const forAreas = covering.filter((s) => s.areaYears || !COUNCIL_ONLY_FILES.has(s.file));
    if (forAreas.length > 0) return { value: null, missing: 'suppressed or not published for England' };
    if (covering.length > 0) return { value: null, missing: `not in the table for England for this year (${covering.map((s) => s.file).join(', ')} is read for councils only)` };
    return { value: null, missing: 'not in the files for this year' };
  };
}

function cell(m: NeighbourMeasure, year: number, lookup: Lookup): NeighbourCell {
  const figure = lookup(m.key);
  if (m.kind === 'weeklyCostGbp') return { year, value: figure.value, published: figure.value, population: null, ...(figure.missing ? { missing: figure.missing } : {}) };
  const pop = lookup(POPULATION_KEY);
  const base = { year, published: figure.value, population: pop.value };
  if (figure.value === null) return { ...base, value: null, missing: figure.missing! };
  if (pop.value === null) return { ...base, value: null, missing: `0–17 population: ${pop.missing!}` };
  return { ...base, value: (figure.value / pop.value) * PER_CHILDREN };
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function compareMeasure(m: NeighbourMeasure, years: number[], lookups: { role: NeighbourRow['role']; code: string | null; name: string; byYear: Lookup[] }[]): MeasureComparison {
  const t = COUNCIL_TABLE;
  const rows = lookups.map(({ byYear, ...who }) => ({ ...who, cells: years.map((y, i) => cell(m, y, byYear[i]!)) }));
  const neighbourValues = years.map((_, i) => rows.filter((r) => r.role === 'neighbour').flatMap((r) => (r.cells[i]!.value === null ? [] : [r.cells[i]!.value!])));
  return {
    ...m,
    sources: { figure: t.sources[m.key]!.sources, population: m.kind === 'per10k' ? t.sources[POPULATION_KEY]!.sources : null },
    rows,
    neighboursMean: neighbourValues.map((xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)),
    neighboursMedian: neighbourValues.map(median),
    neighboursWithValue: neighbourValues.map((xs) => xs.length),
  };
}

/**
 * A council (DfE code or name, as `council()` finds it) beside its ten statistical neighbours and England, for
 * `years` (default: every year the council has figures for), one entry per figure of NEIGHBOUR_MEASURES.
 */
export function neighbourComparison(codeOrName: string, years?: readonly number[]): NeighbourComparisonResult {
  const found = council(codeOrName);
  if (!found.ok) return found;
  const { code, name, neighbours } = found.value;
  const info = COUNCIL_TABLE.councils[code]!.info;
  const ys = years ? [...new Set(years)].sort((a, b) => a - b) : Array.from({ length: info.years[1] - info.years[0] + 1 }, (_, i) => info.years[0] + i);
  const byCode = (c: string) => ys.map((y) => councilLookup(council(c, y)));
  const lookups = [
    { role: 'council' as const, code, name, byYear: byCode(code) },
    ...neighbours.map((n) => ({ role: 'neighbour' as const, code: n.code, name: n.name, byYear: byCode(n.code) })),
    { role: 'england' as const, code: null, name: 'England', byYear: ys.map(englandLookup) },
  ];
  const note =
    neighbours.length === 0
      ? [`${name} has no statistical neighbours: DfE's groupings (April 2021) predate it.`, ...found.value.reorganisations, 'It is shown beside England only.'].join(' ')
      : undefined;
  return {
    ok: true,
    value: {
      code,
      name,
      years: ys,
      neighbours,
      ...(note ? { note } : {}),
      measures: NEIGHBOUR_MEASURES.map((m) => compareMeasure(m, ys, lookups)),
      attribution: found.value.attribution,
    },
  };
}

const span = (y: [number, number]) => (y[0] === y[1] ? `${y[0]}` : `${y[0]}–${y[1]}`);

function describeSource(s: FigureSource): string {
  const where = s.where ? ` where ${Object.entries(s.where).map(([k, v]) => `${k} = ${v}`).join(', ')}` : '';
  const years = s.years ? span(s.years) : '';
  const areas = s.areaYears ? `England and regions ${span(s.areaYears)}` : '';
  return `${s.file}, column ${s.column}${where} (${[years, areas].filter(Boolean).join('; ')})`;
}

/** The measure's sources in words, for a caption: "DfE: <file>, column <column> where … (years); …". */
export function describeSources(m: Pick<MeasureComparison, 'sources'>): string {
  const figure = `DfE: ${m.sources.figure.map(describeSource).join('; ')}`;
  return m.sources.population ? `${figure}; per 10,000 of ${m.sources.population.map(describeSource).join('; ')}` : figure;
}

/** The years in which at least one row has a value for the measure: the span its chart and table need. */
export function yearsWithValues(comparison: Pick<NeighbourComparison, 'years'>, m: MeasureComparison): number[] {
  return comparison.years.filter((_, i) => m.rows.some((r) => r.cells[i]!.value !== null));
}

/** "2017–2019, 2021": years (ascending) with each run of consecutive years as a range. */
export function yearRuns(years: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const y of years) {
    const last = runs.at(-1);
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
}
