// Issue 22, point 4 (in part): an offer point fires on the event it names. A CIN plan's offer comes when a plan
// starts after an assessment, not when CP or pre-proceedings steps down to CIN; an ICPC's offer comes on entering CP
// after an assessment or from a CIN plan, not on returning to CP from pre-proceedings. Before, every entry to CIN
// or CP was an offer (Leeds's "referral" offers included step-downs from CP).
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { SMALL, variant } from '../../helpers/scenarios';

const fixed = (value: number, unit: string) => ({ value, unit, source: 'test' });
const shares = (s: Record<string, number>) => ({ shares: s, source: 'test' });
const RUN = { runs: 10, months: 24, seed: 'offers' };

/** The small council with one big service arm offering only at `point`, every effect off, and `edit` applied. */
function offeringAt(point: 'referral' | 'icpc', edit: (raw: any) => void) {
  return variant(SMALL, (raw) => {
    raw.initialStocks = { cin: fixed(0, 'children'), cp: fixed(0, 'children'), preProceedings: fixed(0, 'children'), cla: fixed(0, 'children') };
    raw.fgc.offerPoints = {
      referral: { eligibleShare: fixed(point === 'referral' ? 1 : 0, 'share') },
      icpc: { eligibleShare: fixed(point === 'icpc' ? 1 : 0, 'share') },
      preProceedings: { eligibleShare: fixed(0, 'share') },
      inCare: { eligibleShare: fixed(0, 'share') },
    };
    raw.fgc.acceptance = fixed(1, 'probability');
    raw.fgc.conversion = fixed(1, 'probability');
    raw.fgc.weeksToConference = { family: 'lognormal', mean: 1, sd: 0.2, unit: 'weeks', source: 'test' };
    raw.arms.options = [{ name: 'Big', coordinatorsFte: 60 }];
    raw.pathway.closed.reReferralProbability = fixed(0, 'probability');
    edit(raw);
  });
}

const held = (s: ReturnType<typeof runSimulation>) => s.arms[1]!.totals.fgcHeld.mean;

describe('offer points fire on the events they name', () => {
  it('a CIN plan that starts after an assessment is offered; a step down from CP to CIN is not', () => {
    const afterAssessment = runSimulation(offeringAt('referral', (raw) => (raw.pathway.assessment.exits = shares({ cla: 0, cp: 0, cin: 1, noFurtherAction: 0 }))), RUN);
    expect(held(afterAssessment)).toBeGreaterThan(500);
    const stepDowns = runSimulation(
      offeringAt('referral', (raw) => {
        raw.initialStocks.cp = fixed(400, 'children');
        raw.demand.referralsPerMonth = fixed(0, 'children/month');
        raw.pathway.cp.exits = shares({ preProceedings: 0, cin: 1, close: 0 });
      }),
      RUN,
    );
    expect(stepDowns.arms[0]!.series.cin.mean[6]!).toBeGreaterThan(100); // CP families did step down to CIN
    expect(held(stepDowns)).toBe(0);
  });

  it('entering CP after an assessment or from CIN is an ICPC; returning to CP from pre-proceedings is not', () => {
    const fromCin = runSimulation(
      offeringAt('icpc', (raw) => {
        raw.pathway.assessment.exits = shares({ cla: 0, cp: 0, cin: 1, noFurtherAction: 0 });
        raw.pathway.cin.exits = shares({ cla: 0, cp: 1, close: 0 });
      }),
      RUN,
    );
    expect(held(fromCin)).toBeGreaterThan(100);
    const fromPreProceedings = runSimulation(
      offeringAt('icpc', (raw) => {
        raw.initialStocks.preProceedings = fixed(400, 'children');
        raw.demand.referralsPerMonth = fixed(0, 'children/month');
        raw.pathway.preProceedings.exits = shares({ cla: 0, cp: 1, cin: 0 });
        raw.pathway.cp.exits = shares({ preProceedings: 0, cin: 0, close: 1 });
      }),
      RUN,
    );
    expect(fromPreProceedings.arms[0]!.series.cp.mean[6]!).toBeGreaterThan(100);
    expect(held(fromPreProceedings)).toBe(0);
  });
});
