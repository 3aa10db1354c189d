// The schema of a published-analysis worksheet: inputs with sources (and a distribution to stress each), line items as formulas.
import { arr, fail, join, literal, num, obj, optional, record, str, type Check, type Out, type ScenarioError } from './check';
import { uncertain } from './quantity';
import { FormulaError, namesIn, parseFormula } from './formula';

const NAME = { pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, rule: 'a name of letters, digits and _ (not starting with a digit)' };

const input = obj({
  value: num(),
  unit: str(),
  source: str(),
  priceYear: optional(str()),
  note: optional(str()),
  /** The distribution that replaces the point value when the analysis is stress-tested. */
  stress: optional(uncertain({})),
});

const item = obj({
  id: str({ pattern: NAME.pattern, rule: NAME.rule }),
  item: str(),
  formula: str(),
  /** The figure the source prints (null where the source prints none and the line is derived here). */
  published: (x: unknown, path: string, errors: ScenarioError[]) => (x === null ? null : num()(x, path, errors)) as number | null | undefined,
  /** Decimal places the source prints (2 for pence). */
  decimals: num({ min: 0, max: 6, integer: true }),
  unit: str(),
  source: str(),
  note: optional(str()),
});

const worksheetShape = obj({
  schemaVersion: literal(1),
  kind: literal('worksheet'),
  name: str(),
  description: optional(str()),
  /** The line item the stress test ranks inputs by. */
  headline: str({ pattern: NAME.pattern, rule: NAME.rule }),
  inputs: record(input, NAME),
  items: arr(item, { minLength: 1 }),
});

export type Worksheet = Out<typeof worksheetShape>;
/** Checks shape, then that every formula parses and names only inputs or earlier items, ids are unique and the headline exists. */
export const worksheetSchema: Check<Worksheet> = (x, path, errors) => {
  const w = worksheetShape(x, path, errors);
  if (!w) return undefined;
  const known = new Set(Object.keys(w.inputs));
  w.items.forEach((it, i) => {
    const at = join(join(path, 'items'), i);
    if (known.has(it.id)) fail(errors, join(at, 'id'), `“${it.id}” is already an input or an earlier item`);
    try {
      const unknown = [...namesIn(parseFormula(it.formula))].filter((n) => !known.has(n));
      if (unknown.length) fail(errors, join(at, 'formula'), `uses ${unknown.map((n) => `“${n}”`).join(', ')}, which is not an input or an earlier item`);
    } catch (e) {
      if (e instanceof FormulaError) fail(errors, join(at, 'formula'), e.message);
      else throw e;
    }
    known.add(it.id);
  });
  if (!w.items.some((it) => it.id === w.headline)) fail(errors, join(path, 'headline'), `must be the id of an item, got “${w.headline}”`);
  return errors.length ? undefined : w;
};

