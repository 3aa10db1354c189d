// A PDF's page as a PNG, for the README's pictures: pdfjs-dist drawing it in a blank Chromium page (no app, so no
// Content-Security-Policy to allow its script and worker), the canvas then screenshot.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';

const require = createRequire(import.meta.url);

/** Draws page `number` of `pdf` at `scale` and saves it as `out`. */
export async function renderPdfPage(browser: Browser, pdf: Uint8Array, number: number, out: string, scale = 1.5): Promise<void> {
  const page = await browser.newPage();
  await page.setContent('<canvas id="c"></canvas>');
  const lib = readFileSync(require.resolve('pdfjs-dist/build/pdf.min.mjs'), 'utf8');
  const worker = readFileSync(require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), 'utf8');
  await page.evaluate(
    async ({ lib, worker, data, number, scale }) => {
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      const pdfjs = await import(URL.createObjectURL(new Blob([lib], { type: 'text/javascript' })));
      pdfjs.GlobalWorkerOptions.workerSrc = URL.createObjectURL(new Blob([worker], { type: 'text/javascript' }));
      const doc = await pdfjs.getDocument({ data: Uint8Array.from(data) }).promise;
      const p = await doc.getPage(number);
      const viewport = p.getViewport({ scale });
      const canvas = document.getElementById('c') as HTMLCanvasElement;
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      await p.render({ canvasContext: canvas.getContext('2d')!, viewport }).promise;
    },
    { lib, worker, data: [...pdf], number, scale },
  );
  await page.locator('#c').screenshot({ path: out });
  await page.close();
}
