// A page anyone can read, in Chromium: the words and how the model works; the tools shown (disabled, with the reason,
// when they cannot run) before any results; the compare list following saves with its ticks on their names; and the
// arms as differences from the counterfactual.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, useApp } from './use-app';

/** The glossary's terms, as each `<dt>` starts. */
const TERMS = ['CIN (', 'CP (', 'CLA (', 'ICPC (', 'SGO (', 'FGC (', 'FTE (', 'NPV (', 'BCR (', 'P10 and P90', 'Counterfactual', 'Arm', 'Run', 'Seed', 'Cashable'];

/** The text of the element a control's aria-describedby names, in the control's own shadow root; '' if none. */
async function description(control: Locator): Promise<string> {
  return control.evaluate((el) => {
    const id = el.getAttribute('aria-describedby');
    const target = id ? (el.getRootNode() as ShadowRoot).getElementById(id) : null;
    return target && target.checkVisibility() ? (target.textContent ?? '').trim() : '';
  });
}

/** The legend of a fan chart as Chart.js draws it (the bands filtered out). */
async function legend(chart: Locator): Promise<string[]> {
  return chart.evaluate((el) => ((el as unknown as { _chart?: { legend?: { legendItems?: Array<{ text: string }> } } })._chart?.legend?.legendItems ?? []).map((i) => i.text));
}

