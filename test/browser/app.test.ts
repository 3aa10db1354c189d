// The app in real Chromium: loads the default scenario, runs it on the worker pool, charts and tables fill in, cancel works.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';
import { uncertainInputs } from '../../src/engine/analysis/inputs';
import { LEEDS, loadScenario } from '../helpers/scenarios';
import { useApp, watchCsp } from './use-app';

describe('the app in Chromium', () => {
  const { browser, server } = useApp(4317);

  async function open(): Promise<{ page: Page; problems: string[]; csp: string[]; headers: Record<string, string> }> {
    const page = await browser().newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    const csp = await watchCsp(page);
    // The policy each response came with, by path: the page's and the worker script's matter.
    const headers: Record<string, string> = {};
    page.on('response', (r) => (headers[new URL(r.url()).pathname.replace(/-[\w-]+\.js$/, '.js')] = r.headers()['content-security-policy'] ?? 'none'));
    // Warnings too: a development build announces itself with one ("Lit is in dev mode").
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(e.message));
    // Record long tasks from the start (the main thread must stay responsive during runs).
    await page.addInitScript(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (window as unknown as { longTasks: number[] }).longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server().url);
    return { page, problems, csp, headers };
  }

  const app = (page: Page) => page.locator('cs-app');

  it('loads Leeds, runs it, and shows CLA, savings, savings by year, seven charts and care by age with no console errors', async () => {
    const { page, problems, csp, headers } = await open();
    await expect.poll(() => app(page).locator('#scenario option:checked').textContent()).toContain('Leeds 2015');
    const cla = app(page).locator('#arms td[data-metric="cla"]');
    await expect.poll(() => app(page).locator('.partial').count(), { timeout: 60_000 }).toBe(0);
    await cla.first().waitFor({ timeout: 60_000 });
    expect(await cla.count()).toBe(3);
    const value = Number(((await cla.first().textContent()) ?? '').split('(')[0]!.replace(/[^0-9.]/g, ''));
    expect(value).toBeGreaterThan(900);
    expect(value).toBeLessThan(1600);
    expect(await app(page).locator('#arms td[data-metric="saving"]').count()).toBe(3);
    const years = app(page).locator('cs-savings-table').locator('table.savings').first().locator('tbody tr');
    expect(await years.count()).toBeGreaterThanOrEqual(5);
    expect(await app(page).locator('cs-fan-chart').count()).toBe(7);
    expect(await app(page).locator('cs-fan-chart').first().locator('canvas').count()).toBe(1);
    // Children in care by age band, stacked, and each arm's entries by age and exits by route (issue 25).
    const ages = app(page).locator('cs-care-ages');
    expect(await ages.locator('canvas').count()).toBe(1);
    const byAge = ages.locator('table').first();
    expect(await byAge.locator('tbody tr').count()).toBe(3);
    expect(await byAge.locator('thead th').allTextContents()).toEqual(['Arm', 'Entries Under 1', 'Entries 1 to 4', 'Entries 5 to 9', 'Entries 10 to 15', 'Entries 16 and over', 'Returned home', 'Special guardianship', 'Adopted', 'Other routes', 'At 18 (care leavers)']);
    const adopted = Number(((await byAge.locator('tbody tr').first().locator('td').nth(8).textContent()) ?? '').replace(/[^0-9.]/g, ''));
    expect(adopted).toBeGreaterThan(0);
    // Each arm's placements, changes of placement and support paid for after care (issue 26).
    const placements = ages.locator('#placements-after-care');
    expect(await placements.locator('tbody tr').count()).toBe(3);
    expect((await placements.locator('thead th').allTextContents()).slice(1)).toEqual(['Kinship', 'In-house fostering', 'Independent fostering', 'Residential', 'Other', 'Changes of placement', 'Special guardianship allowance', 'Adoption allowance', 'Staying put', 'Personal adviser', 'Cost after care']);
    const residential = Number(((await placements.locator('tbody tr').first().locator('td').nth(4).textContent()) ?? '').replace(/[^0-9.]/g, ''));
    expect(residential).toBeGreaterThan(0);
    expect(problems, problems.join('\n')).toEqual([]);
    // Served with the Content-Security-Policy (the page and the worker's script), and nothing it does breaks it.
    expect(headers['/']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['/assets/engine.worker.js']).toBe(CONTENT_SECURITY_POLICY);
    expect(csp, csp.join('\n')).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps the main thread responsive while a run goes on (no long task over 200 ms)', async () => {
    const { page } = await open();
    await app(page).locator('#arms').waitFor({ timeout: 60_000 });
    await expect.poll(() => app(page).locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
    await app(page).locator('cs-run-controls #runs').fill('300');
    await app(page).locator('cs-run-controls #run').click();
    await expect.poll(() => app(page).locator('cs-run-controls #run').count(), { timeout: 90_000 }).toBe(1);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    expect(Math.max(0, ...longTasks)).toBeLessThan(200);
    await page.close();
  }, 120_000);

  it('can be driven from the keyboard: Tab reaches Run, Enter starts it, focus is visible', async () => {
    const { page } = await open();
    await expect.poll(() => app(page).locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    await app(page).locator('cs-run-controls #runs').fill('5');
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await app(page).locator('cs-run-controls #run').evaluate((el) => el.matches(':focus-visible'));
    }
    expect(reached).toBe(true);
    const outline = await app(page).locator('cs-run-controls #run').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app(page).locator('cs-run-controls .status').textContent()) ?? '', { timeout: 60_000 }).toContain('5 of 5 runs — done');
    await page.close();
  }, 120_000);

  it('cancel stops a run and the next run completes', async () => {
    const { page, problems } = await open();
    await expect.poll(() => app(page).locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    await app(page).locator('cs-run-controls #runs').fill('5000');
    await app(page).locator('cs-run-controls #run').click();
    await app(page).locator('cs-run-controls #cancel').click();
    await expect.poll(() => app(page).locator('cs-run-controls #run').count(), { timeout: 5_000 }).toBe(1);
    await expect.poll(async () => (await app(page).locator('cs-run-controls .status').textContent()) ?? '').toContain('cancelled');
    await app(page).locator('cs-run-controls #runs').fill('20');
    await app(page).locator('cs-run-controls #run').click();
    await expect.poll(async () => (await app(page).locator('cs-run-controls .status').textContent()) ?? '', { timeout: 60_000 }).toContain('20 of 20 runs — done');
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows the finance view (NPV, chance NPV > 0, payback, money by year) and each published analysis beside its stress test', async () => {
    const { page, problems } = await open();
    await expect.poll(() => app(page).locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    const finance = app(page).locator('cs-finance');
    expect(await finance.locator('#appraisal tbody tr').count()).toBe(2);
    expect(await finance.locator('td[data-stat="npv"]').first().textContent()).toMatch(/£/);
    expect(await finance.locator('table.by-year').first().locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    const sheets = app(page).locator('cs-worksheets');
    const published = sheets.locator('#reproduction tbody tr', { hasText: 'Saving per FGC family' });
    expect(await published.locator('td').nth(1).textContent()).toBe('755');
    expect(await published.locator('td').nth(3).textContent()).toBe('0');
    // Each line at the decimals its source prints: 70.54 days and Z 6.50, not 71 and 6.5.
    const days = sheets.locator('#reproduction tbody tr', { hasText: 'Difference in mean days' }).locator('td');
    expect(await days.allTextContents()).toEqual([expect.stringContaining('Difference in mean days'), '70.54', '70.54', '0.00']);
    const z = sheets.locator('#reproduction tbody tr', { hasText: 'Two-sample Z' }).locator('td');
    expect(await z.nth(1).textContent()).toBe('6.50');
    // Paid back by each year: shares that only grow, years in order (in each arm; the arm that saves pays back).
    let paysBack = 0;
    for (const payback of await finance.locator('td[data-stat="payback"]').allTextContents()) {
      expect(payback).toMatch(/^(by \d{4}\/\d{2}( \(carried\))?: \d+%; )*never within the horizon: \d+%$/);
      const by = [...payback.matchAll(/by (\d{4})\/\d{2}(?: \(carried\))?: (\d+)%/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
      if (by.length > 0) paysBack++;
      for (let i = 1; i < by.length; i++) {
        expect(by[i]![0]).toBeGreaterThan(by[i - 1]![0]);
        expect(by[i]![1]).toBeGreaterThanOrEqual(by[i - 1]![1]);
      }
    }
    expect(paysBack).toBeGreaterThan(0);
    await sheets.locator('#worksheet').selectOption('leeds-partners-in-practice-2020');
    const inconsistent = sheets.locator('#reproduction tbody tr', { hasText: 'Care row as the text explains it' });
    expect(await inconsistent.locator('td.off').textContent()).toBe('79,481.61');
    const monthly = sheets.locator('#reproduction tbody tr', { hasText: 'Savings due to RES, a month' }).locator('td');
    expect((await monthly.allTextContents()).slice(1)).toEqual(['406,466.60', '406,466.60', '0.00']);
    await sheets.locator('#stress').click();
    expect(await sheets.locator('#stressed tbody tr').count()).toBeGreaterThan(10);
    expect(await sheets.locator('#swings tbody tr').first().locator('td').first().textContent()).toMatch(/claDecrease|careYears|cpIncrease/);
    // What moves a headline prints at the headline's decimals (2 here), trailing zero and true minus included.
    await sheets.locator('#worksheet').selectOption('leeds-family-valued-2017');
    await sheets.locator('#stress').click();
    const hours = sheets.locator('#swings tbody tr', { hasText: 'coordinatorHoursStage3' }).locator('td');
    expect(await hours.nth(2).textContent()).toBe('56 → −458.50');
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 120_000);

  it('says which year the money is in; a new reporting year re-prices the run; a year outside the deflator is named', async () => {
    const { page, problems } = await open();
    await expect.poll(() => app(page).locator('.partial').count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => app(page).locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    expect(await app(page).locator('cs-finance .note').first().textContent()).toContain('£ at 2015/16 prices');
    expect(await app(page).locator('#arms caption').textContent()).toContain('2015/16 prices');
    await app(page).locator('details.inputs > summary').click();
    const editor = app(page).locator('cs-scenario-editor');
    await editor.locator('details.group > summary', { hasText: /^Prices/ }).click();
    expect(await editor.locator('details.group', { hasText: 'prices.deflator.index' }).textContent()).toContain('HM Treasury, GDP deflators at market prices');
    const year = editor.locator('input[data-path="prices.reportingYear"]');
    await year.fill('2030/31');
    await year.press('Tab');
    await expect.poll(() => editor.getByRole('alert').first().textContent()).toContain('prices.reportingYear: 2030/31 is outside the deflator series');
    expect(await app(page).locator('cs-run-controls #run').isDisabled()).toBe(true);
    await year.fill('2023/24');
    await year.press('Tab');
    await expect.poll(() => app(page).locator('cs-run-controls #run').isDisabled()).toBe(false);
    await app(page).locator('cs-run-controls #runs').fill('10');
    await app(page).locator('cs-run-controls #run').click();
    await expect.poll(async () => (await app(page).locator('cs-run-controls .status').textContent()) ?? '', { timeout: 60_000 }).toContain('10 of 10 runs — done');
    expect(await app(page).locator('cs-finance .note').first().textContent()).toContain('£ at 2023/24 prices');
    expect(await app(page).locator('cs-savings-table #target-note').textContent()).toContain('2023/24 prices');
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 120_000);

  it('evaluators: the global ranking from the run, a tornado sorted by swing, the break-even effect, and the FTE left to the coordinator sweep', async () => {
    const { page, problems } = await open();
    await expect.poll(() => app(page).locator('.partial').count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => app(page).locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    const tools = app(page).locator('cs-sensitivity');
    await tools.locator('#global-table').waitFor({ timeout: 30_000 });
    // One row per uncertain input of the Leeds scenario (its effects by offer point included).
    const uncertain = uncertainInputs(loadScenario(LEEDS)).length;
    expect(uncertain).toBeGreaterThan(10);
    expect(await tools.locator('#global-table tbody tr').count()).toBe(uncertain);
    expect(await tools.locator('#global-groups tbody tr').count()).toBe(4);
    await tools.locator('#tornado-runs').fill('2');
    await tools.locator('#tornado-run').click();
    await expect.poll(async () => (await tools.locator('#tornado-status').textContent()) ?? '', { timeout: 100_000 }).toContain(`Tornado: ${uncertain} inputs`);
    const swings = await tools.locator('#tornado-table tbody tr td:last-child').allTextContents();
    expect(swings).toHaveLength(uncertain);
    // Each input by its label, its field path in small type beneath (not a bare path).
    const icpc = tools.locator('#tornado-table tbody tr', { hasText: 'fgc.effects.byOfferPoint.icpc.rrEntryToCare' });
    expect(await icpc.locator('td').first().textContent()).toBe('Relative risk of entering care after an FGC at an initial child protection conference' + 'fgc.effects.byOfferPoint.icpc.rrEntryToCare');
    expect(await tools.locator('#global-table tbody tr', { hasText: 'fgc.effects.byOfferPoint.icpc.rrEntryToCare' }).locator('td .path').count()).toBe(1);
    const pounds = swings.map((t) => Number(t.replace(/[^0-9.-]/g, '')));
    expect(pounds).toEqual([...pounds].sort((a, b) => b - a));
    // The tornado keeps the unit it ran in when another output is picked afterwards.
    await tools.locator('#sens-output').selectOption('claAtHorizon');
    for (const t of await tools.locator('#tornado-table tbody tr td:last-child').allTextContents()) expect(t).toMatch(/^£/);
    expect(await tools.locator('#tornado-chart').count()).toBe(1);
    await tools.locator('#breakeven-runs').fill('2');
    await tools.locator('#breakeven-run').click();
    await expect.poll(async () => (await tools.locator('#breakeven-status').textContent()) ?? '', { timeout: 100_000 }).toContain('Break-even: 2 runs per effect size');
    expect(await tools.locator('#breakeven-results').textContent()).toMatch(/relative risk of entering care of/);
    expect(await tools.locator('#breakeven-curve tbody tr').count()).toBe(9);
    // The FTE answer is the coordinator sweep's alone (test/browser/answer.test.ts): before a sweep this panel says so.
    expect(await tools.locator('#goalseek-results').textContent()).toContain('Run the coordinator sweep');
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 240_000);

  it('evaluators: calibration to the observed series, the fit, the fitted scenario opened, and a backtest with coverage', async () => {
    const { page, problems } = await open();
    await expect.poll(() => app(page).locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    const calib = app(page).locator('cs-calibration');
    await calib.locator('#calib-runs').fill('5');
    await calib.locator('#calib-run').click();
    expect(await calib.getByRole('alert').textContent()).toContain('Runs must be a whole number from 20 to 20,000, got “5”');
    await calib.locator('#calib-runs').fill('40');
    await calib.locator('#calib-run').click();
    await expect.poll(async () => (await calib.locator('#calib-status').textContent()) ?? '', { timeout: 100_000 }).toContain('Calibration: 4 of 40 runs kept');
    // Four numbers (referrals, time in care, re-referral, the escalation trend) and the assessment's four shares; six series.
    expect(await calib.locator('#fitted tbody tr').count()).toBe(8);
    expect(await calib.locator('#fit-series tbody tr').count()).toBe(6);
    expect(await calib.locator('#fitted tbody tr', { hasText: 'pathway.cla.duration.mean' }).locator('td').first().textContent()).toBe('Care (CLA): time in it, meanpathway.cla.duration.mean');
    expect(await calib.locator('#fit-series tbody tr td:first-child').allTextContents()).toContain('Children looked after');
    expect(await calib.locator('#calib-chart').count()).toBe(1);
    await calib.locator('#backtest-run').click();
    await expect.poll(async () => (await calib.locator('#calib-status').textContent()) ?? '', { timeout: 100_000 }).toContain('Backtest: fitted on 11 months, 6 held out');
    expect(await calib.locator('#backtest-coverage').textContent()).toMatch(/of the 6 held-out months' observations fall inside the P5–P95 band/);
    expect(await calib.locator('#backtest-table tbody tr').count()).toBe(6);
    await calib.locator('#open-fitted').click();
    await expect.poll(() => app(page).locator('#scenario option:checked').textContent()).toContain('(calibrated)');
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 240_000);

  it('a chart switches to a table and back; the savings target changes the chance of reaching it', async () => {
    const { page, csp } = await open();
    await expect.poll(() => app(page).locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    const chart = app(page).locator('cs-fan-chart').first();
    await chart.getByRole('button', { name: 'Table' }).click();
    expect(await chart.locator('tbody tr').count()).toBe(61); // CLA: months 0..60
    await chart.getByRole('button', { name: 'Chart' }).click();
    expect(await chart.locator('canvas').count()).toBe(1);
    const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('cla.png');
    const bytes = await (await import('node:fs/promises')).readFile((await png.path())!);
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(csp, csp.join('\n')).toEqual([]); // the PNG is a data: URL the page downloads, not an image it loads
    const savings = app(page).locator('cs-savings-table');
    const chance = savings.locator('td[data-stat="target"]').nth(1);
    await savings.locator('#target').fill('-1000000000');
    expect(await chance.textContent()).toBe('100%');
    await savings.locator('#target').fill('1000000000');
    expect(await chance.textContent()).toBe('0%');
    await savings.locator('#target').fill('lots');
    expect(await savings.getByRole('alert').textContent()).toContain('must be a number');
    await page.close();
  }, 120_000);
});

describe('the scenario editor in Chromium', () => {
  const { browser, server } = useApp(4318);

  /** The app loaded and ready to run, its scenario inputs open. */
  async function openEditor() {
    const page = await browser().newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server().url);
    const app = page.locator('cs-app');
    await expect.poll(() => app.locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    await app.locator('details.inputs > summary').click();
    return { page, problems, app, editor: app.locator('cs-scenario-editor') };
  }

  it('shows every input with its unit and source; an invalid value names the problem and disables Run; reset restores', async () => {
    const { page, problems, app, editor } = await openEditor();
    await editor.locator('details.group > summary', { hasText: /^Arms/ }).click();
    const fte = editor.locator('input[data-path="arms.options[0].coordinatorsFte"]');
    await fte.fill('-3');
    await fte.press('Tab');
    await expect.poll(() => editor.getByRole('alert').first().textContent()).toContain('arms.options[0].coordinatorsFte: must be ≥ 0, got -3');
    expect(await app.locator('cs-run-controls #run').isDisabled()).toBe(true);
    expect(await app.locator('cs-run-controls #blocked').textContent()).toContain('1 problem');
    // Units and sources are shown with the inputs.
    await editor.locator('details.group > summary', { hasText: /^Demand/ }).click();
    const referrals = editor.locator('.row', { hasText: 'demand.referralsPerMonth' });
    expect(await referrals.locator('.unit').first().textContent()).toBe('children/month');
    await referrals.locator('details.source > summary').click();
    expect(await referrals.locator('details.source').textContent()).toContain('000_8890056140a8d8e5.txt:L1913');
    // The citation opens to the passage it quotes.
    expect(await referrals.locator('details.passage > summary').first().textContent()).toContain('000_8890056140a8d8e5.txt:L1913');
    // A fixed value can become a distribution.
    await referrals.locator('select').selectOption('triangular');
    expect(await referrals.locator('input[type="number"]').count()).toBe(3);
    await app.locator('#reset').click();
    expect(await app.locator('cs-run-controls #run').isDisabled()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('a run too large for the tab is refused before it starts, with the runs that would fit, and the edits stay', async () => {
    const { page, problems, app, editor } = await openEditor();
    await editor.locator('details.group > summary', { hasText: /^Simulation/ }).click();
    const horizon = editor.locator('input[data-path="simulation.horizonMonths"]');
    await horizon.fill('600');
    await horizon.press('Tab');
    await app.locator('cs-run-controls #runs').fill('100000');
    await app.locator('cs-run-controls #run').click();
    const alert = app.locator('p.error[role="alert"]');
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain('Main run is too large for a browser tab: 100,000 runs × 3 arms × 601 months would keep 7,233 MB');
    expect(await alert.textContent()).toMatch(/use at most [\d,]+ runs/);
    // Nothing ran, and the horizon the user typed is still there.
    expect(await app.locator('cs-run-controls #run').isDisabled()).toBe(false);
    expect(await horizon.inputValue()).toBe('600');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
