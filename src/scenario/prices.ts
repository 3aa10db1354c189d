// Price years and uprating: every money input carries the year its price is in; a deflator series
// carries them all to one reporting year (HM Treasury Green Book: real prices at a stated base year).
import { hasOwn, type ScenarioError } from './check';
import { scenarioInputs, type QuantityInput } from './inputs';
import type { Scenario } from './schema';

/** A price year: a financial year (April–March, "2013/14") or a calendar year ("2013"). */
export interface PriceYear {
  kind: 'financial' | 'calendar';
  /** The calendar year it starts in. */
  year: number;
  label: string;
}

/** The deflator block of a scenario: an index by calendar or financial year. */
export type Deflator = NonNullable<Scenario['prices']>['deflator'];

const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;
const CALENDAR_YEAR = /^(\d{4})$/;

/** Parses "2013/14" or "2013"; anything else (ranges, editions, "c. 2016") is undefined. */
export function parsePriceYear(text: string): PriceYear | undefined {
  const fy = FINANCIAL_YEAR.exec(text);
  if (fy) {
    const year = Number(fy[1]);
    return Number(fy[2]) === (year + 1) % 100 ? { kind: 'financial', year, label: text } : undefined;
  }
  const cy = CALENDAR_YEAR.exec(text);
  return cy ? { kind: 'calendar', year: Number(cy[1]), label: text } : undefined;
}

function financialLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/**
 * The deflator's index for a price year. A financial year from a calendar series is 9 months of
 * its first calendar year and 3 of the next (0.75 × Y + 0.25 × Y+1); a calendar year from a
 * financial series is 3 months of the year before's (0.25 × (Y−1)/Y + 0.75 × Y/Y+1). Undefined
 * where the series does not reach.
 */
export function deflatorAt(deflator: Deflator, py: PriceYear): number | undefined {
  const at = (key: string) => (hasOwn(deflator.index, key) ? deflator.index[key] : undefined);
  if (deflator.basis === py.kind) return at(py.kind === 'financial' ? financialLabel(py.year) : String(py.year));
  if (py.kind === 'financial') {
    const a = at(String(py.year));
    const b = at(String(py.year + 1));
    return a === undefined || b === undefined ? undefined : 0.75 * a + 0.25 * b;
  }
  const a = at(financialLabel(py.year - 1));
  const b = at(financialLabel(py.year));
  return a === undefined || b === undefined ? undefined : 0.25 * a + 0.75 * b;
}

/** Every money input of a scenario (the inputs the schema marks as money), with its path. */
export function moneyInputs(s: Scenario, inputs = scenarioInputs(s).all): QuantityInput[] {
  return inputs.filter((i): i is QuantityInput => i.money);
}

function coverage(deflator: Deflator): string {
  const keys = Object.keys(deflator.index).sort();
  return keys.length ? `${keys[0]} to ${keys[keys.length - 1]}` : 'no years';
}

/** The index years a price year is read from: itself on its own basis, else the two it straddles. */
function yearsNeeded(deflator: Deflator, py: PriceYear): string[] {
  if (deflator.basis === py.kind) return [py.kind === 'financial' ? financialLabel(py.year) : String(py.year)];
  return py.kind === 'financial' ? [String(py.year), String(py.year + 1)] : [financialLabel(py.year - 1), financialLabel(py.year)];
}

/**
 * Why the deflator has no index for a price year, naming the year(s) it lacks: "2024/25 is outside
 * the deflator series: it needs the index for calendar 2025 (…), which prices.deflator.index (2000
 * to 2024) does not reach".
 */
export function deflatorGap(deflator: Deflator, py: PriceYear): string {
  const keys = Object.keys(deflator.index).sort();
  const missing = yearsNeeded(deflator, py).filter((k) => !hasOwn(deflator.index, k));
  const kind = deflator.basis === 'calendar' ? 'calendar' : 'financial year';
  const how = deflator.basis === py.kind ? '' : py.kind === 'financial' ? ' (a financial year is 0.75 × its first calendar year + 0.25 × the next)' : " (a calendar year is 0.25 × the financial year before's + 0.75 × its own)";
  const beyond = missing.every((k) => keys.length === 0 || k < keys[0]! || k > keys[keys.length - 1]!);
  return `${py.label} is outside the deflator series: it needs the index for ${kind} ${missing.join(' and ')}${how}, which prices.deflator.index (${coverage(deflator)}) ${beyond ? 'does not reach' : 'lacks'}`;
}

/**
 * Factors that carry each money input from its price year to the reporting year (by path), or
 * every problem: a price year that is not one year, or one the deflator does not reach.
 */
export function upratingFactors(s: Scenario, reportingYear = s.prices?.reportingYear, money?: QuantityInput[]): { factors: Map<string, number>; errors: ScenarioError[] } {
  const factors = new Map<string, number>();
  const errors: ScenarioError[] = [];
  const prices = s.prices;
  if (!prices || reportingYear === undefined) return { factors, errors };
  const deflator = prices.deflator;
  const target = parsePriceYear(reportingYear);
  const targetIndex = target && deflatorAt(deflator, target);
  if (!target || targetIndex === undefined) {
    errors.push({ path: 'prices.reportingYear', message: target ? deflatorGap(deflator, target) : `must be a financial year "YYYY/YY" or a calendar year "YYYY", got "${reportingYear}"` });
    return { factors, errors };
  }
  for (const { path, node } of money ?? moneyInputs(s)) {
    const text = node.priceYear ?? '';
    const py = parsePriceYear(text);
    const index = py && deflatorAt(deflator, py);
    if (!py) errors.push({ path: `${path}.priceYear`, message: `must be one financial year "YYYY/YY" or calendar year "YYYY" to be uprated, got "${text}"` });
    else if (index === undefined) errors.push({ path: `${path}.priceYear`, message: deflatorGap(deflator, py) });
    else factors.set(path, targetIndex / index);
  }
  return { factors, errors };
}

/** What the money in a run's results is in, in words. */
export function priceBasis(s: Scenario): string {
  return s.prices
    ? `£ at ${s.prices.reportingYear} prices (uprated with ${s.prices.deflator.name}, ${s.prices.deflator.base})`
    : 'each cost at its own source price year (the scenario has no deflator series, so nothing is uprated)';
}

/** The scenario with its money reported in another year's prices, or why it cannot be. */
export function withReportingYear(s: Scenario, reportingYear: string): { ok: true; value: Scenario } | { ok: false; message: string } {
  if (!s.prices) return { ok: false, message: 'the scenario has no deflator series (a "prices" block), so its money cannot be uprated to another year' };
  const { errors } = upratingFactors(s, reportingYear);
  if (errors.length > 0) return { ok: false, message: errors.map((e) => (e.path === 'prices.reportingYear' ? e.message : `${e.path}: ${e.message}`)).join('; ') };
  return { ok: true, value: { ...s, prices: { ...s.prices, reportingYear } } };
}
