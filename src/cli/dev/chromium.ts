// Starts Debian's Chromium for browser tests (a test tool's own browser download fails here) and serves the built app.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { NO_CHROMIUM } from './ensure-chromium';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches Debian's Chromium headless; `extraArgs` are added to the fixed flags. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: ${NO_CHROMIUM.replace(/^error: /, '')} (npm test installs it when run as root with apt)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** Builds the app once and serves dist/ with `vite preview` on a free port; returns its URL and a stop function. */
export async function serveApp(port: number): Promise<{ url: string; stop: () => void }> {
  // NODE_ENV is 'test' under Vitest, which makes Vite build Lit's development bundle: build what `npm start` serves.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  // Vite's own script under this Node, not `npx vite`: killing npx left its child server running
  // (one per browser test file), and its open pipe kept a script that had finished from exiting.
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const server: ChildProcess = spawn(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return { url, stop: () => server.kill() };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${url}`);
}

