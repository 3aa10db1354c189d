// Issue 28's round trip: a simulated council's care histories, as the engine walks them, written as an SSDA903 return
// (src/ssda903/write.ts: a header and an episodes file a collection year, episodes open at a year's end written
// open, as councils submit them), imported (src/ssda903/import.ts) and fitted (src/ssda903/fit.ts): what the import
// recovers is what the engine booked, and the placement inputs come back within their sampling error.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { careHistories, type CarePeriod } from '../../src/engine/sim/care-histories';
import { M } from '../../src/engine/results/metrics';
import { monthLabels } from '../../src/engine/results/plan';
import { parseScenario } from '../../src/scenario/parse';
import { AGE_BANDS, PLACEMENTS } from '../../src/scenario/schema';
import { fitCareFromEpisodes } from '../../src/ssda903/fit';
import { importReturn } from '../../src/ssda903/import';
import { bandAt, placementOf, routeOfPeriod, summariseCare } from '../../src/ssda903/summary';
import { writeReturn } from '../../src/ssda903/write';

const MONTHS = 48;
const raw = JSON.parse(readFileSync('scenarios/leeds-2015-family-valued.json', 'utf8'));
const parsed = parseScenario(raw);
if (!parsed.ok) throw new Error('Leeds does not parse');
const scenario = parsed.value;
const { periods, series } = careHistories(scenario, 'round-trip', 0, MONTHS);
const written = writeReturn(periods, scenario.startMonth);
const files = written.years.flatMap((y) => [y.header, y.episodes]);
const imported = importReturn(files);
const summary = summariseCare(imported.periods, imported.from, imported.to);
// Days as the writer writes them: month 0 is the end of April 2015, Leeds's start.
const monthZero = Date.UTC(2015, 4, 0) / 86_400_000;
const day = (t: number) => Math.round(monthZero + t * 30.4375);
/** A period of the truth that began inside the window the returns observe. */
const enteredInWindow = (p: CarePeriod) => day(p.entry) > imported.from && day(p.entry) <= imported.to;

