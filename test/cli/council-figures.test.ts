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
    expect(out.figures.find((f: { key: string }) => f.key === 'cinAt31March')).toMatchObject({
      value: 5775,
      source: { file: 'b1_children_in_need_2013_to_2025.csv', column: 'At31_episodes', repository: 'dfe-analytical-services/CSC_outcomes_and_enablers', commit: '2f5d11a', path: 'data-raw/b1_children_in_need_2013_to_2025.csv' },
    });
    expect(out.figures.find((f: { key: string }) => f.key === 'financeClaTotalGbp').source).toMatchObject({ repository: 'dfe-analytical-services/local-authority-interactive-tool', commit: '2e30e39' });
    expect(Array.isArray(out.missing)).toBe(true);
  });

  it('prints CSV with one line per figure, a name typed without quotes, the repository and commit of each file, a missing figure\'s reason in its own column and the attribution in a column (no comment line)', async () => {
    const { code, stdout } = await councilFigures('Isle', 'of', 'Wight', '--year', '2024', '--format', 'csv');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('code,council,year,figure,value,unit,missing_reason,file,column,rows,repository,commit,blob,path,attribution');
    const attribution = 'Contains public sector information licensed under the Open Government Licence v3.0 (Department for Education)';
    expect(lines[1]).toBe(
      `921,Isle of Wight,2024,claAt31March,${/,claAt31March,(\d+),/.exec(lines[1]!)![1]},children,,cla_number_and_rate_per_10k_children.csv,children_count,population_type=Children looked after on 31 March each year,dfe-analytical-services/CSC_outcomes_and_enablers,2f5d11a,,data-raw/cla_number_and_rate_per_10k_children.csv,${attribution}`,
    );
    expect(lines.slice(1).every((l) => l.endsWith(`,${attribution}`))).toBe(true);
    expect(lines.some((l) => l.startsWith('#'))).toBe(false);
    const cumbria = (await councilFigures('Cumbria', '--year', '2022', '--format', 'csv')).stdout.split('\n');
    expect(cumbria).toContain(`909,Cumbria,2022,claAt31MarchByAge.under1Year,,,council not in this file for this year,,,,,,,,${attribution}`);
    expect(cumbria.find((l) => l.includes(',claAt31MarchByPlacement.placedWithParentsOrOtherPersonWithParental,'))).toBeUndefined();
    expect(cumbria.find((l) => l.includes(',claAt31MarchByPlacement.placedWithParents,'))).toBeDefined();
    expect(cumbria.find((l) => l.includes(',claCeasedByReason.leftCareToLiveWithParentsRelativesOrOthers,'))).toBeDefined();
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
    expect(await councilFigures('999')).toEqual({ code: 2, stdout: '', stderr: 'error: 999 is not a DfE council code; nearest codes: Westmorland and Furness (943), Cumberland (942), West Northamptonshire (941)\n' });
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
