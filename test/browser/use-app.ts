// A describe block's app and browser: the built app served, Chromium launched, both stopped afterwards.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, serveApp } from '../../src/cli/dev/chromium';

/** For a describe block: the built app served on `port` and a Chromium, started before and stopped after. */
export function useApp(port: number): { browser: () => Browser; server: () => { url: string; stop: () => void } } {
  let browser: Browser | undefined;
  let server: { url: string; stop: () => void } | undefined;
  beforeAll(async () => {
    server = await serveApp(port);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });
  return { browser: () => browser!, server: () => server! };
}

/**
 * Collects the Content-Security-Policy violations of a page and of its workers (call before `goto`): the page's and
 * each worker's `securitypolicyviolation` events, and the console's "Refused to …" lines. A worker's violation does
 * not reach the page's document, so a listener is added in each worker as it starts (the engine compiles its
 * WebAssembly on its first batch, after that).
 */
export async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (where: string, directive: string, blocked: string) => violations.push(`${where}: ${directive} blocked ${blocked}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportCspViolation: (...a: string[]) => void }).reportCspViolation('page', e.violatedDirective, e.blockedURI));
  });
  page.on('console', (m) => /Content Security Policy|CSP violation/i.test(m.text()) && violations.push(`console: ${m.text()}`));
  page.on('worker', (worker) => {
    void worker
      .evaluate(() => self.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation in a worker: ${e.violatedDirective} blocked ${e.blockedURI}`)))
      .catch(() => undefined); // a worker already gone has nothing left to report
  });
  return violations;
}

/**
 * A new page of the app at `url`, 1400 × 1000, with its page errors and Content-Security-Policy violations collected,
 * once the app has drawn its Run button (the default scenario loaded).
 */
export async function openApp(browser: Browser, url: string): Promise<{ page: Page; app: Locator; problems: string[]; csp: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const csp = await watchCsp(page);
  await page.goto(url);
  const app = page.locator('cs-app');
  await expect.poll(() => app.locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
  return { page, app, problems, csp };
}
