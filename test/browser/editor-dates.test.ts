// The start month and a price year edited in Chromium (issue 27, point 3): a bad start month is named and kept as
// typed, a good one moves the results' month labels (the observed series stay at their own months); a price year
// outside the deflator is named beside its input and stops the run.
import { describe, expect, it } from 'vitest';
import { useApp } from './use-app';

describe('the start month and price years in Chromium', () => {
  const { browser, server } = useApp(4327);

  it("a start month moves the results' month labels, a bad one is named and kept; a price year outside the deflator is named", async () => {
    const page = await browser().newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server().url);
    const app = page.locator('cs-app');
    const run = app.locator('cs-run-controls #run');
    await expect.poll(() => run.count(), { timeout: 60_000 }).toBe(1);
    await app.locator('details.inputs > summary').click();
    const editor = app.locator('cs-scenario-editor');
    const start = editor.getByLabel('Start month', { exact: true });
    expect(await start.inputValue()).toBe('2015-04');

    await start.fill('April 2014');
    await start.press('Tab');
    await expect.poll(() => editor.getByRole('alert').first().textContent()).toContain('Start month must be a month written "YYYY-MM"');
    expect(await run.isDisabled()).toBe(true);
    expect(await start.inputValue()).toBe('April 2014');

    // A price year the deflator does not reach, named beside its input in the validator's words.
    await editor.locator('details.group > summary', { hasText: /^Costs/ }).click();
    const priceYear = editor.locator('input[data-path="costs.process.referral.priceYear"]');
    expect(await priceYear.inputValue()).toMatch(/^\d{4}\/\d{2}$/);
    expect(await editor.getByLabel('Cost of a referral, per child: price year').getAttribute('data-path')).toBe('costs.process.referral.priceYear');
    const was = await priceYear.inputValue();
    await priceYear.fill('1990/91');
    await priceYear.press('Tab');
    await expect.poll(() => editor.locator('.row', { hasText: 'costs.process.referral' }).getByRole('alert').textContent()).toContain('1990/91 is outside the deflator series');
    await priceYear.fill(was);
    await priceYear.press('Tab');

    await start.fill('2014-10');
    await start.press('Tab');
    await expect.poll(() => run.isDisabled()).toBe(false);
    await app.locator('cs-run-controls #runs').fill('10');
    await run.click();
    await expect.poll(async () => (await app.locator('cs-run-controls .status').textContent()) ?? '', { timeout: 60_000 }).toContain('10 of 10 runs — done');
    const chart = app.locator('cs-fan-chart').first();
    await chart.getByRole('button', { name: 'Table' }).click();
    const rows = chart.locator('tbody tr');
    expect(await rows.first().locator('td').first().textContent()).toBe('2014-10');
    // CLA observed from April 2015 (the series' own start), six months after the new month 0.
    const april = rows.nth(6).locator('td');
    expect(await april.first().textContent()).toBe('2015-04');
    expect(await april.last().textContent()).toMatch(/^[\d,]+$/);
    expect(await rows.first().locator('td').last().textContent()).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
