// The command-line contract: `npm run --silent simulate -- <scenario.json> [flags]`, its main called in-process (the documented command also as a real process).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/engine/results/metrics';
import { uncertainInputs } from '../../src/engine/analysis/inputs';
import { main } from '../../src/cli/main';
import { runInProcess, runNpm } from '../helpers/cli';
import { LEEDS, loadScenario, ROOT, SMALL } from '../helpers/scenarios';
import { withoutNotes } from '../helpers/finite';

/** The command's main, called in this process. */
function simulate(...args: string[]) {
  return runInProcess(main, args);
}

/** Exactly the documented command, as a real process. */
function npmSimulate(...args: string[]) {
  return runNpm('simulate', args);
}

const FAST = [SMALL, '--runs', '4', '--months', '6'];

describe('simulate (command line)', () => {
  it('prints one JSON object with the documented shape (the documented command, a real process)', () => {
    const { code, stdout, stderr } = npmSimulate(...FAST, '--seed', 'cli');
    expect(withoutNotes(stderr)).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.scenario).toBe('Small council (test fixture)');
    expect(out.seed).toBe('cli');
    expect(out.runs).toBe(4);
    expect(out.months).toEqual(['2015-04', '2015-05', '2015-06', '2015-07', '2015-08', '2015-09', '2015-10']);
    expect(out.arms.map((a: { name: string }) => a.name)).toEqual(['No FGC service', 'Two coordinators', 'Four coordinators']);
    for (const arm of out.arms) {
      for (const metric of ['cla', 'cp', 'cin', 'claEntries', 'claExits', 'fgcHeld', 'fgcWaiting', 'cost']) {
        for (const stat of ['mean', 'p5', 'p25', 'p50', 'p75', 'p95']) expect(arm.series[metric][stat]).toHaveLength(7);
      }
      for (const stat of ['mean', 'p5', 'p50', 'p95']) {
        expect(typeof arm.totals.cost[stat]).toBe('number');
        expect(typeof arm.totals.fgcHeld[stat]).toBe('number');
      }
    }
    expect(out.comparisons).toHaveLength(2);
    expect(out.comparisons[0]).toMatchObject({ arm: 'Two coordinators', reference: 'No FGC service' });
    expect(out.comparisons[0].probabilityOfSaving).toBeGreaterThanOrEqual(0);
    expect(Object.keys(out.comparisons[0].saving)).toEqual(expect.arrayContaining(['mean', 'p5', 'p50', 'p95']));
    expect(Object.keys(out.comparisons[0].claAvoided)).toEqual(expect.arrayContaining(['mean', 'p5', 'p50', 'p95']));
  });

  it('--capacity replaces the options with arms of those FTEs, counterfactual first', async () => {
    const out = JSON.parse((await simulate(...FAST, '--capacity', '0,1.5')).stdout);
    expect(out.arms.map((a: { coordinatorsFte: number }) => a.coordinatorsFte)).toEqual([0, 0, 1.5]);
    expect(out.comparisons.map((c: { arm: string }) => c.arm)).toEqual(['0 FTE', '1.5 FTE']);
    // A zero-FTE arm is the counterfactual exactly.
    expect(out.arms[1].series).toEqual(out.arms[0].series);
  });

  it('the same seed prints the same output; another seed prints other numbers', async () => {
    const a = (await simulate(...FAST, '--seed', 's1')).stdout;
    expect((await simulate(...FAST, '--seed', 's1')).stdout).toBe(a);
    expect((await simulate(...FAST, '--seed', 's2')).stdout).not.toBe(a);
  });

  it('prints a finance object: financial years, NPV, ROI, payback, benefit–cost ratio per comparison; --discount-rate sets the rate', async () => {
    const out = JSON.parse((await simulate(...FAST, '--months', '14', '--discount-rate', '0')).stdout);
    expect(out.finance.discountRate).toBe(0);
    expect(out.finance.financialYears).toEqual(['2015/16', '2016/17']);
    const c = out.finance.comparisons[0];
    expect(Object.keys(c)).toEqual(expect.arrayContaining(['arm', 'reference', 'npv', 'roi', 'benefitCostRatio', 'probabilityNpvPositive', 'payback', 'byYear']));
    expect(c.byYear.map((y: { year: string }) => y.year)).toEqual(['2015/16', '2016/17']);
  });

  it('--price-year reports the money in another year, scaled by the deflator (hand-computed), flows untouched', async () => {
    const args = [LEEDS, '--runs', '3', '--months', '12', '--seed', 'prices', '--workers', '1'];
    const at1516 = JSON.parse((await simulate(...args)).stdout);
    const run2324 = await simulate(...args, '--price-year', '2023/24');
    expect(withoutNotes(run2324.stderr)).toBe('');
    const at2324 = JSON.parse(run2324.stdout);
    expect(at1516.finance.priceYear).toBe('2015/16');
    expect(at2324.finance.priceYear).toBe('2023/24');
    expect(at2324.finance.priceBasis).toContain('2023/24 prices');
    // Leeds' deflator is HM Treasury's financial-year index (March 2026, 2024/25 = 100): 2023/24 over 2015/16.
    const ratio = 96.1117 / 74.5804;
    expect(at2324.arms[0].totals.cost.mean / at1516.arms[0].totals.cost.mean).toBeCloseTo(ratio, 6);
    expect(at2324.arms[1].series.cla).toEqual(at1516.arms[1].series.cla);
    const csv = (await simulate(...args, '--price-year', '2019/20', '--format', 'csv')).stdout.split('\n');
    expect(csv.find((l: string) => l.includes(',cost,'))).toMatch(/,2019\/20,trial evidence$/);
    expect(csv.find((l: string) => l.includes(',cla,'))).toMatch(/,,trial evidence$/);
  });

  it('--sensitivity adds a tornado sorted by swing and a global ranking of every uncertain input', async () => {
    const { code, stdout, stderr } = await simulate(SMALL, '--runs', '30', '--months', '6', '--sensitivity', '--tornado-runs', '3', '--workers', '2');
    expect(withoutNotes(stderr)).toBe('');
    expect(code).toBe(0);
    const { sensitivity } = JSON.parse(stdout);
    const inputs = uncertainInputs(loadScenario(SMALL)).map((i) => i.path).sort();
    expect(sensitivity.output).toBe('netSaving');
    expect(sensitivity.tornado.map((b: { input: string }) => b.input).sort()).toEqual(inputs);
    for (const bar of sensitivity.tornado) {
      expect(Object.keys(bar)).toEqual(expect.arrayContaining(['input', 'low', 'high', 'outputAtLow', 'outputAtHigh', 'swing']));
      expect(bar.swing).toBeCloseTo(Math.abs(bar.outputAtHigh - bar.outputAtLow), 4);
      expect(bar.low).toBeLessThan(bar.high);
    }
    const swings = sensitivity.tornado.map((b: { swing: number }) => b.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(sensitivity.global.map((g: { input: string }) => g.input).sort()).toEqual(inputs);
    for (const g of sensitivity.global) expect(typeof g.index).toBe('number');
    expect((await simulate(SMALL, '--runs', '5', '--sensitivity')).stderr).toMatch(/--sensitivity needs more runs than uncertain inputs \+ 1/);
    expect((await simulate(SMALL, '--sensitivity', '--sensitivity-output', 'joy')).stderr).toMatch(/--sensitivity-output must be one of netSaving, npv, claAtHorizon, got "joy"/);
  });

  it('--workers 1 and --workers 2 print identical JSON', async () => {
    const one = await simulate(...FAST, '--workers', '1');
    const two = await simulate(...FAST, '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('--format csv prints a header and one row per arm × month × metric', async () => {
    const { code, stdout } = await simulate(...FAST, '--format', 'csv');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('arm,coordinatorsFte,month,metric,mean,p5,p25,p50,p75,p95,priceYear,effectsPreset');
    // The series, then the appraisal's rows (each option arm: 4 money rows a year, its NPVs and the budget's NPV).
    const series = lines.filter((l) => !l.includes(',finance.'));
    expect(series).toHaveLength(1 + 3 * 7 * METRICS.length);
    expect(lines[1]).toMatch(/^No FGC service,0,2015-04,cla,\d+/);
    expect(lines.slice(series.length).every((l) => l.includes(',finance.'))).toBe(true);
    expect(lines.filter((l) => l.includes(',finance.cashNpv,'))).toHaveLength(2);
  });

  it('--out writes the output to a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cs-cli-')), 'out.json');
    const { code, stdout } = await simulate(...FAST, '--out', file);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).runs).toBe(4);
  });

  describe('bad input gives a non-zero exit and one clear line on stderr, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-bad-'));
    const malformed = join(dir, 'malformed.json');
    writeFileSync(malformed, '{ "schemaVersion": 1,');
    const invalid = join(dir, 'invalid.json');
    const raw = JSON.parse(readFileSync(join(ROOT, SMALL), 'utf8'));
    raw.arms.options[0].coordinatorsFte = -3;
    writeFileSync(invalid, JSON.stringify(raw));
    const cases: Array<[string, string[], RegExp]> = [
      ['a missing file', ['nope.json'], /cannot read scenario file nope\.json: no such file/],
      ['malformed JSON', [malformed], /is not a valid scenario .*\(file\): is not valid JSON/],
      ['a schema error', [invalid], /arms\.options\[0\]\.coordinatorsFte: must be ≥ 0, got -3/],
      ['--runs 0', [SMALL, '--runs', '0'], /--runs must be a whole number from 1 to 100000, got "0"/],
      ['a negative capacity', [SMALL, '--capacity', '2,-1'], /--capacity takes coordinator FTEs from 0 to 1000, written as decimals \(e\.g\. 2\.5\), separated by commas, got "-1"/],
      ['an unknown flag', [SMALL, '--bogus'], /unknown option --bogus/],
      ['a bad format', [SMALL, '--format', 'xml'], /--format must be json or csv, got "xml"/],
      ['--workers 0', [SMALL, '--workers', '0'], /--workers must be a whole number from 1 to 32, got "0"/],
      ['a discount rate above 1', [SMALL, '--discount-rate', '3.5'], /--discount-rate must be a rate a year from 0 to 1 written as a decimal \(e\.g\. 0\.035\), got "3\.5"/],
      ['a price year outside the deflator', [LEEDS, '--price-year', '2030/31'], /--price-year 2030\/31: 2030\/31 is outside the deflator series/],
      ['a price year that is not a year', [LEEDS, '--price-year', '15/16'], /--price-year must be a financial year/],
      ['a price year for a scenario with no deflator', [SMALL, '--price-year', '2015/16'], /no deflator series/],
      ['no scenario', [], /missing the scenario file/],
    ];
    for (const [name, args, message] of cases) {
      it(name, async () => {
        const { code, stdout, stderr } = await simulate(...args);
        expect(code).not.toBe(0);
        expect(stdout).toBe('');
        const lines = stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^error: /);
        expect(lines[0]).toMatch(message);
        expect(stderr).not.toMatch(/\n\s+at /);
      });
    }
    it('as a real process: exit code 2, nothing on stdout, exactly the one line on stderr', () => {
      const { code, stdout, stderr } = npmSimulate(SMALL, '--runs', '0');
      expect(stderr).toBe('error: --runs must be a whole number from 1 to 100000, got "0"\n');
      expect(stdout).toBe('');
      expect(code).toBe(2);
    });
  });

  it('a reader that closes the pipe early (`| head -1`) ends it quietly: exit 0, nothing on stderr (a real process)', () => {
    // Leeds as CSV is some 370 kB, more than a pipe holds, so the command is still writing when head closes it.
    const line = `npm run --silent simulate -- ${LEEDS} --runs 2 --format csv | head -1`;
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', line], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout).toBe('arm,coordinatorsFte,month,metric,mean,p5,p25,p50,p75,p95,priceYear,effectsPreset\n');
    expect(withoutNotes(result.stderr)).toBe('');
    expect(result.status).toBe(0);
  });
});
