// A council's SSDA903 return, one or several years, read into periods of care: the rows checked one by one
// (src/ssda903/read.ts), then across rows (the same child twice in a header, the same episode twice in a file, a
// child in episodes but not in any header, overlapping episodes), the same episode in several years' files taken
// once (the latest return's), and each child's episodes joined into periods: a period runs from an episode with RNE
// S to the episode whose REC is not X1. Pure: it runs in the page's worker; nothing leaves it.
import { readFile, type EpisodeRow, type HeaderRow, type Problem, type ReadFile } from './read';

export interface Period {
  child: string;
  /** Days since 1970-01-01: the period's first day, and its last episode's end (null: still open at the data's end). */
  start: number;
  end: number | null;
  /** Whether the data holds the period's start (an episode with RNE S); else it began before the data. */
  startSeen: boolean;
  /** The reason the period ended (REC), null while open. */
  reason: string | null;
  dob: number;
  /** The child's periods before this one in the data (0: the first seen). */
  before: number;
  episodes: EpisodeRow[];
}

export interface ImportResult {
  files: ReadFile[];
  problems: Problem[];
  /** Rows set aside, and how many for each kind of problem (a row counted once, under its first). */
  setAside: { rows: number; byKind: Record<string, number> };
  children: number;
  /** Episodes used (after the same episode in several files is taken once). */
  episodes: number;
  periods: Period[];
  /** The first and last day the episodes cover. */
  from: number;
  to: number;
}

const key = (e: { file: string; row: number }) => `${e.file}\u0000${e.row}`;

