import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../src/scenario/parse';
import { DARLINGTON, LEEDS, readJson, SMALL, withRoutes } from '../helpers/scenarios';

function errorsFor(edit: (raw: any) => void): string[] {
  const raw = structuredClone(readJson(SMALL)) as any;
  edit(raw);
  const result = parseScenario(raw);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('scenario schema', () => {
  for (const file of [LEEDS, DARLINGTON, SMALL]) {
    it(`${file} is valid`, () => {
      const result = parseScenario(readJson(file));
      expect(result.ok ? [] : result.errors).toEqual([]);
    });
  }

  it('rejects a negative coordinator FTE with the field path and the value', () => {
    expect(errorsFor((r) => (r.arms.options[0].coordinatorsFte = -3))).toEqual(['arms.options[0].coordinatorsFte: must be ≥ 0, got -3']);
  });

  it('refuses children in care at month 0 younger than any child is at referral, naming both mixes (each child on its own clocks)', () => {
    const ages = (v: number[]) => ({ shares: { under1: v[0], age1to4: v[1], age5to9: v[2], age10to15: v[3], age16plus: v[4] }, source: 's' });
    const errors = errorsFor((r) => {
      withRoutes(r);
      r.demand.ageMix = ages([0, 0, 0.5, 0.5, 0]);
      r.initialStocks.claAgeMix = ages([0, 0.2, 0.3, 0.3, 0.2]);
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^demand\.ageMix: gives no child aged 1 to 4 or younger at referral, but initialStocks\.claAgeMix puts a share of 0\.2 .* \(age1to4\)/);
    // Without routes, siblings leave care together and the month-0 ages need no such history.
    const raw = structuredClone(readJson(SMALL)) as any;
    raw.demand.ageMix = ages([0, 0, 0.5, 0.5, 0]);
    raw.initialStocks.claAgeMix = ages([0, 0.2, 0.3, 0.3, 0.2]);
    expect(parseScenario(raw).ok).toBe(true);
  });

  it('rejects a probability above 1', () => {
    expect(errorsFor((r) => (r.fgc.acceptance = { value: 1.2, unit: 'probability', source: 's' }))).toEqual(['fgc.acceptance.value: must be ≤ 1, got 1.2']);
  });

  it('rejects a distribution whose support leaves 0–1 for a probability', () => {
    expect(errorsFor((r) => (r.fgc.conversion = { dist: 'uniform', min: 0.4, max: 1.3, unit: 'probability', source: 's' }))).toEqual([
      'fgc.conversion.max: must be ≥ 0 and ≤ 1, got 1.3',
    ]);
    expect(errorsFor((r) => (r.fgc.conversion = { dist: 'normal', mean: 0.45, sd: 0.05, unit: 'probability', source: 's' }))[0]).toMatch(
      /^fgc\.conversion\.dist: normal is unbounded but this input must be ≥ 0 and ≤ 1/,
    );
  });

  it('rejects branch shares that do not sum to 1 rather than rescaling them', () => {
    expect(errorsFor((r) => (r.pathway.cp.exits.shares.close = 0.3))).toEqual(['pathway.cp.exits.shares: shares must sum to 1, got 0.95']);
  });

  it('rejects unknown keys, naming the allowed ones', () => {
    const [error] = errorsFor((r) => (r.fgc.coordinators = 4));
    expect(error).toMatch(/^fgc\.coordinators: unknown key \(allowed: conferencesPerFtePerYear, /);
  });

  it('reports a missing required field', () => {
    expect(errorsFor((r) => delete r.initialStocks.cla)).toEqual(['initialStocks.cla: is required']);
  });

  it('rejects a unit the field does not take', () => {
    expect(errorsFor((r) => (r.costs.perChild.cp.unit = 'GBP/fortnight'))).toEqual([
      'costs.perChild.cp.unit: must be "GBP/week" or "GBP/month" or "GBP/year", got "GBP/fortnight"',
    ]);
  });

  it('requires a price year on money', () => {
    expect(errorsFor((r) => delete r.costs.process.icpc.priceYear)).toEqual(['costs.process.icpc.priceYear: is required for a money value (e.g. "2013/14")']);
  });

  it('rejects a fractional stock, a bad month, a wrong schema version and a bad duration family', () => {
    expect(errorsFor((r) => (r.initialStocks.cp.value = 60.5))).toEqual(['initialStocks.cp.value: must be a whole number, got 60.5']);
    expect(errorsFor((r) => (r.startMonth = '2015-13'))).toEqual(['startMonth: must be a month as "YYYY-MM", got "2015-13"']);
    expect(errorsFor((r) => (r.schemaVersion = 2))).toEqual(['schemaVersion: must be 1, got 2']);
    expect(errorsFor((r) => (r.pathway.cla.duration.family = 'exponential'))).toEqual([
      'pathway.cla.duration.family: must be "lognormal", "gamma", "weibull" or "empirical", got "exponential"',
    ]);
  });

  it('checks empirical histograms and triangular modes', () => {
    expect(
      errorsFor((r) => (r.pathway.closed.timeToReReferral = { family: 'empirical', binEdges: [0, 3, 12], weights: [1], unit: 'months', source: 's' })),
    ).toEqual(['pathway.closed.timeToReReferral: weights must have one entry per bin (2), got 1']);
    expect(errorsFor((r) => (r.fgc.effects.byOfferPoint.icpc.rrEntryToCare = { dist: 'triangular', min: 0.6, mode: 1.2, max: 1, unit: 'relative risk', source: 's', grade: 'assumption', measure: 'per conference' }))).toEqual([
      'fgc.effects.byOfferPoint.icpc.rrEntryToCare.mode: must lie between min and max, got 1.2',
    ]);
  });

  it('collects every problem, not just the first', () => {
    const errors = errorsFor((r) => {
      r.arms.options[0].coordinatorsFte = -1;
      r.simulation.runs = 0;
      r.demand.referralsPerMonth.value = 'many';
    });
    expect(errors).toEqual([
      'simulation.runs: must be ≥ 1, got 0',
      'demand.referralsPerMonth.value: must be a finite number, got "many"',
      'arms.options[0].coordinatorsFte: must be ≥ 0, got -1',
    ]);
  });

  it('reports malformed JSON as a problem, not a crash', () => {
    const result = parseScenarioText('{ "schemaVersion": 1, ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toBe('(file)');
  });

  it('every shipped input carries a source', () => {
    const missing: string[] = [];
    // A duration's part (a calibrated mean as a distribution) is sourced by its duration.
    const walk = (node: unknown, path: string, inDuration = false) => {
      if (node && typeof node === 'object' && !Array.isArray(node)) {
        const rec = node as Record<string, unknown>;
        if (!inDuration && ('value' in rec || 'dist' in rec || 'family' in rec || 'shares' in rec || 'multipliers' in rec || 'sharesBySize' in rec) && !(typeof rec.source === 'string' && rec.source.length > 5)) {
          missing.push(path);
        }
        const sourcedDuration = 'family' in rec && typeof rec.source === 'string' && rec.source.length > 5;
        for (const [k, v] of Object.entries(rec)) walk(v, `${path}.${k}`, sourcedDuration);
      }
    };
    for (const file of [LEEDS, DARLINGTON]) walk(readJson(file), file);
    expect(missing).toEqual([]);
  });
});
