// `npm run build:903-codes`: reads the SSDA903 code lists (../shared/data/ssda903/ssda903_code_lists.csv) and the
// liia-tools column schema (SSDA903_schema_2024.yml) and writes src/ssda903/code-lists.json, which the importer reads
// in the page's worker (the project never reads ../shared at run time). This script, not the JSON, is the source of
// truth: test/ssda903/codes.test.ts rebuilds the JSON and compares it byte for byte.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitQuietlyOnClosedPipe, isEntry, processIo, runCommand, type CliIo } from '../main-helpers';
import { UsageError } from '../options';
import type { CodeField, ColumnSpec } from '../../ssda903/codes';
import { parseCsv } from './council-sources';
import { readSchemaYaml, type SchemaColumn } from './ssda903-schema';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Where the SSDA903 files are, from the repository root. */
export const SSDA903_DIR = '../shared/data/ssda903';
export const CODES_CSV = 'ssda903_code_lists.csv';
export const SCHEMA_YAML = 'SSDA903_schema_2024.yml';
export const CODE_LISTS_JSON = 'src/ssda903/code-lists.json';

/** DfE's names for the coded fields, for messages ("not a placement type code"); the files do not carry them. */
const LABELS: Record<string, string> = {
  SEX: 'sex',
  ETHNIC: 'ethnic origin',
  MOTHER: 'mother (whether the child is a mother)',
  RNE: 'reason for new episode',
  LS: 'legal status',
  CIN: 'category of need',
  PLACE: 'placement type',
  PLACE_PROVIDER: 'placement provider',
  REC: 'reason episode ceased',
  REASON_PLACE_CHANGE: 'reason for placement change',
};

/** The CSV's placeholder where no description was found: written as null, not shown as a description. */
const NO_DESCRIPTION = 'NO DESCRIPTION FOUND in any file read';
const SCHEMA_LICENCE = 'MIT © 2022 Social Finance Digital Labs';
const SCHEMA_SOURCE = 'SocialFinanceDigitalLabs/liia-tools @0dd821c liiatools/spec/s903/SSDA903_schema_2024.yml';

interface Validity {
  years: number[];
  invalid?: { kind: 'legacy' | 'not-dfe'; reason: string };
  /** Other writings the source notes ("K3 written "k3"": k3 → K3). */
  writings: [written: string, code: string][];
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** "2024-25" → 2024; anything else (or "2024-26") is an error. */
export function yearOf(label: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) throw new Error(`${JSON.stringify(label)} is not a collection year written yyyy-yy`);
  return Number(m[1]);
}

/** Every collection year a validity text names ("2022-23", "lac2024_25"). */
function yearsNamed(text: string): number[] {
  return [...text.matchAll(/\b(\d{4})-(\d{2})\b|lac(\d{4})_(\d{2})\b/g)].map((m) => yearOf(m[1] ? `${m[1]}-${m[2]}` : `${m[3]}-${m[4]}`));
}

/** Splits on "; " outside parentheses and brackets. */
function splitTop(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ';' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}

/** Reads a validity_and_list_source cell, given the first and last collection years the file knows. */
export function parseValidity(text: string, first: number, last: number): Validity {
  const writings = [...text.matchAll(/\b(\w+) written "(\w+)"/g)].map((m): [string, string] => [m[2]!, m[1]!]);
  const all = { years: range(first, last), writings };
  // A list with no years named is the list of every year the file knows (the validator's 2022-23 rule files).
  if (/^valid list: /.test(text) || /^category list: /.test(text)) return all;
  if (/^legacy code; /.test(text)) return { years: [], invalid: { kind: 'legacy', reason: text.replace(/^legacy code; /, '') }, writings };
  if (/not a DfE code/.test(text)) return { years: [], invalid: { kind: 'not-dfe', reason: text.replace(/,? *not a DfE code/, '') }, writings };
  let m = /^to (\d{4}-\d{2})\b/.exec(text);
  if (m) return { years: range(first, yearOf(m[1]!)), writings };
  m = /^from (\d{4}-\d{2})\b/.exec(text);
  if (m) return { years: range(yearOf(m[1]!), last), writings };
  // "2022-23..2023-24 (…); 2024-25 (…); 2025-26 (…) [source]"
  const years: number[] = [];
  for (const part of splitTop(text.replace(/\s*\[[^\]]*\]$/, ''))) {
    const p = /^(\d{4}-\d{2})(?:\.\.(\d{4}-\d{2}))?(?: \(.*\))?$/.exec(part);
    if (!p) throw new Error(`cannot read the validity ${JSON.stringify(text)} (at ${JSON.stringify(part)})`);
    years.push(...range(yearOf(p[1]!), yearOf(p[2] ?? p[1]!)));
  }
  if (!years.length) throw new Error(`no years in the validity ${JSON.stringify(text)}`);
  return { years: [...new Set(years)].sort((a, b) => a - b), writings };
}

