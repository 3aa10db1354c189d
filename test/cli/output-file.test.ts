// A command never overwrites the file it reads, checks where it writes before it runs, and writes a file whole.
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as calibrate } from '../../src/cli/calibrate';
import { main as simulate } from '../../src/cli/main';
import { writeOutputFile } from '../../src/cli/output-file';
import { runInProcess } from '../helpers/cli';
import { LEEDS, ROOT, SMALL } from '../helpers/scenarios';
import { withoutNotes } from '../helpers/finite';

/** A copy of a shipped scenario in a fresh folder, with the text it holds. */
function copyOf(scenario: string) {
  const dir = mkdtempSync(join(tmpdir(), 'fgc-out-'));
  const path = join(dir, 'scenario.json');
  copyFileSync(join(ROOT, scenario), path);
  return { dir, path, text: readFileSync(path, 'utf8') };
}

describe('files a command writes', () => {
  it('simulate refuses --out naming the scenario it reads (by the same path, another spelling, or a link) and leaves it as it was', async () => {
    const { dir, path, text } = copyOf(SMALL);
    symlinkSync(path, join(dir, 'link.json'));
    const spellings = [path, join(dir, '.', 'sub', '..', 'scenario.json'), relative(ROOT, path), join(dir, 'link.json')];
    mkdirSync(join(dir, 'sub'));
    for (const out of spellings) {
      const { code, stdout, stderr } = await runInProcess(simulate, [path, '--runs', '2', '--months', '3', '--out', out]);
      expect([out, code, stdout]).toEqual([out, 2, '']);
      expect(stderr).toMatch(/^error: --out .* is the file this command reads .*nothing you made is lost\n$/);
      expect(readFileSync(path, 'utf8')).toBe(text);
    }
  });

  it('calibrate refuses --write naming the scenario it reads, before it runs, and leaves it as it was', async () => {
    const { path, text } = copyOf(LEEDS);
    const { code, stderr } = await runInProcess(calibrate, [path, '--runs', '10', '--write', path]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: --write .* is the file this command reads/);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('a folder that does not exist, or a folder given as the file, is refused before the run', async () => {
    const { dir, path } = copyOf(SMALL);
    const missing = await runInProcess(simulate, [path, '--runs', '2', '--months', '3', '--out', join(dir, 'no-such-folder', 'out.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: --out .*out\.json: cannot write in .*no-such-folder \(no such folder, or not writable\)\n$/);
    const folder = await runInProcess(simulate, [path, '--runs', '2', '--months', '3', '--out', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/is a folder: give a file name\n$/);
  });

  it('--out to another file writes the results there, whole, and leaves no temporary file behind', async () => {
    const { dir, path, text } = copyOf(SMALL);
    const out = join(dir, 'results.json');
    const { code, stdout } = await runInProcess(simulate, [path, '--runs', '2', '--months', '3', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).runs).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(readdirSync(dir).sort()).toEqual(['results.json', 'scenario.json']);
  });

  it('a write that fails leaves the earlier file as it was', () => {
    const { dir } = copyOf(SMALL);
    const out = join(dir, 'results.json');
    writeOutputFile(out, 'first\n');
    // A folder where the temporary file would go makes the write fail.
    mkdirSync(join(dir, `.results.json.${process.pid}.tmp`));
    expect(() => writeOutputFile(out, 'second\n')).toThrow(/^cannot write .*results\.json/);
    expect(readFileSync(out, 'utf8')).toBe('first\n');
  });

  it('a link is followed (the file it points to is replaced, the link kept); a device is written to, never replaced (C25: /dev/full became a file)', async () => {
    const { dir } = copyOf(SMALL);
    const real = join(dir, 'real.json');
    writeOutputFile(real, 'old\n');
    symlinkSync(real, join(dir, 'link.json'));
    writeOutputFile(join(dir, 'link.json'), 'new\n');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new\n');
    const { code, stderr } = await runInProcess(simulate, [SMALL, '--runs', '2', '--months', '3', '--out', '/dev/null']);
    expect([code, withoutNotes(stderr)]).toEqual([0, '']);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    if (existsSync('/dev/full')) {
      expect(() => writeOutputFile('/dev/full', 'x')).toThrow(/^cannot write \/dev\/full: .*ENOSPC/);
      expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    }
  });
});
