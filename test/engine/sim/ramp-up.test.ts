// Issue 22, point 4 (in part): an arm's coordinators can change by month (a team recruited over months), with the
// slots and the coordinators' cost following. Before, an arm's FTE was fixed from month 0 (Leeds's expanded team was
// complete only in October 2015).
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/parse';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { readJson, SMALL, variant } from '../../helpers/scenarios';

const RUN = { runs: 4, months: 24, seed: 'ramp' };
const sum = (xs: readonly number[], from: number, to: number) => xs.slice(from, to + 1).reduce((a, b) => a + b, 0);

/** The small council (month 0 is 2015-04) with a queue that never empties, and `arms`. */
function busy(arms: object[]) {
  return variant(SMALL, (raw) => {
    raw.fgc.conferencesPerFtePerYear = { value: 24, unit: 'conferences/FTE/year', source: 'test' };
    raw.fgc.maxWaitWeeks = { value: 10_000, unit: 'weeks', source: 'test' };
    raw.fgc.acceptance = { value: 1, unit: 'probability', source: 'test' };
    raw.fgc.conversion = { value: 1, unit: 'probability', source: 'test' };
    raw.costs.fgcService.coordinatorAnnualCost = { value: 12_000, unit: 'GBP/year', priceYear: raw.prices?.reportingYear ?? '2015/16', source: 'test' };
    raw.arms.options = arms;
  });
}

describe('a ramp-up', () => {
  it('gives each month the slots and cost of its own FTE: 1 coordinator to September 2015, 3 from October', () => {
    const s = runSimulation(busy([{ name: 'Ramp', coordinatorsFte: 1, rampUp: [{ month: '2015-10', coordinatorsFte: 3, source: 'test' }] }, { name: 'One', coordinatorsFte: 1 }, { name: 'Three', coordinatorsFte: 3 }]), RUN);
    const [, ramp, one, three] = s.arms;
    // Month 6 is October 2015. The coordinators' cost: £1,000 a month an FTE (the service's own cost series).
    const service = ramp!.series.costFgcService.mean;
    expect(service.slice(1, 6)).toEqual(one!.series.costFgcService.mean.slice(1, 6));
    expect(service.slice(6)).toEqual(three!.series.costFgcService.mean.slice(6));
    // Allocations: as one coordinator's before, as three's once the queue has settled (slots are the same grid).
    const allocated = ramp!.series.fgcAllocated.mean;
    expect(sum(allocated, 1, 5)).toBe(sum(one!.series.fgcAllocated.mean, 1, 5));
    expect(sum(allocated, 8, 24)).toBeCloseTo(sum(three!.series.fgcAllocated.mean, 8, 24), -1);
    expect(sum(allocated, 8, 24)).toBeGreaterThan(2.5 * sum(one!.series.fgcAllocated.mean, 8, 24));
  });

  it('a ramp to 0 stops the service; an arm of 0 that ramps up has a service from its step on', () => {
    const s = runSimulation(busy([{ name: 'Stops', coordinatorsFte: 2, rampUp: [{ month: '2015-07', coordinatorsFte: 0, source: 'test' }] }, { name: 'Starts', coordinatorsFte: 0, rampUp: [{ month: '2016-01', coordinatorsFte: 2, source: 'test' }] }]), RUN);
    const [, stops, starts] = s.arms;
    expect(sum(stops!.series.fgcAllocated.mean, 4, 24)).toBe(0);
    expect(sum(stops!.series.costFgcService.mean, 4, 24)).toBe(0);
    // January 2016 is month 9.
    expect(sum(starts!.series.fgcAllocated.mean, 1, 8)).toBe(0);
    expect(sum(starts!.series.fgcAllocated.mean, 9, 24)).toBeGreaterThan(20);
  });

  it('is refused when a step is not after month 0 or not after the step before, naming it', () => {
    const raw = readJson(SMALL) as any;
    raw.arms.options[0].rampUp = [{ month: '2015-04', coordinatorsFte: 3, source: 'x' }, { month: '2016-01', coordinatorsFte: 4, source: 'x' }, { month: '2015-12', coordinatorsFte: 5, source: 'x' }];
    const parsed = parseScenario(raw);
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      { path: 'arms.options[0].rampUp[0].month', message: 'must come after month 0 (2015-04), got 2015-04' },
      { path: 'arms.options[0].rampUp[2].month', message: 'must come after the step before (2016-01), got 2015-12' },
    ]);
  });
});
