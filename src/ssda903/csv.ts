// A CSV reader for the SSDA903 files as councils' systems write them: a byte-order mark, CRLF or LF, quoted fields
// with commas, doubled quotes and line breaks inside. Pure: no Node, no DOM (it runs in the page's worker).

/** One record: its fields and the line of the file it starts on (1 = the header line). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

export interface CsvFile {
  columns: string[];
  records: CsvRecord[];
  /** A quote left open at the end of the file, where it opened. */
  unclosedQuoteAt?: number;
}

/** Splits CSV text into records; the first record is the column names (trimmed). */
export function readCsv(text: string): CsvFile {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteOpenedAt = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const endRecord = () => {
    fields.push(field);
    // A line with nothing on it (a trailing newline, a blank line) is not a record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
    field = '';
  };
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteOpenedAt = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else field += c;
    i++;
  }
  if (field !== '' || fields.length) endRecord();
  const [head, ...rest] = records;
  return { columns: (head?.fields ?? []).map((c) => c.trim()), records: rest, ...(quoted ? { unclosedQuoteAt: quoteOpenedAt } : {}) };
}
