// A simulated council's care histories written as an SSDA903 return (header and episodes), clearly marked synthetic:
// the round trip's source, and a test file for councils' own tools. Pure.
import { PLACEMENTS, type Placement } from '../scenario/schema';

/** One child's period of care in months from month 0 (as src/engine/sim/care-histories.ts gives them). */
export interface HistoryPeriod {
  family: number;
  person: number;
  birth: number;
  entry: number;
  placements: { from: number; placement: number }[];
  exit: number | null;
  /** 0 home, 1 special guardianship, 2 adoption, 3 other, 4 the 18th birthday. */
  route: number;
}

/** Each placement's SSDA903 PLACE and PLACE_PROVIDER (the importer maps them back: src/ssda903/summary.ts placementOf). */
const PLACE: Record<Placement, [string, string]> = {
  kinship: ['U3', 'PR1'],
  inHouseFostering: ['U6', 'PR1'],
  independentFostering: ['U6', 'PR4'],
  residential: ['K2', 'PR4'],
  other: ['P1', 'PR0'],
};
/** Each route's REC: returned home (part of the care plan), a special guardianship order to former foster carers who are relatives, adopted, ceased for any other reason, aged 18 and remained with carers. */
const REC = ['E4A', 'E45', 'E11', 'E8', 'E17'];

const MONTH_DAYS = 30.4375;

/** The return's files for the histories, month 0 being the end of `startMonth` ("YYYY-MM"); open periods stay open. */
export function writeReturn(periods: HistoryPeriod[], startMonth: string, name = 'synthetic'): { header: { name: string; text: string }; episodes: { name: string; text: string }; dropped: number } {
  const monthZero = Date.UTC(Number(startMonth.slice(0, 4)), Number(startMonth.slice(5, 7)), 0) / 86_400_000;
  const day = (t: number) => Math.round(monthZero + t * MONTH_DAYS);
  const date = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');
  const ids = new Map<string, string>();
  const header = ['CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB'];
  const episodes = ['CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN'];
  if (periods.length === 0) throw new Error('no periods of care to write');
  const sorted = [...periods].sort((a, b) => a.entry - b.entry);
  // The return's collection year: the one its last date falls in (its name says it; SEX is written in that year's codes).
  const lastDay = Math.max(...periods.map((p) => day(Math.max(p.exit ?? p.entry, ...p.placements.map((x) => x.from)))));
  const lastDate = new Date(lastDay * 86_400_000);
  const year = lastDate.getUTCMonth() >= 3 ? lastDate.getUTCFullYear() : lastDate.getUTCFullYear() - 1;
  const sex = (male: boolean) => (year >= 2024 ? (male ? 'M' : 'F') : male ? '1' : '2');
  let dropped = 0;
  for (const p of sorted) {
    const key = `${p.family}:${p.person}`;
    let id = ids.get(key);
    if (!id) {
      id = `SYN${String(ids.size + 1).padStart(7, '0')}`;
      ids.set(key, id);
      header.push(`${id},${sex(((p.family ^ p.person) & 1) === 1)},${date(day(p.birth))},NOBT,SYNTHETIC,,`);
    }
    // Changes of placement within a day of each other become one episode (an episode lasts at least a day).
    const starts = p.placements.map((x) => ({ day: day(x.from), placement: PLACEMENTS[x.placement] as Placement }));
    const segments = starts.filter((s, i) => i === 0 || s.day > starts[i - 1]!.day);
    dropped += starts.length - segments.length;
    const end = p.exit === null ? null : Math.max(day(p.exit), segments[segments.length - 1]!.day + 1);
    segments.forEach((s, i) => {
      const next = segments[i + 1];
      const [place, provider] = PLACE[s.placement];
      const dec = next ? next.day : end;
      const rec = next ? 'X1' : end === null ? '' : REC[p.route] ?? 'E8';
      episodes.push(`${id},${date(s.day)},${i === 0 ? 'S' : 'P'},C2,N1,${place},${provider},${dec === null ? '' : date(dec)},${rec},,,,`);
    });
  }
  const label = `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
  return {
    header: { name: `${name}-${label}-header.csv`, text: `${header.join('\n')}\n` },
    episodes: { name: `${name}-${label}-episodes.csv`, text: `${episodes.join('\n')}\n` },
    dropped,
  };
}
