// The FGC effects in force, in Chromium (issue 22, point 1): the page names the preset, a preset chosen replaces the
// effects whole (an edit, kept across a reload like any other), the results say which effects they rest on, and an
// edited effect makes the set "custom".
import { describe, expect, it } from 'vitest';
import { EFFECT_PRESETS } from '../../src/scenario/effect-presets';
import { useApp } from './use-app';

describe('FGC effects in Chromium', () => {
  const { browser, server } = useApp(4322);

  it('names the preset, switches to another whole, says it under the results, and calls an edited set custom', async () => {
    const page = await browser().newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server().url);
    const app = page.locator('cs-app');
    await expect.poll(() => app.locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    const select = app.locator('#effects-preset');
    expect(await select.inputValue()).toBe('trial evidence');
    expect(await app.locator('#effects-in-force').textContent()).toBe('trial evidence');
    await select.selectOption('optimistic');
    expect(await select.inputValue()).toBe('optimistic');
    // The editor shows the preset's values: the CIN plan's effect on care is the trial's, by intention to treat.
    await app.locator('details.inputs > summary').click();
    const editor = app.locator('cs-scenario-editor');
    await editor.locator('details.group > summary', { hasText: /^FGC service and effects/ }).click();
    const mode = editor.locator('input[data-path="fgc.effects.byOfferPoint.referral.rrEntryToCare.mode"]');
    expect(await mode.inputValue()).toBe(String((EFFECT_PRESETS.optimistic!.effects.byOfferPoint.referral.rrEntryToCare as { mode: number }).mode));
    // The effect of a referral is shown as the run uses it: per conference held, 1 − (1 − 0.81) ÷ 0.775 at the central values.
    expect(await editor.locator('[data-path="fgc.effects.byOfferPoint.referral.rrEntryToCare.perConference"]').textContent()).toBe(
      `of a referral; per conference held ${+(1 - 0.19 / 0.775).toFixed(3)} (1 − (1 − 0.81) ÷ uptake 0.775, at the central values)`,
    );
    expect(await editor.locator('.row', { hasText: 'fgc.effects.byOfferPoint.referral.rrEntryToCare' }).locator('.grade').first().textContent()).toBe('evidence: assumption');
    await app.locator('cs-run-controls #runs').fill('20');
    await app.locator('cs-run-controls #run').click();
    await expect.poll(async () => (await app.locator('cs-run-controls .status').textContent()) ?? '', { timeout: 60_000 }).toContain('20 of 20 runs — done');
    expect(await app.locator('#effects-in-force').textContent()).toBe('optimistic');
    // Editing one effect makes the set custom (from the preset it was).
    await mode.fill('0.7');
    await mode.press('Tab');
    await expect.poll(() => select.locator('option:checked').textContent()).toBe('custom, from optimistic');
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
