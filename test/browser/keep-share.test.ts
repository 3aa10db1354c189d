// The app's keep and share in Chromium: save, export and import, share links, CSV downloads, a kept draft, and the
// upgrade of a file from an earlier version (split from app.test.ts; its own server port).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp, watchCsp } from './use-app';

describe('keep and share in Chromium', () => {
  const { browser, server } = useApp(4319);

  async function openApp(url: string) {
    const context = await browser().newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await page.goto(url);
    const app = page.locator('cs-app');
    await expect.poll(() => app.locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    return { context, page, app, csp };
  }

  async function editReferrals(app: ReturnType<Page['locator']>, value: string) {
    await app.locator('details.inputs > summary').click();
    const editor = app.locator('cs-scenario-editor');
    await editor.locator('details.group > summary', { hasText: /^Demand/ }).click();
    const input = editor.locator('input[data-path="demand.referralsPerMonth.value"]');
    await input.fill(value);
    await input.press('Tab');
  }

  it('a saved scenario survives a reload', async () => {
    const { context, page, app } = await openApp(server().url);
    await editReferrals(app, '700');
    const keep = app.locator('cs-keep-share');
    await keep.locator('#save-name').fill('Leeds at 700 referrals');
    await keep.locator('#save').click();
    await page.reload();
    await expect.poll(() => app.locator('cs-keep-share #saved option').allTextContents(), { timeout: 60_000 }).toContain('Leeds at 700 referrals');
    await app.locator('cs-keep-share #saved').selectOption('Leeds at 700 referrals');
    await app.locator('details.inputs > summary').click();
    await app.locator('cs-scenario-editor details.group > summary', { hasText: /^Demand/ }).click();
    expect(await app.locator('cs-scenario-editor input[data-path="demand.referralsPerMonth.value"]').inputValue()).toBe('700');
    await context.close();
  }, 120_000);

  it('a saved store that cannot be read is set aside untouched, reported, offered for download, and never saved over', async () => {
    const { context, page, app } = await openApp(server().url);
    const truncated = '{"Leeds at 700 referrals": {"name": "Leeds 2015", "schemaVersion": 1, "demand": {"refe';
    await page.evaluate((text) => localStorage.setItem('fgc-capacity:saved-scenarios', text), truncated);
    await page.reload();
    const alert = app.locator('cs-keep-share #unreadable');
    await expect.poll(() => alert.textContent(), { timeout: 60_000 }).toMatch(/could not be read \(it is not valid JSON .*\)\.\s+Their text is kept aside, untouched/);
    expect(await page.evaluate(() => localStorage.getItem('fgc-capacity:saved-scenarios:unreadable'))).toBe(truncated);
    const download = page.waitForEvent('download');
    await alert.locator('.download-unreadable').first().click();
    const file = await (await download).path();
    expect(readFileSync(file!, 'utf8')).toBe(truncated);
    // Saving now starts a new list; the unreadable text stays where it was set aside.
    const keep = app.locator('cs-keep-share');
    await keep.locator('#save-name').fill('After the damage');
    await keep.locator('#save').click();
    expect(await keep.locator('#saved option').allTextContents()).toContain('After the damage');
    expect(await page.evaluate(() => localStorage.getItem('fgc-capacity:saved-scenarios:unreadable'))).toBe(truncated);
    await context.close();
  }, 120_000);

  it('the scenario being edited comes back after a reload, said so', async () => {
    const { context, page, app } = await openApp(server().url);
    await editReferrals(app, '777');
    await page.reload();
    await expect.poll(() => app.locator('p.restored').textContent(), { timeout: 60_000 }).toContain('Your edits from before the page was reloaded are back');
    await app.locator('details.inputs > summary').click();
    await app.locator('cs-scenario-editor details.group > summary', { hasText: /^Demand/ }).click();
    expect(await app.locator('cs-scenario-editor input[data-path="demand.referralsPerMonth.value"]').inputValue()).toBe('777');
    // Loading another scenario forgets the draft: a reload then opens the shipped one.
    await app.locator('#reset').click();
    await page.reload();
    await expect.poll(() => app.locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    expect(await app.locator('p.restored').count()).toBe(0);
    await context.close();
  }, 120_000);

  it('a damaged share link is said on screen and stays said while the default scenario runs', async () => {
    const { context, page, app } = await openApp(`${server().url}#scenario=not-a-scenario`);
    const problem = app.locator('p.link-problem');
    await expect.poll(() => problem.textContent(), { timeout: 60_000 }).toMatch(/^The share link could not be read \(.+\); the default scenario is loaded instead\.$/);
    // The default scenario runs (its results show, which cleared the message before); the message is still there.
    await app.locator('#arms').waitFor({ timeout: 60_000 });
    await expect.poll(() => app.locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    expect(await problem.textContent()).toContain('The share link could not be read');
    await page.close();
    await context.close();
  }, 120_000);

  it('a share link restores the scenario on open', async () => {
    const { context, app } = await openApp(server().url);
    await editReferrals(app, '650');
    await app.locator('cs-keep-share #share').click();
    const link = await app.locator('cs-keep-share #link').inputValue();
    expect(link).toMatch(/#scenario=[A-Za-z0-9_-]+$/);
    await context.close();
    const second = await openApp(link);
    expect(await second.app.locator('#scenario option:checked').textContent()).toContain('Shared link');
    expect(second.csp, second.csp.join('\n')).toEqual([]);
    await second.app.locator('details.inputs > summary').click();
    await second.app.locator('cs-scenario-editor details.group > summary', { hasText: /^Demand/ }).click();
    expect(await second.app.locator('cs-scenario-editor input[data-path="demand.referralsPerMonth.value"]').inputValue()).toBe('650');
    await second.context.close();
  }, 120_000);

  it('CSV exports: series with the header and one row per arm × month × metric; run totals one row per arm × run', async () => {
    const { context, page, app, csp } = await openApp(server().url);
    const runs = 20;
    await app.locator('cs-run-controls #runs').fill(String(runs));
    await app.locator('cs-run-controls #run').click();
    await expect.poll(async () => (await app.locator('cs-run-controls .status').textContent()) ?? '', { timeout: 60_000 }).toContain(`${runs} of ${runs} runs — done`);
    const [series] = await Promise.all([page.waitForEvent('download'), app.locator('cs-keep-share #csv-series').click()]);
    const seriesText = await readDownload(series);
    const lines = seriesText.trimEnd().split('\n');
    expect(lines[0]).toBe('arm,coordinatorsFte,month,metric,mean,p5,p25,p50,p75,p95,priceYear,effectsPreset');
    const { METRICS } = await import('../../src/engine/results/metrics');
    // The series, then the appraisal's rows (finance.*).
    expect(lines.filter((l) => !l.includes(',finance.'))).toHaveLength(1 + 3 * 61 * METRICS.length);
    expect(lines.some((l) => l.includes(',finance.cashableSaving,'))).toBe(true);
    const [totals] = await Promise.all([page.waitForEvent('download'), app.locator('cs-keep-share #csv-runs').click()]);
    const totalLines = (await readDownload(totals)).trimEnd().split('\n');
    expect(totalLines[0]).toBe('arm,coordinatorsFte,run,totalCostGbp,fgcHeld,claEntries,claAtHorizon,savingGbp,priceYear');
    expect(totalLines).toHaveLength(1 + 3 * runs);
    // The downloads (blob: URLs) and the run's workers raise no Content-Security-Policy violation.
    expect(csp, csp.join('\n')).toEqual([]);
    await context.close();
  }, 120_000);

  it('compares two scenarios: the inputs that differ highlighted, results side by side and overlaid', async () => {
    const { context, app } = await openApp(server().url);
    await editReferrals(app, '600');
    const keep = app.locator('cs-keep-share');
    await keep.locator('#save-name').fill('Fewer referrals');
    await keep.locator('#save').click();
    await app.locator('#reset').click();
    await app.locator('cs-run-controls #runs').fill('10');
    await app.locator('cs-run-controls #run').click();
    await expect.poll(async () => (await app.locator('cs-run-controls .status').textContent()) ?? '', { timeout: 60_000 }).toContain('done');
    const compare = app.locator('cs-compare');
    await compare.locator('input[value="Fewer referrals"]').check();
    await compare.locator('#compare-run').click();
    await compare.locator('#compare-results').waitFor({ timeout: 120_000 });
    const diff = compare.locator('#compare-inputs tbody tr', { hasText: 'demand.referralsPerMonth.value' });
    expect(await diff.locator('td.diff').allTextContents()).toEqual(['826.5', '600']);
    expect(await compare.locator('#compare-results tbody tr').count()).toBe(6);
    expect(await compare.locator('cs-fan-chart canvas').count()).toBe(1);
    await context.close();
  }, 180_000);

  it('importing a broken file says what is wrong and keeps the current scenario', async () => {
    const { context, app } = await openApp(server().url);
    await app.locator('cs-keep-share #import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "schemaVersion": 1,') });
    expect(await app.locator('cs-keep-share [role="alert"]').textContent()).toContain('not valid JSON');
    expect(await app.locator('#scenario option:checked').textContent()).toContain('Leeds 2015');
    // A file larger than any scenario is refused unread, whole.
    const big = Buffer.from(JSON.stringify({ name: 'huge', padding: 'x'.repeat(1_200_000) }));
    await app.locator('cs-keep-share #import').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: big });
    expect(await app.locator('cs-keep-share [role="alert"]').textContent()).toContain('huge.json is 1.2 MB, more than a scenario file can be (1 MB): nothing was imported');
    expect(await app.locator('#scenario option:checked').textContent()).toContain('Leeds 2015');
    await context.close();
  }, 120_000);

  it('importing a file written before costs went to their units opens it upgraded, saying what changed', async () => {
    const { context, app } = await openApp(server().url);
    const { readFile } = await import('node:fs/promises');
    const old = await readFile(new URL('../fixtures/leeds-2015-before-issue-23.json', import.meta.url));
    await app.locator('cs-keep-share #import').setInputFiles({ name: 'old-leeds.json', mimeType: 'application/json', buffer: old });
    const note = app.locator('p.restored[role="status"]');
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toContain('was written for an earlier version and was upgraded to open');
    expect(await note.textContent()).toContain('costs.process.icpc: unit GBP is now GBP/family');
    // It opened with no problems: the editor draws the upgraded form.
    expect(await app.locator('p.error[role="alert"]').count()).toBe(0);
    await app.locator('details.inputs > summary').click();
    await app.locator('cs-scenario-editor details.group > summary', { hasText: /^Costs/ }).click();
    expect(await app.locator('cs-scenario-editor input[data-path="costs.perChild.cla.residential.marginal.value"]').inputValue()).toBe('0');
    await context.close();
  }, 120_000);
});

async function readDownload(download: import('playwright-core').Download): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile((await download.path())!, 'utf8');
}
