// The CIN-plan stock derived from the published counts, checked against the two councils whose CIN-plan stock the
// seeds give: Leeds, August 2015: 2,318 (000_8890056140a8d8e5.txt, appendix 5); Darlington, October 2019: 389
// (001_08fc2746a931d856.txt).
import { describe, expect, it } from 'vitest';
import { CIN_PLAN_SHARE, cinPlanStock } from '../../src/councils/cin-plan';

function derived(codeOrName: string, date: string) {
  const r = cinPlanStock(codeOrName, date);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('CIN-plan stock from the published counts', () => {
  it('Leeds, August 2015: 2,345 (0.6 of the 3,908 children in need neither on a plan nor looked after on 31 March 2016), 1% above the 2,318 observed, within the share\'s range', () => {
    const leeds = derived('Leeds', '2015-08-15');
    // CLA on 31 March 2015 is not in the files (the CLA series start in 2016), so 31 March 2016 is used.
    expect(leeds.note).toMatch(/^31 March 2015 lacks a count .* 2016, 229 days away, is used$/);
    expect(leeds.from).toEqual([{ year: 2016, weight: 1, cin: 5711, cp: 564, cla: 1239 }]);
    expect(leeds.otherChildrenInNeed).toBe(3908);
    expect(leeds.mode).toBeCloseTo(2344.8, 6);
    expect(leeds.mode / 2318 - 1).toBeCloseTo(0.0116, 3);
    expect(leeds.low).toBeLessThan(2318);
    expect(leeds.high).toBeGreaterThan(2318);
  });

  it('Darlington, October 2019: 372 (0.6 of 620, between 31 March 2019 and 2020), 4% below the 389 observed, within the share\'s range', () => {
    const d = derived('Darlington', '2019-10-15');
    expect(d.note).toBeUndefined();
    expect(d.from.map((f) => [f.year, f.cin - f.cp - f.cla])).toEqual([[2019, 676], [2020, 572]]);
    expect(d.from[1]!.weight).toBeCloseTo(198 / 366, 10);
    expect(d.otherChildrenInNeed).toBeCloseTo(676 - (104 * 198) / 366, 6);
    expect(d.mode / 389 - 1).toBeCloseTo(-0.0441, 3);
    expect(d.low).toBeLessThan(389);
    expect(d.high).toBeGreaterThan(389);
  });

  it('the share is an input: a narrower or shifted range moves the stock in proportion, and a bad share or date is an error value', () => {
    expect(derived('Darlington', '2020-03-31').from).toEqual([{ year: 2020, weight: 1, cin: 927, cp: 85, cla: 270 }]);
    const r = cinPlanStock('Darlington', '2020-03-31', { low: 0.4, mode: 0.5, high: 0.6 });
    expect(r.ok && r.value.mode).toBe(286);
    expect(cinPlanStock('Darlington', '2020-03-31', { low: 0.7, mode: 0.6, high: 0.8 })).toEqual({ ok: false, error: 'share must satisfy 0 ≤ low ≤ mode ≤ high ≤ 1' });
    expect(cinPlanStock('Darlington', 'October 2019').ok).toBe(false);
    expect(cinPlanStock('Leeds', '2013-06-30')).toEqual({ ok: false, error: 'Leeds lacks the CIN, CP or CLA count on 31 March 2013 and 2014' });
    expect(CIN_PLAN_SHARE).toEqual({ low: 0.5, mode: 0.6, high: 0.7 });
  });
});
