// Every number unchanged: each recorded command prints exactly what it printed when checksums.json was written.
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli';
import { checksum, commandLine, COMMANDS, MAINS, recorded, sha256 } from './golden';

describe('golden outputs', () => {
  const sums = recorded();
  it('checksums.json records every command and nothing else', () => {
    expect(Object.keys(sums).sort()).toEqual(COMMANDS.map(commandLine).sort());
  });
  for (const command of COMMANDS) {
    it(`${commandLine(command)} prints what it printed before (its main called in-process)`, async () => {
      const [script, ...argv] = command;
      const { code, stdout, stderr } = await runInProcess(MAINS[script!]!, argv);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(sha256(stdout)).toBe(sums[commandLine(command)]);
      // A guard, not a speed target (speed is npm run bench's): the Leeds run with --sensitivity (its tornado re-runs
      // every uncertain input twice) takes 50-60 s on this 2-core machine with the suite running beside it.
    }, 240_000);
  }
  const leeds = COMMANDS[0]!;
  it(`${commandLine(leeds)} prints what it printed before as a real process too`, () => {
    expect(checksum(leeds)).toBe(sums[commandLine(leeds)]);
  });
});
