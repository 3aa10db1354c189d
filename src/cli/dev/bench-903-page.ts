// `npm run bench`'s SSDA903 page part: 50,000 episode rows chosen in the page, from the file input's change to the
// result shown (the page reading the files, the worker reading, checking and summarising them, the page drawing it),
// in Debian's Chromium (issue 28: under 5 s in the page). Skipped, saying so, where Chromium is not installed.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serveApp } from './chromium';
import { syntheticReturn } from './bench-903';

export async function pageImportSeconds(port = 4391): Promise<{ runs: number[]; best: number } | string> {
  if (!existsSync('/usr/bin/chromium')) return 'not measured: /usr/bin/chromium is not installed (npm test installs it)';
  const dir = mkdtempSync(join(tmpdir(), 'bench-903-'));
  const paths = syntheticReturn(12_500, 4).map((f) => (writeFileSync(join(dir, f.name), f.text), join(dir, f.name)));
  const server = await serveApp(port);
  const browser = await launchChromium();
  const runs: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage();
      await page.goto(server.url);
      const app = page.locator('cs-app');
      await app.locator('cs-run-controls #run').waitFor({ timeout: 120_000 });
      await app.locator('details.import-903 > summary').click();
      const input = app.locator('cs-import-903 #files-903');
      await input.waitFor();
      // Timed in the page: from the input's change event to the result's first paint after it.
      await page.evaluate(() => {
        const w = window as unknown as { t0?: number };
        document.querySelector('cs-app')!.shadowRoot!.querySelector('cs-import-903')!.shadowRoot!.querySelector('#files-903')!.addEventListener('change', () => (w.t0 = performance.now()), { capture: true });
      });
      await input.setInputFiles(paths);
      await app.locator('cs-import-903 #import-result').waitFor({ timeout: 120_000 });
      runs.push(await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done((performance.now() - (window as unknown as { t0: number }).t0) / 1000)))));
      await page.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
  return { runs, best: Math.min(...runs) };
}
