// `npm run --silent council-figures -- <name or code> [--year Y] [--format json|csv]`: one council's published figures.
import { describe, expect, it } from 'vitest';
import { figuresCsv, main } from '../../src/cli/council-figures';
import { council } from '../../src/councils/council';
import { runInProcess } from '../helpers/cli';

function councilFigures(...args: string[]) {
  return runInProcess(main, args);
}

describe('council-figures (command line)', () => {
  it('prints a council\'s figures for a year as JSON, each with its source, and what is missing', async () => {
    const { code, stdout, stderr } = await councilFigures('Leeds', '--year', '2025');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ code: '383', name: 'Leeds', year: 2025 });
    expect(out.figures.find((f: { key: string }) => f.key === 'cinAt31March')).toMatchObject({ value: 5775, source: { file: 'b1_children_in_need_2013_to_2025.csv', column: 'At31_episodes' } });
    expect(Array.isArray(out.missing)).toBe(true);
  });

  it('prints CSV with one line per figure, a name typed without quotes, and the attribution last', async () => {
    const { code, stdout } = await councilFigures('Isle', 'of', 'Wight', '--year', '2024', '--format', 'csv');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('code,council,year,figure,value,unit,file,column,rows');
    expect(lines[1]).toMatch(/^921,Isle of Wight,2024,claAt31March,\d+,children,cla_number_and_rate_per_10k_children.csv,children_count,/);
    expect(lines.at(-1)).toMatch(/^# Contains public sector information licensed under the Open Government Licence v3.0/);
  });

  it('neutralises a text cell a spreadsheet would read as a formula, and leaves numbers as they are', () => {
    const leeds = council('Leeds', 2025);
    if (!leeds.ok) throw new Error(leeds.error);
    const crafted = { ...leeds.value, name: '=HYPERLINK("http://evil.example/","x")', figures: leeds.value.figures.map((f, i) => (i === 0 ? { ...f, value: -12.5, unit: '@SUM(1)' } : f)) };
    const first = figuresCsv(crafted).split('\n')[1]!;
    expect(first.startsWith(`383,"'=HYPERLINK(""http://evil.example/"",""x"")",2025,${crafted.figures[0]!.key},-12.5,'@SUM(1),`)).toBe(true);
  });

  it('answers an unknown council, a year it has no figures for and a bad flag with one line and exit 2', async () => {
    const unknown = await councilFigures('Leds');
    expect(unknown).toEqual({ code: 2, stdout: '', stderr: 'error: no council "Leds" in the table; nearest: Leeds (383), Lewisham (209), Kirklees (382)\n' });
    const year = await councilFigures('909', '--year', '2025');
    expect(year.code).toBe(2);
    expect(year.stderr).toBe('error: Cumbria (909) has figures for 2013–2023, not 2025; for 2025 see Cumberland (942), Westmorland and Furness (943)\n');
    const format = await councilFigures('Leeds', '--format', 'xml');
    expect(format).toMatchObject({ code: 2, stderr: 'error: --format must be json or csv, got "xml"\n' });
    const missing = await councilFigures();
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: missing a council name or code \(usage: /);
  });
});
