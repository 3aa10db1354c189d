// A describe block's app and browser: the built app served, Chromium launched, both stopped afterwards.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
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
