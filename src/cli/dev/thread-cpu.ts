// CPU time of each of this process's threads, from Linux's /proc: which thread did the work, not only how much.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on every Linux the project runs on). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) of each live thread of this process, by thread id; null where /proc has no threads (not Linux). */
export function threadCpuSeconds(): Map<number, number> | null {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  const out = new Map<number, number>();
  for (const tid of tids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended between the listing and the read
    }
    out.set(Number(tid), cpuSecondsOfStat(stat));
  }
  return out;
}

/** User + system CPU seconds from one line of /proc/<pid>/task/<tid>/stat. */
export function cpuSecondsOfStat(stat: string): number {
  // The command name (field 2) is in parentheses and may itself hold spaces and parentheses, so the
  // fields are counted from the last ')': field 3 on, of which utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`not a /proc stat line: ${stat.slice(0, 80)}`);
  return ticks / TICKS_PER_SECOND;
}

/** Per thread, the CPU seconds used between two readings (threads started meanwhile count from zero). */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [tid, seconds] of after) out.set(tid, seconds - (before.get(tid) ?? 0));
  return out;
}
