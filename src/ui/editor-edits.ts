// An edit in the scenario editor: the raw scenario with one field as typed (kept even where it is wrong) and the
// problems the editor shows for it, the validator's and two of its own (the start month and each price year).
import type { ScenarioError } from '../scenario/check';
import type { QuantityInput } from '../scenario/inputs';
import { MONTH } from '../scenario/observed-schema';
import { parseScenario } from '../scenario/parse';
import { parsePriceYear, upratingFactors } from '../scenario/prices';
import type { Scenario } from '../scenario/schema';
import { editorModel } from './editor-model';
import { setAt } from './raw-path';

/** The path of month 0's field (the observed series' own startMonth is another field, not edited with it). */
export const START_MONTH = 'startMonth';

type Json = Record<string, unknown>;
const isRecord = (x: unknown): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x);

/** Why a start month cannot be month 0, naming the field and the rule, or undefined. */
export function startMonthProblem(value: unknown): string | undefined {
  if (typeof value === 'string' && MONTH.test(value)) return undefined;
  const got = value === undefined ? 'nothing' : typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return `Start month must be a month written "YYYY-MM" (a four-digit year, a hyphen, a month 01 to 12, e.g. 2015-04), got ${got}`;
}

/** A raw scenario's prices block, if it has the shape the uprating reads (the validator names any other problem). */
function pricesOf(raw: unknown): NonNullable<Scenario['prices']> | undefined {
  const prices = isRecord(raw) ? raw.prices : undefined;
  if (!isRecord(prices) || !isRecord(prices.deflator)) return undefined;
  const { basis, index } = prices.deflator;
  return (basis === 'financial' || basis === 'calendar') && isRecord(index) ? (prices as NonNullable<Scenario['prices']>) : undefined;
}

/**
 * Why a money input's price year, as typed, cannot be used: not one year (parsePriceYear), or outside the scenario's
 * deflator series, in the words upratingFactors gives; undefined if it can. The validator reaches price years only
 * once everything else is valid (and, without a deflator, not at all), so the editor checks each as it is typed.
 */
export function priceYearProblem(raw: unknown, path: string, text: string): string | undefined {
  const notOneYear = parsePriceYear(text) ? undefined : `must be one financial year "YYYY/YY" or calendar year "YYYY", got "${text}"`;
  const prices = pricesOf(raw);
  // Any year the series holds serves as the reporting year: this input's own problem is what is asked, and the
  // reporting year's is the validator's to name.
  const reportingYear = prices && Object.keys(prices.deflator.index)[0];
  if (!prices || reportingYear === undefined) return notOneYear;
  // Given the inputs, upratingFactors reads only the scenario's prices block: this is its own check, word for word.
  const input = { path, node: { priceYear: text } } as QuantityInput;
  const { errors } = upratingFactors({ prices } as Scenario, reportingYear, [input]);
  if (errors.some((e) => e.path === 'prices.reportingYear')) return notOneYear;
  return errors.find((e) => e.path === `${path}.priceYear`)?.message;
}

/**
 * A scenario's problems as the editor shows them: the validator's, its start month's in the editor's words, and each
 * money input's price year that the validator has not (yet) named.
 */
export function editorProblems(raw: unknown, model: ReturnType<typeof editorModel> = editorModel(raw), parsed = parseScenario(raw)): ScenarioError[] {
  const problems = parsed.ok ? [] : parsed.errors.filter((e) => e.path !== START_MONTH);
  if (!model.ok) return problems;
  const own = isRecord(raw) ? startMonthProblem(raw[START_MONTH]) : undefined;
  if (own) problems.unshift({ path: START_MONTH, message: own });
  for (const row of model.groups.flatMap((g) => g.rows)) {
    if (row.kind !== 'quantity' || !row.money || typeof row.node.priceYear !== 'string') continue;
    const path = `${row.path}.priceYear`;
    const message = priceYearProblem(raw, row.path, row.node.priceYear);
    if (message && !problems.some((e) => e.path === path && e.message === message)) problems.push({ path, message });
  }
  return problems;
}

/** An edit as the editor makes it: the raw scenario with the value at `path` as typed, what it is when valid, its problems. */
export function editScenario(raw: unknown, path: string, value: unknown): { raw: unknown; scenario: Scenario | undefined; problems: ScenarioError[] } {
  const next = setAt(raw, path, value);
  const parsed = parseScenario(next);
  return { raw: next, scenario: parsed.ok ? parsed.value : undefined, problems: editorProblems(next, editorModel(next), parsed) };
}
