// A caseload service beside the FGC in the results (issue 31), in Chromium: Leeds's Restorative Early Support teams as
// columns of the arms table, their published claim beside the simulation's (the numbers computed here, in Node, from
// the same runs and seed), and their charts; an FGC-only scenario's results as they were.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serviceClaim } from '../../src/engine';
import { runSimulation } from '../../src/engine/sim/simulate';
import { loadScenario } from '../helpers/scenarios';
import { openApp, useApp } from './use-app';

const PIP = 'scenarios/leeds-2019-partners-in-practice.json';
const RUNS = 20;
const SEED = 'services-check';
/** axe-core's script, evaluated in the page (the app's Content-Security-Policy refuses an injected script tag). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const status = (app: Locator) => app.locator('cs-run-controls .status');

async function runWith(app: Locator, runs: number, seed: string): Promise<void> {
  await app.locator('cs-run-controls #runs').fill(String(runs));
  await app.locator('cs-run-controls #seed').fill(seed);
  await app.locator('cs-run-controls #run').click();
  await expect.poll(async () => (await status(app).textContent()) ?? '', { timeout: 120_000 }).toContain(`${runs} of ${runs} runs — done`);
}

/** A cell's or span's data-mean, as a number. */
const meanOf = async (at: Locator): Promise<number> => Number(await at.getAttribute('data-mean'));

/** The serious or critical axe-core findings on the page (open shadow roots included), as lines. */
async function seriousFindings(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

describe('a caseload service in the results, in Chromium', () => {
  const { browser, server } = useApp(4345);

  it('an FGC-only scenario (Leeds 2015, the default) has no service columns, claim or service charts', async () => {
    const { page, app, problems } = await openApp(browser(), server().url);
    await expect.poll(async () => (await status(app).textContent()) ?? '', { timeout: 120_000 }).toContain('runs — done');
    const head = await app.locator('#arms thead').innerText();
    expect(head).toContain('FGCs held');
    expect(head).not.toContain('Restorative');
    expect(await app.locator('#arms thead th').count()).toBe(7);
    expect(await app.locator('#arms [data-metric^="support-"]').count()).toBe(0);
    expect(await app.locator('cs-service-claim').count()).toBe(0);
    expect(await app.locator('cs-fan-chart').evaluateAll((charts) => charts.map((c) => c.getAttribute('metric')))).toEqual(['cla', 'cp', 'cin', 'claEntries', 'fgcHeld', 'fgcWaiting', 'cost']);
    expect(await app.locator('cs-finance #appraisal thead').innerText()).toContain('Extra FGC service cost');
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 240_000);

  it('Leeds 2019: the RES teams in the arms table, their claim beside the simulation (as Node computes it) and their charts', async () => {
    const { page, app, problems } = await openApp(browser(), server().url);
    await app.locator('#scenario').selectOption('leeds-2019-partners-in-practice');
    await expect.poll(() => app.locator('cs-run-controls #run').isEnabled(), { timeout: 60_000 }).toBe(true);
    await runWith(app, RUNS, SEED);

    // The arms table: the teams' columns after "FGCs held"; none taken on without them, some with them.
    const heads = await app.locator('#arms thead th').allInnerTexts();
    expect(heads.slice(3, 8)).toEqual([
      'FGCs held',
      'Restorative Early Support teams: workers (FTE)',
      'Restorative Early Support teams: children taken on',
      'Restorative Early Support teams: families turned away or lapsed',
      'Restorative Early Support teams: its cost',
    ]);
    const rows = app.locator('#arms tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(0).locator('[data-metric="support-fte"]').innerText()).toBe('0');
    expect(await rows.nth(1).locator('[data-metric="support-fte"]').innerText()).toBe('41.5');
    expect(await meanOf(rows.nth(0).locator('[data-metric="support-children"]'))).toBe(0);
    expect(await meanOf(rows.nth(0).locator('[data-metric="support-cost"]'))).toBe(0);
    expect(await meanOf(rows.nth(1).locator('[data-metric="support-children"]'))).toBeGreaterThan(0);
    expect(await meanOf(rows.nth(1).locator('[data-metric="support-cost"]'))).toBeGreaterThan(0);
    expect(await app.locator('#arms caption').innerText()).toContain('the total cost includes the cost of both services');

    // The claim beside the simulation: the same numbers as the engine gives in Node for the same runs and seed.
    const scenario = loadScenario(PIP);
    const expected = serviceClaim(scenario, runSimulation(scenario, { runs: RUNS, seed: SEED }));
    const claim = app.locator('cs-service-claim');
    expect(await claim.locator('caption').innerText()).toMatch(/^Published claim beside the simulation/);
    const published = claim.locator('[data-claim="published"]');
    expect(await published.innerText()).toBe('£406,467');
    expect(await meanOf(published)).toBe(406466.6);
    const simulated = { gross: expected.simulated.gross.mean, cost: expected.simulated.serviceCost.mean, net: expected.simulated.net.mean, 'claim-way': expected.claimWay!.monthly };
    for (const [key, mean] of Object.entries(simulated)) {
      const shown = await meanOf(claim.locator(`[data-claim="${key}"]`));
      expect(Math.abs(shown - mean), key).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(mean)));
    }
    expect(simulated.cost).toBeGreaterThan(0);
    expect(Math.abs(simulated.gross - simulated.cost - simulated.net)).toBeLessThan(1e-6 * Math.abs(simulated.gross));
    expect(await meanOf(claim.locator('[data-claim="children"]'))).toBeCloseTo(expected.perMonth.childrenTakenOn, 6);
    expect(await claim.locator('#claim-caution').innerText()).toMatch(/gross.*uncontrolled before-and-after/s);
    expect(await claim.locator('#claim-source').innerText()).toContain('406,466.60');

    // The charts: the teams' cases open, families waiting and children taken on, before the cost.
    const metrics = await app.locator('cs-fan-chart').evaluateAll((charts) => charts.map((c) => c.getAttribute('metric')));
    expect(metrics).toEqual(['cla', 'cp', 'cin', 'claEntries', 'fgcHeld', 'fgcWaiting', 'supportOpen', 'supportWaiting', 'supportAllocatedChildren', 'cost']);
    expect(await app.locator('cs-fan-chart[metric="supportOpen"]').getAttribute('heading')).toBe('Restorative Early Support teams: cases open');

    // The appraisal names both services' cost.
    expect(await app.locator('cs-finance #appraisal thead').innerText()).toContain('Extra FGC and Restorative Early Support teams cost');
    expect(await seriousFindings(page)).toEqual([]);
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 300_000);
});
