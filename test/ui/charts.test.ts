// The results' charts: the FGC service's series for an FGC-only scenario, and a caseload service's beside them, titled
// with its name, when the scenario has one.
import { describe, expect, it } from 'vitest';
import { seriesCharts } from '../../src/ui/charts';
import { LEEDS, loadScenario } from '../helpers/scenarios';

describe('the series charts', () => {
  it('are the FGC service’s for an FGC-only scenario, or before any run', () => {
    const fgc = ['cla', 'cp', 'cin', 'claEntries', 'fgcHeld', 'fgcWaiting', 'cost'];
    expect(seriesCharts(loadScenario(LEEDS)).map((c) => c.metric)).toEqual(fgc);
    expect(seriesCharts(undefined).map((c) => c.metric)).toEqual(fgc);
  });

  it('add a caseload service’s cases open, families waiting and children taken on, titled with its name, before the cost', () => {
    const charts = seriesCharts(loadScenario('scenarios/leeds-2019-partners-in-practice.json'));
    expect(charts.map((c) => c.metric)).toEqual(['cla', 'cp', 'cin', 'claEntries', 'fgcHeld', 'fgcWaiting', 'supportOpen', 'supportWaiting', 'supportAllocatedChildren', 'cost']);
    const open = charts.find((c) => c.metric === 'supportOpen')!;
    expect(open).toEqual({ metric: 'supportOpen', heading: 'Restorative Early Support teams: cases open', unit: 'families at month end', from: 1 });
    expect(charts.find((c) => c.metric === 'supportAllocatedChildren')!.unit).toBe('children a month');
  });
});
