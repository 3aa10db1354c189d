// Every number unchanged: each recorded command prints exactly what it printed when checksums.json was written.
import { describe, expect, it } from 'vitest';
import { checksum, commandLine, COMMANDS, recorded } from './golden';

describe('golden outputs', () => {
  const sums = recorded();
  it('checksums.json records every command and nothing else', () => {
    expect(Object.keys(sums).sort()).toEqual(COMMANDS.map(commandLine).sort());
  });
  for (const command of COMMANDS) {
    it(`${commandLine(command)} prints what it printed before`, () => {
      expect(checksum(command)).toBe(sums[commandLine(command)]);
    });
  }
});
