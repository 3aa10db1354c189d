// `npm test` first makes sure the browser tests have a Chromium: CHROMIUM_PATH, Debian's, or Debian's installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decide, DEBIAN_CHROMIUM, ensureChromium, type Machine, NO_CHROMIUM } from '../../../src/cli/dev/ensure-chromium';
import { ROOT } from '../../helpers/scenarios';

/** A machine with the given files, user and tools. */
function machine(files: string[], over: Partial<Machine> = {}): Machine {
  return { env: {}, isRoot: false, hasApt: false, exists: (p) => files.includes(p), ...over };
}

describe('ensure-chromium (before the browser tests)', () => {
  it("uses Debian's Chromium when present, and CHROMIUM_PATH before it", () => {
    expect(decide(machine([DEBIAN_CHROMIUM]))).toEqual({ action: 'use', path: DEBIAN_CHROMIUM });
    expect(decide(machine([DEBIAN_CHROMIUM, '/opt/c/chrome'], { env: { CHROMIUM_PATH: '/opt/c/chrome' } }))).toEqual({ action: 'use', path: '/opt/c/chrome' });
    expect(decide(machine(['/opt/c/chrome'], { env: { CHROMIUM_PATH: '/opt/c/chrome' }, isRoot: true, hasApt: true }))).toEqual({ action: 'use', path: '/opt/c/chrome' });
  });

  it("installs Debian's Chromium when it is missing, CHROMIUM_PATH is unset, and it runs as root with apt", () => {
    expect(decide(machine([], { isRoot: true, hasApt: true }))).toEqual({ action: 'install' });
    const lines: string[] = [];
    const files: string[] = [];
    let installs = 0;
    const code = ensureChromium(machine(files, { isRoot: true, hasApt: true, exists: (p) => files.includes(p) }), () => (installs++, files.push(DEBIAN_CHROMIUM), true), (l) => lines.push(l));
    expect({ code, installs }).toEqual({ code: 0, installs: 1 });
    expect(lines).toEqual(["Installing Debian's Chromium for the browser tests (apt-get install -y chromium)"]);
    const failed: string[] = [];
    expect(ensureChromium(machine([], { isRoot: true, hasApt: true }), () => false, (l) => failed.push(l))).toBe(1);
    expect(failed.at(-1)).toMatch(/^error: installing Debian's Chromium failed; .*CHROMIUM_PATH/);
  });

  it('without Chromium, and not root or without apt, fails with one line naming CHROMIUM_PATH and the install command', () => {
    for (const over of [{ isRoot: false, hasApt: true }, { isRoot: true, hasApt: false }, { isRoot: false, hasApt: false }]) {
      const lines: string[] = [];
      expect(ensureChromium(machine([], over), () => expect.unreachable('no install'), (l) => lines.push(l))).toBe(1);
      expect(lines).toEqual([NO_CHROMIUM]);
    }
    expect(NO_CHROMIUM).toContain('CHROMIUM_PATH');
    expect(NO_CHROMIUM).toContain('apt-get install -y chromium');
    expect(NO_CHROMIUM).not.toContain('\n');
    // CHROMIUM_PATH naming a file that is not there is not quietly replaced by another browser.
    expect(decide(machine([DEBIAN_CHROMIUM], { env: { CHROMIUM_PATH: '/nowhere/chrome' }, isRoot: true, hasApt: true }))).toEqual({ action: 'fail', message: expect.stringMatching(/^error: CHROMIUM_PATH is \/nowhere\/chrome, which does not exist; .*apt-get install -y chromium/) });
  });

  it('as a command: exits 0 here (Chromium present), and 1 with the one line when CHROMIUM_PATH names nothing', () => {
    const tsx = `${ROOT}/node_modules/.bin/tsx`;
    expect(execFileSync(tsx, ['src/cli/dev/ensure-chromium.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: process.execPath } })).toBe('');
    const missing = spawnSync(tsx, ['src/cli/dev/ensure-chromium.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: '/nowhere/chrome' } });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^error: CHROMIUM_PATH is \/nowhere\/chrome, which does not exist;/);
  });
});
