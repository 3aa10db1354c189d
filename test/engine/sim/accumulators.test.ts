// Stays booked as two stock differences and two part-month corrections must give exact month-end stocks and
// exact child-months (so costs) in every month, whatever the stays.
import { describe, expect, it } from 'vitest';
import { Accumulators } from '../../../src/engine/sim/accumulators';
import { CLASS_COUNT, StockClass } from '../../../src/engine/sim/wasm/layout';
import { M, METRIC_COUNT } from '../../../src/engine/results/metrics';

const H = 24;
/** £ per child-month by class: distinct powers of two, so each class's share of a month's cost can be read back. */
const rates = Float64Array.from({ length: CLASS_COUNT }, (_, k) => 2 ** k);

/** Time of stay [t0, t1) inside month m, i.e. (m-1, m], months. */
function overlap(t0: number, t1: number, m: number): number {
  return Math.max(0, Math.min(t1, m) - Math.max(t0, m - 1));
}

describe('accumulators', () => {
  it('give exact month-end stocks and exact-time costs for stays of any length, sign and edge', () => {
    let seed = 7;
    const uniform = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const stays: { k: number; children: number; t0: number; t1: number; sign: number }[] = [];
    for (let i = 0; i < 3000; i++) {
      // Whole-month starts and ends (including 0 and H), same-month stays, stays past the horizon, removals.
      const edge = uniform();
      const t0 = edge < 0.15 ? Math.floor(uniform() * (H + 1)) : uniform() * H;
      const length = edge > 0.85 ? Math.ceil(uniform() * 6) : uniform() < 0.3 ? uniform() * 0.9 : uniform() * 40;
      stays.push({ k: Math.floor(uniform() * CLASS_COUNT), children: 1 + Math.floor(uniform() * 3), t0, t1: t0 + length, sign: uniform() < 0.2 ? -1 : 1 });
    }
    const acc = new Accumulators(H, rates, false);
    for (const s of stays) acc.sojourn(s.k, s.children, s.t0, s.t1, s.sign);
    const out = new Float64Array(METRIC_COUNT * (H + 1));
    acc.writeTo(out);
    const row = H + 1;
    let largest = 0;
    for (let m = 0; m <= H; m++) {
      let cin = 0;
      let cost = 0;
      let placements = 0;
      for (const s of stays) {
        if (s.k === StockClass.Cin && s.t0 <= m && m < s.t1) cin += s.sign * s.children;
        const spent = s.sign * s.children * overlap(s.t0, Math.min(s.t1, H), m) * rates[s.k]!;
        cost += spent;
        if (s.k >= StockClass.Cla0 && s.k < StockClass.Assessment) placements += spent;
      }
      expect(out[M.cin * row + m]).toBe(cin);
      if (m === 0) continue;
      largest = Math.max(largest, Math.abs(out[M.cost * row + m]! - cost), Math.abs(out[M.costPlacements * row + m]! - placements));
    }
    // Sums of a few thousand terms of up to £3 × 256 a month: exact to far below a penny.
    expect(largest).toBeLessThan(1e-7);
  });

  it('count no child-months for a stay that starts and ends at the same moment', () => {
    const acc = new Accumulators(H, rates, false);
    acc.sojourn(StockClass.Cp, 2, 3.4, 3.4, 1);
    acc.sojourn(StockClass.Cp, 2, 5, 5, 1);
    const out = new Float64Array(METRIC_COUNT * (H + 1));
    acc.writeTo(out);
    expect(Array.from(out.subarray(M.cost * (H + 1), (M.cost + 1) * (H + 1))).every((x) => Math.abs(x) < 1e-12)).toBe(true);
    expect(acc.familyMonths).toBe(0);
  });
});
