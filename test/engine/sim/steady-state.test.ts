import { describe, expect, it } from 'vitest';
import { drawParameters } from '../../../src/engine/sim/params';
import { runSimulation } from '../../../src/engine/sim/simulate';
import { steadyState } from '../../../src/engine/sim/steady-state';
import { SMALL, variant } from '../../helpers/scenarios';

/** The small council with every input fixed at its central value and no seasonality or trend. */
function fixedInputs(raw: any): void {
  const fix = (node: any): void => {
    if (node && typeof node === 'object') {
      if ('dist' in node && 'unit' in node && 'source' in node) {
        const central = node.dist === 'uniform' ? (node.min + node.max) / 2 : node.dist === 'triangular' ? (node.min + node.mode + node.max) / 3 : node.mean;
        for (const k of ['dist', 'min', 'mode', 'max', 'mean', 'sd', 'alpha', 'beta']) delete node[k];
        node.value = central;
      }
      if ('concentration' in node) delete node.concentration;
      Object.values(node).forEach(fix);
    }
  };
  fix(raw);
  raw.arms.options = [];
}

describe('steady state', () => {
  it('a stationary scenario stays stationary from month 0: no early cliff or lull in care', () => {
    const base = variant(SMALL, fixedInputs);
    const p = drawParameters(base, 'x', 0);
    const steady = steadyState(p, p.referralsPerMonth);
    const s = variant(SMALL, (raw) => {
      fixedInputs(raw);
      raw.initialStocks.cla.value = Math.round(steady.stocks.cla);
      raw.initialStocks.cp.value = Math.round(steady.stocks.cp);
      raw.initialStocks.cin.value = Math.round(steady.stocks.cin);
      raw.initialStocks.preProceedings.value = Math.round(steady.stocks.preProceedings);
    });
    const runs = 300;
    const months = 36;
    const summary = runSimulation(s, { runs, months, seed: 'stationary' });
    const cla = summary.arms[0]!.series.cla;
    // Spread across runs at month m, from the P5–P95 width of a near-normal stock: sd ≈ (p95 − p5) / 3.29.
    for (let m = 1; m <= months; m++) {
      const sd = (cla.p95[m]! - cla.p5[m]!) / 3.29;
      expect(Math.abs(cla.mean[m]! - s.initialStocks.cla.value)).toBeLessThanOrEqual((4.5 * Math.max(sd, 1)) / Math.sqrt(runs) + 0.5);
    }
    // Exits in the first months run at the entry rate (Little's law), not at the rate fresh stays would give.
    const exits = summary.arms[0]!.series.claExits.mean;
    const firstQuarter = (exits[1]! + exits[2]! + exits[3]!) / 3;
    expect(firstQuarter).toBeGreaterThan(steady.entriesPerMonth.cla * 0.85);
    expect(firstQuarter).toBeLessThan(steady.entriesPerMonth.cla * 1.15);
    // Referrals keep their level from the start: re-referrals of cases closed before month 0 are in the pool.
    const referrals = summary.arms[0]!.series.referrals.mean;
    expect(referrals[1]! / p.referralsPerMonth).toBeGreaterThan(0.95);
    expect(referrals[1]! / p.referralsPerMonth).toBeLessThan(1.05);
    expect(referrals[months]! / p.referralsPerMonth).toBeGreaterThan(0.95);
    expect(referrals[months]! / p.referralsPerMonth).toBeLessThan(1.05);
  });

  it('visit counts follow the branch shares', () => {
    const p = drawParameters(variant(SMALL, fixedInputs), 'x', 0);
    const st = steadyState(p, 100);
    const e = p.exits;
    expect(st.visits.cin).toBeCloseTo(e.assessment[2]! + st.visits.cp * e.cp[1]! + st.visits.preProceedings * e.preProceedings[2]!, 10);
    expect(st.visits.preProceedings).toBeCloseTo(st.visits.cp * e.cp[0]!, 10);
    expect(st.entriesPerMonth.cla).toBeCloseTo(100 * st.visits.cla, 10);
  });
});
