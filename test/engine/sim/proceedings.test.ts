// Costs to the unit that incurs them, and care proceedings only where there were proceedings (issue 23, point 1;
// issue 22's relative risk of care proceedings). A conference, an enquiry or a care application covers a sibling
// group: booked once a family, whatever its size (before: size × cost). Care proceedings come with every care entry
// from pre-proceedings and a share of the other families leaving it, and with a share of direct care entries (section
// 20 accommodation has none; before: £25,000 × children on every care entry). An FGC's relative risk of proceedings
// multiplies the chance of proceedings once, on any route, beside (not on top of) its relative risk of care.
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { parseScenario } from '../../../src/scenario/parse';
import { effectsEverywhere, offerAt, type TestEffects } from '../../helpers/effects';
import { SMALL, variant } from '../../helpers/scenarios';

const fixed = (value: number, unit: string) => ({ value, unit, source: 'test' });
const shares = (s: Record<string, number>) => ({ shares: s, source: 'test' });
const money = (value: number, unit: string) => ({ value, unit, priceYear: '2015/16', source: 'test' });
const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const NO_ONE = { cin: fixed(0, 'children'), cp: fixed(0, 'children'), preProceedings: fixed(0, 'children'), cla: fixed(0, 'children') };

/** The small council with families of `size` children, no stocks at month 0, no re-referral, and every cost 0. */
function bare(size: number, edit: (raw: any) => void) {
  return variant(SMALL, (raw) => {
    raw.demand.childrenPerFamily.sharesBySize = Array.from({ length: size }, (_, i) => (i === size - 1 ? 1 : 0));
    raw.initialStocks = NO_ONE;
    raw.pathway.closed.reReferralProbability = fixed(0, 'probability');
    for (const key of Object.keys(raw.costs.process)) raw.costs.process[key] = money(0, raw.costs.process[key].unit);
    for (const key of ['cin', 'cp', 'preProceedings']) raw.costs.perChild[key] = money(0, 'GBP/month');
    for (const key of Object.keys(raw.costs.perChild.cla)) raw.costs.perChild.cla[key] = { marginal: money(0, 'GBP/month'), fixed: money(0, 'GBP/month') };
    raw.arms.options = [];
    edit(raw);
  });
}

describe('costs to the unit that incurs them', () => {
  it('a three-child family at an ICPC costs one conference, not three', () => {
    const icpc = 1000;
    const s = runSimulation(
      bare(3, (raw) => {
        raw.pathway.assessment.exits = shares({ cla: 0, cp: 1, cin: 0, noFurtherAction: 0 });
        // A CP plan that outlasts the horizon: every family that reached CP is still there at the end.
        raw.pathway.cp.duration = { family: 'gamma', mean: 1000, sd: 1, unit: 'months', source: 'test' };
        raw.costs.process.icpc = money(icpc, 'GBP/family');
      }),
      { runs: 4, months: 12, seed: 'icpc' },
    );
    const arm = s.arms[0]!;
    const families = arm.series.cp.mean[12]! / 3;
    expect(families).toBeGreaterThan(100);
    // Per child it would be 3 × this.
    expect(total(arm.series.cost.mean)).toBeCloseTo(icpc * families, 6);
  });

  it('a section 20 entry books no proceedings; an entry with proceedings books one care application a family', () => {
    const proceedings = 5000;
    const run = (direct: number) =>
      runSimulation(
        bare(3, (raw) => {
          raw.pathway.assessment.exits = shares({ cla: 1, cp: 0, cin: 0, noFurtherAction: 0 });
          raw.pathway.cla.proceedingsShareOfDirectEntries = fixed(direct, 'share');
          raw.costs.process.careProceedings = money(proceedings, 'GBP/family');
        }),
        { runs: 4, months: 12, seed: 's20' },
      ).arms[0]!;
    const s20 = run(0);
    expect(total(s20.series.claEntries.mean)).toBeGreaterThan(300);
    expect(total(s20.series.careProceedings.mean)).toBe(0);
    expect(total(s20.series.cost.mean)).toBe(0);
    const orders = run(1);
    // One application a family (Cafcass counts applications): a third of the children entering.
    orders.series.careProceedings.mean.forEach((x, m) => expect(x).toBeCloseTo(orders.series.claEntries.mean[m]! / 3, 9));
    expect(total(orders.series.cost.mean)).toBeCloseTo((proceedings * total(orders.series.claEntries.mean)) / 3, 6);
  });
});

