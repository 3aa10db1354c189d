// Issue 28's round trip: a simulated council's care histories, as the engine walks them, written as an SSDA903 return
// (src/ssda903/write.ts), imported (src/ssda903/import.ts): what the import recovers (entries and their ages at
// entry, placement at entry, changes of placement, exits by route and time in care) is what the engine booked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { careHistories, type CarePeriod } from '../../src/engine/sim/care-histories';
import { M } from '../../src/engine/results/metrics';
import { parseScenario } from '../../src/scenario/parse';
import { AGE_BANDS, PLACEMENTS } from '../../src/scenario/schema';
import { importReturn } from '../../src/ssda903/import';
import { bandAt, placementOf, routeOfReason } from '../../src/ssda903/summary';
import { writeReturn } from '../../src/ssda903/write';

const MONTHS = 48;
const parsed = parseScenario(JSON.parse(readFileSync('scenarios/leeds-2015-family-valued.json', 'utf8')));
if (!parsed.ok) throw new Error('Leeds does not parse');
const scenario = parsed.value;
const { periods, series } = careHistories(scenario, 'round-trip', 0, MONTHS);
const written = writeReturn(periods, scenario.startMonth);
const imported = importReturn([written.header, written.episodes]);
const monthZero = Date.UTC(2015, 4, 0) / 86_400_000; // the end of April 2015, Leeds's month 0
const ROUTES = ['returnHome', 'specialGuardianship', 'adoption', 'other', 'eighteen'];
const inWindow = (p: CarePeriod) => p.entry > 0 && p.entry <= MONTHS;

describe('a simulated council written as an SSDA903 return and imported', () => {
  it('the engine told every child it booked: entries, exits and children in care are the run\'s own series', () => {
    const sum = (m: number) => Array.from({ length: MONTHS }, (_, i) => series[m * (MONTHS + 1) + i + 1]!).reduce((a, b) => a + b, 0);
    expect(periods.filter(inWindow).length).toBe(sum(M.claEntries));
    expect(periods.filter((p) => p.exit !== null && p.exit > 0).length).toBe(sum(M.claExits));
    expect(periods.filter((p) => p.entry <= MONTHS && (p.exit === null || p.exit > MONTHS)).length).toBe(series[M.cla * (MONTHS + 1) + MONTHS]);
  });

  it('imports with no problem, one period a period, the synthetic return marked as such', () => {
    expect(written.header.name).toMatch(/^synthetic-/);
    expect(written.header.text).toContain(',SYNTHETIC,');
    expect(imported.problems).toEqual([]);
    expect(imported.periods.length).toBe(periods.length);
  });

  it('recovers the entries by age band at entry and the placement at entry, child for child', () => {
    const truth = AGE_BANDS.map((b) => periods.filter((p) => bandAt((p.entry - p.birth) / 12) === b).length);
    const got = AGE_BANDS.map((b) => imported.periods.filter((p) => bandAt((p.start - p.dob) / 365.25) === b).length);
    // A child within a day or two of a birthday band edge may fall the other side after dates are rounded to days.
    truth.forEach((n, i) => expect(Math.abs(got[i]! - n), AGE_BANDS[i]).toBeLessThanOrEqual(Math.max(3, n * 0.01)));
    const entryMix = (ps: { placement: string }[]) => PLACEMENTS.map((pl) => ps.filter((x) => x.placement === pl).length);
    expect(entryMix(imported.periods.map((p) => ({ placement: placementOf(p.episodes[0]!.place, p.episodes[0]!.provider) })))).toEqual(entryMix(periods.map((p) => ({ placement: PLACEMENTS[p.placements[0]!.placement]! }))));
  });

  it('recovers the changes of placement, exits by route and the mean time in care by route to within a day', () => {
    const moves = imported.periods.reduce((a, p) => a + p.episodes.length - 1, 0);
    const truthMoves = periods.reduce((a, p) => a + p.placements.length - 1, 0);
    expect(truthMoves - moves).toBe(written.dropped);
    for (const [r, route] of ROUTES.entries()) {
      const done = periods.filter((p) => p.exit !== null && p.route === r);
      const got = imported.periods.filter((p) => p.end !== null && routeOfReason(p.reason!) === route);
      expect(got.length, route).toBe(done.length);
      if (!done.length) continue;
      const meanDays = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(Math.abs(meanDays(got.map((p) => p.end! - p.start)) - meanDays(done.map((p) => (p.exit! - p.entry) * 30.4375))), route).toBeLessThanOrEqual(1);
    }
    expect(imported.periods.filter((p) => p.start > monthZero).length).toBe(periods.filter((p) => p.entry > 0).length);
  });

  it("recovers the scenario's placement inputs within their sampling error: the kinship share of care entries and, by age band at entry, the other placements", () => {
    // Entries in the run's window (children found in care at month 0 entered by the stock's mix, not the entry mix).
    const entered = imported.periods.filter((p) => p.start > monthZero);
    const first = (p: (typeof entered)[number]) => placementOf(p.episodes[0]!.place, p.episodes[0]!.provider);
    // Siblings enter together and share a kinship placement: the effective sample is about the families (1.85 children a
    // family, as Leeds's family sizes give), so each tolerance is 4 binomial SEs on children ÷ 1.85.
    const within = (got: number, want: number, n: number, what: string) => expect(Math.abs(got - want), `${what}: ${got.toFixed(3)} against ${want} (n ${n})`).toBeLessThanOrEqual(4 * Math.sqrt((want * (1 - want)) / (n / 1.85)));
    const kin = entered.filter((p) => first(p) === 'kinship').length / entered.length;
    within(kin, scenario.pathway.cla.placements.shares.kinship, entered.length, 'kinship');
    const byAge = scenario.pathway.cla.placementByAge!.shares;
    let bandsChecked = 0;
    for (const band of AGE_BANDS) {
      const nonKin = entered.filter((p) => first(p) !== 'kinship' && bandAt((p.start - p.dob) / 365.25) === band);
      if (nonKin.length < 100) continue;
      bandsChecked++;
      for (const pl of PLACEMENTS.filter((x) => x !== 'kinship')) within(nonKin.filter((p) => first(p) === pl).length / nonKin.length, byAge[band][pl]!, nonKin.length, `${band} ${pl}`);
    }
    expect(bandsChecked).toBeGreaterThanOrEqual(2);
  });
});
