// `npm run bench`'s council part: building a council's scenario from the council table (issue 27: under a second).
import { performance } from 'node:perf_hooks';
import { buildCouncilScenario } from '../../councils/build-scenario';
import { COUNCIL_TABLE } from '../../councils/council';
import { parseScenario } from '../../scenario/parse';

export interface CouncilBuildTimes {
  councils: number;
  /** Milliseconds to build (and validate) each council's scenario for 31 March 2025, warm: median, slowest. */
  median: number;
  slowest: { ms: number; name: string };
  /** The first build in the process (the table's years read once, the code cold). */
  first: number;
}

export function councilBuildTimes(): CouncilBuildTimes {
  const i = COUNCIL_TABLE.figures.indexOf('claAt31March');
  const codes = Object.keys(COUNCIL_TABLE.councils).filter((c) => COUNCIL_TABLE.councils[c]!.rows[2025]?.[i] != null);
  const build = (code: string) => {
    const t0 = performance.now();
    const built = buildCouncilScenario(code, { year: 2025 });
    if (!built.ok || !parseScenario(built.value.scenario).ok) throw new Error(`${code} did not build`);
    return performance.now() - t0;
  };
  const first = build(codes[0]!);
  const times = codes.map((code) => ({ code, ms: build(code) })).sort((a, b) => a.ms - b.ms);
  const slow = times[times.length - 1]!;
  return { councils: codes.length, median: times[Math.floor(times.length / 2)]!.ms, slowest: { ms: slow.ms, name: COUNCIL_TABLE.councils[slow.code]!.info.name }, first };
}