/** P(care | pre-proceedings) and the share with proceedings, as the trial's control arm. */
const PP_TO_CARE = 0.448;
const PP_PROCEEDINGS = 0.717;

/**
 * Every family referred goes to CP, then pre-proceedings, where each is offered an FGC held about a week later
 * (ample coordinators); pre-proceedings ends in care or a CIN plan that closes. One-child families, so counts are
 * families.
 */
function preProceedingsRoute(effects: TestEffects, exits = { cla: PP_TO_CARE, cp: 0, cin: 1 - PP_TO_CARE }) {
  return bare(1, (raw) => {
    raw.pathway.assessment.exits = shares({ cla: 0, cp: 1, cin: 0, noFurtherAction: 0 });
    raw.pathway.cp.exits = shares({ preProceedings: 1, cin: 0, close: 0 });
    raw.pathway.cp.duration = { family: 'gamma', mean: 1, sd: 0.2, unit: 'months', source: 'test' };
    raw.pathway.preProceedings.exits = shares(exits);
    raw.pathway.preProceedings.proceedingsShare = fixed(PP_PROCEEDINGS, 'share');
    raw.pathway.cin.exits = shares({ cla: 0, cp: 0, close: 1 });
    offerAt(raw, 'preProceedings');
    raw.fgc.effects = effectsEverywhere({ fadeHalfLifeMonths: 1e6, ...effects });
  });
}

const RUN = { runs: 20, months: 36, seed: 'proceedings' };

/** Care proceedings in the arm over those in the counterfactual, and the counterfactual's count (families). */
function proceedingsRatio(s: ReturnType<typeof runSimulation>) {
  const [none, ample] = s.arms;
  const base = total(none!.series.careProceedings.mean) * RUN.runs;
  return { ratio: total(ample!.series.careProceedings.mean) / total(none!.series.careProceedings.mean), base, held: ample!.totals.fgcHeld.mean };
}

describe('the relative risk of care proceedings acts once', () => {
  it('with only an effect on care, proceedings from pre-proceedings stay at their share (the families kept from care still go to court)', () => {
    const { ratio, base, held } = proceedingsRatio(runSimulation(preProceedingsRoute({ rrEntryToCare: 0.5 }), RUN));
    expect(held).toBeGreaterThan(100);
    // Per family, the arm differs from the counterfactual only where the care draw moved (c − c' = 0.224) or the
    // other families' proceedings share did (0.635 vs 0.487): at most 0.37 of families, so the ratio's sd is at
    // most √(0.37 / N) / 0.717. Before, proceedings came only with care entries: a ratio of 0.5.
    const sd = Math.sqrt(0.37 / (base / PP_PROCEEDINGS)) / PP_PROCEEDINGS;
    expect(base).toBeGreaterThan(3000);
    expect(Math.abs(ratio - 1)).toBeLessThan(5 * sd);
  });

  it('with only an effect on proceedings (RR 0.8), proceedings fall to 0.8 of the counterfactual’s and care entries do not move', () => {
    const s = runSimulation(preProceedingsRoute({ rrCareProceedings: 0.8 }), RUN);
    const { ratio, base } = proceedingsRatio(s);
    expect(s.arms[1]!.series.claEntries).toEqual(s.arms[0]!.series.claEntries);
    // Families differ only where the proceedings draw falls between the two shares: a thinning by about 0.8.
    const sd = Math.sqrt((0.8 * 0.2) / base);
    expect(Math.abs(ratio - 0.8)).toBeLessThan(5 * sd);
  });

  /** Families on a CIN plan (offered an FGC as it starts) who then enter care or close: every care entry is direct. */
  const direct = (rrEntryToCare: number, rrCareProceedings: number) =>
    proceedingsRatio(
      runSimulation(
        bare(1, (raw) => {
          raw.pathway.assessment.exits = shares({ cla: 0, cp: 0, cin: 1, noFurtherAction: 0 });
          raw.pathway.cin.exits = shares({ cla: 0.5, cp: 0, close: 0.5 });
          raw.pathway.cin.duration = { family: 'gamma', mean: 3, sd: 1, unit: 'months', source: 'test' };
          raw.pathway.cla.proceedingsShareOfDirectEntries = fixed(0.5, 'share');
          offerAt(raw, 'referral');
          raw.fgc.effects = effectsEverywhere({ rrEntryToCare, rrCareProceedings, fadeHalfLifeMonths: 1e6 });
        }),
        RUN,
      ),
    );

  it('on a direct entry to care after an FGC, proceedings fall by RR of proceedings once, not by RR of care × RR of proceedings', () => {
    const { ratio, base } = direct(0.5, 0.5);
    // Families differ only where the care draw or the proceedings draw moved: a thinning of the counterfactual's by 0.5.
    const sd = Math.sqrt((0.5 * 0.5) / base);
    expect(base).toBeGreaterThan(3000);
    expect(Math.abs(ratio - 0.5)).toBeLessThan(5 * sd);
    expect(Math.abs(ratio - 0.25)).toBeGreaterThan(20 * sd);
  });

  it('on a direct entry with no effect on care, the relative risk of proceedings alone halves them (it is not ignored there)', () => {
    const { ratio, base } = direct(1, 0.5);
    const sd = Math.sqrt((0.5 * 0.5) / base);
    expect(Math.abs(ratio - 0.5)).toBeLessThan(5 * sd);
    expect(Math.abs(ratio - 1)).toBeGreaterThan(20 * sd);
  });
});