describe('help, tools before a run, the compare list and differences in Chromium', () => {
  const { browser, server } = useApp(4343);

  it('has a glossary of every word the page uses and a page on how the model works, near the top', async () => {
    const { page, app, problems } = await openApp(browser(), server().url);
    expect(await app.locator('.bar + details.help').count()).toBe(1);
    await app.locator('details.help > summary').click();
    const help = app.locator('details.help cs-help');
    const terms = await help.locator('dl#glossary > dt').allTextContents();
    for (const term of TERMS) expect(terms.filter((t) => t.startsWith(term)), term).toHaveLength(1);
    expect(await help.locator('dl#glossary > dd').count()).toBe(terms.length);
    expect(await help.locator('dl#glossary dt', { hasText: 'NPV' }).evaluate((dt) => dt.nextElementSibling?.textContent)).toContain('3.5%');
    const words = ((await help.locator('#how-it-works').textContent()) ?? '').split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(250);
    expect(words).toBeLessThanOrEqual(400);
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 120_000);

  it('before any results the tools are shown; a scenario with problems disables them, each saying why', async () => {
    const { page, app, problems } = await openApp(browser(), server().url);
    // The second shipped scenario does not run on opening: no results, but the tools are there.
    await app.locator('#scenario').selectOption('darlington-2019');
    await expect.poll(() => app.locator('#no-results').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await app.locator('#arms').count()).toBe(0);
    expect(await app.locator('cs-verdict').count()).toBe(0);
    expect(await app.locator('cs-fan-chart').count()).toBe(0);
    const headings = await app.locator('section#results > h2').allTextContents();
    expect(headings).toEqual(['How many coordinators?', 'Compare scenarios', 'For evaluators: what drives the answer, and what it takes to break even', 'For evaluators: calibration and backtest']);
    const sweep = app.locator('cs-coordinator-answer #sweep-run');
    const tornado = app.locator('cs-sensitivity #tornado-run');
    const breakEven = app.locator('cs-sensitivity #breakeven-run');
    const calibrate = app.locator('cs-calibration #calib-run');
    // A valid scenario: they can run without the main run (each runs its own simulations); the ranking that reads
    // the main run's draws says it needs one.
    for (const button of [sweep, tornado, breakEven, calibrate]) expect(await button.isDisabled()).toBe(false);
    expect(await app.locator('cs-sensitivity #global-note').textContent()).toContain('Run the scenario first');
    // An invalid value: Run and every tool are disabled, each described by the reason on screen.
    await app.locator('details.inputs > summary').click();
    const editor = app.locator('cs-scenario-editor');
    await editor.locator('details.group > summary', { hasText: /^Arms/ }).click();
    const fte = editor.locator('input[data-path="arms.options[0].coordinatorsFte"]');
    await fte.fill('-3');
    await fte.press('Tab');
    await expect.poll(() => app.locator('cs-run-controls #run').isDisabled()).toBe(true);
    for (const button of [sweep, tornado, breakEven, calibrate]) {
      expect(await button.isDisabled()).toBe(true);
      expect(await description(button)).toMatch(/1 problem\(s\) to fix before it can run/);
    }
    const current = app.locator('cs-compare input[value="__current__"]');
    expect(await current.isDisabled()).toBe(true);
    expect(await current.isChecked()).toBe(false);
    expect(await description(current)).toContain('has problems to fix before it can be compared');
    // Fixed, they can run again.
    await fte.fill('6');
    await fte.press('Tab');
    await expect.poll(() => sweep.isDisabled()).toBe(false);
    expect(await tornado.isDisabled()).toBe(false);
    expect(await current.isChecked()).toBe(true);
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 120_000);

  it('a saved scenario is in the compare list at once, and ticks stay on their scenarios as others are saved', async () => {
    const { page, app, problems } = await openApp(browser(), server().url);
    const keep = app.locator('cs-keep-share');
    const compare = app.locator('cs-compare');
    const save = async (name: string) => {
      await keep.locator('#save-name').fill(name);
      await keep.locator('#save').click();
    };
    await save('Beta');
    await expect.poll(() => compare.locator('input[value="Beta"]').count()).toBe(1);
    await save('Delta');
    await expect.poll(() => compare.locator('input[value="Delta"]').count()).toBe(1);
    await compare.locator('input[value="Beta"]').check();
    await compare.locator('input[value="Delta"]').check();
    // Saved names sort before, between and after the ticked ones: the ticks stay with Beta and Delta.
    await save('Alpha');
    await save('Charlie');
    await save('Echo');
    await expect.poll(() => compare.locator('input[name="compare"]').count()).toBe(6);
    const ticks = await compare.locator('input[name="compare"]').evaluateAll((inputs) => (inputs as HTMLInputElement[]).map((i) => `${i.value}:${i.checked}`));
    expect(ticks).toEqual(['__current__:true', 'Alpha:false', 'Beta:true', 'Charlie:false', 'Delta:true', 'Echo:false']);
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 120_000);

  it('a fan chart shows the options as differences from the counterfactual, which it then leaves out', async () => {
    const { page, app, problems } = await openApp(browser(), server().url);
    await app.locator('cs-run-controls #runs').fill('10');
    await app.locator('cs-run-controls #run').click();
    await expect.poll(async () => (await app.locator('cs-run-controls .status').textContent()) ?? '', { timeout: 90_000 }).toContain('10 of 10 runs — done');
    const chart = app.locator('#series-charts cs-fan-chart').first();
    const counterfactual = 'Before Family Valued: 40 coordinators (≈310 FGCs a year)';
    await expect.poll(() => legend(chart)).toContain(counterfactual);
    const toggle = chart.locator('button.difference-toggle');
    expect(await toggle.textContent()).toBe(`Difference from ${counterfactual}`);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => legend(chart)).toEqual(['Family Valued: 52 coordinators from October 2015 (≈390 FGCs a year)', 'No FGC service (secondary comparison)']);
    expect(await chart.locator('header .unit').first().textContent()).toContain('a difference of medians, not of paired runs');
    // The table view shows the same differences, the counterfactual's column gone.
    await chart.getByRole('button', { name: 'Table' }).click();
    expect(await chart.locator('thead th').allTextContents()).toEqual(['Month', 'Family Valued: 52 coordinators from October 2015 (≈390 FGCs a year)', 'No FGC service (secondary comparison)']);
    await chart.getByRole('button', { name: 'Chart' }).click();
    await toggle.click();
    await expect.poll(() => legend(chart)).toContain(counterfactual);
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  }, 180_000);
});
