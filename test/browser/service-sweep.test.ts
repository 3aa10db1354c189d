// The coordinator answer for a caseload service (issue 31), in Chromium: with Leeds's Restorative Early Support teams in
// the scenario the sweep form offers their workers beside the coordinators, starting from 0 to twice the option's
// workers; run, its steps are FTE of workers, its columns children taken on, and its next-worker chances those of the
// paired runs of the same plan computed here, in Node (so the page swept the teams' workers, not the coordinators).
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/engine/sim/simulate';
import { SERVICE_SWEEP_RUN_SERIES } from '../../src/engine/analysis/sweep';
import { loadScenario } from '../helpers/scenarios';
import { openApp, useApp } from './use-app';

const PIP = 'scenarios/leeds-2019-partners-in-practice.json';
const STEPS = [0, 20.75, 41.5];
const RUNS = 6;

describe('the coordinator answer for a caseload service, in Chromium', () => {
  const { browser, server } = useApp(4346);

  it('sweeps the RES teams’ workers when chosen: steps in FTE of workers, children taken on, and a recommended range', async () => {
    const { page, app, problems } = await openApp(browser(), server().url);
    const sweep = app.locator('cs-coordinator-answer');
    // An FGC-only scenario (Leeds 2015, opened first) has nothing else to sweep.
    expect(await sweep.locator('#sweep-of').count()).toBe(0);
    await app.locator('#scenario').selectOption('leeds-2019-partners-in-practice');
    await expect.poll(() => sweep.locator('#sweep-of').count(), { timeout: 60_000 }).toBe(1);
    expect(await sweep.locator('#sweep-of option').allInnerTexts()).toEqual(['FGC coordinators', 'Restorative Early Support teams workers']);
    await sweep.locator('#sweep-of').selectOption('res');
    // The default range: 0 to twice the option in focus's 41.5 FTE.
    expect(await sweep.locator('#from').inputValue()).toBe('0');
    expect(await sweep.locator('#to').inputValue()).toBe('83');
    expect(await sweep.locator('.note').innerText()).toContain('Restorative Early Support teams workers');
    await sweep.locator('#from').fill(String(STEPS[0]));
    await sweep.locator('#to').fill(String(STEPS[2]));
    await sweep.locator('#step').fill(String(STEPS[1]));
    await sweep.locator('#sweep-runs').fill(String(RUNS));
    await sweep.locator('#sweep-run').click();
    await sweep.locator('#sweep-table').waitFor({ timeout: 240_000 });
    expect(await sweep.locator('#sweep-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-fte')))).toEqual(STEPS.map(String));
    const head = await sweep.locator('#sweep-table thead th').allInnerTexts();
    expect(head.slice(0, 3)).toEqual(['Restorative Early Support teams: workers (FTE)', 'Children taken on a year', 'Families waiting for a place (month end)']);
    // The same plan in Node (the scenario's own seed, option 1's coordinators, the teams' workers set by each step).
    const summary = runSimulation(loadScenario(PIP), { runs: RUNS, capacity: STEPS, capacityLike: 1, capacityOf: 'res', keepRunSeries: [...SERVICE_SWEEP_RUN_SERIES] });
    const shown = await sweep.locator('#sweep-table tbody tr td[data-next-pays]').evaluateAll((els) => els.map((e) => e.getAttribute('data-next-pays')));
    for (let i = 0; i + 1 < STEPS.length; i++) {
      const here = summary.finance.comparisons[i]!.npvRuns;
      const there = summary.finance.comparisons[i + 1]!.npvRuns;
      expect(Number(shown[i])).toBe(here.filter((v, r) => there[r]! > v).length / here.length);
    }
    const range = sweep.locator('#coordinator-answer [data-fte-range]');
    expect(await range.count()).toBe(1);
    expect(await range.getAttribute('data-fte-range')).toMatch(/FTE/);
    const answer = await sweep.locator('#coordinator-answer').innerText();
    expect(answer).toMatch(/Recommended: .*FTE\./);
    expect(answer).not.toContain('coordinator');
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 400_000);

  it('the editor shows the teams’ inputs in plain words, and an arm’s workers of -1 are refused naming the field', async () => {
    const { page, app, problems } = await openApp(browser(), server().url);
    await app.locator('#scenario').selectOption('leeds-2019-partners-in-practice');
    await app.locator('details.inputs > summary').click();
    const editor = app.locator('cs-scenario-editor');
    await editor.locator('details.group > summary', { hasText: /^Caseload service beside the FGC/ }).click();
    const label = (path: string) => editor.locator('.row', { has: page.locator(`[data-path="${path}"]`) }).locator('.label');
    expect(await label('services[0].staff[0].casesPerWorker.value').innerText()).toContain('Cases a social worker holds at once');
    expect(await label('services[0].effects.byOfferPoint.referral.rrEntryToCare.dist').innerText()).toContain('Relative risk of entering care after Restorative Early Support teams');
    await editor.locator('details.group > summary', { hasText: /^Arms/ }).click();
    const path = 'arms.options[0].services.res.workersFte';
    expect(await label(path).innerText()).toContain('Restorative Early Support teams: workers (FTE)');
    const workers = editor.locator(`input[data-path="${path}"]`);
    await workers.fill('-1');
    await workers.press('Tab');
    const row = editor.locator('.row', { has: page.locator(`[data-path="${path}"]`) });
    await expect.poll(() => row.locator('.error').count()).toBe(1);
    expect(await row.locator('.error').innerText()).toBe(`${path}: must be ≥ 0, got -1`);
    expect(await app.locator('cs-run-controls #run').isDisabled()).toBe(true);
    // Fixed: the panel and the group the user was in stay open (they closed as the scenario became valid again).
    await workers.fill('41.5');
    await workers.press('Tab');
    await expect.poll(() => app.locator('cs-run-controls #run').isEnabled()).toBe(true);
    expect(await app.locator('details.inputs').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await editor.locator('details.group', { has: page.locator(`[data-path="${path}"]`) }).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await workers.isVisible()).toBe(true);
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 200_000);
});