describe('the step-down share', () => {
  it('sends the care an FGC avoids at pre-proceedings to the nearest step down (a CP plan) or further (a CIN plan) as it says', () => {
    const exits = { cla: PP_TO_CARE, cp: 0.4, cin: 0.6 - PP_TO_CARE };
    const run = (stepDownShare: number | undefined) => {
      const [none, ample] = runSimulation(preProceedingsRoute({ rrEntryToCare: 0.5, ...(stepDownShare === undefined ? {} : { stepDownShare }) }, exits), RUN).arms;
      // Child-months on a CIN plan and on a CP plan, arm less counterfactual.
      return { cin: total(ample!.series.cin.mean) - total(none!.series.cin.mean), cp: total(ample!.series.cp.mean) - total(none!.series.cp.mean) };
    };
    const nearest = run(1);
    const further = run(0);
    const proportional = run(undefined);
    // The same draws: where the families kept from care go differs (those sent back to a CP plan come round to
    // pre-proceedings again, and some of them to care: care entries are not compared).
    // All to CP plans, none to CIN; all to CIN plans; in proportion (0.4 : 0.152) between the two.
    expect(further.cin).toBeGreaterThan(proportional.cin);
    expect(proportional.cin).toBeGreaterThan(nearest.cin);
    expect(nearest.cp).toBeGreaterThan(proportional.cp);
    expect(proportional.cp).toBeGreaterThan(further.cp);
  });
});

describe('care proceedings inputs', () => {
  it('refuses a share with proceedings below the care entries from pre-proceedings, naming it: as given, and as a run draws the shares', () => {
    expect(() => preProceedingsRoute({}, { cla: 0.8, cp: 0, cin: 0.2 })).toThrow(/^pathway\.preProceedings\.proceedingsShare: is at most 0\.717, below the 0\.8 of families leaving pre-proceedings for care/);
    // Given shares that pass, a run's draw of them (a Dirichlet around them) can still cross: that run says so.
    const s = preProceedingsRoute({}, { cla: 0.7, cp: 0, cin: 0.3 });
    const drawn = { ...s, pathway: { ...s.pathway, preProceedings: { ...s.pathway.preProceedings, exits: { ...s.pathway.preProceedings.exits, concentration: 5 } } } };
    expect(() => runSimulation(drawn, { runs: 40, months: 3, seed: 'x' })).toThrow(/^pathway\.preProceedings\.proceedingsShare: run \d+ has 0\.717, below the 0\.\d+ of families leaving pre-proceedings for care/);
  });

  it('refuses a time-in-care factor and a hazard ratio on returning home both in force at one offer point', () => {
    const raw = JSON.parse(JSON.stringify(variant(SMALL, () => {})));
    raw.fgc.effects = effectsEverywhere({ timeInCareFactor: 0.8, hrReturnHome: 1.2 });
    const result = parseScenario(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/timeInCareFactor and hrReturnHome both change the time in care/);
  });
});
