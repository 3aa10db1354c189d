// A reader for liia-tools' SSDA903 column schema (SSDA903_schema_2024.yml), enough for build:903-codes: the
// `column_map` of sections, columns and each column's type, category codes and blankness. Not a YAML parser: it
// reads this file's shapes (block mappings, `- code:` lists with an optional `name:`, one-line or multi-line
// `dictionary: {…}` flow maps, which it skips) and throws on any other line rather than guess.

/** A column as the schema gives it. */
export interface SchemaColumn {
  type: 'string' | 'date' | 'category' | 'numeric';
  /** The type's value: "alphanumeric", "%d/%m/%Y", "integer" ('' for a category). */
  format: string;
  codes: { code: string; name?: string }[];
  canBeBlank: boolean;
}

const unquote = (text: string) => {
  const t = text.trim();
  return /^".*"$/.test(t) ? t.slice(1, -1) : t;
};

/** Section → column → the column's schema, in the file's order. */
export function readSchemaYaml(text: string): Record<string, Record<string, SchemaColumn>> {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const out: Record<string, Record<string, SchemaColumn>> = {};
  let sectionIndent = -1;
  let columnIndent = -1;
  let section: Record<string, SchemaColumn> | undefined;
  let column: (Partial<SchemaColumn> & { codes: SchemaColumn['codes']; name: string }) | undefined;
  const finish = () => {
    if (!column) return;
    const { name, type, format, codes, canBeBlank } = column;
    if (!type || canBeBlank === undefined) throw new Error(`column ${name}: no type or no canbeblank`);
    section![name] = { type, format: format ?? '', codes, canBeBlank };
    column = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const where = `line ${i + 1}`;
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (/^\t| \t/.test(line)) throw new Error(`${where}: a tab in the indentation`);
    const indent = line.length - line.trimStart().length;
    const t = line.trim();
    if (indent === 0) {
      if (t !== 'column_map:') throw new Error(`${where}: expected column_map:, found ${JSON.stringify(t)}`);
      continue;
    }
    const item = /^- code:\s*(.*)$/.exec(t);
    if (item) {
      if (!column || column.type !== 'category') throw new Error(`${where}: a code outside a category`);
      column.codes.push({ code: unquote(item[1]!) });
      continue;
    }
    const kv = /^([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$/.exec(t);
    if (!kv) throw new Error(`${where}: cannot read ${JSON.stringify(t)}`);
    const [key, value] = [kv[1]!, kv[2]!];
    if (sectionIndent < 0 || indent <= sectionIndent) {
      finish();
      if (value) throw new Error(`${where}: section ${key} has a value`);
      sectionIndent = indent;
      columnIndent = -1;
      section = out[key] = {};
    } else if (columnIndent < 0 || indent <= columnIndent) {
      finish();
      if (value || (columnIndent >= 0 && indent !== columnIndent)) throw new Error(`${where}: column ${key} is not where a column can be`);
      columnIndent = indent;
      column = { name: key, codes: [] };
    } else if (key === 'name') {
      const last = column!.codes.at(-1);
      if (!last) throw new Error(`${where}: a name before any code`);
      last.name = unquote(value);
    } else if (key === 'dictionary') {
      // A flow map of other writings, possibly over several lines: skipped to its closing brace.
      let rest = value;
      while (!rest.includes('}')) {
        if (++i >= lines.length) throw new Error(`${where}: a dictionary never closed`);
        rest = lines[i]!;
      }
    } else if (key === 'canbeblank') {
      if (value !== 'yes' && value !== 'no') throw new Error(`${where}: canbeblank ${JSON.stringify(value)}`);
      column!.canBeBlank = value === 'yes';
    } else if (key === 'string' || key === 'date' || key === 'category' || key === 'numeric') {
      if (column!.type) throw new Error(`${where}: column ${column!.name} has two types`);
      column!.type = key;
      column!.format = unquote(value);
    } else throw new Error(`${where}: unknown key ${key}`);
  }
  finish();
  return out;
}
