// `npm run --silent import-903 -- <files> [--council NAME | --base scenario.json] [--out scenario.json]` (issue 28):
// the problems on stderr with file, row and column, what the episodes give on stdout, a fitted scenario with --out.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/import-903';
import { parseScenario } from '../../src/scenario/parse';
import { runInProcess } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'import-903-'));
const write = (name: string, lines: string[]) => (writeFileSync(join(dir, name), lines.join('\n')), join(dir, name));
const header = write('2023-24-header.csv', ['CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB', ...Array.from({ length: 40 }, (_, i) => `K${i},${i % 2 ? 1 : 2},01/0${(i % 9) + 1}/${2008 + (i % 14)},WBRI,,,`)]);
const episodes = write('2023-24-episodes.csv', [
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
  ...Array.from({ length: 40 }, (_, i) => `K${i},0${(i % 9) + 1}/05/2023,S,C2,N1,${['U1', 'U4', 'K2', 'U6'][i % 4]},${i % 3 ? 'PR1' : 'PR4'},${i % 5 ? '' : '01/02/2024'},${i % 5 ? '' : ['E11', 'E4A', 'E45'][i % 3]},,,,`),
  'K99,01/06/2023,S,C2,N1,U4,PR1,,,,,,', // in no header
  'K1,35/06/2023,P,C2,N1,U4,PR1,,,,,,', // a bad date
]);

describe('import-903 (command line)', () => {
  it('lists each problem on stderr with file, row and column, counts the rows set aside, prints what the episodes give', async () => {
    const { code, stdout, stderr } = await runInProcess(main, [header, episodes]);
    expect(code).toBe(0);
    expect(stderr).toContain('2023-24-episodes.csv:42 CHILD: child K99 is in the episodes but in no header file');
    expect(stderr).toContain('2023-24-episodes.csv:43 DECOM: start date "35/06/2023" is not a date written dd/mm/yyyy (set aside)');
    expect(stderr).toMatch(/2 row\(s\) set aside: 1 bad date, 1 child not in the header; 40 episodes of 40 children used, 40 periods of care/);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ children: 40, episodes: 40, periods: 40, setAside: { rows: 2 } });
    expect(out.summary.entries.reduce((a: number, b: number) => a + b, 0)).toBe(40);
  });

  it('with --out and --council, writes a valid scenario from 31 March before the return, its care part and observed series from the return', async () => {
    const out = join(dir, 'fitted.json');
    const { code, stderr } = await runInProcess(main, [header, episodes, '--council', 'Calderdale', '--out', out]);
    expect(code, stderr).toBe(0);
    const s = JSON.parse(readFileSync(out, 'utf8'));
    expect(parseScenario(s).ok).toBe(true);
    // Month 0 is 31 March before the return's year (2023-24), with the children in care then (none here); the
    // return's own months follow as observed: 40 entries, 8 exits in February 2024, 32 in care at the end of March 2024.
    expect(s.startMonth).toBe('2023-03');
    expect(s.initialStocks.cla.value).toBe(0);
    expect(s.observed.series.cla.at(-1)).toBe(32);
    expect(s.observed.series.claEntries.reduce((a: number, b: number) => a + b, 0)).toBe(40);
    expect(s.observed.series.claExits.reduce((a: number, b: number) => a + b, 0)).toBe(8);
    expect(s.initialStocks.cla.source).toMatch(/own SSDA903 return/);
    expect(s.pathway.cla.placements.shares.kinship).toBeCloseTo(10 / 40, 4);
  });

  it('refuses, with one line and exit 2, files it cannot read or that are not SSDA903 files, and --out without a scenario to fit', async () => {
    expect(await runInProcess(main, [join(dir, 'none.csv')])).toMatchObject({ code: 2, stderr: expect.stringContaining('none.csv cannot be read') });
    const other = write('other.csv', ['A,B', '1,2']);
    expect(await runInProcess(main, [other])).toMatchObject({ code: 2, stderr: expect.stringContaining('none of the files is an SSDA903 header or episodes file') });
    expect(await runInProcess(main, [header, episodes, '--out', join(dir, 'x.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('--out needs a scenario to fit the care part of') });
  });
});
