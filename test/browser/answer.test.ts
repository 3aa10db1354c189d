// The answer said once (issue 29), in real Chromium: results marked out of date after an edit until the next run;
// runs and seed carried by the share link and a reload, with the same numbers; one coordinator answer, its range the
// same in every panel and its next-coordinator chances those of the paired runs (computed here, in Node, from the
// same plan); jobs queued, not cancelled, when one starts while another runs; the verdict's money adding up.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/engine/sim/simulate';
import { SWEEP_RUN_SERIES } from '../../src/engine/analysis/sweep';
import { DARLINGTON, loadScenario } from '../helpers/scenarios';
import { openApp, useApp } from './use-app';

const status = (app: Locator) => app.locator('cs-run-controls .status');

async function runWith(app: Locator, runs: number, seed: string): Promise<void> {
  await app.locator('cs-run-controls #runs').fill(String(runs));
  await app.locator('cs-run-controls #seed').fill(seed);
  await app.locator('cs-run-controls #run').click();
  await expect.poll(async () => (await status(app).textContent()) ?? '', { timeout: 90_000 }).toContain(`${runs} of ${runs} runs — done`);
}

async function openDarlington(url: string, browser: ReturnType<ReturnType<typeof useApp>['browser']>): Promise<{ page: Page; app: Locator; problems: string[] }> {
  const opened = await openApp(browser, url);
  await opened.app.locator('#scenario').selectOption('darlington-2019');
  await expect.poll(() => opened.app.locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
  return opened;
}

/** The arms table's cells as text, row by row. */
const armsText = (app: Locator) => app.locator('#arms tbody').innerText();

describe('the answer, said once, in Chromium', () => {
  const { browser, server } = useApp(4335);

  it('an edit marks the results (and their CSV) out of date; the mark leaves after a run', async () => {
    const { page, app, problems } = await openDarlington(server().url, browser());
    await runWith(app, 20, 'stale-check');
    expect(await app.locator('#stale-mark').count()).toBe(0);
    expect(await app.locator('cs-verdict #verdict').innerText()).toMatch(/Over \d+ years the expected net saving is/);
    await app.locator('details.inputs > summary').click();
    await app.locator('cs-scenario-editor details.group > summary', { hasText: /^Demand/ }).click();
    const referrals = app.locator('cs-scenario-editor input[data-path="demand.referralsPerMonth.value"]');
    await referrals.fill(String(Number(await referrals.inputValue()) + 5));
    await referrals.press('Tab');
    await expect.poll(() => app.locator('#stale-mark').count()).toBe(1);
    expect(await app.locator('#stale-mark').innerText()).toContain('Out of date');
    expect(await app.locator('cs-verdict').getAttribute('stale')).not.toBeNull();
    expect(await app.locator('cs-verdict #verdict-stale').count()).toBe(1);
    // Printed, the mark stays.
    await page.emulateMedia({ media: 'print' });
    expect(await app.locator('#stale-mark').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    // A download says so too, in its name and first line.
    const [download] = await Promise.all([page.waitForEvent('download'), app.locator('cs-keep-share #csv-runs').click()]);
    expect(download.suggestedFilename()).toMatch(/-runs-out-of-date\.csv$/);
    const text = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# OUT OF DATE/);
    await app.locator('cs-run-controls #run').click();
    await expect.poll(() => app.locator('#stale-mark').count(), { timeout: 90_000 }).toBe(0);
    expect(await app.locator('cs-verdict').getAttribute('stale')).toBeNull();
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 240_000);

  it('the share link and a reload reproduce the runs, the seed and the same numbers', async () => {
    const { page, app, problems } = await openDarlington(server().url, browser());
    await runWith(app, 30, 'my-own-seed');
    const shown = await armsText(app);
    expect(await app.locator('#arms caption').innerText()).toContain('30 runs, seed “my-own-seed”');
    await app.locator('cs-keep-share #share').click();
    const link = await app.locator('cs-keep-share #link').inputValue();
    const second = await openApp(browser(), link);
    await expect.poll(async () => (await status(second.app).textContent()) ?? '', { timeout: 90_000 }).toContain('30 of 30 runs — done');
    expect(await second.app.locator('cs-run-controls #runs').inputValue()).toBe('30');
    expect(await second.app.locator('cs-run-controls #seed').inputValue()).toBe('my-own-seed');
    expect(await armsText(second.app)).toBe(shown);
    await second.page.close();
    // A reload brings back the same runs and seed (kept as the scenario's own), and the same numbers.
    await page.reload();
    await expect.poll(async () => (await status(app).textContent()) ?? '', { timeout: 90_000 }).toContain('30 of 30 runs — done');
    expect(await app.locator('cs-run-controls #seed').inputValue()).toBe('my-own-seed');
    expect(await armsText(app)).toBe(shown);
    // The JSON export carries them.
    const [json] = await Promise.all([page.waitForEvent('download'), app.locator('cs-keep-share #export').click()]);
    const exported = JSON.parse(await (await import('node:fs/promises')).readFile((await json.path())!, 'utf8'));
    expect(exported.simulation).toMatchObject({ runs: 30, seed: 'my-own-seed' });
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 300_000);

  it('the arms table’s saving is the difference of its total costs; the appraisal’s parts sum to its NPV, each year’s to its net', async () => {
    const { page, app } = await openDarlington(server().url, browser());
    await runWith(app, 20, 'sums');
    const means = async (cells: Locator) => (await cells.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-mean')))));
    const costs = await means(app.locator('#arms td[data-metric="cost"]'));
    const savings = await means(app.locator('#arms td[data-metric="saving"][data-mean]'));
    expect(savings).toHaveLength(costs.length - 1);
    savings.forEach((saving, i) => expect(Math.abs(costs[0]! - costs[i + 1]! - saving)).toBeLessThan(1e-6 * Math.abs(costs[0]!)));
    const row = app.locator('#appraisal tbody tr').first();
    const [cash, nonCash, service, npv] = await Promise.all(['pv-cashable', 'pv-non-cashable', 'pv-service', 'npv'].map(async (k) => Number(await row.locator(`td[data-stat="${k}"] [data-mean]`).first().getAttribute('data-mean'))));
    expect(Math.abs(cash! + nonCash! - service! - npv!)).toBeLessThan(1e-6 * (Math.abs(cash!) + Math.abs(nonCash!) + Math.abs(service!)) + 1e-6);
    const years = app.locator('table.by-year').first().locator('tbody tr');
    for (let i = 0; i < (await years.count()); i++) {
      const [c, n, s, net] = await Promise.all(['cashable', 'non-cashable', 'service', 'net'].map(async (k) => Number(await years.nth(i).locator(`td[data-stat="${k}"] [data-mean]`).getAttribute('data-mean'))));
      expect(Math.abs(c! + n! - s! - net!)).toBeLessThan(1e-6 * (Math.abs(c!) + Math.abs(n!) + Math.abs(s!)) + 1e-6);
    }
    await page.close();
  }, 240_000);

  it('one coordinator answer: each step’s next-coordinator chance is the share of paired runs, and every panel shows the same range', async () => {
    const { page, app, problems } = await openDarlington(server().url, browser());
    await runWith(app, 20, 'darlington-2019'); // the shipped seed, which the sweep's runs share
    const sweep = app.locator('cs-coordinator-answer');
    await sweep.locator('#from').fill('2');
    await sweep.locator('#to').fill('6');
    await sweep.locator('#step').fill('1');
    await sweep.locator('#sweep-runs').fill('24');
    await sweep.locator('#sweep-run').click();
    await sweep.locator('#sweep-table').waitFor({ timeout: 180_000 });
    expect(await sweep.locator('#sweep-table tbody tr').count()).toBe(5);
    // The same plan in Node: the same families (the scenario's seed), the same steps, copying option 1's offer points.
    const summary = await runSimulation(loadScenario(DARLINGTON), { runs: 24, capacity: [2, 3, 4, 5, 6], capacityLike: 1, keepRunSeries: [...SWEEP_RUN_SERIES] });
    const shown = await sweep.locator('#sweep-table tbody tr td[data-next-pays]').evaluateAll((els) => els.map((e) => e.getAttribute('data-next-pays')));
    for (let i = 0; i < 4; i++) {
      const here = summary.finance.comparisons[i]!.npvRuns;
      const there = summary.finance.comparisons[i + 1]!.npvRuns;
      expect(Number(shown[i])).toBe(here.filter((v, r) => there[r]! > v).length / here.length);
    }
    expect(shown[4]).toBe('');
    // The range, the same wherever FTE is spoken of: the answer, the evaluators' panel, the verdict.
    const ranges = await app.locator('[data-fte-range]').evaluateAll((els) => els.map((e) => e.getAttribute('data-fte-range')));
    expect(ranges.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ranges).size).toBe(1);
    expect(await app.locator('cs-verdict #verdict').innerText()).toContain(`The coordinator sweep recommends ${ranges[0]}`);
    expect(await sweep.locator('#coordinator-answer').innerText()).toMatch(/Recommended: .*FTE\./);
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 300_000);

  it('the main run started during a tornado waits its turn in a visible queue, and both finish', async () => {
    const { page, app, problems } = await openDarlington(server().url, browser());
    await runWith(app, 20, 'queue');
    const tools = app.locator('cs-sensitivity');
    await tools.locator('#tornado-runs').fill('2');
    await tools.locator('#tornado-run').click();
    await expect.poll(async () => (await tools.locator('#tornado-status').textContent()) ?? '').toMatch(/^Tornado: (starting|\d+ of \d+ evaluations)/);
    await app.locator('cs-run-controls #runs').fill('10');
    await app.locator('cs-run-controls #run').click();
    await expect.poll(async () => (await app.locator('cs-run-controls #job-queue').textContent()) ?? '').toMatch(/Running now: Tornado: .*; waiting: Main run\./);
    await expect.poll(async () => (await tools.locator('#tornado-status').textContent()) ?? '', { timeout: 200_000 }).toMatch(/^Tornado: \d+ inputs, 2 runs per bar/);
    await expect.poll(async () => (await status(app).textContent()) ?? '', { timeout: 90_000 }).toContain('10 of 10 runs — done');
    expect(await tools.locator('#tornado-status').textContent()).not.toContain('stopped');
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 300_000);
});
