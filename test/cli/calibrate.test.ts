// `npm run --silent calibrate -- <scenario.json>`: the fitted inputs and fit statistics as JSON; the fitted scenario written on request.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/calibrate';
import { parseScenario } from '../../src/scenario/parse';
import { runInProcess, runNpm } from '../helpers/cli';
import { LEEDS, SMALL } from '../helpers/scenarios';

/** The command's main, called in this process. */
function calibrate(...args: string[]) {
  return runInProcess(main, args);
}

describe('calibrate (command line)', () => {
  it('prints the fitted inputs with prior and posterior, and the fit statistics; --write saves a valid fitted scenario (the documented command, a real process)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'calibrate-')), 'fitted.json');
    const { code, stdout, stderr } = runNpm('calibrate', [LEEDS, '--runs', '40', '--seed', 'cli', '--write', out, '--workers', '2']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const fit = JSON.parse(stdout);
    expect(fit.method).toBe('ABC rejection');
    expect(fit.runs).toBe(40);
    expect(fit.accepted).toBe(4);
    expect(fit.metrics).toEqual(['cla', 'cp', 'cin', 'claEntries', 'claExits', 'referrals']);
    expect(fit.rounds).toBe(2);
    const shares = ['cla', 'cp', 'cin', 'noFurtherAction'].map((b) => `pathway.assessment.exits.shares.${b}`);
    expect(fit.inputs.map((i: { input: string }) => i.input)).toEqual(['demand.referralsPerMonth', 'pathway.cla.duration.mean', 'pathway.closed.reReferralProbability', 'pathway.escalationTrendPerYear', ...shares]);
    for (const i of fit.inputs) {
      // A number's posterior goes back as PERT; a group of shares as each branch's mean.
      expect(i.fitted.dist ?? 'mean').toBe(i.input.includes('.shares.') ? 'mean' : 'pert');
      expect(i.posterior.p5).toBeLessThanOrEqual(i.posterior.p95);
    }
    // Leeds refers 826.5 children a month (fixed): the prior is uniform ±30%, and the kept runs are some of its draws.
    const referrals = fit.inputs[0];
    expect(referrals.fitted.min).toBeGreaterThanOrEqual(826.5 * 0.7);
    expect(referrals.fitted.max).toBeLessThanOrEqual(826.5 * 1.3);
    for (const s of fit.series) expect(Object.keys(s)).toEqual(expect.arrayContaining(['metric', 'rmsePrior', 'rmsePosterior', 'coverage', 'band']));
    expect(fit.fittedScenarioWritten).toBe(out);
    const written = parseScenario(JSON.parse(readFileSync(out, 'utf8')));
    expect(written.ok ? written.value.name : written.errors).toMatch(/\(calibrated\)$/);
  });

  it('--backtest reports the held-out months, coverage and a naive trend', async () => {
    const { code, stdout } = await calibrate(LEEDS, '--runs', '30', '--backtest', '--workers', '2');
    expect(code).toBe(0);
    const { backtest } = JSON.parse(stdout);
    expect(backtest.fitMonths).toBe(11);
    expect(backtest.heldOutMonths).toBe(6);
    expect(backtest.coverage).toBeGreaterThanOrEqual(0);
    expect(backtest.coverage).toBeLessThanOrEqual(1);
    expect(backtest.series[0].points[0]).toEqual(expect.objectContaining({ month: '2016-03', naive: expect.any(Number), inside: expect.any(Boolean) }));
  });

  it('names what is wrong: no observed series, an unknown series, an input that is not in the scenario', async () => {
    expect((await calibrate(SMALL)).stderr).toMatch(/carries no observed series to calibrate to/);
    expect((await calibrate(LEEDS, '--metrics', 'cla,joy')).stderr).toMatch(/--metrics takes some of cla, cp, cin, claEntries, claExits, referrals, fgcHeld, got "joy"/);
    expect((await calibrate(LEEDS, '--arm', '3')).stderr).toMatch(/--arm must be a whole number from 0 to 2, got "3"/);
    expect((await calibrate(LEEDS, '--bogus')).stderr).toMatch(/unknown option --bogus \(usage: npm run --silent calibrate/);
    const bad = await calibrate(LEEDS, '--runs', '10', '--inputs', 'demand.nothing');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/demand\.nothing: not a numeric input of this scenario/);
  });
});
