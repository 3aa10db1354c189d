// One run's parameter draw: units converted to months and £ a month, shares drawn around their
// centre, and every input from its own stream keyed by (seed, run, path).
import { describe, expect, it } from 'vitest';
import { drawParameters, WEEKS_PER_MONTH } from '../../../src/engine/sim/params';
import { DAYS_PER_MONTH } from '../../../src/engine/sim/sojourn';
import { loadScenario, SMALL, variant } from '../../helpers/scenarios';

const small = loadScenario(SMALL);

describe('drawParameters', () => {
  it('converts an empirical duration\'s bin edges to months', () => {
    // Two equal bins, 0–7 and 7–21 weeks: mean (3.5 + 14) / 2 = 8.75 weeks.
    const s = variant(SMALL, (raw) => {
      raw.pathway.cla.duration = { family: 'empirical', binEdges: [0, 7, 21], weights: [0.5, 0.5], unit: 'weeks', source: 'test' };
    });
    expect(drawParameters(s, 'p', 0).durations.cla.meanMonths).toBeCloseTo(8.75 / WEEKS_PER_MONTH, 12);
    // The fixture's lognormal stay in care is in days.
    expect(drawParameters(small, 'p', 0).durations.cla.meanMonths).toBeCloseTo(1273 / DAYS_PER_MONTH, 9);
  });

  it('gives money as £ a month whatever its unit', () => {
    const at = (unit: string, value: number) =>
      drawParameters(
        variant(SMALL, (raw) => {
          raw.costs.perChild.cin = { value, unit, priceYear: '2008/09', source: 'test' };
        }),
        'p',
        0,
      ).costs.cinMonthly;
    expect(at('GBP/month', 300)).toBe(300);
    expect(at('GBP/week', 70)).toBeCloseTo(70 * WEEKS_PER_MONTH, 9);
    expect(at('GBP/year', 3600)).toBe(300);
  });

  it('draws shares with a concentration around their centre, summing to one, from their own stream', () => {
    const base = [0.025, 0.06, 0.915]; // the fixture's CIN exits: cla, cp, close (concentration 400)
    const runs = Array.from({ length: 400 }, (_, run) => drawParameters(small, 'shares', run).exits.cin);
    for (const shares of runs.slice(0, 20)) expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // Dirichlet(400 × base): each share's mean is its base, sd sqrt(b(1-b)/401); the mean of 400
    // runs is within 4 standard errors of it.
    base.forEach((b, i) => {
      const mean = runs.reduce((sum, s) => sum + s[i]!, 0) / runs.length;
      expect(Math.abs(mean - b)).toBeLessThan(4 * Math.sqrt((b * (1 - b)) / 401 / runs.length));
    });
    expect(runs[1]).not.toEqual(runs[0]);
    // The same run again gives the same draw; another input's distribution changed does not move it.
    expect(drawParameters(small, 'shares', 7).exits.cin).toEqual(runs[7]);
    const other = variant(SMALL, (raw) => {
      raw.pathway.closed.reReferralProbability = { dist: 'uniform', min: 0.1, max: 0.3, unit: 'probability', source: 'test' };
    });
    expect(drawParameters(other, 'shares', 7).exits.cin).toEqual(runs[7]);
  });
});
