// Renders a RunSummary as JSON or CSV, for the command line and the page's downloads.
import { METRICS } from './metrics';
import type { RunSummary } from './run-set';
import type { Stat } from './summarise';

const BAND_KEYS = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;
/** Series in £. */
const MONEY_METRICS = new Set<string>(['cost', 'costPlacements', 'costFgcService', 'costCashable', 'supportCost']);

/** Rounds away float noise so the output is readable and stable: 6 significant decimals. */
function tidy(x: number): number {
  return Number.isInteger(x) ? x : Math.round(x * 1e6) / 1e6;
}

/** Compact JSON, one object (pipe it through jq to read it). */
export function toJson(summary: RunSummary | object): string {
  return JSON.stringify(summary, (_key, value) => (typeof value === 'number' ? tidy(value) : value));
}

/**
 * One CSV cell. A number is written as it is (a negative number stays a number). A text cell that a spreadsheet
 * would read as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a single quote in front
 * (OWASP's rule for CSV injection); then a cell holding a quote, a comma or a line break is quoted (RFC 4180).
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The year money is in, for a CSV column: "2015/16", or "source years" when nothing was uprated. */
function priceYearField(summary: RunSummary): string {
  return summary.finance.priceYear ?? 'source years';
}

/** One row per arm × month × metric, with a header row; money rows say the price year they are in. */
export function toCsv(summary: RunSummary): string {
  const lines = [['arm', 'coordinatorsFte', 'month', 'metric', ...BAND_KEYS, 'priceYear', 'effectsPreset'].join(',')];
  const priceYear = priceYearField(summary);
  // Which effects the numbers rest on, on every row (their values are in the JSON output).
  const preset = summary.effects?.preset ?? 'custom';
  for (const arm of summary.arms) {
    summary.months.forEach((month, m) => {
      for (const metric of METRICS) {
        const band = arm.series[metric];
        lines.push([arm.name, arm.coordinatorsFte, month, metric, ...BAND_KEYS.map((k) => tidy(band[k][m]!)), MONEY_METRICS.has(metric) ? priceYear : '', preset].map(csvCell).join(','));
      }
    });
  }
  lines.push(...financeRows(summary, priceYear, preset));
  return `${lines.join('\n')}\n`;
}

/**
 * The appraisal in the same columns, after the series: each arm's money by financial year against the reference
 * (`finance.cashableSaving`, `finance.nonCashableSaving`, `finance.serviceCost`, `finance.net`, `finance.afterCareSaving`: of
 * the savings, the support after care, before optimism bias and deadweight; the month column
 * holds the year, marked when some of its months are carried, not simulated, or it is after the horizon) and its
 * NPVs (`finance.npv` over 5 years, 10 and the horizon; `finance.cashNpv`, the budget's, over the horizon).
 */
function financeRows(summary: RunSummary, priceYear: string, preset: string): string[] {
  const f = summary.finance;
  const fte = new Map(summary.arms.map((a) => [a.name, a.coordinatorsFte]));
  const rows: string[] = [];
  const row = (arm: string, when: string, metric: string, stat: Stat) => rows.push([arm, fte.get(arm) ?? '', when, metric, ...BAND_KEYS.map((k) => tidy(stat[k])), priceYear, preset].map(csvCell).join(','));
  for (const c of f.comparisons) {
    for (const y of c.byYear) {
      const marks = [y.carriedMonths > 0 ? `${y.carriedMonths} months carried` : '', y.inHorizon ? '' : 'after the horizon'].filter(Boolean);
      const when = marks.length ? `${y.year} (${marks.join(', ')})` : y.year;
      row(c.arm, when, 'finance.cashableSaving', y.cashableSaving);
      row(c.arm, when, 'finance.nonCashableSaving', y.nonCashableSaving);
      row(c.arm, when, 'finance.serviceCost', y.serviceCost);
      row(c.arm, when, 'finance.net', y.net);
      row(c.arm, when, 'finance.afterCareSaving', y.afterCareSaving);
    }
    for (const h of c.npvByHorizon) row(c.arm, `${h.years} years`, 'finance.npv', h.npv);
    row(c.arm, `${f.appraisalYears} years`, 'finance.cashNpv', c.cashNpv);
  }
  return rows;
}

/** One row per arm × run: the run-level totals (and the saving against the first arm, run by run). */
export function runTotalsCsv(summary: RunSummary): string {
  const lines = [['arm', 'coordinatorsFte', 'run', 'totalCostGbp', 'fgcHeld', 'claEntries', 'claAtHorizon', 'savingGbp', 'priceYear'].join(',')];
  const reference = summary.arms[0]!.runs;
  const priceYear = priceYearField(summary);
  for (const arm of summary.arms) {
    const r = arm.runs;
    if (!r || !reference) continue;
    r.cost.forEach((cost, i) => {
      lines.push([arm.name, arm.coordinatorsFte, i, tidy(cost), r.fgcHeld[i]!, r.claEntries[i]!, r.claAtHorizon[i]!, tidy(reference.cost[i]! - cost), priceYear].map(csvCell).join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}