describe('a simulated council written as an SSDA903 return and imported', () => {
  it('the engine told every child it booked: entries, exits and children in care are the run\'s own series', () => {
    const sum = (m: number) => Array.from({ length: MONTHS }, (_, i) => series[m * (MONTHS + 1) + i + 1]!).reduce((a, b) => a + b, 0);
    expect(periods.filter((p) => p.entry > 0).length).toBe(sum(M.claEntries));
    expect(periods.filter((p) => p.exit !== null && p.exit > 0).length).toBe(sum(M.claExits));
    expect(periods.filter((p) => p.entry <= MONTHS && (p.exit === null || p.exit > MONTHS)).length).toBe(series[M.cla * (MONTHS + 1) + MONTHS]);
  });

  it('a file pair a collection year, marked synthetic, importing with no problem: every period the returns can see, once', () => {
    expect(written.years.map((y) => y.year)).toEqual([2015, 2016, 2017, 2018, 2019]);
    for (const y of written.years) {
      expect(y.header.name).toMatch(/^synthetic-20\d\d-\d\d-header\.csv$/);
      expect(y.header.text).toContain(',SYNTHETIC,');
    }
    expect(imported.problems).toEqual([]);
    const april2015 = Date.UTC(2015, 3, 1) / 86_400_000;
    expect(imported.periods.length).toBe(periods.filter((p) => p.exit === null || day(p.exit) >= april2015).length);
  });

  it('children in care month by month are the run\'s own, to within day rounding at month ends', () => {
    const labels = monthLabels(scenario.startMonth, MONTHS);
    for (let m = 1; m < MONTHS; m++) {
      const i = summary.months.indexOf(labels[m]!);
      const cla = series[M.cla * (MONTHS + 1) + m]!;
      expect(Math.abs(summary.cla[i]! - cla), labels[m]).toBeLessThanOrEqual(Math.max(3, 0.005 * cla));
    }
  });

  it('recovers the entries by age band at entry, the placement at entry child for child, and the exits by route', () => {
    const truth = periods.filter(enteredInWindow);
    const got = imported.periods.filter((p) => p.startSeen && p.start > imported.from && p.start <= imported.to);
    expect(got.length).toBe(truth.length);
    AGE_BANDS.forEach((b) => {
      const want = truth.filter((p) => bandAt((p.entry - p.birth) / 12) === b).length;
      // A child within a day of a band edge may fall the other side once dates are rounded to days.
      expect(Math.abs(summary.entriesByAge[b] - want), b).toBeLessThanOrEqual(Math.max(2, want * 0.01));
    });
    const mix = (ps: string[]) => PLACEMENTS.map((pl) => ps.filter((x) => x === pl).length);
    expect(mix(got.map((p) => placementOf(p.episodes[0]!.place, p.episodes[0]!.provider)))).toEqual(mix(truth.map((p) => PLACEMENTS[p.placements[0]!.placement]!)));
    const exited = periods.filter((p) => p.exit !== null && day(p.exit) > imported.from && day(p.exit) <= imported.to);
    const ROUTES = ['returnHome', 'specialGuardianship', 'adoption'] as const;
    ROUTES.forEach((route, r) => expect(summary.exitsByRoute[route], route).toBe(exited.filter((p) => p.route === r).length));
    // The other routes and leaving at 18 or over (the import tells them by age at exit): the same children, and those
    // 18 or over by the walk's own ages, a birthday a day either side of the rounding aside.
    expect(summary.exitsByRoute.other + summary.exitsByRoute.eighteen).toBe(exited.filter((p) => p.route >= 3).length);
    const adults = exited.filter((p) => p.route >= 3 && (p.exit! - p.birth) / 12 >= 18).length;
    expect(Math.abs(summary.exitsByRoute.eighteen - adults)).toBeLessThanOrEqual(Math.max(2, 0.02 * adults));
  });

  it('recovers the mean time in care by route to within a day, for periods begun and ended in the window', () => {
    const ROUTES = ['returnHome', 'specialGuardianship', 'adoption'] as const;
    ROUTES.forEach((route, r) => {
      const done = periods.filter((p) => enteredInWindow(p) && p.exit !== null && day(p.exit) <= imported.to && p.route === r);
      const got = imported.periods.filter((p) => p.startSeen && p.start > imported.from && p.end !== null && p.end <= imported.to && routeOfPeriod(p) === route);
      expect(got.length, route).toBe(done.length);
      if (!done.length) return;
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(Math.abs(mean(got.map((p) => p.end! - p.start)) - mean(done.map((p) => (p.exit! - p.entry) * 30.4375))), route).toBeLessThanOrEqual(1);
    });
  });

  it("recovers the scenario's placement inputs within their sampling error, and fits a valid scenario beside the council's own months", () => {
    // Entries after month 0 (children found in care at month 0 entered by the stock's mix, not the entry mix).
    const entered = imported.periods.filter((p) => p.startSeen && p.start > monthZero);
    const first = (p: (typeof entered)[number]) => placementOf(p.episodes[0]!.place, p.episodes[0]!.provider);
    // Siblings enter together and share a kinship placement: the effective sample is about the families (1.85 children a
    // family, as Leeds's family sizes give), so each tolerance is 4 binomial SEs on children ÷ 1.85.
    const within = (got: number, want: number, n: number, what: string) => expect(Math.abs(got - want), `${what}: ${got.toFixed(3)} against ${want} (n ${n})`).toBeLessThanOrEqual(4 * Math.sqrt((want * (1 - want)) / (n / 1.85)));
    within(entered.filter((p) => first(p) === 'kinship').length / entered.length, scenario.pathway.cla.placements.shares.kinship, entered.length, 'kinship');
    const byAge = scenario.pathway.cla.placementByAge!.shares;
    let bandsChecked = 0;
    for (const band of AGE_BANDS) {
      const nonKin = entered.filter((p) => first(p) !== 'kinship' && bandAt((p.start - p.dob) / 365.25) === band);
      if (nonKin.length < 100) continue;
      bandsChecked++;
      for (const pl of PLACEMENTS.filter((x) => x !== 'kinship')) within(nonKin.filter((p) => first(p) === pl).length / nonKin.length, byAge[band][pl]!, nonKin.length, `${band} ${pl}`);
    }
    expect(bandsChecked).toBeGreaterThanOrEqual(2);
    const fitted = fitCareFromEpisodes(raw, imported, summary);
    expect(parseScenario(fitted.scenario).ok).toBe(true);
    expect(fitted.scenario.startMonth).toBe('2015-03');
    expect(fitted.scenario.observed.series.cla).toEqual(summary.cla.slice(summary.months.indexOf('2015-03')));
  });
});
