// The SSDA903 code lists: which codes are valid in which collection year and why not, as the importer asks; and the
// committed src/ssda903/code-lists.json is what `npm run build:903-codes` writes from ../shared/data/ssda903/.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAndWrite, buildCodeLists, CODE_LISTS_JSON, CODES_CSV, parseValidity, SCHEMA_YAML, SSDA903_DIR } from '../../src/cli/dev/build-903-codes';
import { readSchemaYaml } from '../../src/cli/dev/ssda903-schema';
import { CODE_FIELDS, CODE_LIST_YEARS, codeProblem, describe as describeCode, EPISODE_SPECS, HEADER_SPECS, validCodes, yearLabel } from '../../src/ssda903/codes';
import { ROOT } from '../helpers/scenarios';

const shared = join(ROOT, SSDA903_DIR);
const present = existsSync(shared);

describe('SSDA903 codes', () => {
  it('SEX 1 and 2 are valid to 2023-24 (and in the years before the lists) and refused from 2024-25, saying when they were valid', () => {
    for (const code of ['1', '2']) {
      for (const year of [2017, 2022, 2023, undefined]) expect(codeProblem('SEX', code, year)).toBeUndefined();
      for (const year of [2024, 2025]) expect(codeProblem('SEX', code, year)).toMatch(new RegExp(`^SEX "${code}" \\((Male|Female)\\) is not valid in ${yearLabel(year)}: it is valid up to 2023-24$`));
    }
  });

  it('SEX M, F and U are valid from 2024-25 and refused before, a year before the lists saying which list it was taken to use', () => {
    for (const code of ['M', 'F', 'U']) {
      for (const year of [2024, 2025, undefined]) expect(codeProblem('SEX', code, year)).toBeUndefined();
      expect(codeProblem('SEX', code, 2023)).toMatch(new RegExp(`^SEX "${code}" \\(\\w+\\) is not valid in 2023-24: it is valid from 2024-25$`));
    }
    expect(codeProblem('SEX', 'M', 2019)).toBe('SEX "M" (Male) is not valid in 2019-20: it is valid from 2024-25 (the lists run 2022-23 to 2025-26; 2019-20 is taken to use the 2022-23 list)');
  });

  it('PLACE K3 is valid from 2024-25 only; its lower-case writing k3 is taken as K3 without a word, and refused before 2024-25 as K3 is', () => {
    for (const code of ['K3', 'k3']) {
      for (const year of [2024, 2025, undefined]) expect(codeProblem('PLACE', code, year)).toBeUndefined();
      for (const year of [2022, 2023]) expect(codeProblem('PLACE', code, year)).toContain(`is not valid in ${yearLabel(year)}: it is valid from 2024-25`);
    }
    expect(codeProblem('PLACE', 'k3', 2023)).toBe('PLACE "k3" (K3, Registered supported accommodation) is not valid in 2023-24: it is valid from 2024-25');
    expect(describeCode('PLACE', 'k3')).toBe('Registered supported accommodation');
  });

  it('PLACE H5, P2 and Z1 are valid to 2024-25 and refused in 2025-26', () => {
    for (const code of ['H5', 'P2', 'Z1']) {
      for (const year of [2022, 2023, 2024]) expect(codeProblem('PLACE', code, year)).toBeUndefined();
      expect(codeProblem('PLACE', code, 2025)).toMatch(new RegExp(`^PLACE "${code}" \\(.+\\) is not valid in 2025-26: it is valid up to 2024-25$`));
    }
  });

  it('PLACE Z11 to Z14 are valid only in 2025-26, and have no description in the sources', () => {
    for (const code of ['Z11', 'Z12', 'Z13', 'Z14']) {
      expect(codeProblem('PLACE', code, 2025)).toBeUndefined();
      for (const year of [2022, 2023, 2024]) expect(codeProblem('PLACE', code, year)).toBe(`PLACE "${code}" is not valid in ${yearLabel(year)}: it is valid from 2025-26`);
      expect(describeCode('PLACE', code)).toBeUndefined();
    }
    expect(validCodes('PLACE', 2025).filter((c) => /^Z/.test(c))).toEqual(['Z11', 'Z12', 'Z13', 'Z14']);
    expect(validCodes('PLACE', 2023).filter((c) => /^Z/.test(c))).toEqual(['Z1']);
  });

  it('REC E43 and E44 are refused in every year as legacy codes, and E99 as not a DfE code, each with its reason', () => {
    for (const year of [2017, 2024, undefined]) {
      expect(codeProblem('REC', 'E43', year)).toBe('REC "E43" (Special guardianship made to former foster carers) is a legacy code, valid in no year: NOT in rule_149 valid list (LAIT SGO methodology text still cites E43/E44)');
      expect(codeProblem('REC', 'E44', year)).toMatch(/^REC "E44" \(.+\) is a legacy code, valid in no year: NOT in rule_149 valid list/);
      expect(codeProblem('REC', 'E99', year)).toBe('REC "E99" (Not recorded (rule-fixed episode)) is not a DfE code, valid in no year: LIIA/Social Finance fix code (liia-tools episodes fix rules)');
    }
    for (const code of ['X1', 'E11', 'E4A', 'E17', 'E8']) expect(codeProblem('REC', code, 2024)).toBeUndefined();
  });

  it('names an unknown field, and an unknown code with its field; a code in another case is refused, with the code it may mean', () => {
    expect(codeProblem('COLOUR', 'X', 2024)).toBe(`COLOUR is not a coded SSDA903 field (the coded fields are ${CODE_FIELDS.join(', ')})`);
    expect(codeProblem('PLACE', 'Q9', 2024)).toBe('PLACE "Q9" is not a placement type code');
    expect(codeProblem('LS', 'c2', 2024)).toBe('LS "c2" is not a legal status code (codes are compared as written: C2 is one)');
    expect(codeProblem('RNE', ' S', 2024)).toBe('RNE " S" is not a reason for new episode code (codes are compared as written: S is one)');
    expect(codeProblem('REC', '', 2024)).toBe('REC is blank, which is not a reason episode ceased code');
    expect(describeCode('COLOUR', 'X')).toBeUndefined();
    expect(describeCode('PLACE', 'Q9')).toBeUndefined();
    expect(() => codeProblem('SEX', 'M', 2024.5)).toThrow(RangeError);
  });

  it('every field of the CSV is there, the codes valid in every year with their descriptions, and ETHNIC and MOTHER from the schema', () => {
    expect(CODE_FIELDS).toEqual(['RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'REC', 'REASON_PLACE_CHANGE', 'SEX', 'ETHNIC', 'MOTHER']);
    expect(CODE_LIST_YEARS).toMatchObject({ first: 2022, last: 2025 });
    for (const [field, code] of [['RNE', 'S'], ['LS', 'V2'], ['CIN', 'N1'], ['PLACE_PROVIDER', 'PR4'], ['REASON_PLACE_CHANGE', 'CUSTOD'], ['ETHNIC', 'WBRI'], ['MOTHER', '1']] as const)
      for (const year of [2010, 2022, 2025, 2030]) expect(codeProblem(field, code, year)).toBeUndefined();
    expect(describeCode('RNE', 'S')).toBe('Started to be looked-after');
    expect(describeCode('ETHNIC', 'WBRI')).toBe('White British');
    expect(validCodes('SEX', 2023)).toEqual(['1', '2']);
    expect(validCodes('SEX', 2024)).toEqual(['M', 'F', 'U']);
  });

  it('gives each column of the header and episodes files its type and whether it may be blank, in the files\' order', () => {
    expect(HEADER_SPECS.map((c) => c.name)).toEqual(['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB']);
    expect(EPISODE_SPECS.map((c) => c.name)).toEqual(['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN']);
    const spec = (name: string) => EPISODE_SPECS.find((c) => c.name === name);
    expect(spec('DECOM')).toEqual({ name: 'DECOM', type: 'date', format: 'dd/mm/yyyy', canBeBlank: false });
    expect(spec('DEC')).toEqual({ name: 'DEC', type: 'date', format: 'dd/mm/yyyy', canBeBlank: true });
    expect(spec('PLACE')).toEqual({ name: 'PLACE', type: 'code', canBeBlank: false });
    expect(spec('REC')).toEqual({ name: 'REC', type: 'code', canBeBlank: true });
    expect(spec('URN')).toEqual({ name: 'URN', type: 'text', canBeBlank: true });
    for (const c of [...HEADER_SPECS, ...EPISODE_SPECS]) if (c.type === 'code') expect(CODE_FIELDS).toContain(c.name);
  });
});

describe('build:903-codes', () => {
  // The SSDA903 files live beside the repository (../shared/data/ssda903), not in it: without them this test cannot run.
  it.skipIf(!present)(
    present ? 'rebuilding the code lists from the CSV and YAML reproduces the committed src/ssda903/code-lists.json byte for byte' : `rebuilding the code lists cannot run here: ${SSDA903_DIR} (from the repository root) is absent`,
    () => {
      expect(buildCodeLists(shared) === readFileSync(join(ROOT, CODE_LISTS_JSON), 'utf8')).toBe(true);
    },
  );

  it.skipIf(!present)('refuses a schema whose category list is not the CSV\'s 2023-24 list, naming the field and both lists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssda903-'));
    writeFileSync(join(dir, CODES_CSV), readFileSync(join(shared, CODES_CSV), 'utf8'));
    writeFileSync(join(dir, SCHEMA_YAML), readFileSync(join(shared, SCHEMA_YAML), 'utf8').replace(/\r?\n {7}- code: "Z1"/, ''));
    expect(() => buildCodeLists(dir)).toThrow(/^PLACE: SSDA903_schema_2024\.yml lists A3 .* U6, the CSV's 2023-24 list A3 .* Z1$/);
  });

  it('reads each way the CSV gives validity, and refuses one it cannot read', () => {
    expect(parseValidity('valid list: x @1234567 lac2022_23/rule_143', 2022, 2025)).toEqual({ years: [2022, 2023, 2024, 2025], writings: [] });
    expect(parseValidity('2022-23..2023-24 (rule_146 lac2022_23); 2024-25 (rule_146 lac2024_25; K3 written "k3") [v @1234567]', 2022, 2025)).toEqual({ years: [2022, 2023, 2024], writings: [['k3', 'K3']] });
    expect(parseValidity('to 2023-24 (liia-tools schema 2017-2024)', 2022, 2025).years).toEqual([2022, 2023]);
    expect(parseValidity('from 2024-25', 2022, 2025).years).toEqual([2024, 2025]);
    expect(parseValidity('legacy code; NOT in rule_149 valid list', 2022, 2025)).toMatchObject({ years: [], invalid: { kind: 'legacy', reason: 'NOT in rule_149 valid list' } });
    expect(parseValidity('LIIA fix code, not a DfE code (rules)', 2022, 2025)).toMatchObject({ years: [], invalid: { kind: 'not-dfe', reason: 'LIIA fix code (rules)' } });
    expect(() => parseValidity('valid some years', 2022, 2025)).toThrow(/cannot read the validity "valid some years"/);
    expect(() => parseValidity('2024-26 (x)', 2022, 2025)).toThrow(/not a collection year/);
  });

  it('reads the schema\'s columns, types, codes and blankness, skipping multi-line dictionaries, and refuses a line it cannot read', () => {
    const yaml = 'column_map:\r\n  Header:\r\n    SEX:\r\n     category:\r\n     - code: "1"\r\n       name: "Male"\r\n     dictionary: {"Male" : "1",\r\n                  "Female" : "2"}\r\n     canbeblank: no\r\n    DOB:\r\n     date: "%d/%m/%Y"\r\n     canbeblank: yes\r\n';
    expect(readSchemaYaml(yaml)).toEqual({ Header: { SEX: { type: 'category', format: '', codes: [{ code: '1', name: 'Male' }], canBeBlank: false }, DOB: { type: 'date', format: '%d/%m/%Y', codes: [], canBeBlank: true } } });
    expect(() => readSchemaYaml('column_map:\n  Header:\n    SEX:\n     category: [1, 2]\n     what is this\n')).toThrow(/line 5: cannot read/);
  });

  it('says in one line, exit 2, that the SSDA903 folder is absent', async () => {
    let stderr = '';
    const code = await buildAndWrite(join(mkdtempSync(join(tmpdir(), 'ssda903-')), 'repo'), { stdout: () => {}, stderr: (t) => void (stderr += t) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: the SSDA903 files are not at \.\.\/shared\/data\/ssda903 from the repository root \(.*\)\n$/);
  });
});
