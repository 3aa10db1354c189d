// <cs-neighbours> in Chromium, on its own page served with the app's Content-Security-Policy: the table's cells and
// the chart's lines are the comparison's figures (which test/councils/neighbours.test.ts recomputes from the table).
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/cli/dev/chromium';
import { NEIGHBOUR_MEASURES, neighbourComparison, yearsWithValues, type NeighbourComparison } from '../../src/councils/neighbours';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';
import { ROOT } from '../helpers/scenarios';
import { watchCsp } from './use-app';

const ORIGIN = 'http://neighbours.test';

function compared(codeOrName: string): NeighbourComparison {
  const r = neighbourComparison(codeOrName);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** What the page's table shows: the year headers, and per row its code and each cell's exact value or missing reason. */
async function readTable(page: Page) {
  return page.locator('cs-neighbours').evaluate((el) => {
    const root = el.shadowRoot!;
    const cells = (tr: Element) => [...tr.querySelectorAll('td')].map((td) => (td.dataset.value !== undefined ? Number(td.dataset.value) : { missing: td.dataset.missing }));
    return {
      years: [...root.querySelectorAll('#figures thead th[scope="col"]')].slice(1).map((th) => Number(th.textContent)),
      rows: [...root.querySelectorAll('#figures tbody:not(.summary) tr')].map((tr) => ({ code: (tr as HTMLElement).dataset.code, role: tr.className, cells: cells(tr) })),
      mean: [...root.querySelectorAll('#figures tr.mean')].map(cells)[0],
      median: [...root.querySelectorAll('#figures tr.median')].map(cells)[0],
      caption: root.querySelector('#figures caption')!.textContent!.replace(/\s+/g, ' '),
      rowHeaders: root.querySelectorAll('#figures tbody th[scope="row"]').length,
      // Each shown figure as printed, with its exact value: the text must be the value rounded.
      printed: [...root.querySelectorAll('#figures td[data-value]')].map((td) => [Number(td.textContent!.replace(/[£,]/g, '')), Number((td as HTMLElement).dataset.value)]),
      ariaLabel: root.querySelector('canvas')?.getAttribute('aria-label'),
      // The chart's own data (its datasets by label): what is drawn, not only what is tabled.
      chart: (() => {
        const chart = (el as unknown as { _chart?: { data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] } } })._chart;
        return chart ? { labels: chart.data.labels.map(Number), lines: Object.fromEntries(chart.data.datasets.map((d) => [d.label, d.data])) } : undefined;
      })(),
    };
  });
}

describe('<cs-neighbours> in Chromium', () => {
  let browser: Browser;
  let script: string;
  beforeAll(async () => {
    const out = await build({ entryPoints: [`${ROOT}src/ui/cs-neighbours.ts`], bundle: true, format: 'esm', write: false, target: 'es2022', logLevel: 'error' });
    script = out.outputFiles[0]!.text;
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(council: string) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const csp = await watchCsp(page);
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
      if (path === '/cs-neighbours.js') return route.fulfill({ status: 200, headers, contentType: 'text/javascript', body: script });
      return route.fulfill({
        status: 200,
        headers,
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>neighbours</title><link rel="icon" href="data:,"><script type="module" src="/cs-neighbours.js"></script></head><body><cs-neighbours council="${council}"></cs-neighbours></body></html>`,
      });
    });
    await page.goto(`${ORIGIN}/`);
    await page.locator('cs-neighbours h3, cs-neighbours .error').first().waitFor({ timeout: 30_000 });
    return { page, csp };
  }

  it('for Leeds, every measure\'s table and chart are the comparison\'s figures: the council, its ten neighbours in order, England, the neighbours\' mean and median', async () => {
    const { page, csp } = await open('Leeds');
    const c = compared('Leeds');
    for (const m of c.measures) {
      await page.locator('cs-neighbours #measure').selectOption(m.key);
      await expect.poll(() => page.locator('cs-neighbours').getAttribute('measure')).toBe(m.key);
      const shown = await readTable(page);
      const years = yearsWithValues(c, m);
      const at = years.map((y) => c.years.indexOf(y));
      const expected = (v: number | null, missing?: string) => (v === null ? { missing } : v);
      expect(shown.years).toEqual(years);
      expect(shown.rows.map((r) => r.code)).toEqual(['383', ...c.neighbours.map((n) => n.code), 'england']);
      expect(shown.rows.map((r) => r.role)).toEqual(['council', ...c.neighbours.map(() => 'neighbour'), 'england']);
      m.rows.forEach((row, k) => expect(shown.rows[k]!.cells, `${m.key} ${row.name}`).toEqual(at.map((i) => expected(row.cells[i]!.value, row.cells[i]!.missing))));
      expect(shown.mean).toEqual(at.map((i) => expected(m.neighboursMean[i]!, 'no neighbour has this figure')));
      expect(shown.median).toEqual(at.map((i) => expected(m.neighboursMedian[i]!, 'no neighbour has this figure')));
      expect(shown.rowHeaders).toBe(14);
      for (const [text, exact] of shown.printed) expect(Math.abs(text! - exact!)).toBeLessThanOrEqual(m.kind === 'per10k' ? 0.05 + 1e-9 : 0.5 + 1e-9);
      expect(shown.caption).toContain(m.unit);
      expect(shown.caption).toContain(m.sources.figure[0]!.file);
      expect(shown.ariaLabel).toContain(m.label);
      expect(shown.chart!.labels).toEqual(years);
      for (const row of m.rows) expect(shown.chart!.lines[row.name], `${m.key} ${row.name} (chart)`).toEqual(at.map((i) => row.cells[i]!.value));
    }
    expect(csp).toEqual([]);
    await page.close();
  }, 120_000);

  it('Cumberland, with no neighbours, says why and is shown beside England only', async () => {
    const { page, csp } = await open('Cumberland');
    const c = compared('Cumberland');
    expect(await page.locator('cs-neighbours #note').textContent()).toBe(c.note);
    const shown = await readTable(page);
    expect(shown.rows.map((r) => r.code)).toEqual(['942', 'england']);
    expect(shown.mean).toBeUndefined();
    const m = c.measures[0]!;
    const cells = yearsWithValues(c, m).map((y) => m.rows[0]!.cells[c.years.indexOf(y)]!);
    expect(shown.rows[0]!.cells).toEqual(cells.map((x) => (x.value === null ? { missing: x.missing } : x.value)));
    expect(csp).toEqual([]);
    await page.close();
  }, 60_000);

  it('an unknown council is an alert naming the nearest, with no chart', async () => {
    const { page } = await open('Leedz');
    expect(await page.locator('cs-neighbours .error[role="alert"]').textContent()).toMatch(/no council "Leedz" in the table; nearest: Leeds \(383\)/);
    expect(await page.locator('cs-neighbours canvas').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('lists every measure in its selector, rates and unit costs apart', async () => {
    const { page } = await open('Darlington');
    const groups = await page.locator('cs-neighbours optgroup').evaluateAll((gs) => gs.map((g) => [...g.querySelectorAll('option')].map((o) => o.value)));
    expect(groups).toEqual([
      NEIGHBOUR_MEASURES.filter((m) => m.kind === 'per10k').map((m) => m.key),
      NEIGHBOUR_MEASURES.filter((m) => m.kind === 'weeklyCostGbp').map((m) => m.key),
    ]);
    await page.close();
  }, 60_000);
});
