// A council beside its neighbours and England: every figure recomputed from the council table itself (not through
// the comparison), nulls where the table has none with council.ts's reasons, the neighbours the table's ten in order.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNCIL_TABLE, council } from '../../src/councils/council';
import { describeSources, NEIGHBOUR_MEASURES, neighbourComparison, yearRuns, yearsWithValues, type NeighbourComparison } from '../../src/councils/neighbours';
import { DFE_DIR, parseCsv } from '../../src/cli/dev/build-councils';
import { ROOT } from '../helpers/scenarios';

const t = COUNCIL_TABLE;
const column = (key: string) => t.figures.indexOf(key);
/** The table's own cell: a council's (by code) or England's, null where the row or the value is absent. */
const tableValue = (code: string | null, year: number, key: string): number | null =>
  (code === null ? t.areas.England![year] : t.councils[code]!.rows[year])?.[column(key)] ?? null;

function compared(codeOrName: string, years?: number[]): NeighbourComparison {
  const r = neighbourComparison(codeOrName, years);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Every cell of every measure against the table: the rate is count ÷ population × 10,000, a unit cost as published. */
function expectEqualsTable(c: NeighbourComparison): number {
  let checked = 0;
  for (const m of c.measures) {
    for (const row of m.rows) {
      row.cells.forEach((cell, i) => {
        const year = c.years[i]!;
        expect(cell.year).toBe(year);
        const published = tableValue(row.code, year, m.key);
        expect(cell.published).toBe(published);
        if (m.kind === 'weeklyCostGbp') {
          expect(cell.population).toBeNull();
          expect(cell.value).toBe(published);
        } else {
          const population = tableValue(row.code, year, 'population0to17');
          expect(cell.population).toBe(population);
          expect(cell.value).toBe(published === null || population === null ? null : (published / population) * 10_000);
        }
        if (cell.value === null) {
          expect(cell.missing).toMatch(/\w/);
          // A council's reason is council.ts's own: for the figure, else for the population, else why it has no year.
          if (row.code !== null) {
            const r = council(row.code, year);
            const reason = (key: string) => (r.ok ? r.value.missing.find((x) => x.key === key)!.reason : r.error);
            expect(cell.missing).toBe(published === null ? reason(m.key) : `0–17 population: ${reason('population0to17')}`);
          }
        } else {
          expect(cell.missing).toBeUndefined();
          checked++;
        }
      });
    }
  }
  return checked;
}

describe('a council beside its neighbours', () => {
  it.each(['Leeds', 'Darlington', 'Rutland', 'Isles of Scilly', 'Cumbria', 'Cumberland'])(
    '%s: every rate is the table\'s count ÷ its 0–17 population × 10,000, every unit cost the table\'s, null exactly where the table is',
    (name) => {
      const c = compared(name);
      const info = t.councils[c.code]!.info;
      expect(c.years[0]).toBe(info.years[0]);
      expect(c.years.at(-1)).toBe(info.years[1]);
      expect(c.measures.map((m) => m.key)).toEqual(NEIGHBOUR_MEASURES.map((m) => m.key));
      expect(expectEqualsTable(c)).toBeGreaterThan(0);
    },
  );

  it.each(['Leeds', 'Darlington', 'Rutland'])('%s: the rows are the council, the table\'s ten neighbours closest first, then England', (name) => {
    const c = compared(name);
    const ten = t.councils[c.code]!.info.neighbours;
    expect(ten).toHaveLength(10);
    expect(c.neighbours.map((n) => n.code)).toEqual(ten);
    expect(c.neighbours.map((n) => n.name)).toEqual(ten.map((code) => t.councils[code]!.info.name));
    for (const m of c.measures) {
      expect(m.rows.map((r) => r.code)).toEqual([c.code, ...ten, null]);
      expect(m.rows.map((r) => r.role)).toEqual(['council', ...ten.map(() => 'neighbour'), 'england']);
      expect(m.rows.at(-1)!.name).toBe('England');
    }
  });

  it('gives Leeds in 2025 as the table has it: 1,498 looked after of 176,239 children aged 0–17 is 85.0 per 10,000; England 81,770 of 12,183,016 is 67.1', () => {
    const c = compared('383', [2025]);
    const cla = c.measures.find((m) => m.key === 'claAt31March')!;
    const leeds = cla.rows[0]!.cells[0]!;
    expect([leeds.published, leeds.population]).toEqual([1498, 176239]);
    expect(leeds.value).toBeCloseTo(84.998, 3);
    const england = cla.rows.at(-1)!.cells[0]!;
    expect([england.published, england.population]).toEqual([81770, 12183016]);
    expect(england.value).toBeCloseTo(67.118, 3);
  });

  it('the neighbours\' mean and median are over the neighbours with a value that year (England and the council not among them)', () => {
    for (const name of ['Leeds', 'Rutland', 'Cumbria']) {
      const c = compared(name);
      for (const m of c.measures) {
        c.years.forEach((_, i) => {
          const xs = m.rows.filter((r) => r.role === 'neighbour').map((r) => r.cells[i]!.value).filter((x): x is number => x !== null).sort((a, b) => a - b);
          expect(m.neighboursWithValue[i]).toBe(xs.length);
          if (xs.length === 0) {
            expect([m.neighboursMean[i], m.neighboursMedian[i]]).toEqual([null, null]);
            return;
          }
          expect(m.neighboursMean[i]).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 9);
          const mid = Math.floor(xs.length / 2);
          expect(m.neighboursMedian[i]).toBe(xs.length % 2 ? xs[mid] : (xs[mid - 1]! + xs[mid]!) / 2);
        });
      }
    }
  });

  it('Cumberland has no neighbours and says so, naming the reorganisation; it is shown beside England only', () => {
    const c = compared('Cumberland');
    expect(c.neighbours).toEqual([]);
    expect(c.note).toMatch(/^Cumberland has no statistical neighbours: DfE's groupings \(April 2021\) predate it\. .*Cumbria \(909\) was split.* It is shown beside England only\.$/);
    for (const m of c.measures) {
      expect(m.rows.map((r) => r.role)).toEqual(['council', 'england']);
      expect(m.neighboursMean.every((x) => x === null)).toBe(true);
    }
    expect(compared('Westmorland and Furness').note).toMatch(/no statistical neighbours/);
    expect(compared('Leeds').note).toBeUndefined();
  });

  it('a neighbour with no figures for a year (Cumbria\'s North Northamptonshire before 2022) is null with council.ts\'s reason naming its predecessor', () => {
    const c = compared('Cumbria', [2021, 2022]);
    const row = c.measures[0]!.rows.find((r) => r.code === '940')!;
    expect(row.cells[0]!.value).toBeNull();
    expect(row.cells[0]!.missing).toBe('North Northamptonshire (940) has figures for 2022–2025, not 2021; for 2021 see Northamptonshire (928)');
    expect(row.cells[1]!.value).not.toBeNull();
  });

  it('England\'s unit costs are null and say why: the s251 figures come from LAIT, whose England rows the table does not read', () => {
    const c = compared('Leeds', [2016, 2025]);
    for (const m of c.measures.filter((x) => x.kind === 'weeklyCostGbp')) {
      const england = m.rows.at(-1)!;
      expect(england.cells.map((x) => x.value)).toEqual([null, null]);
      expect(england.cells[0]!.missing).toBe('not in the files for this year');
      expect(england.cells[1]!.missing).toBe('not in the table for England for this year (lait_childrens_social_care.csv is read for councils only)');
    }
  });

  it('rates need the 0–17 population, which the table has from 2019: earlier years are null saying so, and the chart\'s years start there', () => {
    const c = compared('Darlington');
    const cp = c.measures.find((m) => m.key === 'cppAt31March')!;
    const y2018 = c.years.indexOf(2018);
    expect(cp.rows[0]!.cells[y2018]!.published).not.toBeNull();
    expect(cp.rows[0]!.cells[y2018]!.missing).toBe('0–17 population: not in the files for this year');
    expect(yearsWithValues(c, cp)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(yearsWithValues(c, c.measures.find((m) => m.key === 'financeFosteringWeeklyUnitCostGbp')!)[0]).toBe(2017);
  });

  it('each measure carries its unit and the table\'s sources (file and column), the population\'s for a rate', () => {
    const c = compared('Leeds');
    for (const m of c.measures) {
      expect(m.sources.figure).toEqual(t.sources[m.key]!.sources);
      expect(m.sources.population).toEqual(m.kind === 'per10k' ? t.sources.population0to17!.sources : null);
      expect(m.unit).toMatch(m.kind === 'per10k' ? /per 10,000 children aged 0–17$/ : /^£ per child per week.*cash prices of the financial year ending that 31 March$/);
      for (const s of m.sources.figure) expect(describeSources(m)).toContain(`${s.file}, column ${s.column}`);
    }
  });

  it('writes years as runs: 2017–2019, 2021', () => {
    expect(yearRuns([2017, 2018, 2019, 2021])).toBe('2017–2019, 2021');
    expect(yearRuns([2025])).toBe('2025');
    expect(yearRuns([])).toBe('');
  });

  it('an unknown council is refused with the nearest names', () => {
    const r = neighbourComparison('Leedz');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.nearest).toContain('Leeds (383)');
  });
});

// DfE prints the rate beside each count in the CLA file (rounded to a whole number): the rates here, from the same
// count and population, round to it. The DfE files live beside the repository, as for the build:councils test.
const claFile = join(ROOT, DFE_DIR, 'cla_number_and_rate_per_10k_children.csv');
const YEARS = [2021, 2022, 2023, 2024, 2025];
describe.skipIf(!existsSync(claFile))('against the rates DfE publishes', () => {
  it('every council\'s and England\'s children looked after, starting and ceasing per 10,000 (2021–2025) round to DfE\'s rate_per_10000', () => {
    const { header, rows: body } = parseCsv(readFileSync(claFile, 'utf8'));
    const at = (name: string) => header.indexOf(name);
    const key: Record<string, string> = {
      'Children looked after on 31 March each year': 'claAt31March',
      'Children starting to be looked after each year': 'claStarting',
      'Children ceasing to be looked after each year': 'claCeasing',
    };
    // Every row of a comparison is checked, so a council already seen as someone's neighbour needs no comparison of its own.
    const seen = new Map<string, NeighbourComparison['measures']>();
    const measuresWith = (code: string | null) => {
      const id = code ?? 'England';
      if (!seen.has(id)) {
        const c = compared(code ?? 'Leeds', YEARS);
        for (const r of c.measures[0]!.rows) seen.set(r.code ?? 'England', c.measures);
      }
      return seen.get(id)!;
    };
    let checked = 0;
    for (const r of body) {
      const level = r[at('geographic_level')];
      const code = r[at('old_la_code')]!;
      const rate = Number(r[at('rate_per_10000')]);
      const figure = key[r[at('population_type')]!];
      if (!figure || r[at('rate_per_10000')] === '' || !Number.isFinite(rate)) continue;
      if (level !== 'National' && !(level === 'Local authority' && t.councils[code])) continue;
      const who = level === 'National' ? null : code;
      const row = measuresWith(who).find((m) => m.key === figure)!.rows.find((x) => x.code === who)!;
      const cell = row.cells[YEARS.indexOf(Number(r[at('time_period')]))];
      if (!cell || cell.value === null) continue;
      expect(Math.round(cell.value), `${row.name} ${cell.year} ${figure}`).toBe(rate);
      checked++;
    }
    expect(checked).toBeGreaterThan(2000);
  });
});
