// `npm run --silent observed -- <scenario.json>`: the observed series against the simulated bands, as Markdown (its main called in-process).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/observed';
import { runInProcess } from '../helpers/cli';
import { LEEDS, SMALL } from '../helpers/scenarios';

describe('observed (command line)', () => {
  it('prints a coverage line per observed series with the medians\' bias, and a table per observed stock, one row per observed month', async () => {
    const { code, stdout, stderr } = await runInProcess(main, [LEEDS, '--runs', '20', '--seed', 'observed']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^Leeds .*: arm ".+", 20 runs, seed observed$/);
    expect(lines).toContain('| Month | Observed CLA | Simulated P50 | P5 | P95 | Inside |');
    expect(lines).toContain('| Month | Observed CP | Simulated P50 | P5 | P95 | Inside |');
    expect(stdout).toMatch(/^cla: \d+% of 17 observed months inside P5–P95; observed mean [\d.]+, simulated mean [\d.]+; medians' mean bias [+−][\d.]+$/m);
    // CLA and CP observed in 17 months, CIN in 13.
    expect(lines.filter((l) => /^\| \d{4}-\d{2} \| \d+ \| \d+ \| \d+ \| \d+ \| (yes|no) \|$/.test(l))).toHaveLength(17 + 17 + 13);
    expect(stdout.endsWith(' |\n')).toBe(true);
  });

  it('a scenario with no observed series is one line naming it and exit 2, not an empty report', async () => {
    const { code, stdout, stderr } = await runInProcess(main, [SMALL, '--runs', '2']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('error: Small council (test fixture) carries no observed series\n');
  });

  it('a mistake on the command line is one line naming it and exit 2', async () => {
    for (const [argv, message] of [
      [[LEEDS, '--arm', '7'], /^error: --arm must be a whole number from 0 to \d+, got "7"\n$/],
      [[LEEDS, '--runs', 'abc'], /^error: --runs must be a whole number from 1 to 100000, got "abc"\n$/],
      [[LEEDS, '--bogus'], /^error: unknown option --bogus \(usage: npm run --silent observed -- /],
      [[], /^error: missing the scenario file \(usage: npm run --silent observed -- /],
    ] as const) {
      const { code, stdout, stderr } = await runInProcess(main, [...argv]);
      expect([argv, code, stdout]).toEqual([argv, 2, '']);
      expect(stderr).toMatch(message);
    }
  });
});
