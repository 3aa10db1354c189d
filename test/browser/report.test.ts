// The business case (issue 30): "Download report (PDF)" gives a PDF which, read back with pdfjs-dist, carries every
// section, the verdict, at least one source's quoted passage, and the stamp (runs, seed, the scenario's hash, the
// app's version) on every page.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { REPORT_SECTIONS } from '../../src/ui/report-model';
import { pdfText } from '../../src/ui/report-pdf';
import passages from '../../scenarios/seed-passages.json';
import { openApp, useApp } from './use-app';

/** pdfjs-dist's own copies of the standard fonts (the PDF uses Helvetica without embedding it). */
const FONTS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

async function pagesText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, standardFontDataUrl: FONTS }).promise;
  const out: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    out.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  return out;
}

describe('the business case report in Chromium', () => {
  const { browser, server } = useApp(4344);

  it('downloads a PDF with every section, a quoted source passage and the stamp on each page', async () => {
    const { page, app, problems, csp } = await openApp(browser(), server().url);
    await app.locator('#arms').waitFor({ timeout: 90_000 });
    await expect.poll(() => app.locator('cs-run-controls #run').count(), { timeout: 90_000 }).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), app.locator('#report-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/business-case\.pdf$/);
    const bytes = new Uint8Array(await readFile((await download.path())!));
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const pages = await pagesText(bytes);
    expect(pages.length).toBeGreaterThan(3);
    const all = pages.join('\n');
    for (const section of REPORT_SECTIONS) expect(all, section).toContain(section);
    // The verdict as the page says it.
    const verdict = (await app.locator('cs-verdict #verdict p').first().innerText()).slice(0, 60);
    expect(all.replace(/\s+/g, ' ')).toContain(pdfText(verdict).slice(0, 40));
    // At least one seed citation's passage, quoted.
    const quoted = Object.entries(passages as Record<string, string>).filter(([key, text]) => all.includes(key) && all.replace(/\s+/g, ' ').includes(pdfText(text).slice(0, 50)));
    expect(quoted.length).toBeGreaterThan(0);
    // The stamp on every page: runs, seed, a 12-digit hash, the version, and the page number.
    pages.forEach((text, i) => {
      expect(text).toMatch(/200 runs · seed “leeds-2015” · scenario SHA-256 [0-9a-f]{12} · app \d+\.\d+\.\d+/);
      expect(text).toContain(`page ${i + 1} of ${pages.length}`);
    });
    expect(await app.locator('#report-status').innerText()).toContain('Downloaded');
    expect(problems, problems.join('\n')).toEqual([]);
    expect(csp, csp.join('\n')).toEqual([]);
    await page.close();
  }, 240_000);

  it('each source in the inputs opens to the passage it cites', async () => {
    const { page, app } = await openApp(browser(), server().url);
    await app.locator('details.inputs > summary').click();
    const editor = app.locator('cs-scenario-editor');
    await editor.locator('details.group > summary', { hasText: /^FGC service/ }).click();
    const key = Object.keys(passages).find((k) => k.startsWith('003_fb48446508806788.txt:L102'))!;
    const passage = editor.locator('details.passage', { has: page.locator('summary', { hasText: key }) }).first();
    await passage.locator('xpath=ancestor::details[contains(@class, "source")]').first().locator('summary').first().click();
    await passage.locator('summary').click();
    expect((await passage.locator('blockquote').innerText()).replace(/\s+/g, ' ').trim()).toBe((passages as Record<string, string>)[key]!.replace(/\s+/g, ' ').trim());
    await page.close();
  }, 120_000);
});
