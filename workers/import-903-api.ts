// The SSDA903 import's worker API: the files are read, checked and summarised here, off the page's thread, and
// nothing is sent anywhere: the page hands the files' text over, the worker hands back what they give.
import { fitCareFromEpisodes } from '../src/ssda903/fit';
import { importReturn } from '../src/ssda903/import';
import type { Problem, ReadFile } from '../src/ssda903/read';
import { summariseCare, type CareSummary } from '../src/ssda903/summary';

/** The most problems handed back to show (all are counted): a file with a flaw on every row lists the first ones. */
export const PROBLEMS_SHOWN = 2000;

export interface ImportView {
  files: ReadFile[];
  problems: Problem[];
  problemCount: number;
  setAside: { rows: number; byKind: Record<string, number> };
  children: number;
  episodes: number;
  periods: number;
  summary: CareSummary;
  /** The base scenario with its care part fitted to the return, when a base was given; and what could not be fitted. */
  fitted?: { scenario: unknown; notes: string[] };
  /** Milliseconds the worker took, reading to summary. */
  ms: number;
}

export const importApi = {
  importFiles(files: { name: string; text: string }[], base?: unknown): ImportView {
    const t0 = performance.now();
    const r = importReturn(files);
    const summary = summariseCare(r.periods, r.from, r.to);
    const fitted = base === undefined ? undefined : fitCareFromEpisodes(base, r, summary);
    return {
      files: r.files,
      problems: r.problems.slice(0, PROBLEMS_SHOWN),
      problemCount: r.problems.length,
      setAside: r.setAside,
      children: r.children,
      episodes: r.episodes,
      periods: r.periods.length,
      summary,
      ...(fitted ? { fitted } : {}),
      ms: performance.now() - t0,
    };
  },
};

export type ImportApi = typeof importApi;
