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

/** One collection year's files. */
export interface WrittenYear {
  year: number;
  header: { name: string; text: string };
  episodes: { name: string; text: string };
}

/**
 * The return's files for the histories, month 0 being the end of `startMonth` ("YYYY-MM"): one header and one
 * episodes file a collection year, from the year month 0 falls in to the year of the last date, as councils submit
 * them. A year's file holds every episode open at some time in its year (April to March), an episode still open at
 * the year's end written open (no DEC, no REC), and the header of every child in it; the next year's file closes it.
 */
export function writeReturn(periods: HistoryPeriod[], startMonth: string, name = 'synthetic'): { years: WrittenYear[]; dropped: number } {
  if (periods.length === 0) throw new Error('no periods of care to write');
  const monthZero = Date.UTC(Number(startMonth.slice(0, 4)), Number(startMonth.slice(5, 7)), 0) / 86_400_000;
  const day = (t: number) => Math.round(monthZero + t * MONTH_DAYS);
  const date = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');
  const yearOf = (d: number) => { const x = new Date(d * 86_400_000); return x.getUTCMonth() >= 3 ? x.getUTCFullYear() : x.getUTCFullYear() - 1; };
  const ids = new Map<string, string>();
  // Each child's episodes: child id, start and end days (end null: open at the data's end), placement and REC.
  type Row = { id: string; male: boolean; dob: number; start: number; end: number | null; rne: string; placement: Placement; rec: string };
  const rows: Row[] = [];
  let dropped = 0;
  for (const p of [...periods].sort((a, b) => a.entry - b.entry)) {
    const key = `${p.family}:${p.person}`;
    let id = ids.get(key);
    if (!id) ids.set(key, (id = `SYN${String(ids.size + 1).padStart(7, '0')}`));
    // Changes of placement within a day of each other become one episode (an episode lasts at least a day).
    const starts = p.placements.map((x) => ({ day: day(x.from), placement: PLACEMENTS[x.placement] as Placement }));
    const segments = starts.filter((s, i) => i === 0 || s.day > starts[i - 1]!.day);
    dropped += starts.length - segments.length;
    // A child leaving on its 18th birthday (route 4) leaves on the written date of birth's 18th anniversary, so that
    // the importer, which tells leaving at 18 by age, finds it 18 whatever the days' rounding.
    const birthday18 = () => { const b = new Date(day(p.birth) * 86_400_000); return Date.UTC(b.getUTCFullYear() + 18, b.getUTCMonth(), b.getUTCDate()) / 86_400_000; };
    const exitDay = p.exit === null ? null : p.route === 4 ? birthday18() : day(p.exit);
    const end = exitDay === null ? null : Math.max(exitDay, segments[segments.length - 1]!.day + 1);
    segments.forEach((s, i) => {
      const next = segments[i + 1];
      rows.push({ id: id!, male: ((p.family ^ p.person) & 1) === 1, dob: day(p.birth), start: s.day, end: next ? next.day : end, rne: i === 0 ? 'S' : 'P', placement: s.placement, rec: next ? 'X1' : end === null ? '' : (REC[p.route] ?? 'E8') });
    });
  }
  const first = yearOf(monthZero);
  const last = yearOf(Math.max(...rows.map((r) => r.end ?? r.start)));
  const years: WrittenYear[] = [];
  for (let y = first; y <= last; y++) {
    const from = Date.UTC(y, 3, 1) / 86_400_000;
    const to = Date.UTC(y + 1, 2, 31) / 86_400_000;
    const sex = (male: boolean) => (y >= 2024 ? (male ? 'M' : 'F') : male ? '1' : '2');
    const header = ['CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB'];
    const episodes = ['CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN'];
    const children = new Set<string>();
    for (const r of rows) {
      if (r.start > to || (r.end !== null && r.end < from)) continue;
      const closed = r.end !== null && r.end <= to;
      const [place, provider] = PLACE[r.placement];
      episodes.push(`${r.id},${date(r.start)},${r.rne},C2,N1,${place},${provider},${closed ? date(r.end!) : ''},${closed ? r.rec : ''},,,,`);
      if (!children.has(r.id)) {
        children.add(r.id);
        header.push(`${r.id},${sex(r.male)},${date(r.dob)},NOBT,SYNTHETIC,,`);
      }
    }
    const label = `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
    years.push({ year: y, header: { name: `${name}-${label}-header.csv`, text: `${header.join('\n')}\n` }, episodes: { name: `${name}-${label}-episodes.csv`, text: `${episodes.join('\n')}\n` } });
  }
  return { years, dropped };
}
