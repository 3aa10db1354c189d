// `npm run bench`'s SSDA903 part: reading 50,000 episode rows (issue 28: under 5 s in the page), on this thread, with
// the same pure code the page's worker runs. The rows are synthetic: 12,500 children of four episodes each.
import { performance } from 'node:perf_hooks';
import { importReturn } from '../../ssda903/import';
import { summariseCare } from '../../ssda903/summary';

export function syntheticReturn(children: number, episodesEach: number): { name: string; text: string }[] {
  const header = ['CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB'];
  const episodes = ['CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN'];
  const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');
  const start = Date.UTC(2019, 3, 1) / 86_400_000;
  for (let c = 0; c < children; c++) {
    header.push(`C${c},${c % 2 ? 'M' : 'F'},${day(start - 365 * (1 + (c % 17)) - (c % 300))},WBRI,,,`);
    let at = start + (c % 1400);
    for (let e = 0; e < episodesEach; e++) {
      const last = e === episodesEach - 1;
      const end = at + 30 + ((c * 7 + e * 13) % 200);
      episodes.push(`C${c},${day(at)},${e === 0 ? 'S' : 'P'},C2,N1,${['U1', 'U4', 'K2', 'U6'][(c + e) % 4]},PR1,${day(end)},${last ? ['E11', 'E4A', 'E45', 'E17'][c % 4] : 'X1'},,,,`);
      at = end;
    }
  }
  return [{ name: '2024-25-header.csv', text: header.join('\n') }, { name: '2024-25-episodes.csv', text: episodes.join('\n') }];
}

/** Seconds to read, check and summarise 50,000 episode rows: best of three, and against the 5 s target. */
export function importTimes(): { rows: number; best: number; runs: number[] } {
  const files = syntheticReturn(12_500, 4);
  const runs = [0, 1, 2].map(() => {
    const t0 = performance.now();
    const r = importReturn(files);
    summariseCare(r.periods, r.from, r.to);
    return (performance.now() - t0) / 1000;
  });
  return { rows: 50_000, best: Math.min(...runs), runs };
}
