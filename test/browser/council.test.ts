// "Start from a council" in Chromium (issue 27): pick a council and a 31 March, build its scenario, run it, see its
// results with month 0 at DfE's figures, check the fit on the page's worker pool, and see it beside its neighbours
// with the neighbours' figures equal to the council table's.
import { describe, expect, it } from 'vitest';
import { COUNCIL_TABLE } from '../../src/councils/council';
import { openApp, useApp } from './use-app';

const at = (code: string, key: string, year: number) => COUNCIL_TABLE.councils[code]!.rows[year]?.[COUNCIL_TABLE.figures.indexOf(key)] ?? null;

describe('start from a council in Chromium', () => {
  const { browser, server } = useApp(4331);

  it('builds Calderdale from 31 March 2024, runs it, checks its fit and shows it beside its neighbours', async () => {
    const { page, app, problems, csp } = await openApp(browser(), server().url);
    const run = app.locator('cs-run-controls #run');

    await app.locator('details.council > summary').click();
    const start = app.locator('cs-council-start');
    await start.getByLabel('Council (name or DfE code)').fill('Calderdale (381)');
    await start.locator('#council-year').selectOption('2024');
    await start.locator('#build-council').click();
    await expect.poll(() => start.locator('#built').textContent(), { timeout: 30_000 }).toContain('Calderdale');
    // Loaded as the scenario, its month 0 DfE's CLA on 31 March 2024.
    await expect.poll(() => app.locator('#scenario option:checked').textContent()).toContain("Built from DfE's figures for Calderdale, 31 March 2024");
    const cla2024 = at('381', 'claAt31March', 2024)!;
    expect(await start.locator('#built').textContent()).toContain(`${cla2024} children looked after`);

    // Run it: the results' first month is March 2024 with the published CLA.
    await app.locator('cs-run-controls #runs').fill('40');
    await run.click();
    await expect.poll(() => app.locator('#arms tbody tr').count(), { timeout: 90_000 }).toBeGreaterThan(1);
    const claChart = app.locator('cs-fan-chart[metric="cla"]');
    await claChart.getByRole('button', { name: 'Table' }).click();
    const month0 = await claChart.locator('table tbody tr').first().locator('td').allTextContents();
    expect(month0).toEqual(['2024-03', `${cla2024} (${cla2024}–${cla2024})`, `${cla2024} (${cla2024}–${cla2024})`]);

    // The fit's check on the worker pool: published flows against the simulated P5–P95.
    await start.locator('#check-fit').click();
    await expect.poll(() => start.locator('#fit-check caption').textContent(), { timeout: 120_000 }).toMatch(/\d+ of \d+ published flows inside P5–P95/);
    expect(await start.locator('#fit-check tbody tr').count()).toBeGreaterThanOrEqual(12);

    // Set the option's coordinators, then refine: the refined scenario is loaded and keeps the edit.
    await app.locator('details.inputs > summary').click();
    const fte = app.locator('cs-scenario-editor input[data-path="arms.options[0].coordinatorsFte"]');
    await fte.evaluate((el) => (el.closest('details.group') as HTMLDetailsElement | null)?.setAttribute('open', ''));
    await fte.fill('7');
    await fte.press('Tab');
    await start.locator('#refine-fit').click();
    await expect.poll(() => app.locator('#scenario option:checked').textContent(), { timeout: 240_000 }).toContain('its fit refined');
    await expect.poll(() => start.locator('#fit-check caption').textContent(), { timeout: 120_000 }).toMatch(/\d+ of \d+ published flows inside P5–P95/);
    await fte.evaluate((el) => (el.closest('details.group') as HTMLDetailsElement | null)?.setAttribute('open', ''));
    expect(await fte.inputValue()).toBe('7');
    expect(await app.locator('cs-scenario-editor details.source', { hasText: 'refined by simulation' }).count()).toBeGreaterThan(0);

    // Beside its neighbours: the table's figures are the council table's, per 10,000 children.
    const neighbours = start.locator('cs-neighbours');
    await expect.poll(() => neighbours.locator('table tbody tr').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(12);
    const names = await neighbours.locator('table tbody tr th').allTextContents();
    const expected = COUNCIL_TABLE.councils['381']!.info.neighbours.map((c) => COUNCIL_TABLE.councils[c]!.info.name);
    for (const name of expected) expect(names.some((n) => n.includes(name)), name).toBe(true);
    // CLA on 31 March 2024 per 10,000 children, for each neighbour, as the table computes it.
    const headers = await neighbours.locator('table thead th').allTextContents();
    const col = headers.findIndex((h) => h.trim() === '2024');
    expect(col).toBeGreaterThan(0);
    for (const code of COUNCIL_TABLE.councils['381']!.info.neighbours) {
      const name = COUNCIL_TABLE.councils[code]!.info.name;
      const row = neighbours.locator('table tbody tr').filter({ has: page.locator('th', { hasText: name }) }).first();
      const cell = row.locator('th, td').nth(col);
      const rate = (at(code, 'claAt31March', 2024)! / at(code, 'population0to17', 2024)!) * 10_000;
      expect(Number(await cell.getAttribute('data-value')), name).toBeCloseTo(rate, 9);
      expect((await cell.textContent())!.trim(), name).toBe(rate.toFixed(1));
    }
    expect(problems, problems.join('\n')).toEqual([]);
    expect(csp, csp.join('\n')).toEqual([]);
    await page.close();
  }, 300_000);
});
