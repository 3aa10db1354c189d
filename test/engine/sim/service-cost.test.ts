// The FGC service's cost is its coordinators every month plus each conference held at the scenario's cost per conference.
import { describe, expect, it } from 'vitest';
import { M, METRIC_COUNT } from '../../../src/engine/results/metrics';
import { makeRunContext } from '../../../src/engine/sim/run-context';
import { simulateRun } from '../../../src/engine/sim/run';
import { SMALL, variant } from '../../helpers/scenarios';

/** The small council with a cost per conference (its own is 0: the coordinators' time is in their FTE cost). */
const small = variant(SMALL, (raw) => {
  raw.costs.process.fgcConference.value = 350;
});

describe('the FGC service\'s own cost', () => {
  it('each month books the coordinators\' cost and the cost of every conference held in it', () => {
    const months = 24;
    const row = months + 1;
    let held = 0;
    for (let run = 0; run < 4; run++) {
      const ctx = makeRunContext(small, 'service-cost', run, months);
      const p = ctx.params;
      const coordinatorsFte = 4;
      const out = new Float64Array(METRIC_COUNT * row);
      simulateRun(ctx, [{ coordinatorsFte, conferencesPerFtePerYear: p.fgc.conferencesPerFtePerYear, eligible: { referral: 1, icpc: 1, preProceedings: 1, inCare: 1 } }], [out]);
      expect(p.costs.fgcConference).toBeGreaterThan(0);
      for (let m = 1; m <= months; m++) {
        const conferences = out[M.fgcHeld * row + m]!;
        held += conferences;
        const expected = (coordinatorsFte * p.costs.coordinatorAnnual) / 12 + conferences * p.costs.fgcConference;
        expect(out[M.costFgcService * row + m]).toBeCloseTo(expected, 6);
      }
    }
    // Conferences were held, so the per-conference cost was tested, not only the coordinators'.
    expect(held).toBeGreaterThan(10);
  });
});
