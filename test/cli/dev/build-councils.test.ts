// `npm run build:councils`: the committed council table is what the script writes from DfE's files, and the
// script reads those files as an analyst would (suppressed cells missing, newest release first, council rows only).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAndWrite, buildCouncils, cellValue, COVERAGE, DFE_DIR, parseCsv, TABLE } from '../../../src/cli/dev/build-councils';
import { ROOT } from '../../helpers/scenarios';

const dfe = join(ROOT, DFE_DIR);
const present = existsSync(dfe);

describe('build:councils', () => {
  // The DfE files live beside the repository (../shared/data/dfe), not in it: without them this one test cannot run.
  it.skipIf(!present)(
    present ? 'rebuilding the table from the DfE files reproduces the committed scenarios/councils/councils.json and its coverage.txt byte for byte' : `rebuilding the table cannot run here: ${DFE_DIR} (from the repository root) is absent`,
    () => {
      const { text, coverage } = buildCouncils(dfe);
      expect(text === readFileSync(join(ROOT, TABLE), 'utf8')).toBe(true);
      expect(coverage === readFileSync(join(ROOT, COVERAGE), 'utf8')).toBe(true);
      expect(coverage.split('\n')[0]).toMatch(/^figure +2013 2014 .* 2025$/);
    },
    60_000,
  );

  it('reads every suppression code and the decoded files\' negative codes as missing, never 0, and keeps a published 0', () => {
    for (const cell of ['c', 'k', 'x', 'z', 'u', '-', '', ' ', '-100', '-200', '-400']) expect(cellValue(cell)).toBeNull();
    expect(cellValue('0')).toBe(0);
    expect(cellValue('1,498')).toBe(1498);
    expect(cellValue('12.5')).toBe(12.5);
  });

  it('parses quoted cells with commas and doubled quotes, a byte-order mark and CRLF line ends', () => {
    const { header, rows } = parseCsv('\ufeffa,b,c\r\n1,"Bristol, City of","say ""hi"""\r\n2,,\r\n');
    expect(header).toEqual(['a', 'b', 'c']);
    expect(rows).toEqual([['1', 'Bristol, City of', 'say "hi"'], ['2', '', '']]);
  });

  it('says in one line, exit 2, that the DfE folder is absent', () => {
    let stderr = '';
    const code = buildAndWrite(join(mkdtempSync(join(tmpdir(), 'councils-')), 'repo'), { stdout: () => {}, stderr: (t) => void (stderr += t) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: the DfE files are not at \.\.\/shared\/data\/dfe from the repository root \(.*\); see the README's council table section\n$/);
  });

  it('names the missing file in one line when one DfE file is not there', () => {
    expect(() => buildCouncils(join(ROOT, 'no-such-folder'))).toThrow(/no-such-folder\/.*\.csv is missing$/);
  });
});
