// Before `npm test`'s browser tests: find Chromium, or install Debian's where the test runs as root with apt.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isEntry } from '../main-helpers';

/** Debian's Chromium, the browser the tests drive unless CHROMIUM_PATH names another. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The one line printed when no Chromium can be found or installed. */
export const NO_CHROMIUM =
  'error: the browser tests need Chromium: set CHROMIUM_PATH to a Chromium binary, or install Debian\'s with "sudo apt-get install -y chromium"';

/** What the machine is like, as the decision needs it (injected, so a test can pose any machine). */
export interface Machine {
  env: Record<string, string | undefined>;
  isRoot: boolean;
  hasApt: boolean;
  exists: (path: string) => boolean;
}

export type Decision = { action: 'use'; path: string } | { action: 'install' } | { action: 'fail'; message: string };

/**
 * CHROMIUM_PATH if set (it must exist), else Debian's Chromium if present, else install it when running as root
 * with apt; otherwise fail with one line.
 */
export function decide(m: Machine): Decision {
  const named = m.env.CHROMIUM_PATH;
  if (named) return m.exists(named) ? { action: 'use', path: named } : { action: 'fail', message: `error: CHROMIUM_PATH is ${named}, which does not exist; ${NO_CHROMIUM.replace(/^error: /, '')}` };
  if (m.exists(DEBIAN_CHROMIUM)) return { action: 'use', path: DEBIAN_CHROMIUM };
  if (m.isRoot && m.hasApt) return { action: 'install' };
  return { action: 'fail', message: NO_CHROMIUM };
}

/** This machine. */
export function thisMachine(): Machine {
  return { env: process.env, isRoot: process.getuid?.() === 0, hasApt: existsSync('/usr/bin/apt-get'), exists: existsSync };
}

/** Runs `apt-get update` and `apt-get install -y chromium`, showing their output; true when both succeed. */
function installDebianChromium(): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    if (spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env }).status !== 0) return false;
  }
  return true;
}

/** Ensures a Chromium for the browser tests; returns the exit code (0, or 1 after printing one line). */
export function ensureChromium(m: Machine = thisMachine(), install: () => boolean = installDebianChromium, log: (line: string) => void = console.error): number {
  const decision = decide(m);
  if (decision.action === 'use') return 0;
  if (decision.action === 'fail') {
    log(decision.message);
    return 1;
  }
  log("Installing Debian's Chromium for the browser tests (apt-get install -y chromium)");
  if (install() && m.exists(DEBIAN_CHROMIUM)) return 0;
  log(`error: installing Debian's Chromium failed; ${NO_CHROMIUM.replace(/^error: /, '')}`);
  return 1;
}

if (isEntry(import.meta.url)) process.exitCode = ensureChromium();
