// `npm run screenshots`: builds the app, opens it in Chromium and saves pictures of the main views under docs/.
import { readFileSync } from 'node:fs';
import { launchChromium, serveApp } from './chromium';
import { renderPdfPage } from './render-pdf-page';
import { servicesShots } from './screenshots-services';

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

  // The coordinator answer for Leeds: 40 to 60 FTE in steps of 2, with the expanded service's offer points.
  const sweep = app.locator('cs-coordinator-answer');
  await sweep.locator('#from').fill('40');
  await sweep.locator('#to').fill('60');
  await sweep.locator('#step').fill('2');
  await sweep.locator('#sweep-runs').fill('60');
  await sweep.locator('#sweep-run').click();
  await sweep.locator('#sweep-table').waitFor({ timeout: 600_000 });
  await sweep.screenshot({ path: 'docs/app-coordinator-answer.png' });
  await app.locator('cs-verdict').screenshot({ path: 'docs/app-verdict.png' });

  // The business case: its first page and a page of its appraisal, drawn from the PDF the page downloads.
  const [report] = await Promise.all([page.waitForEvent('download'), app.locator('#report-pdf').click()]);
  const pdf = new Uint8Array(readFileSync((await report.path())!));
  await renderPdfPage(browser, pdf, 1, 'docs/report-page-1.png');
  await renderPdfPage(browser, pdf, 2, 'docs/report-page-2.png');

  await app.locator('details.inputs > summary').click();
  const editor = app.locator('cs-scenario-editor');
  await editor.locator('details.group > summary', { hasText: /^FGC service/ }).click();
  const conversion = editor.locator('.row', { hasText: 'fgc.conversion' });
  await conversion.locator('details.source > summary').click();
  const fte = editor.locator('details.group > summary', { hasText: /^Arms/ });
  await fte.click();
  await editor.locator('input[data-path="arms.options[0].coordinatorsFte"]').fill('-3');
  await editor.locator('input[data-path="arms.options[0].coordinatorsFte"]').press('Tab');
  await app.locator('details.inputs').screenshot({ path: 'docs/app-editor.png' });
  console.log('saved docs/app-results.png, app-charts.png, app-savings.png, app-verdict.png, app-coordinator-answer.png, report-page-1.png, report-page-2.png, app-editor.png');

  // Two services: Leeds 2019 with its RES teams beside the FGC, 200 runs: the arms table and the claim beside the run.
  await servicesShots(browser, server.url);

  // A council from the council table: Calderdale at 31 March 2024, its placeholder arms (0 against 4 FTE), 200 runs.
  const council = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await council.goto(server.url);
  const other = council.locator('cs-app');
  await other.locator('cs-run-controls #run').waitFor({ timeout: 120_000 });
  await other.locator('details.council > summary').click();
  const start = other.locator('cs-council-start');
  await start.getByLabel('Council (name or DfE code)').fill('Calderdale (381)');
  await start.locator('#council-year').selectOption('2024');
  await start.locator('#build-council').click();
  await start.locator('#built').waitFor({ timeout: 60_000 });
  await other.locator('cs-run-controls #run').click();
  await other.locator('cs-verdict #verdict').waitFor({ timeout: 300_000 });
  await other.locator('cs-run-controls #run').waitFor({ timeout: 300_000 });
  await other.locator('cs-verdict').screenshot({ path: 'docs/app-verdict-council.png' });
  console.log('saved docs/app-verdict-council.png');
} finally {
  await browser.close();
  server.stop();
}
