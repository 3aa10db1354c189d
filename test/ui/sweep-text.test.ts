// The sweep's one-sentence answer about the next coordinator: a break-even inside the range, none, or already past it at the first step.
import { describe, expect, it } from 'vitest';
import { sweepPoint as point } from '../helpers/sweep-points';
import { marginalSentence } from '../../src/ui/sweep-text';

describe('the marginal coordinator, in words', () => {
  it('names the break-even FTE inside the range', () => {
    const points = [point(0, 0), point(10, 100, 10), point(20, 150, 5), point(30, 140, -1)];
    expect(marginalSentence(points)).toBe('The marginal coordinator stops paying for itself at about 23.3 FTE (mean saving per extra FTE falls below £0).');
  });

  it('says when the first step already loses, instead of a break-even "at 0 FTE"', () => {
    const points = [point(0, 0), point(9.1, -2666, -293), point(18.2, -32200, -3246)];
    expect(marginalSentence(points)).toBe('Already the first coordinators cost more than they save on average: from 0 to 9.1 FTE the mean saving falls by £293 per extra FTE.');
  });

  it('says when every step still pays', () => {
    expect(marginalSentence([point(0, 0), point(10, 100, 10), point(20, 150, 5)])).toBe('Every extra coordinator in this range pays for itself on average (mean saving still rising at 20 FTE).');
  });
});