export function importReturn(files: { name: string; text: string }[]): ImportResult {
  const problems: Problem[] = [];
  const read: ReadFile[] = [];
  const headers: HeaderRow[] = [];
  let episodes: EpisodeRow[] = [];
  // Two files of one name (2017/episodes.csv, 2018/episodes.csv) are told apart: "episodes.csv (2)".
  const seen = new Map<string, number>();
  for (const f of files) {
    const n = (seen.get(f.name) ?? 0) + 1;
    seen.set(f.name, n);
    const r = readFile(n > 1 ? `${f.name} (${n})` : f.name, f.text);
    // Loops, not push(...rows): a spread of some 200,000 rows overflows the call stack.
    for (const p of r.problems) problems.push(p);
    if (r.file) read.push(r.file);
    for (const h of r.headers) headers.push(h);
    for (const e of r.episodes) episodes.push(e);
  }
  const yearOf = new Map(read.map((f) => [f.name, f.year ?? -Infinity]));
  const say = (row: { file: string; row: number; child: string }, column: string | undefined, message: string, setAside: boolean, kind: string) =>
    problems.push({ file: row.file, row: row.row, ...(column ? { column } : {}), child: row.child, message, setAside, kind });

  // Headers: a child twice in one file is a problem (the first row is used); across years the latest file's row.
  const byChild = new Map<string, HeaderRow>();
  const seenInFile = new Map<string, HeaderRow>();
  for (const h of headers) {
    const inFile = `${h.file}\u0000${h.child}`;
    const first = seenInFile.get(inFile);
    if (first) {
      say(h, 'CHILD', `child ${h.child} is in this header file twice (first at row ${first.row}): the first row is used`, true, 'duplicate child');
      continue;
    }
    seenInFile.set(inFile, h);
    const had = byChild.get(h.child);
    if (had && had.dob !== h.dob) say(h, 'DOB', `child ${h.child}'s date of birth differs from ${had.file} row ${had.row}: the later year's file is used`, false, 'date of birth differs between files');
    if (!had || (yearOf.get(h.file) ?? 0) >= (yearOf.get(had.file) ?? 0)) byChild.set(h.child, h);
  }

  // Episodes: the same child and start twice in one file is a problem; in several years' files, the latest return's.
  const chosen = new Map<string, EpisodeRow>();
  for (const e of episodes) {
    const id = `${e.child}\u0000${e.decom}`;
    const had = chosen.get(id);
    if (had && had.file === e.file) {
      say(e, 'DECOM', `child ${e.child} has two episodes starting on the same day in this file (the other at row ${had.row}): this one is set aside`, true, 'duplicate episode');
      continue;
    }
    if (!had || (yearOf.get(e.file) ?? 0) >= (yearOf.get(had.file) ?? 0)) chosen.set(id, e);
  }
  episodes = [...chosen.values()];
  // A child in episodes but in no header: its ages cannot be told.
  episodes = episodes.filter((e) => {
    if (byChild.has(e.child)) return true;
    say(e, 'CHILD', `child ${e.child} is in the episodes but in no header file: its date of birth is not known`, true, 'child not in the header');
    return false;
  });

  // Each child's episodes in order; one starting before the one before it ended overlaps it and is set aside.
  const perChild = new Map<string, EpisodeRow[]>();
  for (const e of episodes) (perChild.get(e.child) ?? perChild.set(e.child, []).get(e.child)!).push(e);
  const periods: Period[] = [];
  let used = 0;
  let from = Infinity;
  let to = -Infinity;
  for (const [child, list] of perChild) {
    list.sort((a, b) => a.decom - b.decom);
    const kept: EpisodeRow[] = [];
    for (const e of list) {
      const prev = kept[kept.length - 1];
      if (prev && (prev.dec === null || e.decom < prev.dec)) {
        say(e, 'DECOM', `child ${child}'s episode starting here overlaps the one at ${prev.file} row ${prev.row} (${prev.dec === null ? 'still open' : 'not yet ended'})`, true, 'overlapping episodes');
        continue;
      }
      kept.push(e);
    }
    used += kept.length;
    const dob = byChild.get(child)!.dob;
    let current: Period | undefined;
    let before = 0;
    let previous: EpisodeRow | undefined;
    for (const e of kept) {
      from = Math.min(from, e.decom);
      to = Math.max(to, e.dec ?? e.decom);
      // X1 says a new episode begins the same day: a later start is a gap, in which the child is counted in care.
      if (previous && previous.rec === 'X1' && previous.dec !== null && e.decom > previous.dec && e.rne !== 'S') say(e, 'DECOM', `child ${child}'s episode starts ${Math.round(e.decom - previous.dec)} day(s) after the one before ended with X1 (a new episode the same day): the gap is counted as in care`, false, 'gap after X1');
      if (current && current.end !== null && e.rne !== 'S') say(e, 'RNE', `child ${child} comes back into care after a period ended without RNE S: a new period is started here`, false, 'return without RNE S');
      previous = e;
      // A new period at RNE S, or where the child was out of care (the last period ended), or at the data's start.
      if (!current || current.end !== null || e.rne === 'S') {
        if (current && current.end === null) say(e, 'RNE', `child ${child} starts a new period (RNE S) while the one before is still open: the one before is taken to end here`, false, 'period started while open');
        if (current) periods.push(current);
        current = { child, start: e.decom, end: null, startSeen: e.rne === 'S', reason: null, dob, before: current ? ++before : before, episodes: [] };
      }
      current.episodes.push(e);
      // The period goes on through X1 (a new episode the same day); any other reason ends it.
      if (e.dec !== null && e.rec !== 'X1') {
        current.end = e.dec;
        current.reason = e.rec;
      }
    }
    if (current) periods.push(current);
  }
  // The data's end: the end of the latest return's year (31 March), where the files say which year they are: a
  // return holds every child looked after up to then (a period open in it is open on that day), and a stray date
  // after it (the samples have 1 April) makes no month of its own.
  // The data ends at the latest return's 31 March, or the last date in the files if that is earlier.
  const latestYear = Math.max(...read.map((f) => f.year ?? -Infinity));
  if (Number.isFinite(latestYear) && Number.isFinite(to)) to = Math.min(to, Date.UTC(latestYear + 1, 2, 31) / 86_400_000);
  // The window the returns observe: from 31 March before the first return's year (a child who left care before that
  // year is in no file, so earlier months, entries and exposure are not whole) to the data's end.
  const firstYear = Math.min(...read.map((f) => f.year ?? Infinity));
  const windowStart = Number.isFinite(firstYear) ? Date.UTC(firstYear, 2, 31) / 86_400_000 : from;
  if (Number.isFinite(from)) from = windowStart;
  // Rows set aside: counted once each, under the first problem that set them aside.
  const aside = new Map<string, string>();
  for (const p of problems) if (p.setAside && !aside.has(key(p))) aside.set(key(p), p.kind);
  const byKind: Record<string, number> = {};
  for (const k of aside.values()) byKind[k] = (byKind[k] ?? 0) + 1;
  return { files: read, problems, setAside: { rows: aside.size, byKind }, children: perChild.size, episodes: used, periods, from, to };
}
