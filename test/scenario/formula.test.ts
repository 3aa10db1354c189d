import { describe, expect, it } from 'vitest';
import { evaluate, FormulaError, parseFormula, roundHalfAway } from '../../src/scenario/formula';
import type { ScenarioError } from '../../src/scenario/check';
import { worksheetSchema } from '../../src/scenario/worksheet-schema';

const calc = (f: string, env: Record<string, number> = {}) => evaluate(parseFormula(f), env);

describe('worksheet formulas', () => {
  it('follow arithmetic precedence', () => {
    expect(calc('1 + 2 * 3')).toBe(7);
    expect(calc('(1 + 2) * 3')).toBe(9);
    expect(calc('2 ^ 3 ^ 2')).toBe(512);
    expect(calc('-2 ^ 2')).toBe(-4);
    expect(calc('10 / 4 * 302')).toBe(755);
    expect(calc('sqrt(a^2 + b^2)', { a: 3, b: 4 })).toBe(5);
    expect(calc('max(1, x, 3)', { x: 7 })).toBe(7);
  });
  it('round halves away from zero, to the penny without binary noise', () => {
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
    expect(roundHalfAway(-0.5, 0)).toBe(-1);
    expect(roundHalfAway(33.8157, 0)).toBe(34);
  });
  it('report what is wrong and where', () => {
    expect(() => parseFormula('1 + * 2')).toThrow(FormulaError);
    expect(() => parseFormula('foo(1)')).toThrow(/unknown function “foo”/);
    expect(() => parseFormula('(1 + 2')).toThrow(/expected “\)”/);
  });
  it('a worksheet naming something that is not an input or an earlier item is rejected with the item path', () => {
    const errors: ScenarioError[] = [];
    worksheetSchema(
      { schemaVersion: 1, kind: 'worksheet', name: 'x', headline: 'a', inputs: { v: { value: 1, unit: 'GBP', source: 's' } }, items: [{ id: 'a', item: 'A', formula: 'v + w', published: 2, decimals: 0, unit: 'GBP', source: 's' }] },
      '',
      errors,
    );
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual(['items[0].formula: uses “w”, which is not an input or an earlier item']);
  });
});