function columnOut(name: string, c: SchemaColumn): ColumnSpec {
  if (c.type === 'date') {
    if (c.format !== '%d/%m/%Y') throw new Error(`${name}: date format ${c.format}, not %d/%m/%Y`);
    return { name, type: 'date', format: 'dd/mm/yyyy', canBeBlank: c.canBeBlank };
  }
  if (c.type === 'category') return { name, type: 'code', canBeBlank: c.canBeBlank };
  if (c.type === 'string') return { name, type: 'text', canBeBlank: c.canBeBlank };
  throw new Error(`${name}: a ${c.type} column in the header or episodes file`);
}

/** The collection year of liia-tools' 2024 schema (the 2023-24 return): its category lists must be the CSV's for that year. */
const SCHEMA_YEAR = 2023;

const label = (year: number) => `${year}-${String((year + 1) % 100).padStart(2, '0')}`;

interface Row {
  field: string;
  code: string;
  description: string;
  validity: string;
  descriptionSource: string;
}

/** The CSV's fields and their codes, each code's years read from its validity for the file's years `first` to `last`. */
function codeFields(table: Row[], first: number, last: number): Record<string, CodeField> {
  const fields: Record<string, CodeField> = {};
  for (const r of table) {
    const fieldLabel = LABELS[r.field];
    if (!fieldLabel) throw new Error(`${CODES_CSV}: field ${r.field} has no label in build-903-codes.ts`);
    const f = (fields[r.field] ??= { label: fieldLabel, codes: {} });
    if (Object.hasOwn(f.codes, r.code)) throw new Error(`${CODES_CSV}: ${r.field} ${r.code} twice`);
    const v = parseValidity(r.validity, first, last);
    f.codes[r.code] = { description: r.description === NO_DESCRIPTION ? null : r.description, years: v.years, ...(v.invalid ? { invalid: v.invalid } : {}), source: r.validity };
    for (const [written, code] of v.writings) (f.writings ??= {})[written] = code;
  }
  for (const [name, f] of Object.entries(fields))
    for (const [written, code] of Object.entries(f.writings ?? {}))
      if (!Object.hasOwn(f.codes, code) || Object.hasOwn(f.codes, written)) throw new Error(`${name}: ${code} written ${JSON.stringify(written)} is not a code's other writing`);
  return fields;
}

/**
 * The header's and episodes' columns from the YAML. A coded column the CSV lists must have the CSV's codes of
 * SCHEMA_YEAR; one it does not (ETHNIC, MOTHER) is added to `fields` from the YAML, its list taken for every year.
 */
function columnsOf(yaml: string, fields: Record<string, CodeField>, first: number, last: number): Record<'header' | 'episodes', ColumnSpec[]> {
  const schema = readSchemaYaml(yaml);
  const columns = (section: string) => {
    const cols = schema[section];
    if (!cols) throw new Error(`${SCHEMA_YAML} has no ${section} section`);
    return Object.entries(cols).map(([name, c]) => {
      const f = fields[name];
      if (c.type === 'category' && f) {
        const [listed, then] = [c.codes.map((x) => x.code), Object.keys(f.codes).filter((code) => f.codes[code]!.years.includes(SCHEMA_YEAR))];
        if ([...listed].sort().join() !== [...then].sort().join()) throw new Error(`${name}: ${SCHEMA_YAML} lists ${listed.join(' ')}, the CSV's ${label(SCHEMA_YEAR)} list ${then.join(' ')}`);
      } else if (c.type === 'category') {
        const fieldLabel = LABELS[name];
        if (!fieldLabel) throw new Error(`${SCHEMA_YAML}: coded column ${name} has no label in build-903-codes.ts`);
        const source = `category list: ${SCHEMA_SOURCE}`;
        fields[name] = { label: fieldLabel, codes: Object.fromEntries(c.codes.map((x) => [x.code, { description: x.name ?? null, years: range(first, last), source }])) };
      }
      return columnOut(name, c);
    });
  };
  const out = { header: columns('Header'), episodes: columns('Episodes') };
  for (const name of Object.keys(fields)) if (![...out.header, ...out.episodes].some((c) => c.name === name && c.type === 'code')) throw new Error(`${name} is not a coded column of the header or episodes file`);
  return out;
}

