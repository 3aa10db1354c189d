// Hostile command lines and files (issue 21, point 2): decimal numbers only, bounds named, one error path for every command (one line, exit 2, no stack).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as calibrate } from '../../src/cli/calibrate';
import { main as cba } from '../../src/cli/cba';
import { main as simulate } from '../../src/cli/main';
import { decimal } from '../../src/cli/options';
import { runInProcess, type CliMain } from '../helpers/cli';
import { LEEDS, readJson, SMALL } from '../helpers/scenarios';
import { withoutNotes } from '../helpers/finite';

const WORKSHEET = 'scenarios/published/leeds-family-valued-2017.json';
const dir = mkdtempSync(join(tmpdir(), 'fgc-hostile-'));

/** A variant of a scenario written to a scratch file: its path. */
function variantFile(name: string, edit: (raw: any) => void, file = SMALL): string {
  const raw = structuredClone(readJson(file)) as any;
  edit(raw);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(raw));
  return path;
}

/** Runs a command that must fail: exit 2, nothing on stdout, one line on stderr matching `message`, no stack. */
async function refused(main: CliMain, argv: string[], message: RegExp): Promise<void> {
  const { code, stdout, stderr } = await runInProcess(main, argv);
  expect([argv, code, stdout]).toEqual([argv, 2, '']);
  expect(stderr).toMatch(message);
  expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('command-line numbers are decimal only (fail on the code before: 0x10 read as 16 FTE, 0x1 as 100%)', () => {
  it('decimal() reads what a person types and nothing else', () => {
    expect(['2', ' 2 ', '0.035', '.5', '2.', '0'].map(decimal)).toEqual([2, 2, 0.035, 0.5, 2, 0]);
    for (const text of ['0x10', '0b11', '0o7', '1e3', '-1', '+1', 'Infinity', 'NaN', '', ' ', '1,5', '1.2.3']) expect(decimal(text), text).toBeUndefined();
  });

  it('simulate --capacity and --discount-rate refuse hex, binary and exponents with one line naming the flag', async () => {
    await refused(simulate, [SMALL, '--runs', '2', '--capacity', '0x10'], /^error: --capacity takes coordinator FTEs from 0 to 1000, .*got "0x10"\n$/);
    await refused(simulate, [SMALL, '--runs', '2', '--capacity', ' 2 , 0b11'], /^error: --capacity .*got " 0b11"\n$/);
    await refused(simulate, [SMALL, '--runs', '2', '--capacity', '1e3'], /^error: --capacity .*got "1e3"\n$/);
    await refused(simulate, [SMALL, '--runs', '2', '--capacity', '1e308'], /^error: --capacity .*got "1e308"\n$/);
    await refused(simulate, [SMALL, '--runs', '2', '--capacity', '1001'], /^error: --capacity takes coordinator FTEs from 0 to 1000.*got "1001"\n$/);
    await refused(simulate, [SMALL, '--runs', '2', '--capacity', Array(101).fill('1').join(',')], /^error: --capacity takes at most 100 arms, got 101\n$/);
    await refused(simulate, [SMALL, '--runs', '2', '--discount-rate', '0x1'], /^error: --discount-rate must be a rate a year from 0 to 1 .*got "0x1"\n$/);
    await refused(simulate, [SMALL, '--runs', '2', '--discount-rate', '3.5e-2'], /^error: --discount-rate .*got "3.5e-2"\n$/);
    await refused(simulate, [SMALL, '--runs', '1e3'], /^error: --runs must be a whole number from 1 to 100000, got "1e3"\n$/);
  });

  it('--workers is at most 32 (fail on the code before: 256 accepted, 110 s and 4.3 GB for a 2 s job)', async () => {
    for (const [main, argv] of [[simulate, [SMALL, '--runs', '2', '--months', '2', '--workers', '33']], [calibrate, [LEEDS, '--runs', '10', '--workers', '256']]] as const) {
      const { code, stderr } = await runInProcess(main, [...argv]);
      expect([code, stderr]).toEqual([2, expect.stringMatching(/^error: --workers must be a whole number from 1 to 32, got "(33|256)"\n$/)]);
    }
  });

  it('decimal flags still run: --capacity 0,2.5 --discount-rate .035', async () => {
    const { code, stderr, stdout } = await runInProcess(simulate, [SMALL, '--runs', '2', '--months', '2', '--workers', '1', '--capacity', '0, 2.5', '--discount-rate', '.035']);
    expect(withoutNotes(stderr)).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).arms.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['0 FTE', '2.5 FTE']));
  });

  it('calibrate --accept and cba --runs are decimal too', async () => {
    await refused(calibrate, [LEEDS, '--accept', '0x1'], /^error: --accept must be a share of runs above 0 and at most 1.*got "0x1"\n$/);
    await refused(cba, [WORKSHEET, '--stress', '--runs', '0x10'], /^error: --runs must be a whole number from 1 to 1000000, got "0x10"\n$/);
    await refused(cba, [WORKSHEET, '--stress', '--runs', '1e3'], /^error: --runs must be a whole number from 1 to 1000000, got "1e3"\n$/);
  });
});

