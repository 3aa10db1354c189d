// Validation against what Leeds observed: the default scenario, run as a user would, covers the 2015–16 series.
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithObserved, type ObservedComparison } from '../../../src/engine/analysis/observed';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { LEEDS, loadScenario } from '../../helpers/scenarios';

describe('Leeds, April 2015 to August 2016', () => {
  let rows: ObservedComparison[] = [];
  const row = (metric: string) => rows.find((r) => r.metric === metric)!;

  beforeAll(() => {
    const leeds = loadScenario(LEEDS);
    const summary = runSimulation(leeds, { months: 16, runs: 200 });
    // The arm that ran in Leeds over those months: the expanded (Family Valued) service.
    const arm = summary.arms.find((a) => a.name.startsWith('Family Valued'))!;
    rows = compareWithObserved(leeds, summary, arm);
  });

  it('puts the observed CLA series inside its P5–P95 band in most months', () => {
    expect(row('cla').points).toHaveLength(17);
    expect(row('cla').coverage).toBeGreaterThanOrEqual(0.75);
  });

  it('has mean entries to care within ±20% of the observed 29.5 a month', () => {
    const entries = row('claEntries');
    expect(entries.observedMean).toBeCloseTo(29.5, 1);
    expect(Math.abs(entries.simulatedMean / entries.observedMean - 1)).toBeLessThanOrEqual(0.2);
  });

  it('holds about as many conferences as Leeds did (≈57 a month) and as many referrals', () => {
    expect(Math.abs(row('fgcHeld').simulatedMean / row('fgcHeld').observedMean - 1)).toBeLessThanOrEqual(0.2);
    expect(Math.abs(row('referrals').simulatedMean / row('referrals').observedMean - 1)).toBeLessThanOrEqual(0.1);
  });

  it('lines observed flows up by calendar month, skipping April 2015 (before month 0)', () => {
    expect(row('claEntries').points[0]!.month).toBe('2015-05');
    expect(row('cla').points[0]).toMatchObject({ month: '2015-04', observed: 1253, p5: 1253, p95: 1253 });
  });
});
