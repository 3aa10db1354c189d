// The app in real Chromium: it loads the default scenario with no console errors and shows a real result.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveApp } from './chromium';

describe('the app in Chromium', () => {
  let browser: Browser;
  let server: { url: string; stop: () => void };

  beforeAll(async () => {
    server = await serveApp(4317);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  it('loads the Leeds scenario, runs it in a worker and shows CLA and savings per arm with no console errors', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url);
    await expect.poll(() => page.locator('cs-app').getByRole('heading').textContent()).toContain('Leeds 2015');
    const cla = page.locator('cs-app #arms td[data-metric="cla"]');
    await cla.first().waitFor({ timeout: 60_000 });
    expect(await cla.count()).toBe(3);
    const first = (await cla.first().textContent()) ?? '';
    const value = Number(first.split('(')[0]!.replace(/[^0-9.]/g, ''));
    expect(value).toBeGreaterThan(900);
    expect(value).toBeLessThan(1600);
    expect(await page.locator('cs-app #savings td[data-metric="saving"]').count()).toBe(2);
    expect(problems, problems.join("\n")).toEqual([]);
    await page.close();
  }, 120_000);
});
