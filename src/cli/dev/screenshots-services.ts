// Part of `npm run screenshots`: the Leeds 2019 scenario with its Restorative Early Support teams beside the FGC (issue
// 31): the arms table with the teams' columns, the published claim beside the simulation, and the teams' charts.
import type { Browser } from 'playwright-core';

export async function servicesShots(browser: Browser, url: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(url);
  const app = page.locator('cs-app');
  await app.locator('cs-run-controls #run').waitFor({ timeout: 120_000 });
  await app.locator('#scenario').selectOption('leeds-2019-partners-in-practice');
  await app.locator('cs-run-controls #run').click();
  await app.locator('cs-service-claim #service-claim').waitFor({ timeout: 600_000 });
  await app.locator('cs-run-controls #run').waitFor({ timeout: 600_000 });
  await app.locator('cs-arms-table').screenshot({ path: 'docs/app-services-arms.png' });
  await app.locator('cs-service-claim').screenshot({ path: 'docs/app-services-claim.png' });
  console.log('saved docs/app-services-arms.png, docs/app-services-claim.png');
  await page.close();
}