describe('hostile scenario files are one line naming the field, exit 2 (fail on the code before: exit 0, or exit 1 "internal failure")', () => {
  it('prototype-named keys and "dist": "constructor" (simulate and calibrate)', async () => {
    await refused(simulate, [variantFile('proto', (r) => (r.toString = 1))], /is not a valid scenario \(1 problem\): toString: unknown key/);
    const ctor = variantFile('ctor', (r) => (r.fgc.acceptance = { dist: 'constructor', unit: 'probability', source: 'x' }), LEEDS);
    await refused(simulate, [ctor], /is not a valid scenario \(1 problem\): fgc\.acceptance\.dist: must be one of uniform/);
    await refused(calibrate, [ctor], /is not a valid scenario \(1 problem\): fgc\.acceptance\.dist: must be one of uniform/);
  });

  it('sizes past the bounds name the field, the bound and the value', async () => {
    await refused(simulate, [variantFile('cla1e9', (r) => (r.initialStocks.cla.value = 1e9))], /initialStocks\.cla\.value: must be ≤ 1000000, got 1000000000/);
    await refused(simulate, [variantFile('ref1e308', (r) => (r.demand.referralsPerMonth.value = 1e308))], /demand\.referralsPerMonth\.value: must be ≤ 100000, got 1e\+308/);
    await refused(simulate, [variantFile('trend3', (r) => (r.demand.trendPerYear.value = 3)), '--months', '120'], /demand\.trendPerYear\.value: must be ≤ 1, got 3/);
    await refused(simulate, [variantFile('cost', (r) => (r.costs.perChild.cla.residential.marginal.value = 1e308))], /costs\.perChild\.cla\.residential\.marginal\.value: must be ≤ 100000000, got 1e\+308/);
    await refused(simulate, [variantFile('size256', (r) => (r.demand.childrenPerFamily.sharesBySize = [...Array(255).fill(0), 1]))], /demand\.childrenPerFamily\.sharesBySize: must have at most 30 items, got 256/);
  });

  it('a run that stops on an input it cannot use names it, exit 2 (not "internal failure", exit 1)', async () => {
    const file = variantFile('uptake', (r) => (r.fgc.effects.byOfferPoint.preProceedings.uptake = { value: 0.1, unit: 'share', source: 'x', grade: 'assumption' }), LEEDS);
    await refused(simulate, [file, '--runs', '2', '--months', '3', '--workers', '1'], /^error: the scenario cannot be run: fgc\.effects\.byOfferPoint\.preProceedings\.uptake: run 0 drew an uptake of 0\.1, below the risk reduction/);
  });

  it('a negative-binomial dispersion below 0.01 is refused (T43: 1e-300 made almost no referrals, exit 0)', async () => {
    await refused(simulate, [variantFile('disp', (r) => (r.demand.dispersion.value = 1e-300), LEEDS)], /demand\.dispersion\.value: must be ≥ 0\.01, got 1e-300/);
  });

  it('a file is UTF-8 (a BOM dropped) and nothing from it reaches the terminal raw (F09, F14, F16, T64)', async () => {
    const write = (name: string, bytes: Uint8Array | string) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    };
    const leeds = Buffer.from(JSON.stringify(readJson(SMALL)));
    const bom = await runInProcess(simulate, [write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), leeds])), '--runs', '2', '--months', '2', '--workers', '1']);
    expect([bom.code, withoutNotes(bom.stderr)]).toEqual([0, '']);
    const latin1 = Buffer.from(JSON.stringify({ ...readJson(SMALL), name: 'L_eds' }));
    latin1[latin1.indexOf('_')] = 0xe9;
    await refused(simulate, [write('latin1.json', latin1)], /^error: .*latin1\.json is not a valid scenario \(1 problem\): \(file\): is not UTF-8 text \(at byte \d+\): save it as UTF-8\n$/);
    await refused(simulate, [write('escape.json', '\u001b]0;PWNED\u0007\u001b[2J')], /is not valid JSON: .*\\u001b/);
    await refused(simulate, [write('comments.json', '// a comment\n{\n}')], /is not valid JSON/);
    const { stderr } = await runInProcess(simulate, [write('escape2.json', '\u001b]0;PWNED\u0007\n\u009b2J')]);
    expect(stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('a negative number after a flag is that flag\'s value, refused by its rule (C02, C15: "needs a value")', async () => {
    await refused(simulate, [SMALL, '--runs', '-5'], /^error: --runs must be a whole number from 1 to 100000, got "-5"\n$/);
    await refused(simulate, [SMALL, '--workers', '-1'], /^error: --workers must be a whole number from 1 to 32, got "-1"\n$/);
    await refused(simulate, [SMALL, '--capacity', '-1'], /^error: --capacity takes coordinator FTEs from 0 to 1000.*got "-1"\n$/);
  });

  it('a trend that passes over the scenario horizon but not over --months is refused naming both', async () => {
    const file = variantFile('trend09', (r) => (r.demand.trendPerYear.value = 0.9), LEEDS);
    await refused(simulate, [file, '--months', '600'], /^error: --months 600: demand\.trendPerYear: referrals over 600 months would come to/);
  });
});

