// `npm run build:councils`: the committed council table is what the script writes from DfE's files, and the
// script reads those files as an analyst would (suppressed cells missing, newest release first, council rows only).
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAndWrite, buildCouncils, cellValue, COVERAGE, DFE_DIR, parseCsv, slug, TABLE } from '../../../src/cli/dev/build-councils';
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

  it('says in one line, exit 2, that the DfE folder is absent', async () => {
    let stderr = '';
    const code = await buildAndWrite(join(mkdtempSync(join(tmpdir(), 'councils-')), 'repo'), { stdout: () => {}, stderr: (t) => void (stderr += t) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: the DfE files are not at \.\.\/shared\/data\/dfe from the repository root \(.*\); see the README's council table section\n$/);
  });

  it('says in one line, exit 2, which file is missing when the folder is there but one file is not (no stack trace)', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'councils-')), 'shared', 'repo');
    const dir = join(root, DFE_DIR);
    mkdirSync(dir, { recursive: true });
    let stderr = '';
    const code = await buildAndWrite(root, { stdout: () => {}, stderr: (t) => void (stderr += t) });
    expect(code).toBe(2);
    expect(stderr).toBe(`error: b1_children_in_need_2013_to_2025.csv is missing from ${dir}; see ../shared/data/README.md for where each file comes from\n`);
  });

  it.skipIf(!present)('refuses a cell given twice by the same file for every source, not only the newest (England 2019 from the 2019-2023 CLA file, the third source)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'councils-dup-'));
    for (const f of readdirSync(dfe)) symlinkSync(join(dfe, f), join(dir, f));
    const old = 'cla_number_and_rate_per_10k_children_2019_2023.csv';
    const text = readFileSync(join(dfe, old), 'utf8');
    const england2019 = text.split('\n').find((l) => l.startsWith('2019,') && l.includes(',National,') && l.includes('looked after at 31 March'))!;
    unlinkSync(join(dir, old));
    writeFileSync(join(dir, old), `${text.trimEnd()}\n${england2019}\n`);
    expect(() => buildCouncils(dir)).toThrow('claAt31March England 2019: two rows in one file (source 3)');
  }, 60_000);

  it('names a characteristic by its words, and one of more than eight words by hand, never cut', () => {
    expect(slug('Foster placements')).toBe('fosterPlacements');
    expect(slug('Left care to live with parents, relatives or other person with no parental responsibility')).toBe('leftCareToLiveWithParentsRelativesOrOthers');
    expect(slug('Placed with parents or other person with parental responsibility')).toBe('placedWithParents');
    expect(() => slug('one two three four five six seven eight nine')).toThrow(/more than eight words/);
  });
});
