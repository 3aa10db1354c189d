// Issue 28: a council's SSDA903 return read, its problems listed with file, row and column, the rest used; periods of
// care, and what they give (stocks, flows, ages, placements, moves, re-entries, time to leave care by route).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/ssda903/csv';
import { importReturn } from '../../src/ssda903/import';
import { parseDate } from '../../src/ssda903/read';
import { cumulativeIncidence, placementOf, routeOfPeriod, summariseCare } from '../../src/ssda903/summary';
import type { Period } from '../../src/ssda903/import';

const SAMPLES = join(__dirname, '../../../shared/data/ssda903/samples-cs-demand-model');
const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const file = (name: string, head: string, rows: string[]) => ({ name, text: [head, ...rows].join('\n') });

describe('reading SSDA903 files', () => {
  it('reads CSV as councils write it: a byte-order mark, CRLF, quoted commas, doubled quotes and line breaks, blank lines', () => {
    const csv = readCsv('\ufeffA,B,C\r\n1,"x, y",3\r\n\r\n2,"say ""hi""","two\nlines"\r\n');
    expect(csv.columns).toEqual(['A', 'B', 'C']);
    expect(csv.records.map((r) => r.fields)).toEqual([['1', 'x, y', '3'], ['2', 'say "hi"', 'two\nlines']]);
    expect(csv.records.map((r) => r.line)).toEqual([2, 4]);
    expect(readCsv('A\n"open').unclosedQuoteAt).toBe(2);
  });

  it('reads dates written dd/mm/yyyy, and refuses impossible ones', () => {
    expect(parseDate('29/02/2020')).toBe(Date.UTC(2020, 1, 29) / 86_400_000);
    expect(parseDate('29/02/2019')).toBeUndefined();
    expect(parseDate('31/04/2020')).toBeUndefined();
    expect(parseDate('2020-04-30')).toBe(Date.UTC(2020, 3, 30) / 86_400_000);
    expect(parseDate('')).toBeUndefined();
  });

  it('lists each row-level problem with file, row and column, sets those rows aside, and uses the rest', () => {
    const header = file('2022-23-header.csv', HEADER, [
      'A1,1,01/05/2010,WBRI,,,',
      'A2,2,12/12/2015,WBRI,,,',
      'A2,2,12/12/2015,WBRI,,,', // the same child twice
      'A3,9,03/03/2012,WBRI,,,', // not a SEX code
      'A4,1,31/02/2012,WBRI,,,', // no such date
    ]);
    const episodes = file('2022-23-episodes.csv', EPISODES, [
      'A1,01/06/2022,S,C2,N1,U4,PR1,01/09/2022,X1,,,,', // row 2
      'A1,01/09/2022,P,C2,N1,K2,PR4,15/01/2023,E11,,,,', // row 3: adopted (ends the period)
      'A2,10/05/2022,S,V2,N1,U1,PR1,,E7,,,,', // row 4: a reason with no end date
      'A3,01/07/2022,S,C2,N1,Q9,PR1,,,,,,', // row 5: no such placement
      'A5,01/07/2022,S,C2,N1,U4,PR1,,,,,,', // row 6: a child in no header
      'A1,01/10/2022,P,C2,N1,U4,PR1,,,,,,', // row 7: overlaps row 3
      'A3,35/07/2022,S,C2,N1,U4,PR1,,,,,,', // row 8: a bad date
      'A3,01/08/2022,S,C2,N1,U4,PR1,,,,,,', // row 9: fine
    ]);
    const r = importReturn([header, episodes]);
    const at = (row: number, f = 'episodes') => r.problems.filter((p) => p.row === row && p.file.includes(f)).map((p) => [p.column, p.setAside, p.kind]);
    expect(at(4)).toEqual([['REC', false, 'reason for ceasing with no end date']]);
    expect(at(5)).toEqual([['PLACE', true, 'not a code of its field']]);
    expect(at(6)).toEqual([['CHILD', true, 'child not in the header']]);
    expect(at(7)).toEqual([['DECOM', true, 'overlapping episodes']]);
    expect(at(8)).toEqual([['DECOM', true, 'bad date']]);
    expect(at(4, 'header')).toEqual([['CHILD', true, 'duplicate child']]);
    expect(at(5, 'header')[0]!.slice(0, 2)).toEqual(['SEX', false]);
    expect(at(6, 'header')).toEqual([['DOB', true, 'bad date']]);
    // Rows set aside: four episodes and two header rows; each counted once, by kind.
    expect(r.setAside.rows).toBe(6);
    expect(Object.values(r.setAside.byKind).reduce((a, b) => a + b, 0)).toBe(6);
    // The rest used: A1's period from June 2022 to its adoption in January 2023; A2's, taken as open; A3's, open.
    expect(r.periods.map((p) => [p.child, p.episodes.length, p.end !== null, p.reason])).toEqual([
      ['A1', 2, true, 'E11'],
      ['A2', 1, false, null],
      ['A3', 1, false, null],
    ]);
  });

  it("imports a header with 2024-25's SEX codes (M, F, U) and one with the older codes (1, 2); a code of the wrong years is named and the row kept", () => {
    const episodes = (y: string) => file(`${y}-episodes.csv`, EPISODES, [`C1,01/06/${y.slice(0, 4)},S,V2,N1,U4,PR1,,,,,,`, `C2,01/07/${y.slice(0, 4)},S,V2,N1,U4,PR1,,,,,,`]);
    const newer = importReturn([file('2024-25-header.csv', HEADER, ['C1,M,01/01/2015,WBRI,,,', 'C2,F,01/01/2016,WBRI,,,']), episodes('2024-25')]);
    expect(newer.problems).toEqual([]);
    expect(newer.periods).toHaveLength(2);
    const older = importReturn([file('2023-24-header.csv', HEADER, ['C1,1,01/01/2015,WBRI,,,', 'C2,2,01/01/2016,WBRI,,,']), episodes('2023-24')]);
    expect(older.problems).toEqual([]);
    expect(older.periods).toHaveLength(2);
    const mixed = importReturn([file('2024-25-header.csv', HEADER, ['C1,1,01/01/2015,WBRI,,,', 'C2,F,01/01/2016,WBRI,,,']), episodes('2024-25')]);
    expect(mixed.problems.map((p) => [p.file, p.row, p.column, p.setAside])).toEqual([['2024-25-header.csv', 2, 'SEX', false]]);
    expect(mixed.problems[0]!.message).toMatch(/2024-25/);
    expect(mixed.periods).toHaveLength(2);
  });

  it('takes the same episode in several years\' files once, the latest return\'s, and counts a return to care as a re-entry', () => {
    const h = file('2021-22-header.csv', HEADER, ['B1,1,01/01/2012,WBRI,,,']);
    const e1 = file('2021-22-episodes.csv', EPISODES, ['B1,01/06/2021,S,V2,N1,U4,PR1,,,,,,']);
    const e2 = file('2022-23-episodes.csv', EPISODES, ['B1,01/06/2021,S,V2,N1,U4,PR1,01/06/2022,E4A,,,,', 'B1,01/01/2023,S,C1,N1,U4,PR1,,,,,,']);
    const r = importReturn([h, e1, e2]);
    expect(r.problems).toEqual([]);
    expect(r.episodes).toBe(2);
    expect(r.periods.map((p) => [p.before, p.reason])).toEqual([[0, 'E4A'], [1, null]]);
    const s = summariseCare(r.periods, r.from, r.to);
    expect(s.reEntries).toBe(1);
    expect(s.exitsByRoute.returnHome).toBe(1);
    // In care at the end of June 2021 and of January 2023; out at the end of June 2022.
    const cla = (m: string) => s.cla[s.months.indexOf(m)];
    expect([cla('2021-06'), cla('2022-05'), cla('2022-06'), cla('2022-12'), cla('2023-01')]).toEqual([1, 1, 0, 0, 1]);
  });

  it('time to leave care by route counts the periods still open as censored (Aalen–Johansen, worked by hand)', () => {
    const p = (start: number, end: number | null, reason: string | null): Period => ({ child: 'x', start, end, startSeen: true, reason, dob: -3650, before: 0, episodes: [] });
    // The data ends on day 400. Exits: adoption after 100 days, returns home after 200 and 300; one period began on
    // day 250 and is still open at the end (censored after 150 days).
    const periods = [p(0, 100, 'E11'), p(0, 200, 'E4A'), p(0, 300, 'E4A'), p(250, null, null)];
    const t = cumulativeIncidence(periods, 400, [0.3, 0.8, 1]);
    // At 100 days 4 at risk: adoption 1/4, survival 3/4; the censored leaves the risk set at 150; at 200 days 2 at
    // risk: home 3/4 × 1/2 = 3/8, survival 3/8; at 300 days (after 0.8 years = 292 days) 1 at risk: home + 3/8.
    expect(t.byRoute.adoption.slice(0, 2)).toEqual([0.25, 0.25]);
    expect(t.byRoute.returnHome.slice(0, 2)).toEqual([0, 0.375]);
    expect(t.stillInCare.slice(0, 2)).toEqual([0.75, 0.375]);
    // Past the longest follow-up (300 days) nothing is known.
    expect(t.stillInCare[2]).toBeNaN();
    expect(t.censored).toBe(1);
  });

  it.runIf(existsSync(SAMPLES))('imports the shipped samples (2017–2019) with their flaws listed and no crash', () => {
    const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.csv')).map((name) => ({ name, text: readFileSync(join(SAMPLES, name), 'utf8') }));
    const r = importReturn(files);
    expect(r.files.map((f) => [f.name, f.kind, f.year])).toEqual(expect.arrayContaining([['2017-episodes.csv', 'episodes', 2017], ['2019-header.csv', 'header', 2019]]));
    // The flaw the samples' README names: an episode with a reason for ceasing and a blank DEC (2017-episodes.csv,
    // row 8: E9), listed and taken as open; and episodes overlapping one not yet ended, set aside.
    expect(r.problems).toContainEqual(expect.objectContaining({ file: '2017-episodes.csv', row: 8, column: 'REC', setAside: false }));
    expect(r.problems).toContainEqual(expect.objectContaining({ column: 'DECOM', setAside: true, kind: 'overlapping episodes' }));
    expect(r.setAside.rows).toBeGreaterThan(0);
    expect(r.setAside.rows).toBe(Object.values(r.setAside.byKind).reduce((a, b) => a + b, 0));
    expect(r.periods.length).toBeGreaterThan(500);
    const s = summariseCare(r.periods, r.from, r.to);
    expect(s.cla.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    // Entries inside the window the returns observe (from 31 March 2017): a period begun before is not one.
    expect(s.months[0]).toBe('2017-03');
    expect(s.entries.reduce((a, b) => a + b, 0)).toBe(r.periods.filter((p) => p.startSeen && p.start > r.from && p.start <= r.to).length);
    // Shares between 0 and 1 where the follow-up reaches (3 years of returns: 1 and 2 years), none past it (5 years).
    for (const r2 of Object.values(s.timeToExit.byRoute)) {
      expect(r2.slice(0, 2).every((x) => x >= 0 && x <= 1)).toBe(true);
      expect(r2[3]).toBeNaN();
    }
  });

  it('maps placements and reasons onto the model as stated: kinship U1–U3, fostering by provider, residential, other; a child leaving at 18 or over on its birthday route', () => {
    expect(['U1', 'U2', 'U3'].map((p) => placementOf(p, 'PR1'))).toEqual(['kinship', 'kinship', 'kinship']);
    expect([placementOf('U4', 'PR1'), placementOf('U6', 'PR2'), placementOf('U5', 'PR4'), placementOf('U4', 'PR5')]).toEqual(['inHouseFostering', 'inHouseFostering', 'independentFostering', 'independentFostering']);
    expect(['K1', 'K2', 'R1', 'R2', 'R5', 'S1'].map((p) => placementOf(p, 'PR4'))).toEqual(Array(6).fill('residential'));
    expect(['P1', 'P2', 'H5', 'K3', 'A4', 'T0', 'Z1'].map((p) => placementOf(p, 'PR1'))).toEqual(Array(7).fill('other'));
    const dob = 0;
    const at = (years: number) => Math.round(years * 365.25) + 1;
    expect(routeOfPeriod({ reason: 'E4A', end: at(10), dob })).toBe('returnHome');
    expect(routeOfPeriod({ reason: 'E45', end: at(10), dob })).toBe('specialGuardianship');
    expect(routeOfPeriod({ reason: 'E43', end: at(10), dob })).toBe('specialGuardianship');
    expect(routeOfPeriod({ reason: 'E12', end: at(3), dob })).toBe('adoption');
    expect(routeOfPeriod({ reason: 'E5', end: at(18.2), dob })).toBe('eighteen');
    expect(routeOfPeriod({ reason: 'E5', end: at(17), dob })).toBe('other');
    expect(routeOfPeriod({ reason: 'E17', end: at(17.5), dob })).toBe('other');
  });

  it('counts entries, changes of placement and exposure only inside the window the returns observe (from 31 March before the first year)', () => {
    const h = file('2022-23-header.csv', HEADER, ['D1,1,01/01/2010,WBRI,,,', 'D2,2,01/01/2011,WBRI,,,']);
    const e = file('2022-23-episodes.csv', EPISODES, [
      'D1,01/06/2019,S,C2,N1,U4,PR1,01/06/2020,X1,,,,', // began years before the window; in care through it
      'D1,01/06/2020,P,C2,N1,U6,PR1,01/09/2022,X1,,,,',
      'D1,01/09/2022,P,C2,N1,K2,PR4,,,,,,', // a change of placement inside the window
      'D2,01/07/2022,S,C2,N1,U4,PR1,01/08/2022,X1,,,,',
      'D2,01/08/2022,T,C2,N1,U4,PR1,,,,,,', // same carer: not a change of placement
    ]);
    const r = importReturn([h, e]);
    const s = summariseCare(r.periods, r.from, r.to);
    expect(s.months[0]).toBe('2022-03');
    expect(s.entries.reduce((a, b) => a + b, 0)).toBe(1);
    expect(s.moves.count).toBe(1);
    // Exposure: both children from their start in the window (D1 from 31 March 2022) to the data's last date.
    const days = r.to - r.from + (r.to - Date.UTC(2022, 6, 1) / 86_400_000);
    expect(s.moves.childYears).toBeCloseTo(days / 365.25, 9);
  });
});