describe('cba goes through the one error path (fail on the code before: where noted)', () => {
  it('a mistake is one line and exit 2', async () => {
    await refused(cba, [], /^error: missing the worksheet file \(usage: npm run --silent cba -- /);
    await refused(cba, [WORKSHEET, '--foo'], /^error: unknown option --foo \(usage: npm run --silent cba -- /);
    await refused(cba, [join(dir, 'nope.json')], /^error: cannot read worksheet .*nope\.json: no such file\n$/);
    // Before: "is not valid JSON: EISDIR".
    await refused(cba, [dir], /^error: cannot read worksheet .*: it is a folder\n$/);
    const bad = join(dir, 'ws.json');
    writeFileSync(bad, JSON.stringify({ ...readJson(WORKSHEET), constructor: 1 }));
    await refused(cba, [bad], /^error: .*ws\.json is not a valid worksheet: constructor: unknown key/);
  });
});

describe('a file far larger than a scenario is refused unread (T65: a 600 MB file was an "internal failure")', () => {
  it('simulate and cba name the file and its size, exit 2', async () => {
    const { truncateSync, closeSync, openSync } = await import('node:fs');
    const path = join(dir, 'huge.json');
    closeSync(openSync(path, 'w'));
    truncateSync(path, 600_000_000); // sparse: takes no disk
    await refused(simulate, [path], /^error: .*huge\.json is 600 MB, more than a scenario file can be \(100 MB\)\n$/);
    await refused(cba, [path], /^error: .*huge\.json is 600 MB, more than a worksheet can be \(100 MB\)\n$/);
  });
});
