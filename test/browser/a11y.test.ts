// A page anyone can read: no serious or critical axe-core finding with every panel open, no sideways scroll on a
// 390 px phone with the answer inside the screen, and focus on the results when a run the user started ends.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, useApp } from './use-app';

const require = createRequire(import.meta.url);
/** axe-core's script, evaluated in the page: the app's Content-Security-Policy refuses an injected script tag. */
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** An axe-core violation as the test prints it: its rule, impact, how many nodes, and the first nodes' targets. */
interface Finding {
  id: string;
  impact: string | null;
  help: string;
  count: number;
  targets: string[];
}

/** Waits for the run on screen to finish (its status line ends "— done"). */
async function runDone(page: Page, runs?: number): Promise<void> {
  const status = page.locator('cs-app cs-run-controls .status');
  await expect.poll(async () => (await status.count()) && ((await status.textContent()) ?? ''), { timeout: 120_000 }).toMatch(runs ? new RegExp(`${runs} of ${runs} runs — done`) : /— done/);
}

/** Opens every closed `<details>` in the page and in every shadow root; returns how many it opened. */
async function openEveryDetails(page: Page): Promise<number> {
  return page.evaluate(() => {
    let opened = 0;
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el instanceof HTMLDetailsElement && !el.open) {
          el.open = true;
          opened++;
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return opened;
  });
}

/** Runs axe-core on the page (open shadow roots included) and fails on any serious or critical finding, naming each. */
async function expectNoSeriousFindings(page: Page): Promise<void> {
  await page.evaluate(AXE);
  const findings: Finding[] = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, count: v.nodes.length, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  const serious = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  const words = serious.map((f) => `${f.id} (${f.impact}, ${f.count} nodes): ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
  expect(serious, words).toEqual([]);
}

describe('a page anyone can read', () => {
  const { browser, server } = useApp(4342);

  it('has no serious or critical axe-core finding once the default run is done and every panel is open', async () => {
    const { page, problems } = await openApp(browser(), server().url);
    await runDone(page);
    // Panels drawn only once opened (the council start, the SSDA903 import, the editor's groups and sources) open
    // details of their own: open until none is left closed.
    for (let round = 0; round < 5 && (await openEveryDetails(page)) > 0; round++) await page.waitForTimeout(500);
    expect(await openEveryDetails(page)).toBe(0);
    await expectNoSeriousFindings(page);
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 240_000);

  it('does not scroll sideways at 390 px wide, and the verdict fits the screen', async () => {
    const { page, problems } = await openApp(browser(), server().url);
    await page.setViewportSize({ width: 390, height: 844 });
    await runDone(page);
    await page.locator('cs-app cs-verdict').waitFor();
    const widths = await page.evaluate(() => ({ html: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
    expect(widths.html).toBeLessThanOrEqual(390);
    expect(widths.body).toBeLessThanOrEqual(390);
    const box = (await page.locator('cs-app cs-verdict').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // Narrow, the wide tables scroll inside themselves: each such region can be reached from the keyboard.
    for (let round = 0; round < 5 && (await openEveryDetails(page)) > 0; round++) await page.waitForTimeout(500);
    await expectNoSeriousFindings(page);
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 240_000);

  it('moves focus to the results heading when a run started with Run ends, and not on the first run at load', async () => {
    const { page, app, problems } = await openApp(browser(), server().url);
    await runDone(page);
    const focused = () => page.evaluate(() => {
      const inApp = document.querySelector('cs-app')?.shadowRoot?.activeElement;
      return inApp ? `${inApp.localName}#${inApp.id}` : `${document.activeElement?.localName}`;
    });
    expect(await focused()).not.toBe('h2#results-heading');
    await app.locator('cs-run-controls #runs').fill('10');
    await app.locator('cs-run-controls #run').click();
    await runDone(page, 10);
    await expect.poll(focused).toBe('h2#results-heading');
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 240_000);
});
