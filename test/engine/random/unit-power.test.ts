// The route clocks' power without Math tables or host calls (src/wasm/unit-power.ts, repeated in TypeScript).
import { describe, expect, it } from 'vitest';
import { unitPower } from '../../../src/engine/random/unit-power';
import { makeRunRng } from '../../../src/engine/random/rng';

describe('x^y for x in (0, 1]', () => {
  it('is Math.pow to within the rounding of y ln x (a few units in the last place of it, carried into e^(y ln x)), over the range the clocks use', () => {
    const rng = makeRunRng('unit-power', 0);
    let worst = 0;
    for (let i = 0; i < 20000; i++) {
      const x = rng();
      const y = Math.exp(6 * rng() - 3); // 0.05 to 20
      const exact = Math.pow(x, y);
      if (exact < 1e-300) continue;
      // An error of k ulps in t = y ln x is a relative error of about k |t| 2^-52 in e^t.
      const allowed = 8 * Math.max(1, Math.abs(y * Math.log(x))) * Number.EPSILON;
      worst = Math.max(worst, Math.abs(unitPower(x, y) / exact - 1) / allowed);
    }
    expect(worst).toBeLessThan(1);
  });

  it('is 1 at x = 1, 0 far below, and exact at powers of two', () => {
    expect(unitPower(1, 3)).toBe(1);
    expect(unitPower(1e-300, 50)).toBe(0);
    expect(unitPower(0.25, 0.5)).toBeCloseTo(0.5, 15);
    expect(unitPower(0.5, 2)).toBeCloseTo(0.25, 15);
  });
});