/** Builds the JSON's text from the CSV and YAML in `dir`. */
export function buildCodeLists(dir: string): string {
  const read = (file: string) => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new UsageError(`${file} is missing from ${dir}; see ../shared/data/README.md, its ssda903/ section`);
    return readFileSync(path, 'utf8');
  };
  const { header, rows } = parseCsv(read(CODES_CSV));
  const expected = ['field', 'code', 'description', 'validity_and_list_source', 'description_source'];
  if (header.join() !== expected.join()) throw new Error(`${CODES_CSV}: columns ${header.join(', ')}, expected ${expected.join(', ')}`);
  const table = rows.filter((r) => r.some((c) => c.trim() !== '')).map(([field, code, description, validity, descriptionSource]): Row => ({ field: field!, code: code!, description: description!, validity: validity!, descriptionSource: descriptionSource! }));
  const named = table.flatMap((r) => yearsNamed(r.validity));
  const [first, last] = [Math.min(...named), Math.max(...named)];
  const fields = codeFields(table, first, last);
  const columns = columnsOf(read(SCHEMA_YAML), fields, first, last);
  // The repositories the CSV names with a commit ("owner/name [path] @commit").
  const repositories = [...new Set(table.flatMap((r) => [r.validity, r.descriptionSource]).flatMap((t) => [...t.matchAll(/([\w.-]+\/[\w.-]+)(?: [\w./-]+)? @([0-9a-f]{7,40})\b/g)].map((m) => `${m[1]} @${m[2]}`)))].sort();
  const out = {
    schemaVersion: 1,
    provenance: {
      codeLists: `${SSDA903_DIR}/${CODES_CSV}: codes and their validity from the repositories below (the validator's rule files), descriptions from data-to-insight/patch`,
      schema: `${SSDA903_DIR}/${SCHEMA_YAML}, from ${SCHEMA_SOURCE}, licence ${SCHEMA_LICENCE}: the header's and episodes' columns, their types and blankness; the ETHNIC and MOTHER code lists`,
      repositories,
      builtBy: 'npm run build:903-codes (src/cli/dev/build-903-codes.ts)',
    },
    years: {
      first,
      last,
      note: `A collection year is the calendar year it starts in (2024 for 2024-25). Years before ${label(first)} are taken to use the ${label(first)} list (the validator's "valid list" rule files are those of ${label(first)}); years after ${label(last)}, the ${label(last)} list.`,
    },
    fields,
    columns,
  };
  return `${render(out)}\n`;
}

/** JSON one line per code and per column (a code's entry, a column's, an array of plain values on one line); the rest opened. */
function render(value: unknown, depth = 0, inArray = false): string {
  const plain = (v: unknown) => v === null || typeof v !== 'object';
  if (plain(value) || depth >= 4 || inArray || (Array.isArray(value) && value.every(plain))) return JSON.stringify(value);
  const [indent, inner] = ['  '.repeat(depth), '  '.repeat(depth + 1)];
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + render(v, depth + 1, true)).join(',\n')}\n${indent}]`;
  return `{\n${Object.entries(value as object).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, depth + 1)}`).join(',\n')}\n${indent}}`;
}

/** Builds from `root`/../shared/data/ssda903 and writes the JSON under `root`; 2 with one line when the folder or a file is absent. */
export function buildAndWrite(root: string, io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const dir = join(root, SSDA903_DIR);
    if (!existsSync(dir)) throw new UsageError(`the SSDA903 files are not at ${SSDA903_DIR} from the repository root (${dir})`);
    const text = buildCodeLists(dir);
    writeFileSync(join(root, CODE_LISTS_JSON), text);
    io.stdout(`wrote ${CODE_LISTS_JSON} (${(text.length / 1024).toFixed(0)} KiB)\n`);
  });
}

if (isEntry(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await buildAndWrite(ROOT, processIo);
}
