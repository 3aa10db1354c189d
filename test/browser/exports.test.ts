// Exports that travel, in real Chromium: every table on the page (in whichever shadow root) listed and downloadable as
// CSV with formula-safe cells; a chart's PNG at twice its size on screen, on white, under its title band; the
// coordinator answer's charts downloadable too.
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/engine';
import { PICTURE_SCALE } from '../../src/ui/chart-png';
import { openApp, useApp } from './use-app';

/** The picture's band for a title and a subtitle, in CSS pixels (chart-png.ts). */
const TITLE_BAND_CSS = 52;

/** CSV text as rows of cells (RFC 4180: quoted cells may hold commas, quotes doubled, line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** How many tables with a row beyond their header the page draws, counted through every shadow root. */
const countTables = (page: Page) =>
  page.evaluate(() => {
    const count = (root: ParentNode): number =>
      [...root.querySelectorAll('*')].reduce((n, el) => n + (el instanceof HTMLTableElement && el.rows.length > (el.tHead?.rows.length ?? 0) ? 1 : 0) + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
    return count(document.querySelector('cs-app')!.shadowRoot!);
  });

const bytesOf = async (download: Download) => (await import('node:fs/promises')).readFile((await download.path())!);

/** A downloaded PNG's size from its header (IHDR: width at bytes 16–19, height at 20–23, big-endian). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A chart's canvas size on screen, in CSS pixels, as Chart.js set it (its style; a width may be fractional, as 409.7). */
const cssSize = (canvas: Locator) => canvas.evaluate((c) => ({ width: parseFloat((c as HTMLCanvasElement).style.width), height: parseFloat((c as HTMLCanvasElement).style.height) }));

/** The picture's size for a chart of `css` size: twice it (rounded to whole pixels), under the title band. */
const pictureSize = (css: { width: number; height: number }) => ({ width: Math.round(PICTURE_SCALE * css.width), height: Math.round(PICTURE_SCALE * css.height) + PICTURE_SCALE * TITLE_BAND_CSS });

describe('exports that travel, in Chromium', () => {
  const { browser, server } = useApp(4341);

  it('lists every table on the page and downloads the arms table as CSV, its cells formula-safe as the results CSV makes them', async () => {
    const { page, app, problems, csp } = await openApp(browser(), server().url);
    await app.locator('#arms').waitFor({ timeout: 120_000 });
    await expect.poll(() => app.locator('.partial').count(), { timeout: 120_000 }).toBe(0);
    // The global ranking is worked out in slices after the run: wait for its tables (or its note) to be drawn.
    await expect.poll(() => app.locator('cs-sensitivity #global-table, cs-sensitivity #global-note').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const exports = app.locator('cs-table-exports');
    await exports.getByRole('button', { name: 'List the tables' }).click();
    const tables = await countTables(page);
    expect(tables).toBeGreaterThanOrEqual(6);
    const options = await exports.locator('#tables option').allTextContents();
    expect(options.length).toBe(tables);

    const arms = options.findIndex((label) => label.startsWith('Each arm over'));
    expect(arms).toBeGreaterThanOrEqual(0);
    await exports.locator('#tables').selectOption({ index: arms });
    const [download] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^each-arm-over-\d+-months-[a-z0-9-]+\.csv$/);
    const text = (await bytesOf(download)).toString('utf8');
    const rows = parseCsv(text);
    const shown = await app.locator('#arms').evaluate((table) => {
      const texts = (cells: Iterable<Element>) => [...cells].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
      return { header: texts(table.querySelectorAll('thead th')), body: [...table.querySelectorAll('tbody tr')].map((tr) => texts(tr.children)) };
    });
    expect(rows[0]).toEqual(shown.header);
    expect(rows.length - 1).toBe(shown.body.length); // one row per arm
    expect(shown.body.length).toBe(3);
    // Each line as the results CSV would write its cells (csvCell, the one rule for both).
    expect(text.split('\n').slice(1, -1)).toEqual(shown.body.map((row) => row.map(csvCell).join(',')));
    // A real negative figure (a saving below zero, with its minus sign) goes through that rule: in quotes for its commas.
    const negative = shown.body.flat().find((cell) => /^[−=]/.test(cell));
    expect(negative, 'a cell starting with − or =').toBeDefined();
    expect(text).toContain(csvCell(negative!));
    expect(csvCell(negative!)).toMatch(/^"/);
    // The appraisal's headers read as sums ("+ Non-cashable …", "= Net present value …"): a spreadsheet would take them
    // for formulas, so they go out with a quote in front.
    const appraisal = options.findIndex((label) => label.startsWith('Appraisal against'));
    await exports.locator('#tables').selectOption({ index: appraisal });
    const [sums] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'Download CSV' }).click()]);
    const header = parseCsv((await bytesOf(sums)).toString('utf8'))[0]!;
    const equals = header.find((cell) => cell.startsWith("'="));
    expect(equals).toMatch(/^'= Net present value/);
    expect(csvCell(equals!.slice(1))).toBe(equals);
    expect(problems, problems.join('\n')).toEqual([]);
    expect(csp, csp.join('\n')).toEqual([]);
    await page.close();
  }, 300_000);

  it('a chart’s PNG is twice its size on screen under a title band, on white; the coordinator answer’s charts download too', async () => {
    const { page, app, problems, csp } = await openApp(browser(), server().url);
    await app.locator('#arms').waitFor({ timeout: 120_000 });
    await expect.poll(() => app.locator('.partial').count(), { timeout: 120_000 }).toBe(0);
    const fan = app.locator('cs-fan-chart').first();
    const screen = await cssSize(fan.locator('canvas'));
    const [png] = await Promise.all([page.waitForEvent('download'), fan.getByRole('button', { name: 'PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('cla.png');
    const bytes = await bytesOf(png);
    expect(pngSize(bytes)).toEqual(pictureSize(screen));
    // Decoded in the page (a data: image, which the policy allows): its top-left pixel is opaque white.
    const pixel = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const g = canvas.getContext('2d')!;
      g.drawImage(img, 0, 0);
      return [...g.getImageData(2, 2, 1, 1).data];
    }, `data:image/png;base64,${bytes.toString('base64')}`);
    expect(pixel).toEqual([255, 255, 255, 255]);

    const answer = app.locator('cs-coordinator-answer');
    await answer.locator('#from').fill('40');
    await answer.locator('#to').fill('42');
    await answer.locator('#step').fill('1');
    await answer.locator('#sweep-runs').fill('4');
    await answer.locator('#sweep-run').click();
    await answer.locator('#sweep-table').waitFor({ timeout: 120_000 });
    const canvas = await cssSize(answer.locator('#net-saving'));
    const [saving] = await Promise.all([page.waitForEvent('download'), answer.getByRole('button', { name: /^PNG: Net saving/ }).click()]);
    expect(saving.suggestedFilename()).toBe('coordinator-net-saving.png');
    expect(pngSize(await bytesOf(saving))).toEqual(pictureSize(canvas));
    expect(problems, problems.join('\n')).toEqual([]);
    expect(csp, csp.join('\n')).toEqual([]);
    await page.close();
  }, 300_000);
});
