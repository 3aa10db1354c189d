// A council's published figures over a span of years, each read with the words that say where it came from
// ("DfE, Children looked after in England 2025, <file>, <column>, <council>, <year>"). Pure: reads the committed table.
import { COUNCIL_TABLE, council, type CouncilFigure, type CouncilFigures } from './council';

/** The DfE release each file of the council table belongs to. */
function release(file: string): string {
  if (file.startsWith('lait_')) return "DfE, Local authority interactive tool (LAIT, built from Children looked after in England 2025 and the s251 outturn)";
  if (/^(b1|c1|c4|d3|d5)_/.test(file)) return 'DfE, Children in need 2025';
  return 'DfE, Children looked after in England 2025';
}

/** Where one figure came from, in words. */
export function figureSource(f: CouncilFigure, councilName: string, year: number): string {
  const where = f.source.where ? ` (${Object.values(f.source.where).join(', ')})` : '';
  return `${release(f.source.file)}, ${f.source.file}, ${f.source.column}${where}, ${councilName}, ${year}`;
}

/** One council's figures for each year it has in a span. */
export class Published {
  readonly code: string;
  readonly name: string;
  private readonly byYear = new Map<number, CouncilFigures>();

  private constructor(code: string, name: string) {
    this.code = code;
    this.name = name;
  }

  /** The council found by code or name (as council() finds it), with every year of the table it has. */
  static of(codeOrName: string, year?: number): { ok: true; value: Published } | { ok: false; error: string } {
    const found = council(codeOrName, year);
    if (!found.ok) return found;
    const p = new Published(found.value.code, found.value.name);
    for (let y = 2013; y <= 2030; y++) {
      const r = council(found.value.code, y);
      if (r.ok) p.byYear.set(y, r.value);
    }
    return { ok: true, value: p };
  }

  get years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  figures(year: number): CouncilFigures | undefined {
    return this.byYear.get(year);
  }

  /** A figure in a year, or undefined where it is missing. */
  value(key: string, year: number): number | undefined {
    return this.byYear.get(year)?.figures.find((f) => f.key === key)?.value;
  }

  /** The figure's source in words, for a year that has it. */
  source(key: string, year: number): string | undefined {
    const f = this.byYear.get(year)?.figures.find((x) => x.key === key);
    return f && figureSource(f, this.name, year);
  }

  /** The years of `years` that have the figure, with its values. */
  series(key: string, years: number[]): { year: number; value: number }[] {
    return years.flatMap((year) => {
      const value = this.value(key, year);
      return value === undefined ? [] : [{ year, value }];
    });
  }

  /** The sum of the figures whose keys start with `prefix.` in a year (a breakdown), or undefined if none is published. */
  breakdown(prefix: string, year: number): Record<string, number> | undefined {
    const f = this.byYear.get(year);
    if (!f) return undefined;
    const parts = f.figures.filter((x) => x.key.startsWith(`${prefix}.`));
    return parts.length ? Object.fromEntries(parts.map((x) => [x.key.slice(prefix.length + 1), x.value])) : undefined;
  }

  /** Where a breakdown came from, in words (its first part's file and column). */
  breakdownSource(prefix: string, year: number): string | undefined {
    const f = this.byYear.get(year)?.figures.find((x) => x.key.startsWith(`${prefix}.`));
    return f && `${release(f.source.file)}, ${f.source.file}, ${f.source.column}, ${this.name}, ${year}`;
  }
}

/** Mean and sample standard deviation of some values. */
export function meanSd(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = values.length > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) : 0;
  return { mean, sd };
}

/** "2022–2025" or "2025". */
export function span(years: number[]): string {
  return years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : `${years[0]}`;
}

/** England's figure in a year (the table's national row), or undefined. */
export function englandValue(key: string, year: number): number | undefined {
  const i = COUNCIL_TABLE.figures.indexOf(key);
  const v = COUNCIL_TABLE.areas['England']?.[year]?.[i];
  return v === null || v === undefined ? undefined : v;
}
