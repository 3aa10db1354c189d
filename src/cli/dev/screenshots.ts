// `npm run screenshots`: builds the app, opens it in Chromium and saves pictures of the main views under docs/.
import { launchChromium, serveApp } from './chromium';

const server = await serveApp(4330);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(server.url);
  const app = page.locator('cs-app');
  await app.locator('cs-run-controls #run').waitFor({ timeout: 120_000 });
  await page.screenshot({ path: 'docs/app-results.png' });
  await app.locator('#series-charts').screenshot({ path: 'docs/app-charts.png' });
  await app.locator('cs-savings-table').screenshot({ path: 'docs/app-savings.png' });

  const sweep = app.locator('cs-capacity-sweep');
  await sweep.locator('#steps').fill('9');
  await sweep.locator('#to').fill('80');
  await sweep.locator('#sweep-runs').fill('60');
  await sweep.locator('#sweep-run').click();
  await sweep.locator('#sweep-table').waitFor({ timeout: 300_000 });
  await sweep.screenshot({ path: 'docs/app-sweep.png' });

  await app.locator('details.inputs > summary').click();
  const editor = app.locator('cs-scenario-editor');
  await editor.locator('details.group > summary', { hasText: /^FGC service/ }).click();
  const conversion = editor.locator('.row', { hasText: 'fgc.conversion' });
  await conversion.locator('details.source summary').click();
  const fte = editor.locator('details.group > summary', { hasText: /^Arms/ });
  await fte.click();
  await editor.locator('input[data-path="arms.options[0].coordinatorsFte"]').fill('-3');
  await editor.locator('input[data-path="arms.options[0].coordinatorsFte"]').press('Tab');
  await app.locator('details.inputs').screenshot({ path: 'docs/app-editor.png' });
  console.log('saved docs/app-results.png, app-charts.png, app-savings.png, app-sweep.png, app-editor.png');
} finally {
  await browser.close();
  server.stop();
}
