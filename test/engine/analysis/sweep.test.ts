import { describe, expect, it } from 'vitest';
import { breakEvenFte, sweepSteps } from '../../../src/engine/analysis/sweep';
import { sweepPoint as point } from '../../helpers/sweep-points';

describe('capacity sweep', () => {
  it('spaces the steps evenly, ends included', () => {
    expect(sweepSteps(0, 40, 5)).toEqual([0, 10, 20, 30, 40]);
    expect(sweepSteps(2, 6, 3)).toEqual([2, 4, 6]);
  });

  it('finds where the marginal coordinator stops paying, interpolated between steps (computed by hand)', () => {
    // Savings 0, 100, 150, 140 at FTE 0, 10, 20, 30: marginal 10, 5, −1 per FTE at midpoints 5, 15, 25.
    const points = [point(0, 0), point(10, 100, 10), point(20, 150, 5), point(30, 140, -1)];
    // Between FTE 15 (marginal 5) and 25 (marginal −1): zero at 15 + 10 × 5/6.
    expect(breakEvenFte(points)).toBeCloseTo(15 + (10 * 5) / 6, 10);
  });

  it('has no break-even when every extra coordinator pays', () => {
    expect(breakEvenFte([point(0, 0), point(10, 100, 10), point(20, 150, 5)])).toBeUndefined();
  });
});
